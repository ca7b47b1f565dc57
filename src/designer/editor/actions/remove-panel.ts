import type { PanelSlot, Scene } from '../../../hub/contract.ts';
import { pruneModules } from './modules.ts';

/** Empties a slot; the panel's module leaves the scene when nothing else uses it. */
export function removePanel(scene: Scene, { slot }: { slot: PanelSlot }): Scene {
  const panel = scene.panels.find((p) => p.slot === slot);
  if (!panel) return scene;
  return pruneModules({ ...scene, panels: scene.panels.filter((p) => p !== panel) }, [panel.kind]);
}
