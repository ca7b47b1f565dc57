import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { CONTROL_LIMITS, type WallState } from '../../src/hub/control.ts';
import { initialWallState } from '../../src/hub/wall-state.ts';
import type { RevocationList } from './auth.ts';
import type { ControlBackend } from './backend-shape.ts';
import type { ControlOptions } from './config.ts';
import type { Ack, LogRecord, Presence } from './command-log.ts';
import { PRESENCE_REFRESH_MS } from './control-socket.ts';
import { controlLimits } from './rate-limit.ts';
import { COMMAND_ID_TTL_MS, MAX_WALLS, type WallStore } from './wall-store.ts';

type Redis = ReturnType<typeof createClient>;

const P = 'onescreen:';
const keys = {
  walls: `${P}walls`,
  state: (wall: string) => `${P}wall:${wall}`,
  log: (wall: string) => `${P}log:${wall}`,
  acks: (wall: string, id: string) => `${P}acks:${wall}:${id}`,
  command: (id: string) => `${P}cmd:${id}`,
  revoked: (jti: string) => `${P}revoked:${jti}`,
  displays: (wall: string) => `${P}displays:${wall}`,
};
/** A display whose process stopped vouching for it (crashed, cut off) drops out after this. */
const PRESENCE_STALE_MS = 3 * PRESENCE_REFRESH_MS;
const ACKS_TTL_MS = 24 * 3600_000;

// Adds a wall unless MAX_WALLS are known already; atomic, so two processes cannot both add the 65th.
const CREATE = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1`;

// Compare-and-set on the wall's rev: the next state is computed by the shared reducer in the hub
// process, and lands only if no other process moved the wall meanwhile (then it retries). The log
// entry is pushed in the same step, so log order is rev order.
const APPLY = `
local cur = redis.call('GET', KEYS[1])
local rev = 0
if cur then rev = cjson.decode(cur)['rev'] end
if rev ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('LPUSH', KEYS[2], ARGV[3])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
return 1`;

// Removes a display only if the same socket still holds it.
const REMOVE_DISPLAY = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
if cjson.decode(cur)['socketId'] ~= ARGV[2] then return 0 end
return redis.call('HDEL', KEYS[1], ARGV[1])`;

type StoredRecord = Omit<LogRecord, 'acks'>;

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function redisWallStore(redis: Redis, now: () => number = Date.now): WallStore {
  async function acksOf(wall: string, id: string): Promise<Map<string, Ack>> {
    const raw = await redis.hGetAll(keys.acks(wall, id));
    return new Map(Object.entries(raw).map(([d, v]) => [d, parseJson<Ack>(v)]));
  }
  async function records(wall: string): Promise<StoredRecord[]> {
    const raw = await redis.lRange(keys.log(wall), 0, CONTROL_LIMITS.logEntries - 1);
    return raw.map((r) => parseJson<StoredRecord>(r));
  }

  return {
    async create(wall) {
      return (await redis.eval(CREATE, { keys: [keys.walls], arguments: [wall, String(MAX_WALLS)] })) === 1;
    },
    async exists(wall) {
      return (await redis.sIsMember(keys.walls, wall)) === 1;
    },
    async walls() {
      return (await redis.sMembers(keys.walls)).sort();
    },
    async state(wall) {
      const raw = await redis.get(keys.state(wall));
      return raw ? parseJson<WallState>(raw) : initialWallState(wall, now());
    },
    async claimCommandId(id) {
      const set = await redis.set(keys.command(id), '1', { condition: 'NX', expiration: { type: 'PX', value: COMMAND_ID_TTL_MS } });
      return set === 'OK';
    },
    async apply(wall, step) {
      for (let attempt = 0; attempt < 100; attempt++) {
        const current = await this.state(wall);
        const result = step(current);
        const { acks: _acks, ...stored } = result.record;
        const done = await redis.eval(APPLY, {
          keys: [keys.state(wall), keys.log(wall)],
          arguments: [String(current.rev), JSON.stringify(result.next), JSON.stringify(stored), String(CONTROL_LIMITS.logEntries)],
        });
        if (done === 1) return result;
      }
      throw new Error(`wall ${wall}: too much contention to apply a command`);
    },
    async recordAck(wall, commandId, display, ack, accept) {
      const stored = (await records(wall)).find((r) => r.id === commandId);
      if (!stored) return null;
      const record: LogRecord = { ...stored, acks: await acksOf(wall, commandId) };
      if (!accept(record)) return { record, recorded: false };
      // HSETNX: a display's first ack counts, even when two arrive at once.
      const key = keys.acks(wall, commandId);
      const recorded = (await redis.hSetNX(key, display, JSON.stringify(ack))) === 1;
      await redis.pExpire(key, ACKS_TTL_MS);
      return { record: { ...record, acks: await acksOf(wall, commandId) }, recorded };
    },
    async log(wall) {
      const list = await records(wall);
      const acks = await Promise.all(list.map((r) => acksOf(wall, r.id)));
      return list.map((r, i) => ({ ...r, acks: acks[i]! }));
    },
    async setDisplay(wall, presence) {
      await redis.hSet(keys.displays(wall), presence.display, JSON.stringify(presence));
    },
    async removeDisplay(wall, display, socketId) {
      await redis.eval(REMOVE_DISPLAY, { keys: [keys.displays(wall)], arguments: [display, socketId] });
    },
    async displays(wall) {
      const raw = await redis.hGetAll(keys.displays(wall));
      const fresh = now() - PRESENCE_STALE_MS;
      return Object.values(raw)
        .map((v) => parseJson<Presence>(v))
        .filter((p) => p.seenAt >= fresh);
    },
    async close() {},
  };
}

export function redisRevocations(redis: Redis, now: () => number = Date.now): RevocationList {
  return {
    async revoke(jti, expiresAtMs) {
      // Kept exactly as long as the token could still be used, then Redis forgets it.
      await redis.set(keys.revoked(jti), '1', { expiration: { type: 'PX', value: Math.max(1000, expiresAtMs - now()) } });
    },
    async isRevoked(jti) {
      return (await redis.exists(keys.revoked(jti))) === 1;
    },
  };
}

/**
 * Revocations live in Redis with the lifetime of their token: a Redis that evicts keys under memory
 * pressure could forget one while the token still verifies. Such a Redis stops the hub. (A managed
 * Redis that hides CONFIG is warned about: check its policy by hand.)
 */
async function requireNoEviction(redis: Redis, log: (msg: string) => void) {
  let policy: string | undefined;
  try {
    policy = (await redis.configGet('maxmemory-policy'))['maxmemory-policy'];
  } catch (err) {
    return log(`redis: cannot read maxmemory-policy (${(err as Error).message}): it must be noeviction, or revoked tokens may be forgotten`);
  }
  if (policy !== undefined && policy !== 'noeviction')
    throw new Error(`Redis evicts keys (maxmemory-policy ${policy}): revocations would be forgotten. Set maxmemory-policy noeviction.`);
}

export async function redisBackend(
  url: string,
  log: (msg: string) => void,
  options: Pick<ControlOptions, 'loginAttemptsPerMinute'>,
): Promise<ControlBackend> {
  const redis: Redis = createClient({ url });
  // Without a listener an error event would crash the process; the client reconnects by itself.
  redis.on('error', (err: Error) => log(`redis: ${err.message}`));
  await redis.connect();
  await requireNoEviction(redis, log);
  log(`control state and rooms shared through Redis at ${url.replace(/\/\/[^@]*@/, '//***@')}`);
  return {
    store: redisWallStore(redis),
    revocations: redisRevocations(redis),
    limits: controlLimits(options, redis),
    adapter: createAdapter(redis),
    async close() {
      await redis.close();
    },
  };
}
