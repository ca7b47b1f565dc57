/**
 * Reads a recording back: a directory of segments (the hub's own, which grows while it records) or
 * one MCAP file (the record script's, a kiosk's). Each file is read through its index when it has
 * one (segment-indexed.ts), else front to back up to where it ends or was cut (segment-stream.ts),
 * with a warning: the rest of the recording still plays.
 *
 * Every message is decoded and checked against the contract before it is served (codec.ts
 * readEnvelope); a bad record is skipped and counted, never served.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { TOPICS } from '../../src/hub/contract.ts';
import type { RecordedSegment } from '../../src/hub/recording.ts';
import type { HubLog } from '../log.ts';
import { readEnvelope, type Envelope } from './codec.ts';
import { IndexedSegment } from './segment-indexed.ts';
import type { RawMessage, SegmentSource } from './segment-source.ts';
import { StreamSegment } from './segment-stream.ts';

export interface ServedEnvelope {
  topic: string;
  logTimeNs: bigint;
  /** logTime in epoch ms: when the hub recorded it. */
  recordedAt: number;
  envelope: Envelope;
  /** The recorded message's size. */
  bytes: number;
}

export interface RecordingOptions {
  log: HubLog;
  /** The segment the recorder is writing now (no index yet, and no warning for that). */
  openFile?: () => string | null;
}

interface Entry {
  name: string;
  path: string;
  bytes: number;
  mtimeMs: number;
  source: SegmentSource | null;
  error?: string;
}

const NS_PER_MS = 1_000_000n;
export const msToNs = (ms: number) => BigInt(ms) * NS_PER_MS;
export const nsToMs = (ns: bigint) => Number(ns / NS_PER_MS);
/** How many older copies of a topic to try when its newest record is bad. */
const BAD_RECORD_RETRIES = 5;

export class RecordingError extends Error {}

/** A recording at `path` (a directory of segments or one file); throws RecordingError when there is none. */
export async function openRecording(path: string, options: RecordingOptions): Promise<Recording> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    throw new RecordingError(`${path}: no such file or directory`);
  }
  const recording = new Recording(path, isDir, options);
  await recording.refresh();
  return recording;
}

export class Recording {
  readonly path: string;
  readonly isDir: boolean;
  #options: RecordingOptions;
  #entries: Entry[] = [];
  #warned = new Set<string>();
  #refreshing: Promise<void> | null = null;
  /** Records that failed the contract: skipped, never served. */
  skipped = 0;

  constructor(path: string, isDir: boolean, options: RecordingOptions) {
    this.path = path;
    this.isDir = isDir;
    this.#options = options;
  }

  /** Picks up segments added, grown, closed or deleted since the last look (coalesced). */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  async #refresh() {
    const files: { name: string; path: string; bytes: number; mtimeMs: number }[] = [];
    const names = this.isDir ? (await readdir(this.path)).filter((n) => n.endsWith('.mcap')).sort() : [basename(this.path)];
    for (const name of names) {
      const path = this.isDir ? join(this.path, name) : this.path;
      try {
        const s = await stat(path);
        if (s.isFile()) files.push({ name, path, bytes: s.size, mtimeMs: s.mtimeMs });
      } catch {
        // deleted by retention since readdir
      }
    }
    const old = new Map(this.#entries.map((e) => [e.path, e]));
    const next: Entry[] = [];
    for (const f of files) {
      const had = old.get(f.path);
      old.delete(f.path);
      if (had && had.bytes === f.bytes && had.mtimeMs === f.mtimeMs) {
        next.push(had);
        continue;
      }
      next.push(await this.#load(f, had));
    }
    for (const gone of old.values()) await gone.source?.close();
    this.#entries = next;
  }

  async #load(f: { name: string; path: string; bytes: number; mtimeMs: number }, had: Entry | undefined): Promise<Entry> {
    const open = this.#options.openFile?.() === f.path;
    let indexError = 'it is being written';
    if (!open) {
      try {
        const source = await IndexedSegment.open(f.path, f.bytes);
        await had?.source?.close();
        return { ...f, source };
      } catch (err) {
        indexError = (err as Error).message;
      }
    }
    // No usable index: read it front to back (going on from where an earlier read stopped).
    const stream = had?.source instanceof StreamSegment ? had.source : new StreamSegment(f.path);
    if (had?.source && had.source !== stream) await had.source.close();
    try {
      await stream.refresh();
    } catch (err) {
      return { ...f, source: null, error: (err as Error).message };
    }
    if (!open && !this.#warned.has(f.path)) {
      this.#warned.add(f.path);
      const lost = stream.error ? `unreadable after a corrupt record (${stream.error})` : `${stream.cutBytes} bytes after the last complete record are lost`;
      this.#options.log(
        `WARNING: recording ${f.name} has no index (${indexError}): it was cut short (a crash?); read up to the cut, ${lost}; the rest of the recording plays`,
        { file: f.path, bytes: f.bytes },
      );
    }
    return { ...f, source: stream };
  }

  /** The segments with something readable, oldest first. */
  #sources(): SegmentSource[] {
    return this.#entries.flatMap((e) => (e.source ? [e.source] : []));
  }

  /** The recorded span (ms), null when nothing is recorded. */
  range(): { from: number; to: number } | null {
    let from: bigint | null = null;
    let to: bigint | null = null;
    for (const s of this.#sources()) {
      const r = s.range();
      if (!r) continue;
      if (from === null || r.fromNs < from) from = r.fromNs;
      if (to === null || r.toNs > to) to = r.toNs;
    }
    return from === null || to === null ? null : { from: nsToMs(from), to: nsToMs(to) };
  }

  /** Live messages per topic over every segment. */
  counts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const s of this.#sources()) for (const [t, n] of s.counts()) out.set(t, (out.get(t) ?? 0) + n);
    return out;
  }

  segments(): RecordedSegment[] {
    const open = this.#options.openFile?.() ?? null;
    return this.#entries.map((e) => {
      const r = e.source?.range();
      const messages = e.source ? [...e.source.counts().values()].reduce((a, b) => a + b, 0) : 0;
      const stream = e.source instanceof StreamSegment ? e.source : null;
      return {
        file: e.name,
        bytes: e.bytes,
        range: r ? { from: nsToMs(r.fromNs), to: nsToMs(r.toNs) } : null,
        messages,
        indexed: e.source?.indexed ?? false,
        open: e.path === open,
        truncated: e.path !== open && (e.source === null || (stream !== null && !stream.complete)),
        ...(e.error ? { error: e.error.slice(0, 500) } : {}),
      };
    });
  }

  #check(raw: RawMessage, file: string): ServedEnvelope | null {
    const read = readEnvelope(raw.topic, raw.data, raw.messageEncoding);
    if (!read.ok) {
      this.skipped++;
      const key = `bad:${file}`;
      if (!this.#warned.has(key)) {
        this.#warned.add(key);
        this.#options.log(`recording ${basename(file)}: a record failed the contract and is skipped (${read.error})`);
      }
      return null;
    }
    return { topic: raw.topic, logTimeNs: raw.logTimeNs, recordedAt: nsToMs(raw.logTimeNs), envelope: read.envelope, bytes: raw.data.byteLength };
  }

  /**
   * The newest good envelope of each topic at or before `at` (ms; the whole millisecond counts),
   * in the order asked, and the topics with none. `topics` null: every recorded topic.
   */
  async stateAt(at: number, topics: readonly string[] | null): Promise<{ envelopes: ServedEnvelope[]; missing: string[] }> {
    const wanted = topics ?? [...this.counts().keys()].sort();
    const atNs = msToNs(at) + NS_PER_MS - 1n;
    const found = new Map<string, ServedEnvelope>();
    const sources = this.#sources();
    for (let i = sources.length - 1; i >= 0 && found.size < wanted.length; i--) {
      const source = sources[i];
      const r = source.range();
      if (!r || r.fromNs > atNs) continue;
      for (const topic of wanted.filter((t) => !found.has(t))) {
        // Usually one lookup; a bad record sends it to the one before.
        let before = atNs;
        for (let tries = 0; tries <= BAD_RECORD_RETRIES; tries++) {
          const raw = (await source.latest([topic], before)).get(topic);
          if (!raw) break;
          const served = this.#check(raw, source.path);
          if (served) {
            found.set(topic, served);
            break;
          }
          before = raw.logTimeNs - 1n;
        }
      }
    }
    return { envelopes: wanted.flatMap((t) => found.get(t) ?? []), missing: wanted.filter((t) => !found.has(t)) };
  }

  /**
   * Live envelopes recorded in [from, to] (ms, both whole milliseconds), in recording order, after
   * `afterNs` (a previous page's cursor); at most `limit` and, past the first, `maxBytes` of records.
   * `next` is the cursor of the following page, null when there is none.
   */
  async messages(q: { from: number; to: number; topics: readonly string[] | null; limit: number; maxBytes: number; afterNs?: bigint }): Promise<{ envelopes: ServedEnvelope[]; next: string | null }> {
    const toNs = msToNs(q.to) + NS_PER_MS - 1n;
    let fromNs = msToNs(q.from);
    if (q.afterNs !== undefined && q.afterNs + 1n > fromNs) fromNs = q.afterNs + 1n;
    const topics = q.topics ? new Set(q.topics) : null;
    const out: ServedEnvelope[] = [];
    let bytes = 0;
    for (const source of this.#sources()) {
      const r = source.range();
      if (!r || r.toNs < fromNs || r.fromNs > toNs) continue;
      for await (const raw of source.read(fromNs, toNs, topics)) {
        if (out.length >= q.limit || (out.length > 0 && bytes + raw.data.byteLength > q.maxBytes)) return { envelopes: out, next: String(out[out.length - 1].logTimeNs) };
        const served = this.#check(raw, source.path);
        if (!served) continue;
        out.push(served);
        bytes += served.bytes;
      }
    }
    return { envelopes: out, next: null };
  }

  /** Every live envelope from `fromNs` on, in order, across segments (replay). */
  async *iterate(fromNs = 0n): AsyncGenerator<ServedEnvelope> {
    for (const source of this.#sources()) {
      const r = source.range();
      if (!r || r.toNs < fromNs) continue;
      for await (const raw of source.read(fromNs, r.toNs, null)) {
        const served = this.#check(raw, source.path);
        if (served) yield served;
      }
    }
  }

  /** Segments that could not be read at all (not MCAP), with why. */
  unreadable(): { file: string; error: string }[] {
    return this.#entries.filter((e) => !e.source).map((e) => ({ file: e.path, error: e.error ?? 'unreadable' }));
  }

  async close() {
    for (const e of this.#entries) await e.source?.close();
    this.#entries = [];
  }
}

/** Topics known to the contract, with their codec ('json' or a binary codec's name). */
export const codecOf = (topic: string) => TOPICS.get(topic)?.codec ?? 'unknown';
