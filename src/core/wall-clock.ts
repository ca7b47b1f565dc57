/**
 * The wall clock: hub time as seen by this display. Every display of a wall animates from this
 * clock (camera flights, radar loops, pulses), so displays showing slices of one view move in
 * lock-step even when their own clocks differ. The offset is estimated from the hub's time in each
 * join snapshot (half the round trip added), smoothed so a slow answer does not jerk animations.
 */
let offsetMs = 0;
let samples = 0;

/** Hub epoch ms now. */
export function wallNow(): number {
  return Date.now() + offsetMs;
}

/**
 * A sample: the hub said `hubTime` in an answer to a request sent at local `sentAt` and received
 * at local `receivedAt`.
 */
export function syncWallClock(hubTime: number, sentAt: number, receivedAt: number) {
  if (!(receivedAt >= sentAt) || !Number.isFinite(hubTime)) return;
  const estimate = hubTime + (receivedAt - sentAt) / 2 - receivedAt;
  offsetMs = samples === 0 ? estimate : offsetMs + (estimate - offsetMs) * 0.3;
  samples++;
}

/**
 * Takes an offset estimated elsewhere as is: the console's miniature of a wall (an iframe on the
 * console's own clock) uses the console's, so its tour steps turn with the presenter's view.
 */
export function setWallClockOffset(ms: number) {
  if (!Number.isFinite(ms)) return;
  offsetMs = ms;
  samples++;
}

export function wallClockOffset(): number {
  return offsetMs;
}
