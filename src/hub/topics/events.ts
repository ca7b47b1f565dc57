/**
 * The events board: open city events, the recently closed, active alerts and today's figures. A
 * journal topic: the snapshot is the whole board, each live event a change to it (never shed,
 * applied in order; a gap in `seq` makes the wall fetch the snapshot again).
 */
import { defineTopic } from '../schema-kit.ts';
import { BoardSchema, CatalogSchema, EVENTS_LIMITS, type Board } from '../events/schemas.ts';

export const EVENTS_BOARD_TOPIC = 'events.board';
/** Categories and departments (names, colours, deadlines): changes rarely. */
export const EVENTS_CATALOG_TOPIC = 'events.catalog';

/** Position of each id in a board array, kept beside the array so a change costs no scan. */
const positions = new WeakMap<readonly { id: string }[], Map<string, number>>();

function indexOf(items: readonly { id: string }[]) {
  let index = positions.get(items);
  if (!index) {
    index = new Map(items.map((x, i) => [x.id, i]));
    positions.set(items, index);
  }
  return index;
}

/**
 * A new array with the changes applied: a changed item keeps its position (so a layer updates one
 * row), a new one is appended, an older version than held is ignored, removed ones go.
 */
function upsert<T extends { id: string; version: number }>(held: readonly T[], changes: readonly T[], removed: ReadonlySet<string>): T[] {
  const base = removed.size && held.some((x) => removed.has(x.id)) ? held.filter((x) => !removed.has(x.id)) : held;
  const index = indexOf(base);
  positions.delete(base); // the index moves on with the new array
  const next = base.slice();
  for (const c of changes) {
    const i = index.get(c.id);
    if (i === undefined) {
      index.set(c.id, next.length);
      next.push(c);
    } else if (c.version > next[i].version) next[i] = c;
  }
  positions.set(next, index);
  return next;
}

/** Applies one change of the board to the board held (the topic's journal merge). */
export function mergeBoard(held: Board | undefined, change: Board): Board {
  if (!held) return change;
  const removed = new Set(change.removed);
  const events = upsert(held.events, change.events, removed);
  const alerts = upsert(held.alerts, change.alerts, removed);
  return {
    events: events.length > EVENTS_LIMITS.maxBoardEvents ? events.slice(-EVENTS_LIMITS.maxBoardEvents) : events,
    alerts: alerts.length > EVENTS_LIMITS.maxBoardAlerts ? alerts.slice(-EVENTS_LIMITS.maxBoardAlerts) : alerts,
    removed: [],
    ...(change.stats ?? held.stats ? { stats: change.stats ?? held.stats } : {}),
  };
}

export const eventsTopics = [
  defineTopic(EVENTS_CATALOG_TOPIC, CatalogSchema, { intervalMs: 60_000 }),
  defineTopic(EVENTS_BOARD_TOPIC, BoardSchema, {
    intervalMs: 1000,
    delivery: { kind: 'journal', merge: mergeBoard as (held: unknown, change: unknown) => unknown },
  }),
];
