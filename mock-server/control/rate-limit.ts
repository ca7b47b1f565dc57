import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { createClient } from 'redis';
import { CONTROL_LIMITS } from '../../src/hub/control.ts';
import type { ControlOptions } from './config.ts';

type Redis = ReturnType<typeof createClient>;

/** Displays sign in far more often than people (every display of every wall, after every outage). */
export const DISPLAY_LOGINS_PER_MINUTE = 120;

/** A fixed-window limit: at most `points` hits per key in `durationS` seconds from the key's first hit. */
export interface LimitSpec {
  /** Names the counters in Redis (and keeps limits apart in memory). */
  name: string;
  points: number;
  durationS: number;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterS: number };

export interface Limiter {
  /** Counts one hit for `key`; refused while the key is over its limit for this window. */
  hit(key: string): Promise<LimitResult>;
}

/** The hub's limits: sign-ins per client address, commands per operator token (its jti). */
export interface ControlLimits {
  operatorLogins: Limiter;
  displayLogins: Limiter;
  commands: Limiter;
}

/** Commands per operator token (its jti) per second. */
export const COMMAND_LIMIT: LimitSpec = { name: 'commands', points: CONTROL_LIMITS.commandsPerSecond, durationS: 1 };

export function controlLimitSpecs(options: Pick<ControlOptions, 'loginAttemptsPerMinute'>): Record<keyof ControlLimits, LimitSpec> {
  return {
    operatorLogins: { name: 'login:operator', points: options.loginAttemptsPerMinute, durationS: 60 },
    displayLogins: { name: 'login:display', points: DISPLAY_LOGINS_PER_MINUTE, durationS: 60 },
    commands: COMMAND_LIMIT,
  };
}

const KEY_PREFIX = 'onescreen:limit:';

function limiter(counter: RateLimiterAbstract): Limiter {
  return {
    async hit(key) {
      try {
        await counter.consume(key);
        return { ok: true };
      } catch (err) {
        // consume rejects with a RateLimiterRes when over the limit, with an Error when the store failed.
        if (err instanceof RateLimiterRes) return { ok: false, retryAfterS: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
        throw err;
      }
    },
  };
}

const memoryCounter = (spec: LimitSpec) =>
  new RateLimiterMemory({ keyPrefix: KEY_PREFIX + spec.name, points: spec.points, duration: spec.durationS });

/** Counts in this process only: the embedded default, one hub process. */
export function memoryLimiter(spec: LimitSpec): Limiter {
  return limiter(memoryCounter(spec));
}

/**
 * Counts in Redis, so every hub process sharing it shares the count. While Redis is unreachable
 * each process counts for itself (rate-limiter-flexible's insurance limiter) instead of waiting on
 * the client's offline queue or letting everything through.
 */
export function redisLimiter(redis: Redis, spec: LimitSpec): Limiter {
  return limiter(
    new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: true, // node-redis v4+ (the hub's `redis` client), not ioredis
      rejectIfRedisNotReady: true,
      keyPrefix: KEY_PREFIX + spec.name,
      points: spec.points,
      duration: spec.durationS,
      insuranceLimiter: memoryCounter(spec),
    }),
  );
}

/** The hub's limits, in Redis when the hub has one (REDIS_URL), else in memory. */
export function controlLimits(options: Pick<ControlOptions, 'loginAttemptsPerMinute'>, redis?: Redis): ControlLimits {
  const specs = controlLimitSpecs(options);
  const make = (spec: LimitSpec) => (redis ? redisLimiter(redis, spec) : memoryLimiter(spec));
  return { operatorLogins: make(specs.operatorLogins), displayLogins: make(specs.displayLogins), commands: make(specs.commands) };
}
