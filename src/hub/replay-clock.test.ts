import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replayedAt, replayedMoment } from './replay-clock.ts';

const T = 1_796_700_000_000;

describe('replayedAt: the time machine clock', () => {
  it('reads at + (hubNow - anchor) × rate while playing, at while paused or without an anchor', () => {
    expect(replayedAt({ mode: 'playback', at: T, rate: 60, anchor: T + 1000 }, T + 3000)).toBe(T + 120_000);
    expect(replayedAt({ mode: 'playback', at: T, anchor: T + 1000 }, T + 3000)).toBe(T + 2000);
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
});
