import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import {
  CONTRACT_VERSION,
  EpochSchema,
  LIVE_EVENTS,
  SubscribeAckSchema,
  TOPICS,
  describeIssue,
  topicSnapshotSchema,
  type TopicSpec,
} from './contract.ts';
import { connectionActions, type ConnectionStore } from '../store/connection-store.ts';
import { isNewer, topicActions, type HistoryRule, type TopicStore } from '../store/topic-store.ts';
import { DecodeBridge } from './decode/decode-bridge.ts';
import type { CodecOptions, DecodedEvent, FrameDecoder } from './decode/codecs.ts';
import type { HubRest } from './rest.ts';

/** Live values are read and applied at most this often (a 60 Hz frame). */
const APPLY_INTERVAL_MS = 16;
/** Changes of a journal topic waiting for an apply; more means the wall fell behind: refetch the snapshot. */
const MAX_JOURNAL_BACKLOG = 2_000;

/** The envelope without its payload: enough to order an event before reading its data. */
const HeaderSchema = z.object({ v: z.literal(CONTRACT_VERSION), topic: z.string(), epoch: EpochSchema, seq: z.number().int().min(0), time: z.number().int().positive() });

export interface TopicFeedDeps {
  rest: HubRest;
  topics: TopicStore;
  connection: ConnectionStore;
  /** Decoder of binary topics (a Web Worker where there are workers). */
  decoder: FrameDecoder;
  /** Options a binary codec needs per topic (e.g. the colour table of a column), from the modules. */
  codecOptions?: Readonly<Record<string, CodecOptions>>;
}

/** A recorded envelope's epoch within seek `generation` (EpochSchema: at most 64 characters). */
export const replayEpoch = (epoch: string, generation: number) => `${epoch.slice(0, 48)}:r${generation}`;

/** The binary columns' bytes of an event (attachments arrive as ArrayBuffers or views). */
function columnBytes(payload: unknown): number {
  const data = (payload as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object') return 0;
  let bytes = 0;
  for (const v of Object.values(data)) if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}

/**
 * The one way topic data enters the wall, live or as a snapshot, JSON or binary. Live events wait
 * unread, the newest per topic, and are read at most every APPLY_INTERVAL_MS: a flood costs one
 * validation per topic per apply and the rest are shed (counted, shown on the badge), never
 * queued. Each event is ordered by its hub run and sequence (isNewer) before its data is read,
 * then validated by its topic's schema, or decoded by its codec off the main thread.
 */
export class TopicFeed {
  /** Topics the wall shows; re-sent after every reconnect that lost the session. */
  private wanted: string[] = [];
  private pending = new Map<string, unknown>();
  /** Journal topics: every change, in arrival order, until the next apply. */
  private journals = new Map<string, unknown[]>();
  /** Journal topics waiting for their snapshot (first load, or after a gap), with the changes that came meanwhile. */
  private resyncing = new Set<string>();
  private heldBack = new Map<string, unknown[]>();
  private applyQueued = false;
  private lastApply = 0;
  private shedSinceApply = 0;
  private bridges = new Map<string, DecodeBridge>();
  private liveSchemas = new Map<string, z.ZodType>();
  private socket: Socket | null = null;
  /**
   * The time machine (playback/player.ts): while set, data comes from the recording and live
   * events are not applied. Each seek is a new generation: recorded envelopes are applied under
   * their epoch plus `:r<generation>`, so isNewer orders them within a seek and a seek (backwards
   * too) is accepted over whatever the wall held; the return to live refetches snapshots.
   */
  private playbackGen: number | null = null;
  private conn;
  private data;

  constructor(private deps: TopicFeedDeps) {
    this.conn = connectionActions(deps.connection);
    this.data = topicActions(deps.topics);
    for (const spec of TOPICS.values()) if (spec.codec === 'json') this.liveSchemas.set(spec.name, spec.schema);
  }

  private get diag() {
    return this.deps.rest.diag;
  }

  /** Listens for every topic on the live socket. */
  attach(socket: Socket) {
    this.socket = socket;
    for (const topic of TOPICS.keys()) socket.on(topic, (payload: unknown) => this.receive(topic, payload));
  }

  /**
   * The wall's topics changed: subscribe to exactly these, fetch their snapshots so the new
   * picture draws at once, and let go of the data of topics no longer shown.
   */
  setTopics(topics: string[]) {
    const added = topics.filter((t) => !this.wanted.includes(t));
    this.wanted = [...topics];
    this.data.retain(topics);
    for (const t of this.pending.keys()) if (!topics.includes(t)) this.pending.delete(t);
    for (const t of this.journals.keys()) if (!topics.includes(t)) this.journals.delete(t);
    for (const t of this.heldBack.keys()) if (!topics.includes(t)) this.heldBack.delete(t);
    this.subscribe();
    for (const t of added) this.loadSnapshot(t);
  }

  /** After a connect that could not recover the session: subscribe again and refetch every snapshot. */
  resync() {
    this.subscribe();
    if (this.playbackGen !== null) return; // the recording is the source: the player refetches
    for (const t of this.wanted) this.loadSnapshot(t);
  }

  /** The topics the wall shows now. */
  get topics(): readonly string[] {
    return this.wanted;
  }

  /** The wall plays a recording, from a new seek (`generation` grows with each): live events are no longer applied. */
  enterPlayback(generation: number) {
    if (this.playbackGen === null) {
      this.pending.clear();
      this.journals.clear();
      this.heldBack.clear();
      this.resyncing.clear();
    }
    this.playbackGen = generation;
    // Charts grow forward in time: the replay starts its series afresh at each seek (live history
    // comes back with the snapshots on the return to live).
    if (Object.keys(this.deps.topics.getState().history).length) this.deps.topics.setState({ history: {} });
  }

  /** Back to live: what live holds now, refetched as after a reconnect that lost the session. */
  leavePlayback() {
    if (this.playbackGen === null) return;
    this.playbackGen = null;
    this.resync();
  }

  get inPlayback(): boolean {
    return this.playbackGen !== null;
  }

  /**
   * A recorded envelope (binary columns restored: recording.ts restoreBinary) of seek `generation`,
   * checked and applied exactly as a live event (header, order, schema or codec).
   */
  replay(generation: number, payload: unknown) {
    if (generation !== this.playbackGen) return; // from a seek that was overtaken
    const header = payload as { topic?: unknown; epoch?: unknown } | null;
    const topic = typeof header?.topic === 'string' ? header.topic : '';
    if (TOPICS.get(topic)?.delivery.kind === 'journal') return; // journals are not recorded
    const epoch = typeof header?.epoch === 'string' ? header.epoch : '';
    this.read(topic, { ...(payload as object), epoch: replayEpoch(epoch, generation) });
  }

  dispose() {
    for (const b of this.bridges.values()) b.dispose();
    this.bridges.clear();
    this.deps.decoder.dispose?.();
    this.pending.clear();
    this.journals.clear();
  }

  private subscribe() {
    const socket = this.socket;
    if (!socket?.connected) return;
    socket.emit(LIVE_EVENTS.subscribe, { topics: this.wanted }, (ack: unknown) => {
      const parsed = SubscribeAckSchema.safeParse(ack);
      if (!parsed.success) this.diag.rejected('subscribe', describeIssue(parsed.error));
      else if (parsed.data.unknown.length) this.diag.error('subscribe', `hub does not serve ${parsed.data.unknown.join(', ')}`);
    });
  }

  private loadSnapshot(topic: string) {
    const spec = TOPICS.get(topic);
    if (!spec?.snapshot) return;
    const schema = topicSnapshotSchema(topic, spec.schema);
    this.deps.rest.retry(`topic ${topic}`, async () => {
      if (!this.wanted.includes(topic)) return;
      if (this.playbackGen !== null) return; // the recording is the source now
      const body = (await this.deps.rest.getJson(`/topics/${encodeURIComponent(topic)}`, schema)) as z.infer<typeof schema>;
      if (!this.wanted.includes(topic) || this.playbackGen !== null) return;
      if (body.history && spec.history) this.data.setHistory(topic, body.history, spec.history.maxPoints);
      this.apply(spec, { epoch: body.epoch, seq: body.seq, time: body.time, data: body.data });
      if (spec.delivery.kind === 'journal') this.replayHeldBack(topic);
      this.conn.data(body.time, body.simulated);
    });
  }

  /** Public for tests: a live event as the socket delivers it. It waits, unread, for the next apply. */
  receive(topic: string, payload: unknown) {
    if (!this.wanted.includes(topic)) return; // in flight from before the scene let it go
    if (this.playbackGen !== null) return; // the wall shows the recording: live waits until it returns
    if (TOPICS.get(topic)?.delivery.kind === 'journal') {
      const queue = this.journals.get(topic) ?? [];
      this.journals.set(topic, queue);
      queue.push(payload);
      if (queue.length > MAX_JOURNAL_BACKLOG) {
        this.diag.shed(queue.length);
        this.journals.delete(topic);
        this.resyncJournal(topic, `${queue.length} changes waiting: fetching the snapshot instead`);
        return;
      }
    } else {
      if (this.pending.has(topic)) this.shedSinceApply += 1;
      this.pending.set(topic, payload);
    }
    if (this.applyQueued) return;
    this.applyQueued = true;
    this.deps.rest.later(() => this.flush(), Math.max(0, this.lastApply + APPLY_INTERVAL_MS - Date.now()));
  }

  /** Public for tests: reads every waiting event now. */
  flush() {
    this.applyQueued = false;
    this.lastApply = Date.now();
    if (this.shedSinceApply) this.diag.shed(this.shedSinceApply);
    this.shedSinceApply = 0;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [topic, payload] of batch) this.read(topic, payload);
    const journals = [...this.journals];
    this.journals.clear();
    for (const [topic, changes] of journals) for (const change of changes) this.readChange(topic, change);
  }

  /** One change of a journal topic: applied only if it is the next one of the held value's run. */
  private readChange(topic: string, payload: unknown) {
    const spec = TOPICS.get(topic);
    if (!spec || spec.delivery.kind !== 'journal' || !this.wanted.includes(topic)) return;
    const held = this.deps.topics.getState().values[topic];
    if (!held || this.resyncing.has(topic)) {
      // Its snapshot is on its way: keep the change, it may be newer than the snapshot.
      const waiting = this.heldBack.get(topic) ?? [];
      this.heldBack.set(topic, waiting);
      if (waiting.length < MAX_JOURNAL_BACKLOG) waiting.push(payload);
      return;
    }
    const header = HeaderSchema.safeParse(payload);
    if (!header.success || header.data.topic !== topic) {
      this.diag.rejected(`live/${topic}`, header.success ? `topic: "${header.data.topic.slice(0, 40)}" on the "${topic}" event` : describeIssue(header.error));
      return;
    }
    const { epoch, seq, time } = header.data;
    if ((held.epoch ?? '') === epoch && seq <= held.seq) return; // already in what is held
    if ((held.epoch ?? '') !== epoch || seq !== held.seq + 1) {
      this.resyncJournal(topic, `missed changes (held ${held.seq}, got ${seq}): fetching the snapshot`);
      return void this.heldBack.set(topic, [payload]); // it may be newer than the snapshot
    }
    const parsed = spec.schema.safeParse((payload as { data: unknown }).data);
    if (!parsed.success) {
      // A change cannot be skipped: what is held would be wrong. Count it, and start again from the snapshot.
      this.diag.rejected(`live/${topic}`, `data.${describeIssue(parsed.error)} (fetching the snapshot)`);
      return this.resyncJournal(topic);
    }
    this.diag.accepted();
    if (this.apply(spec, { epoch, seq, time, data: spec.delivery.merge(held.data, parsed.data) })) this.conn.data(time);
  }

  /** After a journal topic's snapshot: the changes that came meanwhile, those newer than it applied in order. */
  private replayHeldBack(topic: string) {
    this.resyncing.delete(topic);
    const waiting = this.heldBack.get(topic) ?? [];
    this.heldBack.delete(topic);
    for (const change of waiting) this.readChange(topic, change);
  }

  private resyncJournal(topic: string, why?: string) {
    if (this.resyncing.has(topic)) return;
    this.resyncing.add(topic);
    if (why) this.diag.error(`live/${topic}`, why);
    this.loadSnapshot(topic);
  }

  private read(topic: string, payload: unknown) {
    const spec = TOPICS.get(topic);
    if (!spec || !this.wanted.includes(topic)) return;
    const header = HeaderSchema.safeParse(payload);
    if (!header.success || header.data.topic !== topic) {
      this.diag.rejected(`live/${topic}`, header.success ? `topic: "${header.data.topic.slice(0, 40)}" on the "${topic}" event` : describeIssue(header.error));
      return;
    }
    // Ordered before it is read: a replayed or late event costs no validation or decode.
    if (!isNewer(this.deps.topics.getState().values[topic], header.data)) return;
    if (spec.codec === 'json') {
      const parsed = this.liveSchemas.get(topic)!.safeParse((payload as { data: unknown }).data);
      if (!parsed.success) return void this.diag.rejected(`live/${topic}`, `data.${describeIssue(parsed.error)}`);
      this.diag.accepted();
      const { epoch, seq, time } = header.data;
      if (this.apply(spec, { epoch, seq, time, data: parsed.data })) this.fresh(time);
      return;
    }
    const bytes = columnBytes(payload);
    if (bytes > spec.maxBytes) {
      this.diag.rejected(`live/${topic}`, `${bytes} bytes of columns, over the topic's bound of ${spec.maxBytes}: dropped undecoded`);
      return;
    }
    this.bridge(spec).submit({ codec: spec.codec, options: this.deps.codecOptions?.[topic] ?? {}, payload });
  }

  private bridge(spec: TopicSpec): DecodeBridge {
    let bridge = this.bridges.get(spec.name);
    if (!bridge) {
      bridge = new DecodeBridge(
        this.deps.decoder,
        (result) => {
          if (!result.ok) return void this.diag.rejected(`live/${spec.name}`, result.error);
          this.diag.accepted();
          // A live frame decoded after the wall went to playback (or a frame of an overtaken seek) is late.
          if (this.playbackGen !== null && !result.event.epoch.endsWith(`:r${this.playbackGen}`)) return;
          if (this.wanted.includes(spec.name) && this.apply(spec, result.event)) this.fresh(result.event.time);
        },
        () => this.diag.dropped(),
      );
      this.bridges.set(spec.name, bridge);
    }
    return bridge;
  }

  /** The data age follows live data only: a replayed value is old by design. */
  private fresh(time: number) {
    if (this.playbackGen === null) this.conn.data(time);
  }

  private apply(spec: TopicSpec, event: DecodedEvent): boolean {
    return this.data.apply(spec.name, event, spec.history as HistoryRule | undefined);
  }
}
