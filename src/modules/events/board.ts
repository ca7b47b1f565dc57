/**
 * Pure readings of the events board shared by the layers and panels: which rows changed, which
 * events are most urgent, what each event's SLA clock counts to, which alerts are newest.
 */
import type { Alert, Board, Catalog, CityEvent } from '../../hub/events/schemas.ts';
import { isOpen, levelRank } from '../../hub/events/schemas.ts';
import { compareUrgency, dueOf } from '../../hub/events/urgency.ts';

/** A run of rows [startRow, endRow) that deck.gl updates (its `_dataDiff` ranges). */
export interface RowRange {
  startRow: number;
  endRow: number;
}

/**
 * More ranges than this, or more changed rows than this share of the array, and a full update is
 * as cheap as patching: deck.gl then rebuilds the attributes once.
 */
export const MAX_RANGES = 64;
export const MAX_CHANGED_SHARE = 0.25;

/**
 * The rows of `next` that differ from `prev`, compared item by item by identity, as ranges; null
 * when a partial update cannot describe the change (rows removed, or so many changed that a full
 * update is cheaper). The board's merge keeps a changed item at its position and appends new ones,
 * so one changed event is one range of one row: deck.gl then rewrites one row of each attribute
 * instead of all of them. Runs in one pass of pointer compares (10,000 rows: a few microseconds).
 */
export function changedRows<T>(prev: readonly T[] | null | undefined, next: readonly T[]): RowRange[] | null {
  if (!prev || next.length < prev.length) return null;
  const ranges: RowRange[] = [];
  let changed = 0;
  const limit = Math.max(1, Math.floor(next.length * MAX_CHANGED_SHARE));
  let start = -1;
  for (let i = 0; i < prev.length; i++) {
    if (next[i] !== prev[i]) {
      if (start < 0) start = i;
      changed++;
      if (changed > limit) return null;
    } else if (start >= 0) {
      ranges.push({ startRow: start, endRow: i });
      start = -1;
      if (ranges.length > MAX_RANGES) return null;
    }
  }
  if (next.length > prev.length) {
    // Appended rows join a change that runs up to the old end.
    changed += next.length - prev.length;
    if (changed > limit && prev.length > 0) return null;
    if (start < 0) start = prev.length;
  }
  if (start >= 0) ranges.push({ startRow: start, endRow: next.length });
  return ranges.length > MAX_RANGES ? null : ranges;
}

/**
 * deck.gl's `_dataDiff` prop: the changed ranges of a board array. null (a non-array, or
 * changedRows found no partial answer) makes deck.gl fall back to a full update: it reads any
 * falsy answer as "use the data-changed reason", which invalidates every row.
 */
export function boardDataDiff(newData: unknown, oldData?: unknown): RowRange[] | null {
  if (!Array.isArray(newData) || !Array.isArray(oldData)) return null;
  return changedRows(oldData, newData);
}

/** The moment an open event's SLA clock runs to: accept-by while reported, then its deadline (null: stopped). */
export const dueAt = (e: CityEvent): number | null => dueOf(e)?.at ?? null;

/** Open events, most urgent first (the order of the console's queue too: src/hub/events/urgency.ts). */
export function urgentFirst(events: readonly CityEvent[]): CityEvent[] {
  return events.filter((e) => isOpen(e.status)).sort(compareUrgency);
}

const urgentByBoard = new WeakMap<readonly CityEvent[], CityEvent[]>();
/**
 * urgentFirst once per board array, shared by the panels that read it (the list and the detail
 * card): with 10,000 events the sort is the costliest thing a board change asks of the DOM side.
 * Keyed weakly by the array, so it goes with the board value.
 */
export function urgentOf(events: readonly CityEvent[]): CityEvent[] {
  let sorted = urgentByBoard.get(events);
  if (!sorted) urgentByBoard.set(events, (sorted = urgentFirst(events)));
  return sorted;
}

/** Active alerts, the newest first (by the time they opened, then their last change). */
export function newestAlerts(alerts: readonly Alert[], max = Number.POSITIVE_INFINITY): Alert[] {
  return alerts
    .filter((a) => a.status === 'active')
    .sort((a, b) => b.openedAt - a.openedAt || b.updatedAt - a.updatedAt)
    .slice(0, max);
}

/** Active alerts, the highest level first, then the newest. */
export function alertsByLevel(alerts: readonly Alert[]): Alert[] {
  return alerts.filter((a) => a.status === 'active').sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.updatedAt - a.updatedAt);
}

/** Active alerts per level, lowest level first. */
export function alertCounts(alerts: readonly Alert[]): Record<Alert['level'], number> {
  const counts = { blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const a of alerts) if (a.status === 'active') counts[a.level]++;
  return counts;
}

/**
 * What is true on the board now: open events, the overdue among them, active alerts. The figures
 * panel shows these rather than the hub's periodic counts, so it agrees with the list, the alerts
 * panel and the map on the same screen.
 */
export function liveCounts(board: Board): { open: number; overdue: number; activeAlerts: number } {
  let open = 0;
  let overdue = 0;
  for (const e of board.events) {
    if (!isOpen(e.status)) continue;
    open++;
    if (e.overdue) overdue++;
  }
  return { open, overdue, activeAlerts: board.alerts.reduce((n, a) => n + (a.status === 'active' ? 1 : 0), 0) };
}

/** Catalogue look-ups by id, built once per catalogue. */
export function catalogIndex(catalog: Catalog | undefined) {
  return {
    categories: new Map((catalog?.categories ?? []).map((c) => [c.id, c])),
    departments: new Map((catalog?.departments ?? []).map((d) => [d.id, d])),
  };
}
export type CatalogIndex = ReturnType<typeof catalogIndex>;

/** The lifecycle as a stepper: each step, the time the event carries for it, and whether it is done. */
export interface TimelineStep {
  key: 'reported' | 'accepted' | 'refused' | 'dispatched' | 'in-progress' | 'handled' | 'verified' | 'closed';
  name: string;
  nameEn: string;
  at: number | null;
  state: 'done' | 'current' | 'todo';
}

const STEP_ORDER = ['reported', 'accepted', 'dispatched', 'in-progress', 'handled', 'verified', 'closed'] as const;
const STEP_NAMES: Record<TimelineStep['key'], [string, string]> = {
  reported: ['上报', 'Reported'],
  accepted: ['立案', 'Accepted'],
  refused: ['不予立案', 'Refused'],
  dispatched: ['派遣', 'Dispatched'],
  'in-progress': ['处置', 'In hand'],
  handled: ['反馈', 'Handled'],
  verified: ['核查', 'Verified'],
  closed: ['结案', 'Closed'],
};

/**
 * reported → accepted → dispatched → in hand → handled → verified → closed, with the times the
 * event carries; a refused event is reported → refused. The step the event is at is `current`
 * (a closed or refused event has none: all its steps are done).
 */
export function timelineOf(e: CityEvent): TimelineStep[] {
  const step = (key: TimelineStep['key'], at: number | null | undefined, state: TimelineStep['state']): TimelineStep => ({
    key,
    name: STEP_NAMES[key][0],
    nameEn: STEP_NAMES[key][1],
    at: at ?? null,
    state,
  });
  if (e.status === 'refused') return [step('reported', e.reportedAt, 'done'), step('refused', e.closedAt, 'done')];
  const times: Record<(typeof STEP_ORDER)[number], number | undefined> = {
    reported: e.reportedAt,
    accepted: e.acceptedAt,
    dispatched: e.dispatchedAt,
    // The event carries no time for the start of work: the step shows done without one.
    'in-progress': undefined,
    handled: e.handledAt,
    verified: e.verifiedAt,
    closed: e.closedAt,
  };
  const at = STEP_ORDER.indexOf(e.status as (typeof STEP_ORDER)[number]);
  return STEP_ORDER.map((key, i) => step(key, times[key], i < at || e.status === 'closed' ? 'done' : i === at ? 'current' : 'todo'));
}
