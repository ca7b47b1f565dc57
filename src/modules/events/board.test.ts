import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeBoard } from '../../hub/topics/events.ts';
import type { Board, CityEvent } from '../../hub/events/schemas.ts';
import { alertCounts, boardDataDiff, changedRows, dueAt, MAX_RANGES, newestAlerts, timelineOf, urgentFirst } from './board.ts';
import { T0, bump, makeBoard } from './test-fixtures.ts';

const board = makeBoard();
const change = (events: CityEvent[] = [], extra: Partial<Board> = {}): Board => ({ events, alerts: [], removed: [], ...extra });

describe('changedRows', () => {
  it('one replaced item is one range of one row', () => {
    const next = mergeBoard(board, change([bump(board.events[120], { status: 'handled' })]));
    expect(next.events).not.toBe(board.events);
    expect(changedRows(board.events, next.events)).toEqual([{ startRow: 120, endRow: 121 }]);
    expect(boardDataDiff(next.events, board.events)).toEqual([{ startRow: 120, endRow: 121 }]);
  });

  it('appended items are one range at the end, joined to a change at the old end', () => {
    const fresh = { ...board.events[0], id: 'EV-20260520-99999' };
    const next = mergeBoard(board, change([fresh, bump(board.events[3], {})]));
    expect(changedRows(board.events, next.events)).toEqual([
      { startRow: 3, endRow: 4 },
      { startRow: 300, endRow: 301 },
    ]);
    const last = mergeBoard(board, change([bump(board.events[299], {}), fresh]));
    expect(changedRows(board.events, last.events)).toEqual([{ startRow: 299, endRow: 301 }]);
  });

  it('nothing changed: no rows (deck.gl updates nothing)', () => {
    expect(changedRows(board.events, board.events.slice())).toEqual([]);
  });

  it('removed rows, a first value, or too much change: null, a full update', () => {
    const removed = mergeBoard(board, change([], { removed: [board.events[5].id] }));
    expect(changedRows(board.events, removed.events)).toBeNull();
    expect(changedRows(null, board.events)).toBeNull();
    const many = board.events.map((e, i) => (i % 2 ? bump(e, {}) : e));
    expect(changedRows(board.events, many)).toBeNull(); // 150 ranges
    expect(boardDataDiff(many, board.events)).toBeNull();
    expect(boardDataDiff({}, board.events)).toBeNull();
  });

  it('ranges cover exactly the rows that differ (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(99), { maxLength: 12 }), fc.nat(5), (touched, appended) => {
        const prev = Array.from({ length: 100 }, (_, i) => ({ i }));
        const next = prev.map((x, i) => (touched.includes(i) ? { i } : x));
        for (let k = 0; k < appended; k++) next.push({ i: 100 + k });
        const ranges = changedRows(prev, next);
        expect(ranges).not.toBeNull();
        expect(ranges!.length).toBeLessThanOrEqual(MAX_RANGES);
        const covered = new Set(ranges!.flatMap((r) => Array.from({ length: r.endRow - r.startRow }, (_, j) => r.startRow + j)));
        const differ = next.flatMap((x, i) => (x !== prev[i] ? [i] : []));
        expect([...covered].sort((a, b) => a - b)).toEqual(differ);
      }),
    );
  });

  it('10,000 rows where one changes: one row, found in one pass', () => {
    const big = makeBoard({ events: 10_000, seed: 3 });
    const next = mergeBoard(big, change([bump(big.events[7777], { escalated: true })]));
    expect(changedRows(big.events, next.events)).toEqual([{ startRow: 7777, endRow: 7778 }]);
  });
});

describe('urgency', () => {
  const events = board.events;
  const urgent = urgentFirst(events);

  it('lists open events only: red, escalated and overdue first, then by the moment their clock runs out', () => {
    expect(urgent.every((e) => e.status !== 'closed' && e.status !== 'refused')).toBe(true);
    const pressing = (e: CityEvent) => e.level === 'red' || e.escalated || e.overdue;
    const firstCalm = urgent.findIndex((e) => !pressing(e));
    expect(firstCalm).toBeGreaterThan(0);
    expect(urgent.slice(firstCalm).some(pressing)).toBe(false);
    const dues = urgent.slice(firstCalm).map((e) => dueAt(e) ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(urgent.some((e) => e.overdue)).toBe(true);
  });

  it('the clock runs to accept-by while reported, to the deadline once dispatched, and stops once handled', () => {
    const e = events.find((x) => x.status === 'reported')!;
    expect(dueAt(e)).toBe(e.acceptBy);
    const d = events.find((x) => x.status === 'in-progress')!;
    expect(dueAt(d)).toBe(d.deadline);
    expect(dueAt(events.find((x) => x.status === 'handled')!)).toBeNull();
    expect(dueAt(events.find((x) => x.status === 'closed')!)).toBeNull();
  });
});

describe('alerts', () => {
  it('newest active first; counts per level', () => {
    const newest = newestAlerts(board.alerts, 5);
    expect(newest).toHaveLength(5);
    expect(newest.every((a) => a.status === 'active')).toBe(true);
    expect(newest.map((a) => a.openedAt)).toEqual([...newest.map((a) => a.openedAt)].sort((a, b) => b - a));
    const counts = alertCounts(board.alerts);
    expect(counts.red).toBeGreaterThanOrEqual(2);
    expect(counts.blue + counts.yellow + counts.orange + counts.red).toBe(board.alerts.filter((a) => a.status === 'active').length);
  });
});

describe('timelineOf', () => {
  const base = board.events.find((e) => e.status === 'in-progress')!;

  it('an event in hand: reported, accepted and dispatched done with their times, in hand current, the rest to do', () => {
    const steps = timelineOf(base);
    expect(steps.map((s) => s.name)).toEqual(['上报', '立案', '派遣', '处置', '反馈', '核查', '结案']);
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'current', 'todo', 'todo', 'todo']);
    expect(steps[0].at).toBe(base.reportedAt);
    expect(steps[2].at).toBe(base.dispatchedAt);
    expect(steps[4].at).toBeNull();
  });

  it('closed: every step done; refused: reported then refused', () => {
    const closed = board.events.find((e) => e.status === 'closed')!;
    expect(timelineOf(closed).every((s) => s.state === 'done')).toBe(true);
    expect(timelineOf(closed).at(-1)!.at).toBe(closed.closedAt);
    const refused = board.events.find((e) => e.status === 'refused')!;
    expect(timelineOf(refused).map((s) => [s.key, s.state])).toEqual([
      ['reported', 'done'],
      ['refused', 'done'],
    ]);
    expect(timelineOf(refused)[1].at).toBe(refused.closedAt);
  });

  it('the fixture board is realistic: hundreds of events now, some overdue and escalated', () => {
    expect(board.events).toHaveLength(300);
    expect(board.events.filter((e) => e.overdue).length).toBeGreaterThan(3);
    expect(board.events.filter((e) => e.escalated).length).toBeGreaterThan(3);
    expect(board.events.every((e) => e.reportedAt <= T0)).toBe(true);
  });
});
