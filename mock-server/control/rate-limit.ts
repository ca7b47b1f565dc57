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

/**
 * The hub's limits, each counted across every socket and (through Redis) every hub process:
 * sign-ins per client address, commands per operator token (its jti) and per address, socket
 * connections and enrolment requests per address.
 */
export interface ControlLimits {
  operatorLogins: Limiter;
  displayLogins: Limiter;
  commands: Limiter;
  commandsByAddress: Limiter;
  connections: Limiter;
  enrolments: Limiter;
  /** Failed operator sign-ins per account: exponential back-off. */
  accountBackoff: Backoff;
}

/** Commands per operator token (its jti) per second. */
export const COMMAND_LIMIT: LimitSpec = { name: 'commands', points: CONTROL_LIMITS.commandsPerSecond, durationS: 1 };
/** Commands per client address per second, whichever tokens they carry (two consoles side by side fit). */
export const ADDRESS_COMMAND_LIMIT: LimitSpec = { name: 'commands:address', points: 2 * CONTROL_LIMITS.commandsPerSecond, durationS: 1 };

type CounterKeys = Exclude<keyof ControlLimits, 'accountBackoff'>;

export function controlLimitSpecs(options: Pick<ControlOptions, 'loginAttemptsPerMinute'>): Record<CounterKeys, LimitSpec> {
  return {
    operatorLogins: { name: 'login:operator', points: options.loginAttemptsPerMinute, durationS: 60 },
    displayLogins: { name: 'login:display', points: DISPLAY_LOGINS_PER_MINUTE, durationS: 60 },
    commands: COMMAND_LIMIT,
    commandsByAddress: ADDRESS_COMMAND_LIMIT,
    // A wall of 24 displays reconnecting after a hub restart, a few times over, fits.
    connections: { name: 'connect', points: 240, durationS: 60 },
    enrolments: { name: 'enrol', points: 30, durationS: 60 },
  };
}

/**
 * Back-off per key (an operator account): the first FREE_FAILURES failures cost nothing; each one
 * after doubles the wait, up to MAX_BACKOFF_S, so a guesser is slowed to a crawl while the real
 * operator, whatever a guesser does, waits at most MAX_BACKOFF_S. Attempts during a wait are refused
 * unchecked and do not lengthen it. A success clears the key.
 */
export interface Backoff {
  /** Seconds left to wait before the next attempt may be checked; 0 when it may. */
  wait(key: string): Promise<number>;
  /** Records a failure; returns the wait it starts (0 while failures are still free). */
  failed(key: string): Promise<number>;
  succeeded(key: string): Promise<void>;
}
export const FREE_FAILURES = 5;
export const MAX_BACKOFF_S = 60;
/** Failures are forgotten this long after the last one. */
const FAILURE_MEMORY_S = 15 * 60;

function backoff(make: (spec: LimitSpec) => RateLimiterAbstract, name: string): Backoff {
  const failures = make({ name: `${name}:failures`, points: 1_000_000, durationS: FAILURE_MEMORY_S });
  const blocks = make({ name: `${name}:block`, points: 1, durationS: 1 });
  return {
    async wait(key) {
      const r = await blocks.get(key);
      return r && r.consumedPoints > 1 && r.msBeforeNext > 0 ? Math.ceil(r.msBeforeNext / 1000) : 0;
    },
    async failed(key) {
      const r = await failures.penalty(key, 1);
      const over = r.consumedPoints - FREE_FAILURES;
      if (over <= 0) return 0;
      const waitS = Math.min(MAX_BACKOFF_S, 2 ** (over - 1));
      await blocks.block(key, waitS);
      return waitS;
    },
    async succeeded(key) {
      await Promise.all([failures.delete(key), blocks.delete(key)]);
    },
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

const redisCounter = (redis: Redis, spec: LimitSpec) =>
  new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true, // node-redis v4+ (the hub's `redis` client), not ioredis
    rejectIfRedisNotReady: true,
    keyPrefix: KEY_PREFIX + spec.name,
    points: spec.points,
    duration: spec.durationS,
    insuranceLimiter: memoryCounter(spec),
  });

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
  return limiter(redisCounter(redis, spec));
}

/** The hub's limits, in Redis when the hub has one (REDIS_URL), else in memory. */
export function controlLimits(options: Pick<ControlOptions, 'loginAttemptsPerMinute'>, redis?: Redis): ControlLimits {
  const specs = controlLimitSpecs(options);
  const counter = (spec: LimitSpec) => (redis ? redisCounter(redis, spec) : memoryCounter(spec));
  const make = (spec: LimitSpec) => limiter(counter(spec));
  return {
    operatorLogins: make(specs.operatorLogins),
    displayLogins: make(specs.displayLogins),
    commands: make(specs.commands),
    commandsByAddress: make(specs.commandsByAddress),
    connections: make(specs.connections),
    enrolments: make(specs.enrolments),
    accountBackoff: backoff(counter, 'login:account'),
  };
}
