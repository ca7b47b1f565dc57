import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CommandSchema } from '../../../hub/control.ts';
import { TIMELINE_MAX_MS, clampTo, fraction, playbackCommand, timelineWindow } from './playback-model.ts';

const T = 1_796_700_000_000;
const RANGE = { from: T - 48 * 3600_000, to: T };

describe('console time machine model', () => {
  it('the timeline shows the newest 24 h of the recording; positions are clamped to it', () => {
    expect(timelineWindow(RANGE)).toEqual({ from: T - TIMELINE_MAX_MS, to: T });
    expect(timelineWindow({ from: T - 60_000, to: T })).toEqual({ from: T - 60_000, to: T });
    expect(fraction(T - TIMELINE_MAX_MS / 2, timelineWindow(RANGE))).toBeCloseTo(0.5);
    expect(fraction(T + 1, timelineWindow(RANGE))).toBe(1);
  });

  it('every button sends a valid time command; play, pause and rate continue from where the replay is', () => {
    const live = { mode: 'live' } as const;
    expect(playbackCommand({ do: 'play' }, live, T, RANGE, T - 3600_000)).toEqual({ type: 'time', time: { mode: 'playback', at: T - 3600_000, rate: 1, paused: false } });
    const running = { mode: 'playback', at: T - 7200_000, rate: 60, anchor: T - 10_000 } as const;
    expect(playbackCommand({ do: 'pause' }, running, T, RANGE, 0).time).toEqual({ mode: 'playback', at: T - 7200_000 + 600_000, rate: 60, paused: true });
    expect(playbackCommand({ do: 'rate', rate: 600 }, running, T, RANGE, 0).time).toMatchObject({ at: T - 6600_000, rate: 600, paused: false });
    expect(playbackCommand({ do: 'live' }, running, T, RANGE, 0).time).toEqual(live);
    fc.assert(
      fc.property(fc.integer({ min: RANGE.from - 1e9, max: RANGE.to + 1e9 }), (at) => {
        const cmd = playbackCommand({ do: 'seek', at }, running, T, RANGE, 0);
        expect(CommandSchema.safeParse(cmd).success).toBe(true);
        expect(cmd.time).toMatchObject({ at: clampTo(at, RANGE), rate: 60 });
      }),
    );
  });
});
