import type { WallTime } from './control.ts';

type Playback = Extract<WallTime, { mode: 'playback' }>;

/**
 * The one clock of the time machine: the recorded moment a wall in playback shows at hub time
 * `hubNow`. Every display (layers, panels, the sun, the badge) and the console read it from the
 * same wall state, so they replay together. `anchor` is the hub time at which the clock read `at`
 * (the command's issuedAt, stamped by the hub); without one (a state from an older hub) the clock
 * stands at `at`. Never earlier than `at`, whatever the local clock says, and never later than
 * now: faster than 1× the replay catches up with the present and waits there (caughtUp) instead
 * of showing a future nobody recorded.
 */
export function replayedAt(time: Playback, hubNow: number): number {
  if (time.paused || time.anchor === undefined) return time.at;
  const rate = time.rate ?? 1;
  return Math.max(time.at, Math.min(hubNow, time.at + Math.max(0, hubNow - time.anchor) * rate));
}

/** Whether a playing replay has caught up with the present (it holds there until live or a seek). */
export const caughtUp = (time: Playback, hubNow: number) => !time.paused && time.anchor !== undefined && replayedAt(time, hubNow) >= hubNow;

/** replayedAt for any wall time: null while live. */
export function replayedMoment(time: WallTime | undefined | null, hubNow: number): number | null {
  return time?.mode === 'playback' ? replayedAt(time, hubNow) : null;
}
