import { describe, expect, it } from 'vitest';
import type { Scene } from '../hub/contract.ts';
import { createSceneStore, currentScene, sceneActions } from './scene-store.ts';

const scene = (id: string, title = id): Scene => ({
  schemaVersion: 2,
  id,
  title,
  titleEn: id,
  description: '',
  modules: ['overview'],
  camera: { center: [106.5, 29.5], zoom: 8, pitch: 0, bearing: 0 },
  city: { buildings: true },
  layers: [],
  panels: [],
});

describe('scene store', () => {
  it('selects known scenes only and steps around', () => {
    const store = createSceneStore([scene('a'), scene('b'), scene('c')], 'a');
    const ops = sceneActions(store);
    expect(ops.select('zzz')).toBe(false);
    expect(currentScene(store.getState()).id).toBe('a');
    ops.step(1);
    expect(store.getState().currentId).toBe('b');
    ops.step(-2);
    expect(store.getState().currentId).toBe('c');
    ops.step(1);
    expect(store.getState().currentId).toBe('a');
  });

  it('merges hub scenes over bundled ones, keeping order and appending new ids', () => {
    const store = createSceneStore([scene('a'), scene('b')], 'b');
    const ops = sceneActions(store);
    ops.merge([scene('b', 'B from hub'), scene('x')]);
    const { scenes } = store.getState();
    expect(scenes.map((s) => s.id)).toEqual(['a', 'b', 'x']);
    expect(currentScene(store.getState()).title).toBe('B from hub');
  });

  it('keeps a bounded list of scene errors, newest first', () => {
    const store = createSceneStore([scene('a')], 'a');
    const ops = sceneActions(store);
    for (let i = 0; i < 30; i++) ops.error(`e${i}`);
    expect(store.getState().errors).toHaveLength(20);
    expect(store.getState().errors[0]).toBe('e29');
  });
});
