import { SCENE_LIMITS, type Scene } from '../../../hub/contract.ts';
import { insertAt } from './layer-at.ts';
import { isLayerId, layerIds, uniqueLayerId } from './layer-ids.ts';

/** A copy of the layer right after it, under a free id (`newId` when given and free). */
export function duplicateLayer(scene: Scene, { id, newId }: { id: string; newId?: string }): Scene {
  const i = scene.layers.findIndex((l) => l.id === id);
  if (i < 0 || scene.layers.length >= SCENE_LIMITS.maxLayers) return scene;
  const taken = layerIds(scene);
  const copyId = newId !== undefined && isLayerId(newId) && !taken.has(newId) ? newId : uniqueLayerId(id, taken);
  // The style object is shared, not copied: scenes are never changed in place.
  return { ...scene, layers: insertAt(scene.layers, i + 1, [{ ...scene.layers[i], id: copyId }]) };
}
