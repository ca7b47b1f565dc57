import type { PanelSlot, Scene } from '../../../hub/contract.ts';
import { sortPanels } from './slots.ts';

/** Moves the panel in `from` to `to`; a panel already in `to` takes `from` (the two swap). */
export function movePanel(scene: Scene, { from, to }: { from: PanelSlot; to: PanelSlot }): Scene {
  if (from === to || !scene.panels.some((p) => p.slot === from)) return scene;
  const panels = scene.panels.map((p) => (p.slot === from ? { ...p, slot: to } : p.slot === to ? { ...p, slot: from } : p));
  return { ...scene, panels: sortPanels(panels) };
}
