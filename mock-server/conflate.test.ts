import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConflator } from './conflate.ts';
import { settingInRange } from './topic-engine.ts';

describe('topic conflation', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('sends the first update at once, then at most one per interval, always the newest', () => {
    const sent: [string, number][] = [];
    const c = createConflator<number>(10, (topic, v) => sent.push([topic, v]));
    c.publish('a', 1);
    expect(sent).toEqual([['a', 1]]);
    for (let v = 2; v <= 50; v++) c.publish('a', v); // a burst inside one 100 ms interval
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([['a', 1], ['a', 50]]);
    expect(c.superseded).toBe(48);
    // Quiet for longer than an interval: the next one goes out at once again.
    vi.advanceTimersByTime(500);
    c.publish('a', 51);
    expect(sent.at(-1)).toEqual(['a', 51]);
    c.stop();
  });

  it('conflates each topic on its own', () => {
    const sent: string[] = [];
    const c = createConflator<string>(10, (topic, v) => sent.push(`${topic}=${v}`));
    c.publish('a', 'a1');
    c.publish('b', 'b1');
    c.publish('a', 'a2');
    c.publish('b', 'b2');
    c.publish('b', 'b3');
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['a=a1', 'b=b1', 'a=a2', 'b=b3']);
    c.stop();
  });

  it('at 10,000 updates a second sends 30 a second, none older than one interval', () => {
    let sent = 0;
    let newest = 0;
    let delivered = 0;
    const c = createConflator<number>(30, (_t, v) => ((sent += 1), (delivered = v)));
    for (let i = 1; i <= 10_000; i++) {
      vi.advanceTimersByTime(0.1);
      c.publish('t', (newest = i));
      expect(newest - delivered).toBeLessThanOrEqual(334); // 33.3 ms of updates at most
    }
    expect(sent).toBeGreaterThanOrEqual(30);
    expect(sent).toBeLessThanOrEqual(31);
    c.stop();
  });

  it('refuses a rate it cannot mean', () => {
    const hz = (v: string | undefined) => settingInRange('HUB_TOPIC_MAX_HZ', v, 1, 240, 30);
    expect(hz(undefined)).toBe(30);
    expect(hz('60')).toBe(60);
    expect(() => hz('0')).toThrow(/HUB_TOPIC_MAX_HZ must be a number from 1 to 240, not "0"/);
    expect(() => hz('fast')).toThrow(/HUB_TOPIC_MAX_HZ/);
  });
});
