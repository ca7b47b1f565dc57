import { describe, expect, it } from 'vitest';
import { SCENE_LIMITS, type Scene } from '../../../hub/contract.ts';
import { PANEL_KINDS } from '../../../modules/registry.ts';
import { checkScene } from '../../../modules/scene-validation.ts';
import { bigScene, weatherScene } from '../editor-fixture.ts';
import { applyEdit, coalesceKey, type Edit } from './index.ts';
import { nextLayerId, uniqueLayerId } from './layer-ids.ts';
import { makeRoom } from './slots.ts';

const run = (scene: Scene, ...edits: Edit[]) => edits.reduce(applyEdit, scene);
const ids = (s: Scene) => s.layers.map((l) => l.id);
const board = (s: Scene) => Object.fromEntries(s.panels.map((p) => [p.slot, p.kind]));
const valid = (s: Scene) => expect(checkScene(s)).toMatchObject({ ok: true });

describe('scene fields', () => {
  it('sets the titles and description, and the 3D buildings', () => {
    const s = run(weatherScene(), { type: 'setSceneField', field: 'title', value: '气象' }, { type: 'setSceneField', field: 'description', value: 'Rain' }, { type: 'setBuildings', buildings: false });
    expect(s).toMatchObject({ title: '气象', description: 'Rain', city: { buildings: false } });
  });

  it('returns the very same scene when nothing changes', () => {
    const s = weatherScene();
    expect(applyEdit(s, { type: 'setSceneField', field: 'title', value: s.title })).toBe(s);
    expect(applyEdit(s, { type: 'setBuildings', buildings: s.city.buildings })).toBe(s);
    expect(applyEdit(s, { type: 'setLayerVisible', id: 'nope', visible: false })).toBe(s);
  });
});

describe('layers', () => {
  it('adds a layer of any kind with an id from the kind, its module joining the scene', () => {
    const s = run(weatherScene(), { type: 'addLayer', kind: 'traffic.roads' });
    expect(s.layers.at(-1)).toEqual({ id: 'roads', kind: 'traffic.roads', visible: true, style: {} });
    expect(s.modules).toEqual(['weather', 'traffic']);
    valid(s);
  });

  it('makes ids unique', () => {
    const s = run(weatherScene(), { type: 'addLayer', kind: 'weather.rain' }, { type: 'addLayer', kind: 'weather.rain' });
    expect(ids(s)).toEqual(['warnings', 'rain', 'stations', 'rain-2', 'rain-3']);
    expect(uniqueLayerId('rain-2', new Set(['rain-2']))).toBe('rain-3');
    expect(uniqueLayerId('x'.repeat(40), new Set(['x'.repeat(40)]))).toHaveLength(40);
    expect(nextLayerId(s, 'environment.pm25-surface')).toBe('pm25-surface');
    valid(s);
  });

  it('refuses unknown kinds and a 101st layer', () => {
    const s = weatherScene();
    expect(applyEdit(s, { type: 'addLayer', kind: 'weather.snow' })).toBe(s);
    const full = bigScene(SCENE_LIMITS.maxLayers);
    expect(applyEdit(full, { type: 'addLayer', kind: 'weather.rain' })).toBe(full);
    expect(applyEdit(full, { type: 'duplicateLayer', id: 'layer-0' })).toBe(full);
  });

  it('removes layers; the last use of a module takes the module with it', () => {
    const s = run(weatherScene(), { type: 'addLayer', kind: 'traffic.roads' }, { type: 'addLayer', kind: 'traffic.vehicles' });
    const one = run(s, { type: 'removeLayers', ids: ['roads'] });
    expect(one.modules).toEqual(['weather', 'traffic']);
    const both = run(one, { type: 'removeLayers', ids: ['vehicles'] });
    expect(both.modules).toEqual(['weather']);
    valid(both);
  });

  it('keeps a module still used by a panel, and always keeps one module', () => {
    const s = run(weatherScene(), { type: 'removeLayers', ids: ['warnings', 'rain', 'stations'] });
    expect(s.modules).toEqual(['weather']); // the weather panels still use it
    const bare = run(s, ...s.panels.map((p): Edit => ({ type: 'removePanel', slot: p.slot })));
    expect(bare.panels).toEqual([]);
    expect(bare.modules).toEqual(['weather']);
    valid(bare);
  });

  it('duplicates a layer right after it, sharing its style object', () => {
    const s = run(weatherScene(), { type: 'setStyleField', id: 'rain', key: 'opacity', value: 0.5 }, { type: 'duplicateLayer', id: 'rain' });
    expect(ids(s)).toEqual(['warnings', 'rain', 'rain-2', 'stations']);
    expect(s.layers[2].style).toBe(s.layers[1].style);
    valid(s);
  });

  it('renames a layer only to a free, well-formed id', () => {
    const s = weatherScene();
    expect(ids(run(s, { type: 'renameLayer', id: 'rain', to: 'radar' }))).toEqual(['warnings', 'radar', 'stations']);
    expect(run(s, { type: 'renameLayer', id: 'rain', to: 'stations' })).toBe(s);
    expect(run(s, { type: 'renameLayer', id: 'rain', to: 'Rain!' })).toBe(s);
    expect(run(s, { type: 'renameLayer', id: 'rain', to: '' })).toBe(s);
  });

  it('reorders up, down and to an index, clamped to the list', () => {
    const s = weatherScene();
    expect(ids(run(s, { type: 'moveLayer', id: 'rain', to: 'up' }))).toEqual(['rain', 'warnings', 'stations']);
    expect(ids(run(s, { type: 'moveLayer', id: 'rain', to: 'down' }))).toEqual(['warnings', 'stations', 'rain']);
    expect(ids(run(s, { type: 'moveLayer', id: 'stations', to: 0 }))).toEqual(['stations', 'warnings', 'rain']);
    expect(ids(run(s, { type: 'moveLayer', id: 'warnings', to: 99 }))).toEqual(['rain', 'stations', 'warnings']);
    expect(run(s, { type: 'moveLayer', id: 'warnings', to: 'up' })).toBe(s);
  });

  it('toggles visibility', () => {
    const s = run(weatherScene(), { type: 'setLayerVisible', id: 'rain', visible: false });
    expect(s.layers[1].visible).toBe(false);
  });

  it('binds only topics the kind reads; null returns to the kind’s own', () => {
    const s = weatherScene();
    expect(run(s, { type: 'bindTopic', id: 'rain', topic: 'traffic.roads' })).toBe(s);
    const own = run(s, { type: 'bindTopic', id: 'rain', topic: 'weather.radar' });
    expect(own).toBe(s); // the kind's own topic is the default: nothing to write
    const withTopic: Scene = { ...s, layers: s.layers.map((l) => (l.id === 'rain' ? { ...l, topic: 'weather.radar' } : l)) };
    const cleared = run(withTopic, { type: 'bindTopic', id: 'rain', topic: null });
    expect(cleared.layers[1]).not.toHaveProperty('topic');
  });

  it('sets a style field only to a value the kind accepts, and resets it to the default', () => {
    const s = weatherScene();
    const set = run(s, { type: 'setStyleField', id: 'rain', key: 'opacity', value: 0.5 });
    expect(set.layers[1].style).toEqual({ opacity: 0.5 });
    expect(run(set, { type: 'setStyleField', id: 'rain', key: 'opacity', value: 2 })).toBe(set);
    expect(run(set, { type: 'setStyleField', id: 'rain', key: 'opacity', value: '0.5' })).toBe(set);
    expect(run(set, { type: 'setStyleField', id: 'rain', key: 'colour', value: '#ffffff' })).toBe(set);
    expect(run(set, { type: 'setStyleField', id: 'rain', key: 'opacity', value: 0.5 })).toBe(set);
    const reset = run(set, { type: 'resetStyleField', id: 'rain', key: 'opacity' });
    expect(reset.layers[1].style).toEqual({});
    expect(run(reset, { type: 'resetStyleField', id: 'rain', key: 'opacity' })).toBe(reset);
  });

  it('changes only what it must: other layers, panels and camera keep their objects', () => {
    const s = weatherScene();
    const next = run(s, { type: 'setStyleField', id: 'rain', key: 'opacity', value: 0.5 });
    expect(next.layers[0]).toBe(s.layers[0]);
    expect(next.layers[2]).toBe(s.layers[2]);
    expect(next.panels).toBe(s.panels);
    expect(next.camera).toBe(s.camera);
    expect(next.modules).toBe(s.modules);
  });
});

describe('panels', () => {
  it('places a kind into a free slot, its module joining', () => {
    const s = run(weatherScene(), { type: 'placePanel', kind: 'traffic.city-index', slot: 'left-4' });
    expect(board(s)['left-4']).toBe('traffic.city-index');
    expect(s.modules).toEqual(['weather', 'traffic']);
    expect(s.panels.map((p) => p.slot)).toEqual(['left-1', 'left-2', 'left-3', 'left-4', 'right-1', 'right-2', 'right-3']);
    valid(s);
  });

  it('dropped on an occupied slot, pushes the side down one to its first gap, keeping their order', () => {
    const s = run(weatherScene(), { type: 'placePanel', kind: 'traffic.city-index', slot: 'left-1' });
    expect(board(s)).toMatchObject({ 'left-1': 'traffic.city-index', 'left-2': 'weather.four-day', 'left-3': 'weather.forecast', 'left-4': 'weather.extremes' });
    valid(s);
  });

  it('pushes up when nothing is free below, to the other side when the side is full, out when the board is', () => {
    const panels = ['left-1', 'left-2', 'left-4', 'left-5', 'left-6'].map((slot, i) => ({ slot, kind: `k${i}` })) as Scene['panels'];
    expect(makeRoom(panels, 'left-5').panels.map((p) => `${p.kind}@${p.slot}`)).toEqual(['k0@left-1', 'k1@left-2', 'k2@left-3', 'k3@left-4', 'k4@left-6']);
    const full = bigScene(1);
    const side = makeRoom(full.panels.filter((p) => p.slot !== 'right-6'), 'left-2');
    expect(side.panels.find((p) => p.slot === 'right-6')?.kind).toBe(full.panels[1].kind);
    const newcomer = [...PANEL_KINDS.keys()].find((k) => !full.panels.some((p) => p.kind === k))!;
    const out = run(full, { type: 'placePanel', kind: newcomer, slot: 'left-2' });
    expect(out.panels).toHaveLength(12);
    expect(board(out)['left-2']).toBe(newcomer);
    expect(out.panels.some((p) => p.kind === full.panels[1].kind)).toBe(false);
  });

  it('moves a kind already on the board rather than showing it twice', () => {
    const s = run(weatherScene(), { type: 'placePanel', kind: 'weather.forecast', slot: 'left-5' });
    expect(board(s)['left-5']).toBe('weather.forecast');
    expect(s.panels.filter((p) => p.kind === 'weather.forecast')).toHaveLength(1);
  });

  it('moves between slots, swapping with a panel already there', () => {
    const s = weatherScene();
    const moved = run(s, { type: 'movePanel', from: 'left-1', to: 'right-6' });
    expect(board(moved)['right-6']).toBe('weather.four-day');
    expect(board(moved)['left-1']).toBeUndefined();
    const swapped = run(s, { type: 'movePanel', from: 'left-1', to: 'right-1' });
    expect(board(swapped)).toMatchObject({ 'left-1': 'weather.warnings', 'right-1': 'weather.four-day' });
    expect(run(s, { type: 'movePanel', from: 'left-6', to: 'left-1' })).toBe(s);
    valid(swapped);
  });

  it('removes a panel; refuses unknown kinds', () => {
    const s = weatherScene();
    expect(board(run(s, { type: 'removePanel', slot: 'left-2' }))['left-2']).toBeUndefined();
    expect(run(s, { type: 'placePanel', kind: 'weather.nope', slot: 'left-6' })).toBe(s);
  });
});

describe('camera', () => {
  it('sets the camera, rounded, and refuses one out of range', () => {
    const s = weatherScene();
    const next = run(s, { type: 'setCamera', camera: { center: [106.123456789, 29.5], zoom: 11.23456, pitch: 40, bearing: -12.3456 } });
    expect(next.camera).toEqual({ center: [106.123457, 29.5], zoom: 11.23, pitch: 40, bearing: -12.35 });
    expect(run(s, { type: 'setCamera', camera: { ...s.camera, zoom: 40 } })).toBe(s);
    expect(run(s, { type: 'setCamera', camera: s.camera })).toBe(s);
  });
});

describe('paste', () => {
  it('pastes layers with unique ids and panels into free slots, adding modules', () => {
    const from = run(weatherScene(), { type: 'addLayer', kind: 'traffic.roads' }, { type: 'placePanel', kind: 'traffic.fleet', slot: 'left-4' });
    const clip = { layers: from.layers.slice(1), panels: from.panels.filter((p) => p.slot === 'left-1' || p.kind === 'traffic.fleet') };
    const to = run(weatherScene(), { type: 'removePanel', slot: 'left-1' }, { type: 'paste', ...clip });
    expect(ids(to)).toEqual(['warnings', 'rain', 'stations', 'rain-2', 'stations-2', 'roads']);
    expect(board(to)).toMatchObject({ 'left-1': 'weather.four-day', 'left-4': 'traffic.fleet' });
    expect(to.modules).toEqual(['weather', 'traffic']);
    valid(to);
  });

  it('moves a pasted panel to a free slot of its side when its own is taken, and skips kinds already shown', () => {
    const s = weatherScene();
    const to = run(s, { type: 'paste', panels: [{ kind: 'health.codes', slot: 'left-1' }, { kind: 'weather.forecast', slot: 'right-6' }] });
    expect(board(to)['left-4']).toBe('health.codes');
    expect(to.panels.filter((p) => p.kind === 'weather.forecast')).toHaveLength(1);
  });

  it('leaves out unknown kinds and what finds no room', () => {
    const full = bigScene(SCENE_LIMITS.maxLayers - 1);
    const to = run(full, { type: 'paste', layers: [full.layers[0], full.layers[1], { id: 'x', kind: 'no.such', visible: true, style: {} }], panels: [{ kind: 'weather.rain-ranking', slot: 'left-1' }] });
    expect(to.layers).toHaveLength(SCENE_LIMITS.maxLayers);
    expect(new Set(ids(to)).size).toBe(SCENE_LIMITS.maxLayers);
    expect(to.layers.at(-1)?.kind).toBe(full.layers[0].kind);
    expect(to.panels).toBe(full.panels);
    expect(run(full, { type: 'paste', layers: [], panels: [] })).toBe(full);
  });
});

describe('coalesceKey', () => {
  it('groups keystrokes by field, and nothing else', () => {
    expect(coalesceKey({ type: 'setStyleField', id: 'a', key: 'opacity', value: 1 })).toBe('style:a:opacity');
    expect(coalesceKey({ type: 'setSceneField', field: 'title', value: 'x' })).toBe('scene:title');
    expect(coalesceKey({ type: 'addLayer', kind: 'weather.rain' })).toBeNull();
  });
});
