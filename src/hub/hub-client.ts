import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import {
  API_PREFIX,
  DistrictsResponseSchema,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  OverviewEventSchema,
  OverviewSnapshotSchema,
  describeIssue,
  type DisplayAuth,
} from './contract.ts';
import { connectionActions, type ConnectionStore } from '../store/connection-store.ts';
import { diagnosticsActions, type DiagnosticsStore } from '../store/diagnostics-store.ts';
import { overviewActions, type OverviewStore } from '../store/overview-store.ts';

export interface HubClientDeps {
  hubUrl: string;
  auth: DisplayAuth;
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
  overview: OverviewStore;
}

const REST_TIMEOUT_MS = 8_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** Full jitter: spreads a wall's displays out so a restarted hub is not hit all at once. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
  return RETRY_MIN_MS / 2 + random() * (cap - RETRY_MIN_MS / 2);
}

class PayloadError extends Error {}

/**
 * The wall's only door to the hub: REST snapshots and the live socket. Every payload is
 * validated here; a bad one is dropped and counted, and the stores keep their last good state.
 */
export class HubClient {
  private socket: Socket | null = null;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;
  private conn;
  private diag;
  private data;

  constructor(private deps: HubClientDeps) {
    this.conn = connectionActions(deps.connection);
    this.diag = diagnosticsActions(deps.diagnostics);
    this.data = overviewActions(deps.overview);
  }

  start() {
    this.loadWithRetry('districts', () => this.loadDistricts());
    this.loadWithRetry('overview', () => this.loadSnapshot());
    this.connectLive();
    const tick = setInterval(() => this.conn.tick(Date.now()), 1_000);
    this.timers.add(tick as unknown as ReturnType<typeof setTimeout>);
  }

  stop() {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t), clearInterval(t);
    this.timers.clear();
    this.socket?.close();
  }

  private async getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const res = await fetch(`${this.deps.hubUrl}${API_PREFIX}${path}`, { signal: AbortSignal.timeout(REST_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    const body: unknown = await res.json().catch(() => undefined);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const message = `GET ${path} rejected: ${describeIssue(parsed.error)}`;
      this.diag.rejected('rest', message);
      throw new PayloadError(message);
    }
    this.diag.accepted();
    return parsed.data;
  }

  private async loadDistricts() {
    this.data.setDistricts(await this.getJson('/districts', DistrictsResponseSchema));
  }

  private async loadSnapshot() {
    const snapshot = await this.getJson('/overview', OverviewSnapshotSchema);
    this.data.applySnapshot(snapshot);
    this.conn.data(snapshot.overview.time, snapshot.simulated);
  }

  /** Retries with jittered backoff until it succeeds; a bad payload is retried too (the hub may recover). */
  private loadWithRetry(what: string, load: () => Promise<void>, attempt = 0) {
    if (this.stopped) return;
    load().catch((err: Error) => {
      if (this.stopped) return;
      if (!(err instanceof PayloadError)) this.diag.error(what, err.message);
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.loadWithRetry(what, load, attempt + 1);
      }, backoffDelay(attempt));
      this.timers.add(t);
    });
  }

  private connectLive() {
    const socket = io(`${this.deps.hubUrl}${LIVE_NAMESPACE}`, {
      auth: this.deps.auth,
      transports: ['websocket'],
      reconnectionDelay: RETRY_MIN_MS,
      reconnectionDelayMax: RETRY_MAX_MS / 3,
      randomizationFactor: 0.5,
    });
    this.socket = socket;

    socket.on('connect', () => {
      this.conn.connected();
      // State recovery replays what was missed; when it could not, the picture must be refetched.
      if (!socket.recovered) this.loadWithRetry('overview', () => this.loadSnapshot());
    });
    socket.on('disconnect', (reason) => {
      this.conn.lost(Date.now());
      this.diag.error('socket', `disconnected (${reason})`);
      // A server-side disconnect does not auto-reconnect in socket.io; a wall must always come back.
      if (reason === 'io server disconnect' && !this.stopped) {
        const t = setTimeout(() => socket.connect(), backoffDelay(0));
        this.timers.add(t);
      }
    });
    socket.on('connect_error', (err) => {
      this.conn.lost(Date.now());
      this.diag.error('socket', err.message);
      // A refused handshake stops socket.io's own retries; keep trying with backoff.
      if (!socket.active && !this.stopped) {
        const t = setTimeout(() => socket.connect(), backoffDelay(2));
        this.timers.add(t);
      }
    });
    socket.on(LIVE_EVENTS.overview, (payload: unknown) => this.onOverview(payload));
  }

  /** Public for tests: the edge where a live overview event enters the wall. */
  onOverview(payload: unknown) {
    const parsed = OverviewEventSchema.safeParse(payload);
    if (!parsed.success) {
      this.diag.rejected('live/overview', describeIssue(parsed.error));
      return;
    }
    this.diag.accepted();
    const { seq, data } = parsed.data;
    if (this.data.applyLive(seq, data)) this.conn.data(data.time);
  }
}
