import type { ServerOptions } from 'socket.io';
import type { RevocationList } from './auth.ts';
import type { ControlLimits } from './rate-limit.ts';
import type { WallStore } from './wall-store.ts';

/** Where the control plane keeps its shared state: in memory (one process) or Redis (backend.ts). */
export interface ControlBackend {
  store: WallStore;
  revocations: RevocationList;
  /** Sign-in and command limits, counted wherever the rest of the shared state lives. */
  limits: ControlLimits;
  /** socket.io adapter factory when rooms span processes; absent: the default in-memory adapter. */
  adapter?: ServerOptions['adapter'];
  close(): Promise<void>;
}

