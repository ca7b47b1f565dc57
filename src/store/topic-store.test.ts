import { describe, expect, it } from 'vitest';
import { createTopicStore, topicActions } from './topic-store.ts';

describe('topic store', () => {
  it('applies newer values, ignores stale and repeated ones, accepts a restarted hub', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    expect(ops.apply('a', { seq: 5, time: 1000, data: 1 })).toBe(true);
    expect(ops.apply('a', { seq: 5, time: 1000, data: 2 })).toBe(false);
    expect(ops.apply('a', { seq: 4, time: 900, data: 3 })).toBe(false);
    expect(store.getState().values.a?.data).toBe(1);
    // A restarted hub counts from 1 again, with a newer clock.
    expect(ops.apply('a', { seq: 1, time: 2000, data: 4 })).toBe(true);
    expect(store.getState().values.a?.data).toBe(4);
  });

  it('retain drops the topics a scene let go of, and only those', () => {
    const store = createTopicStore();
    const ops = topicActions(store);
    ops.apply('a', { seq: 1, time: 1, data: 1 });
    ops.apply('b', { seq: 1, time: 1, data: 2 });
    const before = store.getState();
    ops.retain(['a', 'b']);
    expect(store.getState()).toBe(before); // nothing dropped, no update
    ops.retain(['b', 'c']);
    expect(Object.keys(store.getState().values)).toEqual(['b']);
  });
});
