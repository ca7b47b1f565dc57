import { SCENE_LIMITS, type Scene, type SceneLayer, type ScenePanel } from '../../../hub/contract.ts';
import { LAYER_KINDS, PANEL_KINDS } from '../../../modules/registry.ts';
import { insertAt } from './layer-at.ts';
import { layerIds, uniqueLayerId } from './layer-ids.ts';
import { withModulesFor } from './modules.ts';
import { freeSlots, sideOf, sortPanels } from './slots.ts';

/**
 * Pastes copied layers (at `at`, else at the end; each id made unique) and panels (each into its
 * own slot when free, else the first free slot of its side, then of the other). Kinds this build
 * does not know, panels the scene already shows, and whatever finds no room are left out.
 */
export function paste(scene: Scene, { layers = [], panels = [], at }: { layers?: readonly SceneLayer[]; panels?: readonly ScenePanel[]; at?: number }): Scene {
  const taken = layerIds(scene);
  const room = Math.max(0, SCENE_LIMITS.maxLayers - scene.layers.length);
  const newLayers: SceneLayer[] = [];
  for (const l of layers) {
    if (newLayers.length >= room || !LAYER_KINDS.has(l.kind)) continue;
    const id = uniqueLayerId(l.id, taken);
    taken.add(id);
    newLayers.push(id === l.id ? l : { ...l, id });
  }
  let nextPanels = scene.panels;
  for (const p of panels) {
    if (!PANEL_KINDS.has(p.kind) || nextPanels.some((q) => q.kind === p.kind)) continue;
    const free = freeSlots(nextPanels, sideOf(p.slot));
    const slot = free.includes(p.slot) ? p.slot : free[0];
    if (slot) nextPanels = [...nextPanels, { kind: p.kind, slot }];
  }
  if (newLayers.length === 0 && nextPanels === scene.panels) return scene;
  const added = [...newLayers.map((l) => l.kind), ...nextPanels.filter((p) => !scene.panels.includes(p)).map((p) => p.kind)];
  return {
    ...scene,
    modules: withModulesFor(scene.modules, added),
    layers: newLayers.length ? insertAt(scene.layers, at, newLayers) : scene.layers,
    panels: sortPanels(nextPanels),
  };
}
