/**
 * The hub's recorder: what the topic engine publishes (after conflation: what walls got) goes into
 * MCAP segments in a directory, at a reduced rate per topic (rate-limit.ts), rotated every few
 * minutes, with bounded retention and a free-space floor (retention.ts).
 *
 * Recording is a bystander: `tap` never throws and never waits. Envelopes are encoded at once and
 * queued; one write at a time drains the queue (McapWriter's rule). A full queue drops, a write
 * error abandons the segment (it stays readable up to the cut), logs once and retries later; the
 * hub keeps serving whatever happens here.
 *
 * Channels: each topic has a `live` channel (what was published) and a `state` channel, written only
 * at the start of each segment after the first: the newest recorded value of every topic, so each
 * segment can be sought into on its own (a topic that changes hourly, or never, is still there once
 * older segments are deleted). Readers serve `state` messages for seeking, never as playback.
 *
 * Times: publishTime is when the hub published the envelope, logTime when the recorder took it
 * (the same, or up to one rate interval later for a value that waited), in nanoseconds, strictly
 * increasing through the recording so a logTime names one message (the REST cursor).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TOPICS } from '../../src/hub/contract.ts';
import type { HubLog } from '../log.ts';
import { encodeEnvelope, isBinaryTopic, type Envelope } from './codec.ts';
import { createRateLimit, recordInterval } from './rate-limit.ts';
import { enforceRetention, freeBytes, segmentName } from './retention.ts';
import { SegmentWriter } from './segment-writer.ts';
import type { RecorderSettings } from './settings.ts';

/** Bytes encoded but not yet handed to the file; past this a message is dropped, not queued. */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;
/** How often rotation of a quiet recording, retention and the disk are looked at. */
const HOUSEKEEPING_MS = 10_000;
/** After a write error, the next try; doubled on each failure up to the maximum. */
const RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60_000;
/** Free space above the floor wanted before recording resumes (no flapping at the edge). */
const RESUME_MARGIN_BYTES = 64 * 1024 * 1024;

interface Recorded {
  bytes: Uint8Array;
  seq: number;
  publishNs: bigint;
}

export interface RecorderOptions {
  settings: RecorderSettings;
  log: HubLog;
  /** The hub's clock (tests move it). */
  now?: () => number;
  /** Written into each segment's metadata. */
  metadata?: Record<string, string>;
}

/** A strictly increasing nanosecond clock from millisecond times. */
export function nanoClock() {
  let last = 0n;
  return (ms: number): bigint => {
    let ns = BigInt(Math.round(ms)) * 1_000_000n;
    if (ns <= last) ns = last + 1n;
    return (last = ns);
  };
}

export async function startRecorder(options: RecorderOptions) {
  const { settings, log } = options;
  const now = options.now ?? Date.now;
  await mkdir(settings.dir, { recursive: true });
  const limit = createRateLimit<Envelope>((topic) => recordInterval(topic, settings));
  const stamp = nanoClock();
  const latest = new Map<string, Recorded>();

  let writer: SegmentWriter | null = null;
  let queue: Promise<void> = Promise.resolve();
  let queuedBytes = 0;
  let mode: 'recording' | 'paused' | 'failed' | 'closed' = 'recording';
  let note: string | undefined;
  let retryMs = RETRY_MS;
  let retryAt = 0;
  let housekeeping = false;
  let housekeepingFailed = false;
  let rotationQueued = false;
  let droppedFull = 0;
  let droppedFullLogged = false;
  let written = 0;

  /** Runs jobs one after another; a job that fails stops recording for a while (failed), never the chain. */
  const enqueue = (job: () => Promise<void>) => (queue = queue.then(() => job().catch(failed)));

  async function openSegment(at: number) {
    for (let attempt = 0; ; attempt++) {
      try {
        writer = await SegmentWriter.create(join(settings.dir, segmentName(at, attempt)), { startedAt: at, metadata: options.metadata });
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw err;
      }
    }
    // Every topic's newest value, so this segment stands on its own (see the header).
    const ns = stamp(at);
    for (const [topic, r] of latest) await writer!.add(topic, 'state', r.bytes, r.seq, ns, r.publishNs);
  }

  async function closeSegment() {
    const w = writer;
    writer = null;
    await w?.close();
  }

  function failed(err: unknown) {
    const w = writer;
    writer = null;
    void w?.abandon();
    if (mode === 'recording') {
      // Once per failure spell: a full disk would otherwise log at every message.
      log(`recording stopped: ${(err as Error).message}; retrying in ${Math.round(retryMs / 1000)} s (the hub keeps serving)`, { dir: settings.dir });
    }
    mode = 'failed';
    note = `write error: ${(err as Error).message}`;
    retryAt = now() + retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  function record(topic: string, envelope: Envelope, publishedAt: number) {
    let bytes: Uint8Array;
    try {
      bytes = encodeEnvelope(envelope, isBinaryTopic(TOPICS.get(topic)));
    } catch (err) {
      return void log(`recording: ${topic} could not be encoded: ${(err as Error).message}`);
    }
    if (queuedBytes + bytes.byteLength > MAX_QUEUED_BYTES) {
      droppedFull++;
      if (!droppedFullLogged) log('recording is behind (the disk is slow): envelopes are dropped until it catches up', { dir: settings.dir });
      droppedFullLogged = true;
      return;
    }
    droppedFullLogged = false;
    queuedBytes += bytes.byteLength;
    void enqueue(async () => {
      queuedBytes -= bytes.byteLength;
      if (mode !== 'recording') return;
      const at = now();
      if (writer && at - writer.startedAt >= settings.segmentMs) await closeSegment();
      if (!writer) await openSegment(at);
      const publishNs = BigInt(publishedAt) * 1_000_000n;
      await writer!.add(topic, 'live', bytes, envelope.seq, stamp(at), publishNs);
      latest.set(topic, { bytes, seq: envelope.seq, publishNs });
      written++;
      if (retryMs !== RETRY_MS) {
        retryMs = RETRY_MS;
        log('recording resumed', { dir: settings.dir });
      }
    });
  }

  /** Rotation of a quiet recording, retention, the disk floor, retries. */
  async function keepHouse() {
    const at = now();
    if (mode === 'failed' && at >= retryAt) {
      mode = 'recording';
      note = undefined;
    }
    try {
      const free = await freeBytes(settings.dir);
      if (mode === 'recording' && free < settings.minFreeBytes + 2 * 1024 * 1024) {
        mode = 'paused';
        note = `paused: ${Math.round(free / 2 ** 20)} MB free, the floor is ${Math.round(settings.minFreeBytes / 2 ** 20)} MB (HUB_RECORD_MIN_FREE_MB)`;
        log(`recording ${note} under ${settings.dir}`);
        await enqueue(closeSegment);
      } else if (mode === 'paused' && free >= settings.minFreeBytes + RESUME_MARGIN_BYTES) {
        mode = 'recording';
        note = undefined;
        log('recording resumed: free space is above the floor again', { dir: settings.dir });
      }
      const { deleted } = await enforceRetention(settings.dir, { maxAgeMs: settings.maxAgeMs, maxBytes: settings.maxBytes }, at, writer?.path);
      if (deleted.length) log(`recording: deleted ${deleted.length} old segment(s) (HUB_RECORD_HOURS, HUB_RECORD_MAX_BYTES)`, { first: deleted[0] });
      housekeepingFailed = false;
    } catch (err) {
      // Once per spell (a vanished directory fails every ten seconds); writing reports its own errors.
      if (!housekeepingFailed) log(`recording housekeeping failed: ${(err as Error).message}`, { dir: settings.dir });
      housekeepingFailed = true;
    }
  }

  // Values waiting for their interval: one timer, to the earliest due, only while any wait (an idle
  // recorder wakes only for housekeeping).
  let dueTimer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  function armDue() {
    const next = limit.nextDue();
    // Armed already for this moment or earlier (a topic with a shorter interval may need an earlier one).
    if (next === null || next >= dueAt || mode === 'closed') return;
    clearTimeout(dueTimer);
    dueAt = next;
    dueTimer = setTimeout(() => {
      dueTimer = undefined;
      dueAt = Infinity;
      for (const o of limit.due(now())) record(o.topic, o.value, o.publishedAt);
      armDue();
    }, Math.max(0, next - now()));
    dueTimer.unref();
  }

  const timer = setInterval(() => {
    // A quiet recording still gets its segment closed (indexed) about on time; the job looks again when it runs.
    if (mode === 'recording' && writer && now() - writer.startedAt >= settings.segmentMs && !rotationQueued) {
      rotationQueued = true;
      void enqueue(async () => {
        rotationQueued = false;
        if (writer && now() - writer.startedAt >= settings.segmentMs) await closeSegment();
      });
    }
    if (!housekeeping) {
      housekeeping = true;
      void keepHouse().finally(() => (housekeeping = false));
    }
  }, HOUSEKEEPING_MS);
  timer.unref();

  log(`recording the topics to ${settings.dir}${settings.temporary ? ' (temporary: removed when the hub stops; set HUB_RECORD_DIR or HUB_DATA_DIR to keep them)' : ''}`, {
    segmentMin: settings.segmentMs / 60_000,
    hours: settings.maxAgeMs / 3_600_000,
    maxBytes: settings.maxBytes,
    maxHz: settings.maxHz,
    binaryMaxHz: settings.binaryMaxHz,
  });
  // The floor is checked before the first byte, not ten seconds in.
  await keepHouse();

  return {
    dir: settings.dir,
    /** The topic engine's tap (topic-engine.ts `onPublish`): never throws, never waits. */
    tap(topic: string, envelope: unknown) {
      if (mode !== 'recording') return;
      try {
        const taken = limit.offer(topic, envelope as Envelope, now());
        if (taken) record(topic, taken.value, taken.publishedAt);
        else armDue();
      } catch (err) {
        log(`recording: ${topic} skipped: ${(err as Error).message}`);
      }
    },
    /** The segment being written (its file has no index yet). */
    get openFile(): string | null {
      return writer?.path ?? null;
    },
    status() {
      return { recording: mode === 'recording', note, written, superseded: limit.superseded, dropped: droppedFull };
    },
    /** Tests: waits until everything handed over so far is written (not necessarily on disk: chunks). */
    async drain() {
      for (const o of limit.due(now(), true)) record(o.topic, o.value, o.publishedAt);
      await queue;
    },
    /** Tests and benchmarks: closes the segment now (indexed); the next envelope opens a new one. */
    async rotate() {
      await enqueue(closeSegment);
    },
    async housekeeping() {
      await keepHouse();
    },
    async close() {
      clearInterval(timer);
      clearTimeout(dueTimer);
      for (const o of limit.due(now(), true)) record(o.topic, o.value, o.publishedAt);
      await enqueue(closeSegment);
      mode = 'closed';
      if (settings.temporary) await rm(settings.dir, { recursive: true, force: true });
    },
  };
}
export type Recorder = Awaited<ReturnType<typeof startRecorder>>;
