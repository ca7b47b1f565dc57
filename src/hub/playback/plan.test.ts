import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAYBACK_TUNING, fellBehind, lookaheadMs, pageWindow, pollsAt, takeDue, wantsPage } from './plan.ts';

const T = 1_796_700_000_000;
const env = (topic: string, recordedAt: number) => ({ topic, recordedAt });

describe('playback plan', () => {
  it('applies only the newest envelope per topic at or before the clock, in recording order; the rest waits', () => {
    const buffer = [env('a', T), env('b', T + 1), env('a', T + 2), env('c', T + 3), env('a', T + 10)];
    const { due, rest, skipped } = takeDue(buffer, T + 5);
    expect(due).toEqual([env('b', T + 1), env('a', T + 2), env('c', T + 3)]);
    expect(rest).toEqual([env('a', T + 10)]);
    expect(skipped).toBe(1);
  });

  it('takeDue: nothing later than the clock is applied, nothing at or before it stays, one per topic', () => {
    const arb = fc.array(fc.record({ topic: fc.constantFrom('a', 'b', 'c'), dt: fc.nat(1000) }), { maxLength: 60 });
    fc.assert(
      fc.property(arb, fc.integer({ min: -10, max: 60_000 }), (rows, at) => {
        let t = T;
        const buffer = rows.map((r) => env(r.topic, (t += r.dt)));
        const { due, rest, skipped } = takeDue(buffer, T + at);
        expect(due.every((e) => e.recordedAt <= T + at)).toBe(true);
        expect(rest.every((e) => e.recordedAt > T + at)).toBe(true);
        expect(new Set(due.map((e) => e.topic)).size).toBe(due.length);
        expect(due.length + skipped + rest.length).toBe(buffer.length);
        for (const d of due) expect(buffer.filter((e) => e.topic === d.topic && e.recordedAt <= T + at).at(-1)).toBe(d);
      }),
    );
  });

  it('pages ahead by a window sized by the rate, one request at a time, within a bounded buffer', () => {
    expect(lookaheadMs(1)).toBe(PLAYBACK_TUNING.minLookaheadMs);
    expect(lookaheadMs(60)).toBe(60 * PLAYBACK_TUNING.lookaheadWallMs);
    const s = { clock: T, rate: 60, fetchedTo: T, buffered: 0, inFlight: false };
    expect(wantsPage(s)).toBe(true);
    expect(wantsPage({ ...s, inFlight: true })).toBe(false);
    expect(wantsPage({ ...s, buffered: PLAYBACK_TUNING.maxBuffered })).toBe(false);
    expect(wantsPage({ ...s, fetchedTo: T + lookaheadMs(60) })).toBe(false);
    expect(pageWindow(s)).toEqual({ from: T + 1, to: T + lookaheadMs(60) });
    // A tick after a seek is not "behind"; two wall seconds of recording without data are.
    expect(fellBehind({ clock: T + 6_000, fetchedTo: T, rate: 60 })).toBe(false);
    expect(fellBehind({ clock: T + 60 * PLAYBACK_TUNING.behindWallMs + 1, fetchedTo: T, rate: 60 })).toBe(true);
  });

  it('polls /state at the highest rates', () => {
    expect(pollsAt(60)).toBe(false);
    expect(pollsAt(600)).toBe(true);
    expect(pollsAt(3600)).toBe(true);
  });
});
