import type { Scene } from '../../../hub/contract.ts';
import { pruneModules } from './modules.ts';

/** Removes the named layers; a module nothing uses any more leaves the scene with its last one. */
export function removeLayers(scene: Scene, { ids }: { ids: readonly string[] }): Scene {
  const gone = new Set(ids);
  const removed = scene.layers.filter((l) => gone.has(l.id));
  if (removed.length === 0) return scene;
  return pruneModules({ ...scene, layers: scene.layers.filter((l) => !gone.has(l.id)) }, removed.map((l) => l.kind));
}
