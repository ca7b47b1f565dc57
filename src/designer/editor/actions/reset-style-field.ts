import type { Scene } from '../../../hub/contract.ts';
import { updateLayer } from './layer-at.ts';

/**
 * Takes the field out of the layer's style, so the kind's default applies (and follows the
 * module if its default changes). Also how a field the kind does not know is removed.
 */
export function resetStyleField(scene: Scene, { id, key }: { id: string; key: string }): Scene {
  return updateLayer(scene, id, (l) => {
    if (!Object.hasOwn(l.style, key)) return l;
    const style = { ...l.style };
    delete style[key];
    return { ...l, style };
  });
}
