import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkScene, sceneTopics } from './scene-validation.ts';
import { LAYER_KINDS, PANEL_KINDS } from './registry.ts';

const SCENES_DIR = new URL('../../scenes/', import.meta.url);
const files = readdirSync(SCENES_DIR).filter((f) => f.endsWith('.json'));
const read = (f: string) => JSON.parse(readFileSync(new URL(f, SCENES_DIR), 'utf8'));
const overview = () => read('01-overview.json');

const failure = (raw: unknown) => {
  const r = checkScene(raw);
  if (r.ok) throw new Error('expected the scene to be refused');
  return r.error;
};

describe('scene files', () => {
  it.each(files)('%s is a valid scene', (f) => {
    const r = checkScene(read(f));
    expect(r.ok ? 'ok' : r.error).toBe('ok');
  });

  it('have unique ids, and the overview comes first', () => {
    const ids = files.sort().map((f) => read(f).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('overview');
  });

  it('every registered layer and panel kind is used by some scene', () => {
    // The generic kinds are for designers building views of their own: the kit's example scene
    // (a template in the designer, validated by the kit's own tests) stands for them.
    const example = JSON.parse(readFileSync(new URL('./kit/example-scene.json', import.meta.url), 'utf8'));
    const scenes = [...files.map(read), example];
    const layerKinds = new Set(scenes.flatMap((s) => s.layers.map((l: { kind: string }) => l.kind)));
    const panelKinds = new Set(scenes.flatMap((s) => s.panels.map((p: { kind: string }) => p.kind)));
    expect([...LAYER_KINDS.keys()].filter((k) => !layerKinds.has(k))).toEqual([]);
    expect([...PANEL_KINDS.keys()].filter((k) => !panelKinds.has(k))).toEqual([]);
  });
});

describe('checkScene names the offending field', () => {
  it('in the shape', () => {
    expect(failure({ ...overview(), schemaVersion: 3 })).toMatch(/^schemaVersion: this scene was written by a newer OneScreen/);
    expect(failure({ ...overview(), id: 'Bad Id' })).toMatch(/^id:/);
    expect(failure({ ...overview(), camera: { ...overview().camera, zoom: 40 } })).toMatch(/^camera\.zoom:/);
    const twice = overview();
    twice.panels[1].slot = twice.panels[0].slot;
    expect(failure(twice)).toMatch(/^panels\.1\.slot: slot "left-1" used twice/);
    const dup = overview();
    dup.layers.push({ ...dup.layers[0] });
    expect(failure(dup)).toMatch(new RegExp(`^layers\\.${dup.layers.length - 1}\\.id: duplicate layer id`));
  });

  it('against the registry', () => {
    const s = overview();
    s.layers[0].kind = 'overview.no-such-layer';
    expect(failure(s)).toMatch(/^layers\.0\.kind: unknown layer kind "overview\.no-such-layer" \(known: /);
    const p = overview();
    p.panels[2].kind = 'overview.nope';
    expect(failure(p)).toMatch(/^panels\.2\.kind: unknown panel kind/);
    const m = overview();
    m.modules = ['overview', 'teleport'];
    expect(failure(m)).toMatch(/^modules\.1: unknown module "teleport"/);
    const st = overview();
    st.layers[0].style = { colour: 'red' };
    expect(failure(st)).toMatch(/^layers\.0\.style\.colour: "overview\.district-columns" has no style "colour"/);
    const ty = overview();
    ty.layers[0].style = { opacity: 'high' };
    expect(failure(ty)).toMatch(/^layers\.0\.style\.opacity: expected a number/);
    const range = overview();
    range.layers[0].style = { opacity: 1.5 };
    expect(failure(range)).toMatch(/^layers\.0\.style\.opacity: Too big/);
    const t = overview();
    t.layers[0].topic = 'nowhere.topic';
    expect(failure(t)).toMatch(/^layers\.0\.topic: unknown topic/);
  });

  it('a layer or panel of a module the scene does not list is refused', () => {
    const s = overview();
    s.modules = ['weather'];
    expect(failure(s)).toMatch(/belongs to module "overview", which the scene does not list/);
  });

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = checkScene(raw);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a scene with a field replaced by junk, naming a field', () => {
    const keys = Object.keys(overview());
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer())), (key, junk) => {
        const s = { ...overview(), [key]: junk };
        const r = checkScene(s);
        if (!r.ok) expect(r.error).toMatch(/^[a-zA-Z]+[.:\d a-zA-Z-]*:|^\(root\)/);
      }),
    );
  });
});

describe('layer kind styles', () => {
  it.each([...LAYER_KINDS.values()].map((k) => [k.kind, k] as const))('%s: every field has a default and a description; {} is its default style', (_, kind) => {
    for (const [key, field] of Object.entries(kind.style.shape)) {
      expect(field.description, `${kind.kind}.${key}`).toMatch(/\S/);
      expect(field.safeParse(undefined).success, `${kind.kind}.${key} has a default`).toBe(true);
    }
    expect(kind.style.safeParse({}).success).toBe(true);
    expect(kind.style.safeParse({ noSuchKey: 1 }).success).toBe(false);
  });
});

describe('sceneTopics', () => {
  it('lists the topics of visible layers and panels only', () => {
    for (const f of files) {
      const check = checkScene(read(f));
      if (!check.ok) continue;
      const topics = sceneTopics(check.scene);
      const hidden = { ...check.scene, layers: check.scene.layers.map((l) => ({ ...l, visible: false })), panels: [] };
      expect(sceneTopics(hidden)).toEqual([]);
      expect(topics).toEqual([...new Set(topics)].sort());
    }
  });
});
