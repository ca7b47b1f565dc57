import { describe, expect, it } from 'vitest';
import { SCENE_LIMITS } from '../hub/contract.ts';
import { checkImport } from './scene-import.ts';
import { scene } from './designer-fixture.ts';

const file = (v: unknown) => JSON.stringify(v, null, 2);

describe('scene import checks', () => {
  it('takes a current-format scene as it is', () => {
    const res = checkImport(file(scene()));
    expect(res).toEqual({ ok: true, scene: scene(), migratedFrom: null });
  });

  it('migrates a format-1 file to the current format', () => {
    const { description: _, ...rest } = scene();
    const res = checkImport(file({ ...rest, schemaVersion: 1 }));
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.migratedFrom).toBe(1);
      expect(res.scene.schemaVersion).toBe(2);
      expect(res.scene.description).toBe('');
    }
  });

  it.each([
    ['not JSON', '{"schemaVersion": 2,', /Not a JSON file/],
    ['not an object', '[1, 2, 3]', /Not a usable scene: not a scene: expected a JSON object/],
    ['a string', '"scene"', /not a scene/],
    ['no format', file({ ...scene(), schemaVersion: undefined }), /schemaVersion: missing/],
    ['a newer format', file({ ...scene(), schemaVersion: 3 }), /From a newer OneScreen: .*format 3.*formats 1 to 2/],
    ['an unknown layer kind', file(scene({ layers: [{ id: 'x', kind: 'overview.nope', visible: true, style: {} }] })), /unknown layer kind "overview\.nope"/],
    ['an unknown module', file(scene({ modules: ['nope'] })), /unknown module "nope"/],
    ['an unknown panel kind', file(scene({ panels: [{ kind: 'overview.nope', slot: 'left-1' }] })), /unknown panel kind/],
    ['a bad style', file(scene({ layers: [{ id: 'd', kind: 'overview.district-columns', visible: true, style: { glitter: true } }] })), /style.*glitter/],
  ])('refuses %s with a clear message', (_, text, message) => {
    const res = checkImport(text);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(message);
  });

  it('refuses a file past the size limit without parsing it', () => {
    const big = file(scene()) + ' '.repeat(SCENE_LIMITS.maxFileBytes);
    const res = checkImport(big);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/File too large: \d+ KB, at most 512 KB/);
    // The size counted is the file's bytes, not its characters: Chinese text is 3 bytes a character.
    const res2 = checkImport('{}', SCENE_LIMITS.maxFileBytes + 1);
    expect(!res2.ok && res2.error).toMatch(/too large/);
  });
});
