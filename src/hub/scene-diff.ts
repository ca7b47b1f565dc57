import type { Scene, SceneLayer } from './contract.ts';
import type { SceneDiff } from './designer.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields of a layer that differ: "kind", "topic", "visible", "style.<key>". */
function layerChanges(a: SceneLayer, b: SceneLayer): string[] {
  const out: string[] = [];
  for (const f of ['kind', 'topic', 'visible'] as const) if (!same(a[f], b[f])) out.push(f);
  const keys = new Set([...Object.keys(a.style), ...Object.keys(b.style)]);
  for (const k of [...keys].sort()) if (!same(a.style[k], b.style[k])) out.push(`style.${k}`);
  return out;
}

/**
 * What changed from `before` to `after`, in the terms a designer thinks in: scene fields, layers
 * by id (added, removed, which of their fields changed, order), panels by kind (added, removed,
 * moved between slots). Shown in the version history and in a save conflict.
 */
export function diffScenes(before: Scene, after: Scene): SceneDiff {
  const fields = (['title', 'titleEn', 'description', 'modules', 'camera', 'city', 'tours'] as const).filter((f) => !same(before[f], after[f]));
  const beforeLayers = new Map(before.layers.map((l) => [l.id, l]));
  const afterLayers = new Map(after.layers.map((l) => [l.id, l]));
  const changed: Record<string, string[]> = {};
  for (const [id, l] of afterLayers) {
    const old = beforeLayers.get(id);
    const c = old ? layerChanges(old, l) : [];
    if (c.length) changed[id] = c;
  }
  const kept = (ids: string[], other: Map<string, unknown>) => ids.filter((id) => other.has(id));
  const order = (s: Scene, other: Map<string, unknown>) => kept(s.layers.map((l) => l.id), other);

  const slotOf = (s: Scene) => new Map(s.panels.map((p) => [p.kind, p.slot]));
  const beforeSlots = slotOf(before);
  const afterSlots = slotOf(after);
  const moved: Record<string, string> = {};
  for (const [kind, slot] of afterSlots) {
    const was = beforeSlots.get(kind);
    if (was && was !== slot) moved[kind] = `${was} → ${slot}`;
  }
  return {
    fields: [...fields],
    layers: {
      added: [...afterLayers.keys()].filter((id) => !beforeLayers.has(id)),
      removed: [...beforeLayers.keys()].filter((id) => !afterLayers.has(id)),
      changed,
      reordered: !same(order(before, afterLayers), order(after, beforeLayers)),
    },
    panels: {
      added: after.panels.filter((p) => !beforeSlots.has(p.kind)).map((p) => `${p.kind} @ ${p.slot}`),
      removed: before.panels.filter((p) => !afterSlots.has(p.kind)).map((p) => `${p.kind} @ ${p.slot}`),
      moved,
    },
  };
}

/** Whether a diff has anything in it. */
export function isEmptyDiff(d: SceneDiff): boolean {
  return (
    !d.fields.length &&
    !d.layers.added.length &&
    !d.layers.removed.length &&
    !Object.keys(d.layers.changed).length &&
    !d.layers.reordered &&
    !d.panels.added.length &&
    !d.panels.removed.length &&
    !Object.keys(d.panels.moved).length
  );
}
