// The time machine's rule at the hub: a playback moment must lie in the recorded range (when the
// hub records), and the hub, not the console, starts the replayed clock.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Command } from '../../src/hub/control.ts';
import { WallStateSchema } from '../../src/hub/control.ts';
import { applyCommand, initialWallState } from '../../src/hub/wall-state.ts';
import { commandProblem, type CommandWorld } from './command-rules.ts';

const NOW = 1_796_700_000_000;
const RANGE = { from: NOW - 24 * 3600_000, to: NOW - 5_000 };
const world = (recorded?: CommandWorld['recorded']): CommandWorld => ({
  scenes: new Map(),
  districtCodes: new Set(),
  bounds: [105, 27.6, 110.7, 32.7],
  ...(recorded !== undefined ? { recorded } : {}),
});
const state = initialWallState('main', NOW);
const playback = (at: number, extra: Record<string, unknown> = {}): Command => ({ type: 'time', time: { mode: 'playback', at, ...extra } });

describe('playback against the recording', () => {
  it('accepts any moment inside the recorded range, and refuses every moment outside it naming the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: NOW - 30 * 24 * 3600_000, max: NOW }), (at) => {
        const problem = commandProblem(playback(at), state, world(RANGE), NOW, []);
        if (at >= RANGE.from && at <= RANGE.to) expect(problem).toBeNull();
        else {
          expect(problem).toMatch(/^command\.time\.at: .* is outside the recording \(/);
          expect(problem).toContain(new Date(RANGE.from).toISOString());
          expect(problem).toContain(new Date(RANGE.to).toISOString());
        }
      }),
    );
  });

  it('a hub that records nothing yet refuses playback; a hub without a recorder checks only the window', () => {
    expect(commandProblem(playback(NOW - 60_000), state, world(null), NOW, [])).toMatch(/nothing is recorded/);
    expect(commandProblem(playback(NOW - 60_000), state, world(), NOW, [])).toBeNull();
    expect(commandProblem(playback(NOW + 60_000), state, world(RANGE), NOW, [])).toMatch(/in the future/);
    expect(commandProblem({ type: 'time', time: { mode: 'live' } }, state, world(null), NOW, [])).toBeNull();
  });

  it('the hub stamps the anchor with issuedAt, replacing whatever the console sent', () => {
    const next = applyCommand(state, playback(RANGE.from, { rate: 60, anchor: 5 }), NOW + 7);
    expect(next.time).toEqual({ mode: 'playback', at: RANGE.from, rate: 60, anchor: NOW + 7 });
    expect(WallStateSchema.parse(next).time).toEqual(next.time);
  });

  it('rates outside 1..3600 do not parse; an old playback state (no rate, paused, anchor) still does', () => {
    const parse = (time: unknown) => WallStateSchema.safeParse({ ...state, time }).success;
    expect(parse({ mode: 'playback', at: RANGE.from })).toBe(true);
    expect(parse({ mode: 'playback', at: RANGE.from, rate: 3600, paused: true })).toBe(true);
    expect(parse({ mode: 'playback', at: RANGE.from, rate: 0.5 })).toBe(false);
    expect(parse({ mode: 'playback', at: RANGE.from, rate: 3601 })).toBe(false);
  });
});
