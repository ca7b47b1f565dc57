import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { createClient } from 'redis';
import { CONTROL_LIMITS } from '../../src/hub/control.ts';
import { DISPLAY_LOGINS_PER_MINUTE, controlLimitSpecs, controlLimits, memoryLimiter, redisLimiter } from './rate-limit.ts';

// rate-limiter-flexible reads Date.now() and expires keys with timers: both are faked here.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

const hits = async (limiter: { hit(key: string): Promise<{ ok: boolean }> }, key: string, n: number) => {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push((await limiter.hit(key)).ok);
  return out;
};

describe('memoryLimiter', () => {
  it('allows `points` hits per key per window from its first hit, then refuses until the window ends', async () => {
    const limiter = memoryLimiter({ name: 'test', points: 3, durationS: 60 });
    expect(await hits(limiter, '1.2.3.4', 4)).toEqual([true, true, true, false]);
    expect((await limiter.hit('5.6.7.8')).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(await limiter.hit('1.2.3.4')).toEqual({ ok: false, retryAfterS: 1 });
    await vi.advanceTimersByTimeAsync(1);
    expect(await hits(limiter, '1.2.3.4', 4)).toEqual([true, true, true, false]);
  });

  it('tells how long until the window ends', async () => {
    const limiter = memoryLimiter({ name: 'test', points: 1, durationS: 60 });
    await limiter.hit('k');
    await vi.advanceTimersByTimeAsync(20_500);
    expect(await limiter.hit('k')).toEqual({ ok: false, retryAfterS: 40 });
  });

  it('forgets a key once its window is over (memory stays flat)', async () => {
    const limiter = memoryLimiter({ name: 'test', points: 1, durationS: 1 });
    for (let i = 0; i < 1000; i++) await limiter.hit(`k${i}`);
    expect(vi.getTimerCount()).toBe(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(vi.getTimerCount()).toBe(0);
    expect((await limiter.hit('k0')).ok).toBe(true);
  });
});

describe('controlLimits in memory', () => {
  it('has today\'s limits: operator sign-ins as configured and display sign-ins per address a minute, commands per token a second', async () => {
    const specs = controlLimitSpecs({ loginAttemptsPerMinute: 10 });
    expect(specs.operatorLogins).toMatchObject({ points: 10, durationS: 60 });
    expect(specs.displayLogins).toMatchObject({ points: DISPLAY_LOGINS_PER_MINUTE, durationS: 60 });
    expect(specs.commands).toMatchObject({ points: CONTROL_LIMITS.commandsPerSecond, durationS: 1 });

    const limits = controlLimits({ loginAttemptsPerMinute: 2 });
    expect(await hits(limits.operatorLogins, '10.0.0.1', 3)).toEqual([true, true, false]);
    // Separate counters: a display signing in from the same address is not held back by operator attempts.
    expect((await limits.displayLogins.hit('10.0.0.1')).ok).toBe(true);
    const burst = await hits(limits.commands, 'jti-1', 25);
    expect(burst.filter(Boolean)).toHaveLength(CONTROL_LIMITS.commandsPerSecond);
    expect((await limits.commands.hit('jti-2')).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await limits.commands.hit('jti-1')).ok).toBe(true);
  });
});

describe('redisLimiter without Redis', () => {
  it('counts in this process while the client is not ready, instead of hanging or letting all through', async () => {
    // A node-redis client that lost its connection: isReady false. No command may reach it.
    const offline = { isReady: false, eval: vi.fn(), multi: vi.fn() } as unknown as ReturnType<typeof createClient>;
    const limiter = redisLimiter(offline, { name: 'test', points: 2, durationS: 60 });
    expect(await hits(limiter, 'k', 3)).toEqual([true, true, false]);
    expect((offline as unknown as { eval: ReturnType<typeof vi.fn> }).eval).not.toHaveBeenCalled();
  });
});

describe('account back-off', () => {
  it('five free failures, then waits that double up to a minute; waiting attempts do not lengthen it; a success clears it', async () => {
    const { accountBackoff: b } = controlLimits({ loginAttemptsPerMinute: 10 });
    const waits: number[] = [];
    for (let k = 0; k < 5; k++) waits.push(await b.failed('operator'));
    expect(waits).toEqual([0, 0, 0, 0, 0]);
    expect(await b.wait('operator')).toBe(0);
    expect(await b.failed('operator')).toBe(1);
    expect(await b.wait('operator')).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await b.wait('operator')).toBe(0);
    const more: number[] = [];
    for (let k = 0; k < 8; k++) {
      more.push(await b.failed('operator'));
      await vi.advanceTimersByTimeAsync(more.at(-1)! * 1000);
    }
    expect(more).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    // Another account is not held back by this one.
    expect(await b.wait('duty')).toBe(0);
    await b.failed('operator');
    expect(await b.wait('operator')).toBe(60);
    await b.succeeded('operator');
    expect(await b.wait('operator')).toBe(0);
    expect(await b.failed('operator')).toBe(0);
  });
});
