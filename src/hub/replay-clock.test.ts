import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caughtUp, replayedAt, replayedMoment } from './replay-clock.ts';

const T = 1_796_700_000_000;

describe('replayedAt: the time machine clock', () => {
  it('reads at + (hubNow - anchor) × rate while playing, at while paused or without an anchor', () => {
    const P = T - 3_600_000;
    expect(replayedAt({ mode: 'playback', at: P, rate: 60, anchor: T + 1000 }, T + 3000)).toBe(P + 120_000);
    expect(replayedAt({ mode: 'playback', at: P, anchor: T + 1000 }, T + 3000)).toBe(P + 2000);
    expect(replayedAt({ mode: 'playback', at: T, rate: 60, paused: true, anchor: T }, T + 3000)).toBe(T);
    expect(replayedAt({ mode: 'playback', at: T }, T + 3000)).toBe(T);
    expect(replayedMoment({ mode: 'live' }, T)).toBeNull();
  });

  it('never runs backwards and never reads before at (a display clock behind the hub)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: -10_000, max: 10_000_000 }), fc.nat(10_000), (rate, dt, step) => {
        const time = { mode: 'playback' as const, at: T, rate, anchor: T + 5_000 };
        const a = replayedAt(time, T + 5_000 + dt);
        expect(a).toBeGreaterThanOrEqual(T);
        expect(replayedAt(time, T + 5_000 + dt + step)).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('catches up with the present and waits there, never showing a future', () => {
    const time = { mode: 'playback' as const, at: T - 60_000, rate: 60, anchor: T };
    expect(replayedAt(time, T + 500)).toBe(T - 30_000);
    expect(caughtUp(time, T + 500)).toBe(false);
    expect(replayedAt(time, T + 2_000)).toBe(T + 2_000);
    expect(caughtUp(time, T + 2_000)).toBe(true);
    expect(caughtUp({ ...time, paused: true }, T + 2_000)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3600 }), fc.nat(100_000_000), (rate, dt) => {
        expect(replayedAt({ ...time, rate }, T + dt)).toBeLessThanOrEqual(T + dt);
      }),
    );
  });
});
