import type { Scene } from '../../../hub/contract.ts';
import { updateLayer } from './layer-at.ts';

/** Whether the wall draws the layer when the scene starts (the console may still toggle it). */
export function setLayerVisible(scene: Scene, { id, visible }: { id: string; visible: boolean }): Scene {
  return updateLayer(scene, id, (l) => (l.visible === visible ? l : { ...l, visible }));
}
