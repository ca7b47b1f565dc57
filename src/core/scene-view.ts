import type { Scene, SceneLayer } from '../hub/contract.ts';
import { OVERVIEW_TOPIC } from '../hub/topics/overview.ts';
import type { LayerKind, Registry } from './module-api.ts';

/** Layer visibility the console set for a wall (layer id → shown), over the scene's own. */
export type LayerVisibility = Readonly<Record<string, boolean>> | undefined;

/**
 * The layers a wall shows right now, in scene order: the scene's own choice, overridden by the
 * console's. The one place this is decided: the twin draws these layers and the wall subscribes
 * to exactly their topics, so a layer the console shows always receives its data.
 */
export function shownLayers(scene: Scene, registry: Registry, visibility: LayerVisibility): { layer: SceneLayer; kind: LayerKind }[] {
  const shown: { layer: SceneLayer; kind: LayerKind }[] = [];
  for (const layer of scene.layers) {
    const kind = registry.layerKinds.get(layer.kind);
    if (kind && (visibility?.[layer.id] ?? layer.visible)) shown.push({ layer, kind });
  }
  return shown;
}

/** Topics a wall needs for a scene: its shown layers' topics and its panels' topics, sorted. */
export function sceneTopics(scene: Scene, registry: Registry, visibility: LayerVisibility): string[] {
  const topics = new Set<string>();
  for (const { layer, kind } of shownLayers(scene, registry, visibility)) {
    const main = layer.topic ?? kind.topic;
    if (main) topics.add(main);
    for (const t of kind.extraTopics ?? []) topics.add(t);
  }
  for (const panel of scene.panels) for (const t of registry.panelKinds.get(panel.kind)?.topics ?? []) topics.add(t);
  return [...topics].sort();
}

/** Topics a wall subscribes to: its scene's (above) and the overview, which the header and district cards always read. */
export function wallTopics(scene: Scene, registry: Registry, visibility: LayerVisibility): string[] {
  return [...new Set([OVERVIEW_TOPIC, ...sceneTopics(scene, registry, visibility)])].sort();
}
