import type { Scene } from '../../../hub/contract.ts';

/**
 * Moves a layer one place towards the start ('up') or the end ('down') of the list, or to an index
 * of the list as it will be. Later layers draw over earlier ones.
 */
export function moveLayer(scene: Scene, { id, to }: { id: string; to: number | 'up' | 'down' }): Scene {
  const from = scene.layers.findIndex((l) => l.id === id);
  if (from < 0) return scene;
  const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : Math.trunc(to);
  const i = Math.max(0, Math.min(scene.layers.length - 1, target));
  if (i === from || !Number.isFinite(i)) return scene;
  const layers = scene.layers.slice();
  const [layer] = layers.splice(from, 1);
  layers.splice(i, 0, layer);
  return { ...scene, layers };
}
