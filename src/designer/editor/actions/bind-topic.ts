import type { Scene, SceneLayer } from '../../../hub/contract.ts';
import { LAYER_KINDS } from '../../../modules/registry.ts';
import { updateLayer } from './layer-at.ts';

/** The topics a layer of `kind` may read: its own first, then those it accepts. */
export function topicsFor(kind: string): string[] {
  const k = LAYER_KINDS.get(kind);
  return k ? [...new Set([k.topic, ...(k.acceptsTopics ?? [])].filter((t): t is string => !!t))] : [];
}

function withoutTopic({ topic: _topic, ...rest }: SceneLayer): SceneLayer {
  return rest;
}

/**
 * Binds a layer to a topic its kind reads. Null (or the kind's own topic) leaves the choice to the
 * kind, so the file keeps no override; a topic the kind does not read is refused.
 */
export function bindTopic(scene: Scene, { id, topic }: { id: string; topic: string | null }): Scene {
  return updateLayer(scene, id, (l) => {
    const own = LAYER_KINDS.get(l.kind)?.topic;
    if (topic === null || topic === own) return l.topic === undefined ? l : withoutTopic(l);
    if (!topicsFor(l.kind).includes(topic) || l.topic === topic) return l;
    return { ...l, topic };
  });
}
