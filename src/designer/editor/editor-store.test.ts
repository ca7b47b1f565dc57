import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PANEL_SLOTS, type Scene } from '../../hub/contract.ts';
import { LAYER_KINDS, PANEL_KINDS } from '../../modules/registry.ts';
import { checkScene } from '../../modules/scene-validation.ts';
import type { Edit } from './actions/index.ts';
import { bigScene, weatherScene } from './editor-fixture.ts';
import { createEditorStore, editorActions } from './editor-store.ts';

/** A store on a clock the test moves by hand. */
function setup(scene: Scene = weatherScene(), limit?: number) {
  let t = 0;
  const store = createEditorStore(scene, { now: () => t, limit });
  return { store, actions: editorActions(store), tick: (ms: number) => (t += ms), scene: () => store.getState().scene };
}

/** 100 layers that all have an opacity. */
const rainScene = (): Scene => {
  const big = bigScene();
  return { ...big, layers: big.layers.map((l) => ({ ...l, kind: 'weather.rain' })) };
};

const undoAll = (a: ReturnType<typeof editorActions>, s: ReturnType<typeof createEditorStore>) => {
  let n = 0;
  while (s.getState().canUndo) {
    a.undo();
    n++;
  }
  return n;
};

describe('history', () => {
  it('undoes 150 steps back to the very scene it started from, and redoes them', () => {
    const { store, actions, tick, scene } = setup(rainScene());
    const original = scene();
    for (let i = 0; i < 150; i++) {
      actions.apply({ type: 'setStyleField', id: `layer-${i % 100}`, key: 'opacity', value: ((i % 9) + 1) / 10 });
      tick(1000);
    }
    const last = scene();
    expect(undoAll(actions, store)).toBe(150);
    expect(scene()).toBe(original);
    while (store.getState().canRedo) actions.redo();
    expect(scene()).toBe(last);
  });

  it('keeps the newest 200 steps', () => {
    const { store, actions, tick } = setup(bigScene());
    for (let i = 0; i < 250; i++) {
      actions.apply({ type: 'setLayerVisible', id: 'layer-1', visible: i % 2 === 1 });
      tick(10);
    }
    expect(undoAll(actions, store)).toBe(200);
  });

  it('makes one step of a burst of keystrokes in one field', () => {
    const { store, actions, tick, scene } = setup();
    const original = scene();
    for (const v of [0.5, 0.55, 0.555, 0.6]) {
      actions.apply({ type: 'setStyleField', id: 'rain', key: 'opacity', value: v });
      tick(300);
    }
    expect(scene().layers[1].style).toEqual({ opacity: 0.6 });
    actions.undo();
    expect(scene()).toBe(original);
    expect(store.getState().canUndo).toBe(false);
  });

  it('starts a new step after a pause, in another field, or once the field is left', () => {
    const { store, actions, tick } = setup();
    const title = (value: string): Edit => ({ type: 'setSceneField', field: 'title', value });
    actions.apply(title('A'));
    tick(100);
    actions.apply(title('AB'));
    tick(900);
    actions.apply(title('ABC')); // after a pause
    tick(100);
    actions.apply({ type: 'setSceneField', field: 'titleEn', value: 'X' }); // another field
    tick(100);
    actions.seal();
    actions.apply({ type: 'setSceneField', field: 'titleEn', value: 'XY' }); // the field was left
    expect(undoAll(actions, store)).toBe(4);
  });

  it('forgets what was undone once a new edit is made', () => {
    const { store, actions, scene } = setup();
    actions.apply({ type: 'setBuildings', buildings: false });
    actions.undo();
    expect(store.getState().canRedo).toBe(true);
    actions.apply({ type: 'setLayerVisible', id: 'rain', visible: false });
    expect(store.getState().canRedo).toBe(false);
    actions.redo();
    expect(scene().city.buildings).toBe(true);
  });

  it('does not coalesce across an undo', () => {
    const { store, actions, tick } = setup();
    actions.apply({ type: 'setSceneField', field: 'title', value: 'A' });
    tick(10);
    actions.undo();
    actions.apply({ type: 'setSceneField', field: 'title', value: 'B' });
    tick(10);
    actions.apply({ type: 'setSceneField', field: 'title', value: 'BC' });
    expect(undoAll(actions, store)).toBe(1);
  });

  it('shares everything an edit did not touch with the steps before it', () => {
    const { actions, scene } = setup(rainScene());
    const original = scene();
    for (let i = 0; i < 50; i++) actions.apply({ type: 'setStyleField', id: 'layer-3', key: 'opacity', value: i / 100 });
    expect(scene().layers.filter((l, i) => l !== original.layers[i]).map((l) => l.id)).toEqual(['layer-3']);
    expect(scene().panels).toBe(original.panels);
  });
});

describe('state', () => {
  it('counts every change in revision, and no-ops not at all', () => {
    const { store, actions } = setup();
    expect(store.getState().revision).toBe(0);
    actions.apply({ type: 'setBuildings', buildings: false });
    actions.apply({ type: 'setBuildings', buildings: false });
    actions.apply({ type: 'setStyleField', id: 'rain', key: 'opacity', value: 7 });
    expect(store.getState().revision).toBe(1);
    actions.undo();
    actions.redo();
    actions.reset(weatherScene());
    expect(store.getState()).toMatchObject({ revision: 4, canUndo: false, canRedo: false });
  });

  it('keeps its problems current, and the same array while they are the same', () => {
    const bad: Scene = { ...weatherScene(), layers: weatherScene().layers.map((l) => (l.id === 'rain' ? { ...l, style: { opacity: 3 } } : l)) };
    const { store, actions } = setup(bad);
    expect(store.getState().problems).toHaveLength(1);
    const before = store.getState().problems;
    actions.apply({ type: 'setBuildings', buildings: false });
    expect(store.getState().problems).toBe(before);
    actions.apply({ type: 'resetStyleField', id: 'rain', key: 'opacity' });
    expect(store.getState().problems).toEqual([]);
  });

  it('sets the camera through its own action', () => {
    const { actions, scene } = setup();
    actions.setCamera({ center: [106.5, 29.6], zoom: 12, pitch: 45, bearing: 10 });
    expect(scene().camera).toEqual({ center: [106.5, 29.6], zoom: 12, pitch: 45, bearing: 10 });
  });

  it('gives the same actions object for the same store', () => {
    const { store, actions } = setup();
    expect(editorActions(store)).toBe(actions);
  });
});

/** Edits over a small vocabulary, so that sequences hit the same layers, slots and fields. */
const layerIds = ['warnings', 'rain', 'stations', 'roads', 'rain-2', 'nope'];
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ type: fc.constant('setSceneField' as const), field: fc.constantFrom('title' as const, 'titleEn' as const, 'description' as const), value: fc.string({ maxLength: 30 }) }),
  fc.record({ type: fc.constant('setBuildings' as const), buildings: fc.boolean() }),
  fc.record({ type: fc.constant('addLayer' as const), kind: fc.constantFrom(...LAYER_KINDS.keys()) }),
  fc.record({ type: fc.constant('removeLayers' as const), ids: fc.subarray(layerIds) }),
  fc.record({ type: fc.constant('duplicateLayer' as const), id: fc.constantFrom(...layerIds) }),
  fc.record({ type: fc.constant('renameLayer' as const), id: fc.constantFrom(...layerIds), to: fc.constantFrom(...layerIds, 'x', 'Bad Id') }),
  fc.record({ type: fc.constant('moveLayer' as const), id: fc.constantFrom(...layerIds), to: fc.oneof(fc.constantFrom('up' as const, 'down' as const), fc.integer({ min: -2, max: 8 })) }),
  fc.record({ type: fc.constant('setLayerVisible' as const), id: fc.constantFrom(...layerIds), visible: fc.boolean() }),
  fc.record({ type: fc.constant('setStyleField' as const), id: fc.constantFrom(...layerIds), key: fc.constantFrom('opacity', 'labels', 'glow'), value: fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), fc.boolean()) }),
  fc.record({ type: fc.constant('resetStyleField' as const), id: fc.constantFrom(...layerIds), key: fc.constantFrom('opacity', 'labels') }),
  fc.record({ type: fc.constant('placePanel' as const), kind: fc.constantFrom(...PANEL_KINDS.keys()), slot: fc.constantFrom(...PANEL_SLOTS) }),
  fc.record({ type: fc.constant('movePanel' as const), from: fc.constantFrom(...PANEL_SLOTS), to: fc.constantFrom(...PANEL_SLOTS) }),
  fc.record({ type: fc.constant('removePanel' as const), slot: fc.constantFrom(...PANEL_SLOTS) }),
  fc.record({
    type: fc.constant('paste' as const),
    layers: fc.subarray([...weatherScene().layers, { id: 'roads', kind: 'traffic.roads', visible: false, style: { glow: false } }]),
    panels: fc.subarray([{ kind: 'traffic.fleet', slot: 'left-1' as const }, { kind: 'weather.forecast', slot: 'right-6' as const }]),
  }),
  fc.record({
    type: fc.constant('setCamera' as const),
    camera: fc.record({ center: fc.tuple(fc.double({ min: 105, max: 110, noNaN: true }), fc.double({ min: 28, max: 32, noNaN: true })), zoom: fc.double({ min: 2, max: 21, noNaN: true }), pitch: fc.constant(0), bearing: fc.constant(0) }),
  }),
);

describe('any sequence of edits', () => {
  it('keeps a scene a wall accepts, is undone back to the original, and redone to the same end', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(editArb, fc.integer({ min: 0, max: 1500 })), { maxLength: 40 }), (steps) => {
        const { store, actions, tick, scene } = setup();
        const original = scene();
        for (const [edit, gap] of steps) {
          actions.apply(edit);
          tick(gap);
        }
        const end = scene();
        expect(checkScene(end)).toMatchObject({ ok: true });
        expect(store.getState().problems).toEqual([]);
        for (let i = 0; i < steps.length; i++) actions.undo();
        expect(scene()).toBe(original);
        while (store.getState().canRedo) actions.redo();
        expect(scene()).toBe(end);
      }),
      { numRuns: 150 },
    );
  });
});
