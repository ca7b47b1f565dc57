/**
 * The player's decisions, free of timers and fetches (player.ts does those): how far ahead of the
 * replayed clock to page, when a page is wanted, what to apply at a tick, and when paging cannot
 * keep up. Times are the recording clock (epoch ms, RecordedEnvelope.recordedAt).
 */

export const PLAYBACK_TUNING = {
  /** How often the player looks at the clock and applies what is due (a few animation frames). */
  tickMs: 100,
  /** Seconds of wall time each page window covers ahead of the replayed clock (× rate = recording time). */
  lookaheadWallMs: 8_000,
  /** A window never covers less recording time than this (1× needs only a few envelopes a page). */
  minLookaheadMs: 10_000,
  /** Envelopes one page asks for. */
  pageLimit: 500,
  /** Envelopes held ahead of the clock, at most: no page is asked for while this many wait. */
  maxBuffered: 3_000,
  /** At or above this rate pages cannot keep up with a day's recording: poll /state instead. */
  pollAtRate: 600,
  /** How often /state is polled in that mode (a few Hz). */
  pollMs: 250,
  /** Paging has fallen behind when what was fetched ends this much wall time (× rate) before the clock. */
  behindWallMs: 2_000,
  /** After a failed fetch, wait this long before the next try (the wall keeps its picture). */
  retryMs: 2_000,
} as const;

/** Recording time one page window covers at `rate`. */
export function lookaheadMs(rate: number): number {
  return Math.max(PLAYBACK_TUNING.minLookaheadMs, rate * PLAYBACK_TUNING.lookaheadWallMs);
}

/** At this rate the player polls /state rather than pages /messages. */
export const pollsAt = (rate: number) => rate >= PLAYBACK_TUNING.pollAtRate;

export interface PagingState {
  /** The replayed clock now. */
  clock: number;
  rate: number;
  /** Recording time through which every envelope has been fetched (or the seek moment). */
  fetchedTo: number;
  /** Envelopes waiting in the buffer. */
  buffered: number;
  /** A request is in flight (one at a time). */
  inFlight: boolean;
}

/** Whether to ask for the next page now: less than half a window fetched ahead, room in the buffer, nothing in flight. */
export function wantsPage(s: PagingState): boolean {
  if (s.inFlight || s.buffered >= PLAYBACK_TUNING.maxBuffered) return false;
  return s.fetchedTo < s.clock + lookaheadMs(s.rate) / 2;
}

/** The window of the next page: from just after what was fetched, one lookahead past the clock. */
export function pageWindow(s: Pick<PagingState, 'clock' | 'rate' | 'fetchedTo'>): { from: number; to: number } {
  const from = s.fetchedTo + 1;
  return { from, to: Math.max(from, s.clock + lookaheadMs(s.rate)) };
}

/**
 * Paging fell behind the clock (a slow hub, a huge page, a rate too high for the topics): what was
 * fetched ends well before the clock. The player then takes the state at the clock (one /state) and
 * pages on from there, skipping what it could not fetch in time, rather than replay late.
 */
export const fellBehind = (s: Pick<PagingState, 'clock' | 'fetchedTo' | 'rate'>) => s.fetchedTo < s.clock - s.rate * PLAYBACK_TUNING.behindWallMs;

export interface Timed {
  topic: string;
  recordedAt: number;
}

/**
 * What to apply at `clock`: of the buffered envelopes (in recording order) those recorded at or
 * before it, only the newest per topic (older ones would be overwritten in the same tick: skipped,
 * never validated), in recording order; `rest` stays buffered.
 */
export function takeDue<E extends Timed>(buffer: readonly E[], clock: number): { due: E[]; rest: E[]; skipped: number } {
  let n = 0;
  while (n < buffer.length && buffer[n].recordedAt <= clock) n++;
  const newest = new Map<string, number>();
  for (let i = 0; i < n; i++) newest.set(buffer[i].topic, i);
  const keep = [...newest.values()].sort((a, b) => a - b);
  return { due: keep.map((i) => buffer[i]), rest: buffer.slice(n), skipped: n - keep.length };
}
