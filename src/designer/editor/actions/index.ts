/**
 * Every edit the designer can make, one file each (excalidraw's actions): a pure function
 * (scene, args) → scene that returns new objects only for what it changed, and the very same
 * scene when there is nothing to do. The history keeps whole scenes, so sharing is what keeps it small.
 */
import type { Scene } from '../../../hub/contract.ts';
import { addLayer } from './add-layer.ts';
import { bindTopic } from './bind-topic.ts';
import { duplicateLayer } from './duplicate-layer.ts';
import { moveLayer } from './move-layer.ts';
import { movePanel } from './move-panel.ts';
import { paste } from './paste.ts';
import { placePanel } from './place-panel.ts';
import { removeLayers } from './remove-layers.ts';
import { removePanel } from './remove-panel.ts';
import { renameLayer } from './rename-layer.ts';
import { resetStyleField } from './reset-style-field.ts';
import { setBuildings } from './set-buildings.ts';
import { setCamera } from './set-camera.ts';
import { setLayerVisible } from './set-layer-visible.ts';
import { setSceneField } from './set-scene-field.ts';
import { setStyleField } from './set-style-field.ts';

export const ACTIONS = {
  setSceneField,
  setBuildings,
  addLayer,
  removeLayers,
  duplicateLayer,
  renameLayer,
  moveLayer,
  setLayerVisible,
  bindTopic,
  setStyleField,
  resetStyleField,
  placePanel,
  movePanel,
  removePanel,
  setCamera,
  paste,
} as const;

type Actions = typeof ACTIONS;
export type EditType = keyof Actions;
/** One edit: the action's name and its arguments, e.g. { type: 'setStyleField', id: 'rain', key: 'opacity', value: 0.5 }. */
export type Edit = { [K in EditType]: { type: K } & Parameters<Actions[K]>[1] }[EditType];

export function applyEdit(scene: Scene, edit: Edit): Scene {
  const { type, ...args } = edit;
  const action = ACTIONS[type] as (scene: Scene, args: unknown) => Scene;
  return action ? action(scene, args) : scene;
}

/**
 * Edits that come in bursts (keystrokes in one field, a slider dragged) share a key: a burst of
 * one key becomes one step of the history. Null: each edit is a step of its own.
 */
export function coalesceKey(edit: Edit): string | null {
  switch (edit.type) {
    case 'setSceneField':
      return `scene:${edit.field}`;
    case 'setStyleField':
      return `style:${edit.id}:${edit.key}`;
    case 'setCamera':
      return 'camera';
    default:
      return null;
  }
}

export { topicsFor } from './bind-topic.ts';
export { layerIdProblem, nextLayerId } from './layer-ids.ts';
export { moduleOf } from './modules.ts';
export { freeSlots, isPanelSlot, sideOf, slotsOf, type Side } from './slots.ts';
export type { SceneTextField } from './set-scene-field.ts';
