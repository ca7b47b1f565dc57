import { describe, expect, it } from 'vitest';
import { perSecondLimiter, windowLimiter } from './rate-limit.ts';

describe('windowLimiter', () => {
  it('allows `limit` hits per key per window, then refuses until the next window', () => {
    const clock = { t: 0 };
    const limiter = windowLimiter(3, 60_000, () => clock.t);
    expect([1, 2, 3, 4].map(() => limiter.hit('1.2.3.4'))).toEqual([true, true, true, false]);
    expect(limiter.hit('5.6.7.8')).toBe(true);
    clock.t = 59_999;
    expect(limiter.hit('1.2.3.4')).toBe(false);
    clock.t = 60_000;
    expect(limiter.hit('1.2.3.4')).toBe(true);
  });

  it('keeps a bounded key table', () => {
    const clock = { t: 0 };
    const limiter = windowLimiter(1, 1000, () => clock.t, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`);
    // The oldest keys were dropped to make room, so they may try again; the newest are still counted.
    expect(limiter.hit('k999')).toBe(false);
    expect(limiter.hit('k0')).toBe(true);
  });
});

describe('perSecondLimiter', () => {
  it('allows n per sliding second', () => {
    const clock = { t: 0 };
    const limiter = perSecondLimiter(20, () => clock.t);
    const first = Array.from({ length: 25 }, () => limiter.hit());
    expect(first.filter(Boolean)).toHaveLength(20);
    clock.t = 999;
    expect(limiter.hit()).toBe(false);
    clock.t = 1000;
    expect(Array.from({ length: 25 }, () => limiter.hit()).filter(Boolean)).toHaveLength(20);
  });
});
