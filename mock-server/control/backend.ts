import type { ServerOptions } from 'socket.io';
import { memoryRevocations, type RevocationList } from './auth.ts';
import type { ControlOptions } from './config.ts';
import { memoryWallStore, type WallStore } from './wall-store.ts';

export interface ControlBackend {
  store: WallStore;
  revocations: RevocationList;
  /** socket.io adapter factory when rooms span processes; absent: the default in-memory adapter. */
  adapter?: ServerOptions['adapter'];
  close(): Promise<void>;
}

/** In memory for one process (the embedded default), or Redis when REDIS_URL is set. */
export async function controlBackend(options: ControlOptions, log: (msg: string) => void): Promise<ControlBackend> {
  if (!options.redisUrl) return { store: memoryWallStore(), revocations: memoryRevocations(), close: async () => {} };
  // Loaded only when asked for, so the embedded default needs no Redis client at all.
  const { redisBackend } = await import('./redis-store.ts');
  return redisBackend(options.redisUrl, log);
}
