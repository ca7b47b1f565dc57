import { SceneLayerSchema, type Scene } from '../../../hub/contract.ts';

const MAX_ID = 40;

/** Whether `id` may name a layer at all (the contract's pattern). */
export const isLayerId = (id: string): boolean => SceneLayerSchema.shape.id.safeParse(id).success;

/** "weather.rain" → "rain": the short names hand-written scenes use. */
export function baseIdOf(kind: string): string {
  const tail = kind.includes('.') ? kind.slice(kind.indexOf('.') + 1) : kind;
  let id = tail.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z]/.test(id)) id = `layer-${id}`.replace(/-$/, '');
  return id.slice(0, MAX_ID - 4);
}

/** `base`, or `base-2`, `base-3`… whichever is free; an existing "-N" suffix is counted on from. */
export function uniqueLayerId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && isLayerId(base)) return base;
  const stem = base.replace(/-\d+$/, '') || 'layer';
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${stem.slice(0, MAX_ID - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

export const layerIds = (scene: Scene): Set<string> => new Set(scene.layers.map((l) => l.id));

/** The id a new layer of `kind` gets in this scene. */
export const nextLayerId = (scene: Scene, kind: string): string => uniqueLayerId(baseIdOf(kind), layerIds(scene));

/** Why `to` cannot be the new id of layer `id`, in words; null when it can. */
export function layerIdProblem(scene: Scene, id: string, to: string): string | null {
  if (to === id) return null;
  if (!isLayerId(to)) return '小写字母、数字和连字符，以字母开头，至多 40 个 · lower-case letters, digits and dashes, starting with a letter (at most 40)';
  if (scene.layers.some((l) => l.id === to)) return `已有图层 “${to}” · another layer is called “${to}”`;
  return null;
}
