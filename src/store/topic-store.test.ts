import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../hub/contract.ts';
import { createTopicStore, isNewer, topicActions, type HistoryRule } from './topic-store.ts';

const T0 = Date.UTC(2024, 4, 20, 2, 0, 0);
const BUCKET_MS = 5 * 60_000;
const MAX_POINTS = 288; // one day of five-minute buckets, as the overview topic declares

/** The overview's rule: data calls per minute in five-minute buckets, one day kept. */
const rule: HistoryRule = { bucketMs: BUCKET_MS, maxPoints: MAX_POINTS, value: (d) => d as number };

describe('topic store', () => {
  it('starts empty: no values, no histories', () => {
    expect(createTopicStore().getState()).toEqual({ values: {}, history: {} });
  });

  it('applies newer values, ignores stale and repeated ones, accepts a restarted hub (new epoch)', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    expect(ops.apply('a', { epoch: 'run-1', seq: 5, time: 1000, data: 1 })).toBe(true);
    expect(ops.apply('a', { epoch: 'run-1', seq: 5, time: 1000, data: 2 })).toBe(false);
    expect(ops.apply('a', { epoch: 'run-1', seq: 4, time: 900, data: 3 })).toBe(false);
    expect(store.getState().values.a?.data).toBe(1);
    // A restarted hub counts from 1 again, under a new epoch.
    expect(ops.apply('a', { epoch: 'run-2', seq: 1, time: 2000, data: 4 })).toBe(true);
    expect(store.getState().values.a).toEqual({ epoch: 'run-2', seq: 1, time: 2000, data: 4 });
    // ... and the new run goes on as usual.
    expect(ops.apply('a', { epoch: 'run-2', seq: 2, time: 3000, data: 5 })).toBe(true);
    expect(ops.apply('a', { epoch: 'run-2', seq: 1, time: 4000, data: 6 })).toBe(false);
    expect(store.getState().values.a?.data).toBe(5);
  });

  it('drops a replay with an older seq but a newer time: hub time never decides within a run', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    expect(ops.apply('a', { epoch: 'e1', seq: 10, time: T0, data: 'shown' })).toBe(true);
    const before = store.getState();
    expect(ops.apply('a', { epoch: 'e1', seq: 9, time: T0 + 60_000, data: 'replay' })).toBe(false);
    expect(ops.apply('a', { epoch: 'e1', seq: 10, time: T0 + 60_000, data: 'repeat' })).toBe(false);
    expect(ops.apply('a', { epoch: 'e1', seq: 1, time: T0 + 3_600_000, data: 'old run replay' })).toBe(false);
    expect(store.getState()).toBe(before); // no update at all
    // A newer seq is applied even with an older time.
    expect(ops.apply('a', { epoch: 'e1', seq: 11, time: T0 - 1000, data: 'next' })).toBe(true);
    expect(store.getState().values.a?.data).toBe('next');
  });

  it('accepts a new epoch even with a lower seq and an older time', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    ops.apply('a', { epoch: 'e1', seq: 5000, time: T0, data: 1 });
    expect(ops.apply('a', { epoch: 'e2', seq: 0, time: T0 - 5000, data: 2 })).toBe(true);
    expect(store.getState().values.a).toMatchObject({ epoch: 'e2', seq: 0, data: 2 });
  });

  it('isNewer: nothing held, another epoch, or a higher seq of the same epoch; values without an epoch are one run', () => {
    expect(isNewer(undefined, { epoch: 'e1', seq: 0 })).toBe(true);
    const held = { epoch: 'e1', seq: 7, time: T0, data: null };
    expect(isNewer(held, { epoch: 'e1', seq: 8 })).toBe(true);
    expect(isNewer(held, { epoch: 'e1', seq: 7 })).toBe(false);
    expect(isNewer(held, { epoch: 'e1', seq: 6 })).toBe(false);
    expect(isNewer(held, { epoch: 'e0', seq: 6 })).toBe(true);
    const noEpoch = { seq: 7, time: T0, data: null };
    expect(isNewer(noEpoch, { seq: 7 })).toBe(false);
    expect(isNewer(noEpoch, { seq: 8 })).toBe(true);
    expect(isNewer(noEpoch, { epoch: 'e1', seq: 1 })).toBe(true);
  });

  it('retain drops the topics a scene let go of, and only those, with their histories', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    ops.apply('a', { seq: 1, time: 1, data: 1 });
    ops.apply('b', { seq: 1, time: 1, data: 2 });
    ops.setHistory('a', [[T0, 1]], MAX_POINTS);
    ops.setHistory('b', [[T0, 2]], MAX_POINTS);
    const before = store.getState();
    ops.retain(['a', 'b']);
    expect(store.getState()).toBe(before); // nothing dropped, no update
    ops.retain(['b', 'c']);
    expect(Object.keys(store.getState().values)).toEqual(['b']);
    expect(Object.keys(store.getState().history)).toEqual(['b']);
    // A history alone (no value yet) is dropped too.
    ops.setHistory('c', [[T0, 3]], MAX_POINTS);
    ops.retain(['b']);
    expect(Object.keys(store.getState().history)).toEqual(['b']);
  });
});

// What the overview store proved, now for any topic with a history rule.
describe('topic store: histories', () => {
  it('setHistory replaces what the wall had and keeps only the newest maxPoints', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    const start = T0 - (T0 % BUCKET_MS);
    ops.apply('overview', { epoch: 'e1', seq: 500, time: start + 10 * 86_400_000, data: 9 }, rule);
    expect(store.getState().history.overview).toHaveLength(1);
    const history = Array.from({ length: 720 }, (_, i) => [start + i * BUCKET_MS, i] as SeriesPoint);
    ops.setHistory('overview', history, MAX_POINTS);
    const h = store.getState().history.overview!;
    expect(h).toHaveLength(MAX_POINTS);
    expect(h[0]).toEqual(history[720 - MAX_POINTS]);
    expect(h.at(-1)).toEqual(history[719]);
    // The value itself is untouched: only the history is the hub's record.
    expect(store.getState().values.overview?.seq).toBe(500);
  });

  it('apply appends newer values in buckets (a later value in a bucket replaces it) and caps at maxPoints', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    const start = T0 - (T0 % BUCKET_MS);
    for (let i = 0; i < MAX_POINTS + 50; i++) {
      // two events per bucket: the second replaces the first
      expect(ops.apply('overview', { epoch: 'e1', seq: 2 * i, time: start + i * BUCKET_MS, data: i }, rule)).toBe(true);
      expect(ops.apply('overview', { epoch: 'e1', seq: 2 * i + 1, time: start + i * BUCKET_MS + 60_000, data: i + 0.5 }, rule)).toBe(true);
      expect(store.getState().history.overview!.length).toBeLessThanOrEqual(MAX_POINTS);
    }
    const h = store.getState().history.overview!;
    expect(h).toHaveLength(MAX_POINTS);
    expect(h.at(-1)).toEqual([start + (MAX_POINTS + 49) * BUCKET_MS, MAX_POINTS + 49.5]);
    expect(h[0]).toEqual([start + 50 * BUCKET_MS, 50.5]);
    expect(store.getState().values.overview?.seq).toBe(2 * (MAX_POINTS + 49) + 1);
  });

  it('ignores stale values entirely: neither the value nor the history changes', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    expect(ops.apply('overview', { epoch: 'e1', seq: 10, time: T0, data: 100 }, rule)).toBe(true);
    const before = store.getState();
    expect(ops.apply('overview', { epoch: 'e1', seq: 10, time: T0, data: 200 }, rule)).toBe(false);
    expect(ops.apply('overview', { epoch: 'e1', seq: 9, time: T0, data: 300 }, rule)).toBe(false);
    expect(ops.apply('overview', { epoch: 'e1', seq: 0, time: T0 - 1000, data: 400 }, rule)).toBe(false);
    // A replay with a newer time is stale too, and must not write a bucket.
    expect(ops.apply('overview', { epoch: 'e1', seq: 9, time: T0 + BUCKET_MS, data: 500 }, rule)).toBe(false);
    expect(store.getState()).toBe(before);
  });

  it('a live value extends the history the snapshot set', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    const b = T0 - (T0 % BUCKET_MS);
    ops.setHistory('overview', [[b - BUCKET_MS, 1], [b, 2]], MAX_POINTS);
    expect(ops.apply('overview', { epoch: 'e1', seq: 4, time: b + BUCKET_MS + 5, data: 3 }, rule)).toBe(true);
    expect(store.getState().history.overview).toEqual([
      [b - BUCKET_MS, 1],
      [b, 2],
      [b + BUCKET_MS, 3],
    ]);
  });

  it('a value without a history rule keeps no history', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    ops.apply('gov.services', { epoch: 'e1', seq: 1, time: T0, data: 1 });
    expect(store.getState().history).toEqual({});
  });
});
