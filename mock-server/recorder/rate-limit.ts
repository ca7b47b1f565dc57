/**
 * The recorder's reduced rate: at most `hz` values a second per topic, the newest winning in each
 * interval (as the hub's conflator does for walls, conflate.ts, but far slower: a recording is for
 * looking back, and a 30 Hz topic would fill the disk thirty times as fast). A topic that changes
 * more slowly is recorded as it is, every value, at once.
 *
 * Time is passed in, not read: the live recorder gives Date.now(), the record script its virtual
 * clock, so both record the same way.
 */
import { TOPICS } from '../../src/hub/contract.ts';
import { isBinaryTopic } from './codec.ts';

/** A topic's recording interval (ms) under the reduced rates; Infinity: not recorded. */
export function recordInterval(topic: string, rates: { maxHz: number; binaryMaxHz: number }): number {
  const hz = isBinaryTopic(TOPICS.get(topic)) ? rates.binaryMaxHz : rates.maxHz;
  return hz > 0 ? 1000 / hz : Infinity;
}
export interface Offer<T> {
  topic: string;
  value: T;
  /** When the hub published it. */
  publishedAt: number;
}

export function createRateLimit<T>(intervalOf: (topic: string) => number) {
  const lastTaken = new Map<string, number>();
  const pending = new Map<string, Offer<T>>();
  let superseded = 0;

  return {
    /** The offer if it may be recorded now, else null (it waits, or a newer one replaces it). */
    offer(topic: string, value: T, now: number): Offer<T> | null {
      const interval = intervalOf(topic);
      if (!Number.isFinite(interval)) return null;
      const offer = { topic, value, publishedAt: now };
      if (!pending.has(topic) && now - (lastTaken.get(topic) ?? -Infinity) >= interval) {
        lastTaken.set(topic, now);
        return offer;
      }
      if (pending.has(topic)) superseded++;
      pending.set(topic, offer);
      return null;
    },
    /** The waiting offers whose interval is over at `now` (every one, `all`), oldest first. */
    due(now: number, all = false): Offer<T>[] {
      const out: Offer<T>[] = [];
      for (const [topic, offer] of pending) {
        if (!all && now - (lastTaken.get(topic) ?? -Infinity) < intervalOf(topic)) continue;
        pending.delete(topic);
        lastTaken.set(topic, now);
        out.push(offer);
      }
      return out.sort((a, b) => a.publishedAt - b.publishedAt);
    },
    /** When the first waiting value becomes due, or null when none waits. */
    nextDue(): number | null {
      let next: number | null = null;
      for (const topic of pending.keys()) {
        const at = (lastTaken.get(topic) ?? -Infinity) + intervalOf(topic);
        if (next === null || at < next) next = at;
      }
      return next;
    },
    get waiting() {
      return pending.size;
    },
    /** Values replaced by a newer one inside their interval: never recorded. */
    get superseded() {
      return superseded;
    },
  };
}
export type RateLimit<T> = ReturnType<typeof createRateLimit<T>>;
