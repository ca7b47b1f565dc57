import { SCENE_LIMITS, type Scene, type SceneLayer } from '../../../hub/contract.ts';
import { LAYER_KINDS } from '../../../modules/registry.ts';
import { insertAt } from './layer-at.ts';
import { isLayerId, layerIds, nextLayerId } from './layer-ids.ts';
import { withModulesFor } from './modules.ts';

/**
 * A new layer of a registered kind, with the kind's defaults (an empty style, its own topic),
 * shown. `id` when free, else one derived from the kind; its module joins the scene's if missing.
 */
export function addLayer(scene: Scene, { kind, id, at }: { kind: string; id?: string; at?: number }): Scene {
  if (!LAYER_KINDS.has(kind) || scene.layers.length >= SCENE_LIMITS.maxLayers) return scene;
  const free = id !== undefined && isLayerId(id) && !layerIds(scene).has(id);
  const layer: SceneLayer = { id: free ? id : nextLayerId(scene, kind), kind, visible: true, style: {} };
  return { ...scene, modules: withModulesFor(scene.modules, [kind]), layers: insertAt(scene.layers, at, [layer]) };
}
