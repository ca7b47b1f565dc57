/**
 * How urgent an open event is, one definition for every screen: the console's queue and the wall's
 * list put events in the same order and count the same clocks.
 */
import { isOpen, levelRank, type CityEvent } from './schemas.ts';

/** What an open event waits for and until when: acceptance of a report, handling after dispatch. */
export function dueOf(e: CityEvent): { kind: 'accept' | 'deadline'; at: number } | null {
  if (e.status === 'reported') return { kind: 'accept', at: e.acceptBy };
  if ((e.status === 'dispatched' || e.status === 'in-progress') && e.deadline !== undefined) return { kind: 'deadline', at: e.deadline };
  return null;
}

/** 0 overdue, 1 escalated, 2 red, 3 the rest; closed and refused events after every open one. */
function heat(e: CityEvent): number {
  if (!isOpen(e.status)) return 9;
  if (e.overdue) return 0;
  if (e.escalated) return 1;
  if (e.level === 'red') return 2;
  return 3;
}

/**
 * Most urgent first: overdue, escalated and red events, then the nearest acceptance time or
 * deadline (events waiting for nothing of the clock after those that do), the higher level, the
 * older report.
 */
export function compareUrgency(a: CityEvent, b: CityEvent): number {
  const h = heat(a) - heat(b);
  if (h) return h;
  const da = dueOf(a)?.at ?? Infinity;
  const db = dueOf(b)?.at ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  const l = levelRank(b.level) - levelRank(a.level);
  if (l) return l;
  if (a.reportedAt !== b.reportedAt) return a.reportedAt - b.reportedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
