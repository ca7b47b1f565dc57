import { memoryRevocations } from './auth.ts';
import type { ControlBackend } from './backend-shape.ts';
import type { ControlOptions } from './config.ts';
import { controlLimits } from './rate-limit.ts';
import { memoryWallStore } from './wall-store.ts';

export type { ControlBackend };

/** In memory for one process (the embedded default), or Redis when REDIS_URL is set. */
export async function controlBackend(options: ControlOptions, log: (msg: string) => void): Promise<ControlBackend> {
  if (!options.redisUrl)
    return { store: memoryWallStore(), revocations: memoryRevocations(), limits: controlLimits(options), close: async () => {} };
  // Loaded only when asked for, so the embedded default needs no Redis client at all.
  const { redisBackend } = await import('./redis-store.ts');
  return redisBackend(options.redisUrl, log, options);
}
