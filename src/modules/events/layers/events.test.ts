import { describe, expect, it } from 'vitest';
import { createLayerMemo } from '../../../core/module-api.ts';
import { mergeBoard } from '../../../hub/topics/events.ts';
import type { Board, CityEvent } from '../../../hub/events/schemas.ts';
import { boardDataDiff } from '../board.ts';
import { CATALOG, bump, makeBoard } from '../test-fixtures.ts';
import { OVERDUE_PULSE_MS, buildEventLayers, escalatedOpen, fillOf, categoryColours, lineOf, overdueOpen, type EventLayerInput } from './events.ts';

const board = makeBoard();
type Props = Record<string, unknown> & { updateTriggers: Record<string, unknown>; data: unknown };
const props = (l: { props: unknown }) => l.props as Props;

function input(over: Partial<EventLayerInput> = {}): EventLayerInput {
  return { id: 'ev', board, catalog: CATALOG, scale: 1, now: 0, animate: false, opacity: 1, size: 1, showClosed: true, pulse: true, dim: 0, memo: createLayerMemo(), ...over };
}

describe('buildEventLayers', () => {
  it('stable ids; the points read the board’s own array, with the partial-update diff and no seq trigger', () => {
    const layers = buildEventLayers(input());
    expect(layers.map((l) => l.id)).toEqual(['ev-points', 'ev-escalated', 'ev-overdue']);
    const points = props(layers[0]);
    expect(points.data).toBe(board.events);
    expect(points._dataDiff).toBe(boardDataDiff);
    expect(points.updateTriggers).toEqual({ getFillColor: CATALOG.version, getRadius: true });
    expect(buildEventLayers(input({ dim: 0.4 })).map((l) => l.id)[0]).toBe('ev-dim');
  });

  it('one changed event among 10,000: the same derived arrays where nothing changed, and a one-row diff', () => {
    const big = makeBoard({ events: 10_000, seed: 11 });
    const memo = createLayerMemo();
    const before = buildEventLayers(input({ board: big, memo }));
    const target = big.events.findIndex((e) => e.status === 'in-progress' && !e.escalated && !e.overdue);
    const next: Board = mergeBoard(big, { events: [bump(big.events[target], { status: 'handled' })], alerts: [], removed: [] });
    const after = buildEventLayers(input({ board: next, memo }));
    const [p0, p1] = [props(before[0]), props(after[0])];
    expect(p1.data).toBe(next.events);
    expect(boardDataDiff(p1.data, p0.data)).toEqual([{ startRow: target, endRow: target + 1 }]);
    // The accessors are the same functions: deck.gl sees no reason to recompute any other row.
    expect(p1.getFillColor).toBe(p0.getFillColor);
    expect(p1.getRadius).toBe(p0.getRadius);
    expect(p1.updateTriggers).toEqual(p0.updateTriggers);
  });

  it('the pulse moves only uniforms, and holds still without animation', () => {
    const memo = createLayerMemo();
    const at = (now: number, animate = true) => props(buildEventLayers(input({ now, animate, memo })).find((l) => l.id === 'ev-overdue')!);
    expect(at(0).radiusScale).toBe(1);
    expect(at(OVERDUE_PULSE_MS / 2).radiusScale as number).toBeGreaterThan(at(OVERDUE_PULSE_MS / 4).radiusScale as number);
    expect(at(OVERDUE_PULSE_MS / 2).opacity as number).toBeLessThan(at(OVERDUE_PULSE_MS / 4).opacity as number);
    expect(at(OVERDUE_PULSE_MS / 2).data).toBe(at(0).data);
    expect(at(123, false).radiusScale).toBe(at(999, false).radiusScale);
    expect(buildEventLayers(input({ pulse: false })).some((l) => l.id === 'ev-overdue')).toBe(false);
  });

  it('colour by category, outline by level; closed and refused faint', () => {
    const fill = fillOf(categoryColours(CATALOG));
    const open = board.events.find((e) => e.category === 'roads' && e.status === 'dispatched')!;
    expect(fill(open)).toEqual([167, 139, 250, 235]);
    const closed: CityEvent = { ...open, status: 'closed' };
    expect(fill(closed)[3]).toBeLessThan(100);
    expect(lineOf({ ...open, level: 'red' })).toEqual([255, 59, 48, 255]);
    expect(fillOf(categoryColours(undefined))(open)).toEqual([63, 208, 255, 235]);
  });

  it('rings for the open escalated, pulses for the open overdue', () => {
    expect(escalatedOpen(board.events).every((e) => e.escalated && e.status !== 'closed')).toBe(true);
    expect(overdueOpen(board.events).length).toBe(board.events.filter((e) => e.overdue && e.status !== 'closed' && e.status !== 'refused').length);
  });
});
