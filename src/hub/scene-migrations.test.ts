import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENE_SCHEMA_VERSION, type Scene } from './contract.ts';
import { parseScene, SceneV1Schema, type SceneV1 } from './scene-migrations.ts';
import { loadBundledScenes } from '../app/bundled-scenes.ts';
import { checkScene, sceneTopics } from '../modules/scene-validation.ts';
import { REGISTRY } from '../modules/registry.ts';
import { shownLayers } from '../core/scene-view.ts';
import v1Weather from './fixtures/scene-v1-weather.json' with { type: 'json' };
import v1Overview from './fixtures/scene-v1-overview.json' with { type: 'json' };

const shipped = loadBundledScenes().scenes;

/** A format-1 file as the shipped scene would have been written before format 2. */
function asV1(scene: Scene): SceneV1 {
  const { description: _, schemaVersion: __, ...rest } = scene;
  return SceneV1Schema.parse({ ...rest, schemaVersion: 1, panels: scene.panels.filter((p) => /-[1-4]$/.test(p.slot)) });
}

/** What the renderer is handed for a scene: its shown layers with parsed styles, and its topics. */
function rendered(scene: Scene) {
  const layers = shownLayers(scene, REGISTRY, undefined).map(({ layer, kind }) => ({ id: layer.id, kind: kind.kind, style: kind.style.parse(layer.style) }));
  return { layers, topics: sceneTopics(scene), panels: scene.panels, camera: scene.camera, city: scene.city };
}

describe('format-1 scene files', () => {
  it('load as format 2, with nothing of theirs lost', () => {
    for (const file of [v1Weather, v1Overview]) {
      const parsed = parseScene(file);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.migratedFrom).toBe(1);
      expect(parsed.scene.schemaVersion).toBe(SCENE_SCHEMA_VERSION);
      expect(parsed.scene.description).toBe('');
      const { schemaVersion: _, ...rest } = file as Record<string, unknown>;
      expect(parsed.scene).toMatchObject(rest);
      expect(checkScene(file).ok).toBe(true);
    }
  });

  it('property: any format-1 scene migrates to a valid format-2 scene that renders the same layers, panels and camera', () => {
    const v1 = fc
      .record({
        base: fc.constantFrom(...shipped),
        keep: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        visible: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        pitch: fc.integer({ min: 0, max: 75 }),
      })
      .map(({ base, keep, visible, pitch }) => {
        const file = asV1(base);
        return { ...file, camera: { ...file.camera, pitch }, layers: file.layers.filter((_, i) => keep[i]).map((l, i) => ({ ...l, visible: visible[i] })) };
      });
    fc.assert(
      fc.property(v1, (file) => {
        const migrated = checkScene(file);
        expect(migrated.ok).toBe(true);
        if (!migrated.ok) return;
        expect(migrated.scene.schemaVersion).toBe(2);
        const asWritten = SceneV1Schema.parse(file);
        expect(rendered(migrated.scene)).toEqual(rendered({ ...asWritten, schemaVersion: 2, description: '' }));
      }),
      { numRuns: 150 },
    );
  });

  it('keep their own errors, named, with the format said', () => {
    const parsed = parseScene({ ...v1Weather, layers: [{ id: 'Rain!', kind: 'weather.rain' }] });
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^layers\.0\.id: .*\(in a format-1 scene\)$/) });
    // Format 1 had four slots a side: a fifth is an error in a v1 file, not silently moved.
    const fifth = parseScene({ ...v1Weather, panels: [{ kind: 'weather.forecast', slot: 'left-5' }] });
    expect(fifth.ok).toBe(false);
  });
});

describe('files that are not scenes of a known format', () => {
  it.each([
    [null, /^not a scene: expected a JSON object$/],
    [[1, 2], /^not a scene/],
    ['{"id":"x"}', /^not a scene/],
    [{ id: 'x' }, /^schemaVersion: missing/],
    [{ schemaVersion: '2' }, /^schemaVersion: expected a whole number/],
    [{ schemaVersion: 0 }, /^schemaVersion: expected a whole number/],
    [{ schemaVersion: 1.5 }, /^schemaVersion: expected a whole number/],
    [{ schemaVersion: 3, id: 'future' }, /^schemaVersion: this scene was written by a newer OneScreen \(format 3\); this one reads formats 1 to 2$/],
  ])('%j is refused with the reason', (raw, error) => {
    const parsed = parseScene(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('property: nothing thrown, whatever the input', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => void parseScene(raw)));
    fc.assert(fc.property(fc.record({ schemaVersion: fc.constantFrom(1, 2), id: fc.string(), layers: fc.anything() }), (raw) => {
      expect(parseScene(raw).ok).toBe(false);
    }));
  });
});
