import type { Scene, SceneLayer } from '../../../hub/contract.ts';

/** Replaces the layer called `id` with what `change` makes of it; the same scene when it is absent or unchanged. */
export function updateLayer(scene: Scene, id: string, change: (layer: SceneLayer) => SceneLayer): Scene {
  const i = scene.layers.findIndex((l) => l.id === id);
  if (i < 0) return scene;
  const next = change(scene.layers[i]);
  if (next === scene.layers[i]) return scene;
  const layers = scene.layers.slice();
  layers[i] = next;
  return { ...scene, layers };
}

export function insertAt<T>(list: readonly T[], at: number | undefined, items: readonly T[]): T[] {
  const i = at === undefined ? list.length : Math.max(0, Math.min(list.length, Math.trunc(at)));
  return [...list.slice(0, i), ...items, ...list.slice(i)];
}
