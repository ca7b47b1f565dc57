import type { PanelSlot, Scene } from '../../../hub/contract.ts';
import { PANEL_KINDS } from '../../../modules/registry.ts';
import { withModulesFor, pruneModules } from './modules.ts';
import { movePanel } from './move-panel.ts';
import { makeRoom, sortPanels } from './slots.ts';

/**
 * Puts a registered panel kind into a slot. A kind the scene already shows moves there instead (a
 * wall shows each panel once); a panel in the way makes room (slots.ts: makeRoom).
 */
export function placePanel(scene: Scene, { kind, slot }: { kind: string; slot: PanelSlot }): Scene {
  if (!PANEL_KINDS.has(kind)) return scene;
  const existing = scene.panels.find((p) => p.kind === kind);
  if (existing) return movePanel(scene, { from: existing.slot, to: slot });
  const room = makeRoom(scene.panels, slot);
  const next: Scene = {
    ...scene,
    modules: withModulesFor(scene.modules, [kind]),
    panels: sortPanels([...room.panels, { kind, slot }]),
  };
  return pruneModules(next, room.removed.map((p) => p.kind));
}
