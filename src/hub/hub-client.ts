import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import {
  API_PREFIX,
  DistrictsResponseSchema,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  OverviewEventSchema,
  OverviewSnapshotSchema,
  ScenesResponseSchema,
  SubscribeAckSchema,
  TOPICS,
  describeIssue,
  liveEnvelopeSchema,
  topicSnapshotSchema,
  type DisplayAuth,
  type Scene,
} from './contract.ts';
import { connectionActions, type ConnectionStore } from '../store/connection-store.ts';
import { diagnosticsActions, type DiagnosticsStore } from '../store/diagnostics-store.ts';
import { overviewActions, type OverviewStore } from '../store/overview-store.ts';
import { topicActions, type TopicStore, type TopicValue } from '../store/topic-store.ts';
import type { CityStore } from '../store/city-store.ts';
import { decodeBuildings } from './buildings.ts';
import { DisplayLoginSchema, TokenResponseSchema, type TokenResponse } from './control.ts';
import { wallNow } from '../control/wall-clock.ts';
import { DecodeBridge, type FrameDecoder } from './decode/decode-bridge.ts';
import { defaultDecoder } from './decode/decoders.ts';
import { VEHICLES_TOPIC, type DecodeResult } from './decode/vehicle-frame.ts';

export interface HubClientDeps {
  hubUrl: string;
  /** Who this display is; its token is fetched from the hub and added to the handshake. */
  auth: DisplayAuth;
  /** The hub's display key (from /runtime-config.json), when the hub requires one. */
  displayKey?: string;
  /** Called once with the live socket, so display sync can follow its connects and events. */
  onSocket?: (socket: Socket) => void;
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
  overview: OverviewStore;
  topics: TopicStore;
  city: CityStore;
  /** Checks a scene from the hub against the wall's registry (not only its shape). */
  checkScene: (raw: unknown) => { ok: true; scene: Scene } | { ok: false; error: string };
  onScenes: (scenes: Scene[], errors: string[]) => void;
  /** Decoder of the binary vehicle frames: a Web Worker by default where there are workers. */
  decoder?: FrameDecoder;
}

const REST_TIMEOUT_MS = 8_000;
/** Live topic values are applied at most this often (a 60 Hz frame). */
const APPLY_INTERVAL_MS = 16;
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
  private topicData;
  /** Topics the current scene uses; re-sent after every reconnect that lost the session. */
  private wanted: string[] = [];
  private liveSchemas = new Map<string, z.ZodType>();
  private snapshotSchemas = new Map<string, z.ZodType>();
  /** The display token; `tokenStale` when the hub refused it (expired, revoked, restarted hub). */
  private token: TokenResponse | null = null;
  private tokenStale = false;
  /** Handshakes refused in a row: the backoff grows with them and resets on connect. */
  private refusals = 0;
  /** The high-rate binary topic goes through the decode worker, not zod on the main thread. */
  private vehicleFrames: DecodeBridge;

  constructor(private deps: HubClientDeps) {
    this.conn = connectionActions(deps.connection);
    this.diag = diagnosticsActions(deps.diagnostics);
    this.data = overviewActions(deps.overview);
    this.topicData = topicActions(deps.topics);
    const decoder = deps.decoder ?? defaultDecoder((message) => this.diag.error('decode', message));
    this.vehicleFrames = new DecodeBridge(decoder, (r) => this.onVehicleFrame(r), () => this.diag.dropped());
    for (const spec of TOPICS.values()) {
      this.liveSchemas.set(spec.name, liveEnvelopeSchema(spec.name, spec.schema));
      this.snapshotSchemas.set(spec.name, topicSnapshotSchema(spec.name, spec.schema));
    }
  }

  start() {
    this.loadWithRetry('districts', () => this.loadDistricts());
    this.loadWithRetry('overview', () => this.loadSnapshot());
    this.loadWithRetry('scenes', () => this.loadScenes());
    this.loadWithRetry('city', () => this.loadBuildings());
    this.connectLive();
    const tick = setInterval(() => this.conn.tick(Date.now()), 1_000);
    this.timers.add(tick as unknown as ReturnType<typeof setTimeout>);
  }

  stop() {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t), clearInterval(t);
    this.timers.clear();
    this.socket?.close();
    this.vehicleFrames.dispose();
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

  private async loadBuildings() {
    const res = await fetch(`${this.deps.hubUrl}${API_PREFIX}/city/buildings`, { signal: AbortSignal.timeout(REST_TIMEOUT_MS * 4) });
    if (!res.ok) throw new Error(`GET /city/buildings: HTTP ${res.status}`);
    const decoded = decodeBuildings(await res.arrayBuffer());
    if (!decoded.ok) {
      this.diag.rejected('rest', decoded.error);
      throw new PayloadError(decoded.error);
    }
    this.diag.accepted();
    this.deps.city.setState({ buildings: decoded.buildings });
  }

  private async loadScenes() {
    const body = await this.getJson('/scenes', ScenesResponseSchema);
    const good: Scene[] = [];
    const errors: string[] = [];
    for (const raw of body.scenes) {
      const check = this.deps.checkScene(raw);
      if (check.ok) good.push(check.scene);
      else {
        const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id).slice(0, 40) : '?';
        errors.push(`hub scene "${id}": ${check.error}`);
        this.diag.rejected('scenes', `${id}: ${check.error}`);
      }
    }
    this.deps.onScenes(good, errors);
  }

  private async loadTopicSnapshot(topic: string) {
    const schema = this.snapshotSchemas.get(topic);
    if (!schema || !TOPICS.get(topic)?.snapshot || !this.wanted.includes(topic)) return;
    const body = (await this.getJson(`/topics/${encodeURIComponent(topic)}`, schema)) as { seq: number; time: number; data: unknown };
    this.topicData.apply(topic, { seq: body.seq, time: body.time, data: body.data });
    this.conn.data(body.time);
  }

  /**
   * The wall's scene changed: subscribe to exactly its topics, fetch their snapshots so the new
   * scene draws at once, and let go of the data of topics no longer used.
   */
  setTopics(topics: string[]) {
    const added = topics.filter((t) => !this.wanted.includes(t));
    this.wanted = [...topics];
    this.topicData.retain(topics);
    this.sendSubscription();
    for (const t of added) this.loadWithRetry(`topic ${t}`, () => this.loadTopicSnapshot(t));
  }

  private sendSubscription() {
    const socket = this.socket;
    if (!socket?.connected) return;
    socket.emit(LIVE_EVENTS.subscribe, { topics: this.wanted }, (ack: unknown) => {
      const parsed = SubscribeAckSchema.safeParse(ack);
      if (!parsed.success) this.diag.rejected('subscribe', describeIssue(parsed.error));
      else if (parsed.data.unknown.length) this.diag.error('subscribe', `hub does not serve ${parsed.data.unknown.join(', ')}`);
    });
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

  /** POST /auth/display: the receive-only token of this display. */
  private async fetchDisplayToken(): Promise<TokenResponse> {
    const { wall, display } = this.deps.auth;
    const body = DisplayLoginSchema.parse({ wall, display, ...(this.deps.displayKey ? { key: this.deps.displayKey } : {}) });
    const res = await fetch(`${this.deps.hubUrl}${API_PREFIX}/auth/display`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
    const answer: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const message = (answer as { message?: unknown } | undefined)?.message;
      throw new Error(`display token: HTTP ${res.status}${typeof message === 'string' ? ` ${message.slice(0, 200)}` : ''}`);
    }
    const parsed = TokenResponseSchema.safeParse(answer);
    if (!parsed.success || parsed.data.role !== 'display') {
      const why = parsed.success ? `role ${parsed.data.role}` : describeIssue(parsed.error);
      this.diag.rejected('auth/display', why);
      throw new PayloadError(`display token rejected: ${why}`);
    }
    this.diag.accepted();
    return parsed.data;
  }

  /** A token good for the next handshake: the held one unless refused or about to expire. */
  private async currentToken(): Promise<string> {
    const t = this.token;
    if (t && !this.tokenStale && t.expiresAt - wallNow() > 30_000) return t.token;
    try {
      this.token = await this.fetchDisplayToken();
      this.tokenStale = false;
    } catch (err) {
      this.diag.error('auth', (err as Error).message);
    }
    // Without a fresh one the old (or none) is sent: the hub refuses it and the refusal path retries.
    return this.token?.token ?? '';
  }

  private connectLive() {
    const socket = io(`${this.deps.hubUrl}${LIVE_NAMESPACE}`, {
      // Evaluated before every (re)connect, so a refused or expired token is replaced by a fresh
      // one. The token travels in the handshake only, never in a URL.
      auth: (cb) => {
        void this.currentToken().then((token) => cb({ ...this.deps.auth, token }));
      },
      transports: ['websocket'],
      reconnectionDelay: RETRY_MIN_MS,
      reconnectionDelayMax: RETRY_MAX_MS / 3,
      randomizationFactor: 0.5,
    });
    this.socket = socket;

    this.deps.onSocket?.(socket);
    socket.on('connect', () => {
      this.refusals = 0;
      this.conn.connected();
      // State recovery replays what was missed; when it could not, the picture must be refetched.
      if (!socket.recovered) {
        this.loadWithRetry('overview', () => this.loadSnapshot());
        this.sendSubscription();
        for (const t of this.wanted) this.loadWithRetry(`topic ${t}`, () => this.loadTopicSnapshot(t));
      }
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
      // The hub refused the token (expired during an outage, revoked, a restarted hub's new key):
      // get a fresh one before the next handshake.
      if (/^(token-expired|unauthorised)/.test(err.message)) this.tokenStale = true;
      // A refused handshake stops socket.io's own retries; keep trying with growing jittered backoff.
      if (!socket.active && !this.stopped) {
        const t = setTimeout(() => socket.connect(), backoffDelay(Math.min(1 + this.refusals++, 5)));
        this.timers.add(t);
      }
    });
    socket.on(LIVE_EVENTS.overview, (payload: unknown) => this.onOverview(payload));
    for (const topic of TOPICS.keys()) socket.on(topic, (payload: unknown) => this.onTopic(topic, payload));
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

  /** Public for tests: the edge where a live topic event enters the wall. */
  onTopic(topic: string, payload: unknown) {
    if (topic === VEHICLES_TOPIC) return this.vehicleFrames.submit(payload);
    const schema = this.liveSchemas.get(topic);
    if (!schema) return;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      this.diag.rejected(`live/${topic}`, describeIssue(parsed.error));
      return;
    }
    this.diag.accepted();
    const { seq, time, data } = parsed.data as { seq: number; time: number; data: unknown };
    // Events of topics the scene let go of may still be in flight: ignore them.
    if (!this.wanted.includes(topic)) return;
    this.queueTopic(topic, { seq, time, data });
  }

  /**
   * Validated topic values wait here for the next apply, at most one per topic (the newest): a
   * burst of messages costs one store update and one render of the panels that read the topic,
   * not one per message, so a fast feed never builds a backlog. Applied at most every
   * APPLY_INTERVAL_MS, on a timer rather than animation frames, so a slow GPU does not hold data back.
   */
  private pendingTopics = new Map<string, TopicValue>();
  private applyQueued = false;
  private lastApply = 0;

  private queueTopic(topic: string, value: TopicValue) {
    this.pendingTopics.set(topic, value);
    if (this.applyQueued) return;
    this.applyQueued = true;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.applyQueued = false;
      this.lastApply = Date.now();
      const batch = [...this.pendingTopics];
      this.pendingTopics.clear();
      for (const [name, v] of batch) if (this.wanted.includes(name) && this.topicData.apply(name, v)) this.conn.data(v.time);
    }, Math.max(0, this.lastApply + APPLY_INTERVAL_MS - Date.now()));
    this.timers.add(t);
  }

  /** A decoded (or rejected) vehicle frame back from the decoder: the same edge as onTopic. */
  private onVehicleFrame(result: DecodeResult) {
    if (!result.ok) {
      this.diag.rejected(`live/${VEHICLES_TOPIC}`, result.error);
      return;
    }
    this.diag.accepted();
    const { seq, time } = result.frame;
    if (!this.wanted.includes(VEHICLES_TOPIC)) return;
    if (this.topicData.apply(VEHICLES_TOPIC, { seq, time, data: result.frame })) this.conn.data(time);
  }
}
