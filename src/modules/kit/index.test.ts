import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYER_KINDS, MODULE_IDS, REGISTRY } from '../registry.ts';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { buildSceneFrame } from '../../twin/scene-layers.ts';
import { CHECKPOINTS, DISTRICTS, PAIRS, POVERTY_DISTRICTS, ROADS, T0, topicValue, vehicles } from './test-fixtures.ts';
import { kitModule } from './index.ts';
import { SOURCES, topicsWith } from './sources.ts';
import type { LayerKind } from '../../core/module-api.ts';

/** Every topic a kind can read: its default and the others it accepts. */
const readable = (k: LayerKind) => [k.topic!, ...(k.acceptsTopics ?? [])].sort();

const example = JSON.parse(readFileSync(new URL('./example-scene.json', import.meta.url), 'utf8'));

/** A scene of format 1 (migrated on load): the checks below do not depend on the current format. */
const scene = (layers: unknown[]) => ({
  schemaVersion: 1,
  id: 'kit-test',
  title: '通用图层',
  titleEn: 'Generic layers',
  modules: ['kit'],
  camera: { center: [106.55, 29.57], zoom: 10 },
  layers,
  panels: [],
});

const error = (raw: unknown) => {
  const r = checkScene(raw);
  return r.ok ? 'ok' : r.error;
};

describe('the kit module', () => {
  it('is registered: its id and every kind', () => {
    expect(kitModule).toMatchObject({ id: 'kit', title: '通用图层', titleEn: 'Generic layers', panels: [] });
    expect(MODULE_IDS.has('kit')).toBe(true);
    for (const k of kitModule.layers) {
      expect(k.kind.startsWith('kit.')).toBe(true);
      expect(LAYER_KINDS.get(k.kind)).toBe(k);
    }
  });

  it('every kind reads only topics with geometry it can draw, its own among them', () => {
    for (const k of kitModule.layers) {
      expect(k.acceptsTopics, k.kind).not.toContain(k.topic);
      for (const t of readable(k)) expect(SOURCES[t], `${k.kind} ← ${t}`).toBeDefined();
    }
    expect(readable(kitModule.layers.find((k) => k.kind === 'kit.heatmap')!)).toEqual(topicsWith('points'));
    expect(readable(kitModule.layers.find((k) => k.kind === 'kit.trips')!)).toEqual(['traffic.vehicles']);
  });

  it('checkScene accepts every kind with each topic it accepts', () => {
    for (const k of kitModule.layers) {
      for (const topic of readable(k)) expect(error(scene([{ id: 'a', kind: k.kind, topic, visible: true }])), `${k.kind} ← ${topic}`).toBe('ok');
    }
    expect(error(scene(kitModule.layers.map((k, i) => ({ id: `l${i}`, kind: k.kind, visible: true }))))).toBe('ok');
  });

  it('checkScene refuses a topic a kind does not accept, naming what it reads', () => {
    expect(error(scene([{ id: 'a', kind: 'kit.paths', topic: 'health.checkpoints' }]))).toBe('layers.0.topic: "kit.paths" reads traffic.roads, not "health.checkpoints"');
    expect(error(scene([{ id: 'a', kind: 'kit.text', topic: 'traffic.vehicles' }]))).toMatch(/^layers\.0\.topic: "kit\.text" reads .*, not "traffic\.vehicles"$/);
    expect(error(scene([{ id: 'a', kind: 'kit.trips', topic: 'health.checkpoints' }]))).toMatch(/^layers\.0\.topic: "kit\.trips" reads traffic\.vehicles, not/);
    expect(error(scene([{ id: 'a', kind: 'kit.heatmap', topic: 'health.trend' }]))).toMatch(/^layers\.0\.topic: "kit\.heatmap" reads/);
    expect(error(scene([{ id: 'a', kind: 'kit.hexagon', style: { radius: 'big' } }]))).toMatch(/^layers\.0\.style\.radius: expected a number/);
    expect(error(scene([{ id: 'a', kind: 'kit.icons', style: { color: 'red' } }]))).toMatch(/^layers\.0\.style\.color: a colour as #rrggbb/);
  });

  it('the example scene is valid and subscribes to the topics its visible layers read', () => {
    const r = checkScene(example);
    expect(r.ok ? 'ok' : r.error).toBe('ok');
    if (!r.ok) return;
    expect(new Set(r.scene.layers.map((l) => l.kind))).toEqual(new Set(kitModule.layers.map((k) => k.kind)));
    expect(sceneTopics(r.scene)).toEqual(['environment.stations', 'gov.services', 'health.checkpoints', 'traffic.roads', 'traffic.vehicles']);
  });

  it('draws through the scene driver once its data is in: every kind, ready, with a legend', () => {
    const r = checkScene(scene(kitModule.layers.map((k, i) => ({ id: `l${i}`, kind: k.kind, topic: k.kind === 'kit.text' || k.kind === 'kit.icons' ? 'health.checkpoints' : undefined }))));
    if (!r.ok) throw new Error(r.error);
    const values = {
      'traffic.vehicles': topicValue(vehicles(500)),
      'health.checkpoints': topicValue(CHECKPOINTS),
      'traffic.roads': topicValue(ROADS),
      'poverty.pairs': topicValue(PAIRS),
      'poverty.districts': topicValue(POVERTY_DISTRICTS),
    };
    const input = { scene: r.scene, registry: REGISTRY, topics: { values }, districts: DISTRICTS, overview: null, selectedDistrict: null, scale: 1, now: T0, animate: false };
    const errors: unknown[] = [];
    const empty = buildSceneFrame({ ...input, topics: { values: {} } }, (_, e) => errors.push(e));
    expect(empty.ready).toBe(false);
    expect(empty.layers).toEqual([]);
    const frame = buildSceneFrame(input, (_, e) => errors.push(e));
    expect(errors).toEqual([]);
    expect(frame.ready).toBe(true);
    expect(frame.layers.map((l) => l.id.split('-')[0])).toEqual(kitModule.layers.map((_, i) => `l${i}`));
    expect(frame.legends.map((l) => l.id)).toEqual(kitModule.layers.map((_, i) => `l${i}`));
  });
});
