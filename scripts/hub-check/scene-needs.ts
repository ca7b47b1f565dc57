/**
 * What each bundled scene needs from a hub, computed from the scene files and the module registry
 * (each layer kind's `topic`/`extraTopics`, each panel kind's `topics`), as the markdown tables of
 * docs/hub-contract.md. scripts/hub-check.test.ts compares the doc with this, so the doc cannot go
 * stale. Loads the registry (React panels, deck.gl layers, CSS): run it under vitest, not tsx.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SceneSchema, TOPICS, describeIssue } from '../../src/hub/contract.ts';
import { sceneTopics } from '../../src/modules/scene-validation.ts';
import { eventBound } from './check.ts';

/** Subscribed by every wall whatever its scene (header, district cards). */
export const ALWAYS_TOPIC = 'overview';

export interface SceneNeeds {
  id: string;
  file: string;
  /** Topics of the scene's layers (all of them: the console may show a hidden one) and panels. */
  topics: string[];
  buildings: boolean;
}

export function bundledSceneNeeds(root: string): SceneNeeds[] {
  const dir = join(root, 'scenes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      // The shape is enough here: the wall's own tests check scenes against the registry.
      const parsed = SceneSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`scenes/${file}: ${describeIssue(parsed.error)}`);
      const scene = parsed.data;
      const everyLayer = Object.fromEntries(scene.layers.map((l) => [l.id, true]));
      return { id: scene.id, file: `scenes/${file}`, topics: sceneTopics(scene, everyLayer), buildings: scene.city.buildings };
    });
}

const code = (s: string) => `\`${s}\``;
const size = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000} MB` : `${n.toLocaleString('en-US')} B`);
const seconds = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/** The per-scene table: topics beyond `overview`, which every scene needs. */
export function sceneTable(needs: SceneNeeds[]): string {
  const rows = needs.map((n) => {
    const topics = n.topics.filter((t) => t !== ALWAYS_TOPIC);
    const list = topics.map((t) => (TOPICS.get(t)?.snapshot === false ? `${code(t)} (live only)` : code(t))).join(', ') || '—';
    return `| ${code(n.id)} | ${n.file} | ${list} | ${n.buildings ? 'drawn' : 'not drawn'} |`;
  });
  return ['| scene | file | topics beyond `overview` (subscribed, and `GET /api/v1/topics/<name>` unless live only) | city model |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The per-topic table: where it is documented, what the hub serves, its bound, who needs it. */
export function topicTable(needs: SceneNeeds[]): string {
  const rows = [...TOPICS.values()].map((spec) => {
    const module = spec.name.split('.')[0];
    const doc = spec.name === ALWAYS_TOPIC ? '[below](#the-overview-topic)' : `[topics/${module}.md](topics/${module}.md)`;
    const users = spec.name === ALWAYS_TOPIC ? 'every scene' : needs.filter((n) => n.topics.includes(spec.name)).map((n) => code(n.id)).join(', ') || '—';
    return `| ${code(spec.name)} | ${doc} | ${spec.snapshot ? 'yes' : 'no (live only)'} | ${spec.history ? `${spec.history.maxPoints} × ${seconds(spec.history.bucketMs)}` : '—'} | ${seconds(spec.intervalMs)} | ${size(eventBound(spec))} | ${users} |`;
  });
  return ['| topic | fields | snapshot | `history` | typical interval | bound per event | needed by |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const MARKERS = {
  scenes: ['<!-- scene-needs:start (generated: scripts/hub-check/scene-needs.ts) -->', '<!-- scene-needs:end -->'],
  topics: ['<!-- topic-needs:start (generated: scripts/hub-check/scene-needs.ts) -->', '<!-- topic-needs:end -->'],
} as const;

/** The text between a pair of markers in the doc, or null when the markers are missing. */
export function between(doc: string, [start, end]: readonly [string, string]): string | null {
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) return null;
  return doc.slice(a + start.length, b).trim();
}
