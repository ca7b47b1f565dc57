import type { Scene } from '../../../hub/contract.ts';
import { updateLayer } from './layer-at.ts';
import { layerIdProblem } from './layer-ids.ts';

/** Gives a layer a new id; refused (same scene) when the id is malformed or taken (layerIdProblem says why). */
export function renameLayer(scene: Scene, { id, to }: { id: string; to: string }): Scene {
  if (to === id || layerIdProblem(scene, id, to) !== null) return scene;
  return updateLayer(scene, id, (l) => ({ ...l, id: to }));
}
