import type { Sql } from '../events/store/sql.ts';
import type { ControlBackend } from './backend-shape.ts';
import type { ControlOptions } from './config.ts';
import { sqlRevocations } from './devices.ts';
import { controlLimits } from './rate-limit.ts';
import { memoryWallStore } from './wall-store.ts';

export type { ControlBackend };

/**
 * In memory for one process (the embedded default), or Redis when REDIS_URL is set. Revocations
 * are durable either way: in the hub's database (`sql`), or in Redis.
 */
export async function controlBackend(options: ControlOptions, log: (msg: string) => void, sql: Sql | null): Promise<ControlBackend> {
  if (!options.redisUrl) {
    if (!sql) throw new Error('the control plane keeps revocations in the hub database or Redis: it has neither');
    const revocations = sqlRevocations(sql);
    return { store: memoryWallStore(), revocations, limits: controlLimits(options), close: async () => revocations.stop() };
  }
  // Loaded only when asked for, so the embedded default needs no Redis client at all.
  const { redisBackend } = await import('./redis-store.ts');
  return redisBackend(options.redisUrl, log, options);
}
