import type { Scene } from '../../../hub/contract.ts';
import { LAYER_KINDS } from '../../../modules/registry.ts';
import { checkFieldValue, describeStyle, sameValue } from '../schema-form.ts';
import { updateLayer } from './layer-at.ts';

/**
 * Sets one style field of a layer. The value is checked with the kind's own schema for the field
 * first: a value the wall would refuse never reaches the scene (the same scene comes back).
 */
export function setStyleField(scene: Scene, { id, key, value }: { id: string; key: string; value: unknown }): Scene {
  return updateLayer(scene, id, (l) => {
    const kind = LAYER_KINDS.get(l.kind);
    const field = kind && describeStyle(kind.style).find((f) => f.key === key);
    if (!field || !checkFieldValue(field, value).ok || sameValue(l.style[key], value)) return l;
    return { ...l, style: { ...l.style, [key]: value as never } };
  });
}
