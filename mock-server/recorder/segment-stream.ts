/**
 * A segment without an index: the one the recorder is writing (its index comes when it closes), or
 * one cut short by a crash or a full disk (bytes end mid-chunk, no footer). Read front to back with
 * McapStreamReader up to the last complete record; what follows the cut is lost, the rest plays.
 *
 * Its messages are held in memory (a segment is minutes long: tens of MB at most with the default
 * rates). A file that grows (the open segment) is read on from where the last read stopped.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { McapStreamReader } from '@mcap/core';
import { channelInfo, type ChannelInfo, type RawMessage, type SegmentSource } from './segment-source.ts';

const READ_BYTES = 4 * 1024 * 1024;

export class StreamSegment implements SegmentSource {
  readonly path: string;
  readonly indexed = false;
  #reader = new McapStreamReader({ validateCrcs: true });
  #consumed = 0;
  #channels = new Map<number, ChannelInfo>();
  #messages: RawMessage[] = [];
  #sorted = true;
  #sawHeader = false;
  /** Why reading stopped before the end of the bytes (a corrupt record), if it did. */
  error: string | null = null;
  /** The file ended with a footer: complete, only its index could not be used. */
  complete = false;

  constructor(path: string) {
    this.path = path;
  }

  /** Reads what was added to the file since the last call. Throws only when the file is not MCAP at all. */
  async refresh(): Promise<void> {
    if (this.error || this.complete) return;
    const size = (await stat(this.path)).size;
    if (size <= this.#consumed) return;
    let file: FileHandle | undefined;
    try {
      file = await open(this.path, 'r');
      while (this.#consumed < size && !this.error && !this.complete) {
        const length = Math.min(READ_BYTES, size - this.#consumed);
        const buf = new Uint8Array(length);
        const { bytesRead } = await file.read(buf, 0, length, this.#consumed);
        if (bytesRead === 0) break;
        this.#consumed += bytesRead;
        this.#reader.append(buf.subarray(0, bytesRead));
        this.#drain();
      }
    } finally {
      await file?.close();
    }
  }

  #drain() {
    try {
      for (let record; (record = this.#reader.nextRecord()); ) {
        if (record.type === 'Header') this.#sawHeader = true;
        else if (record.type === 'Channel') this.#channels.set(record.id, channelInfo(record));
        else if (record.type === 'Message') {
          const channel = this.#channels.get(record.channelId)!;
          const last = this.#messages[this.#messages.length - 1];
          if (last && last.logTimeNs > record.logTime) this.#sorted = false;
          this.#messages.push({ ...channel, logTimeNs: record.logTime, data: record.data });
        }
      }
      if (this.#reader.done()) this.complete = true;
    } catch (err) {
      // The first record of the file that does not parse: nothing after it can be trusted.
      if (!this.#sawHeader) throw new Error(`not an MCAP file: ${(err as Error).message}`);
      this.error = (err as Error).message;
    }
  }

  /** Bytes read but not part of a complete record: the unfinished chunk at a cut. */
  get cutBytes(): number {
    return this.complete ? 0 : this.#reader.bytesRemaining();
  }

  #ordered(): RawMessage[] {
    if (!this.#sorted) {
      this.#messages.sort((a, b) => (a.logTimeNs < b.logTimeNs ? -1 : a.logTimeNs > b.logTimeNs ? 1 : 0));
      this.#sorted = true;
    }
    return this.#messages;
  }

  range() {
    const m = this.#ordered();
    return m.length ? { fromNs: m[0].logTimeNs, toNs: m[m.length - 1].logTimeNs } : null;
  }

  counts() {
    const out = new Map<string, number>();
    for (const m of this.#messages) if (m.role === 'live') out.set(m.topic, (out.get(m.topic) ?? 0) + 1);
    return out;
  }

  /** Index of the first message after `ns`. */
  #after(ns: bigint): number {
    const m = this.#ordered();
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m[mid].logTimeNs <= ns) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async latest(topics: readonly string[], atNs: bigint) {
    const wanted = new Set(topics);
    const out = new Map<string, RawMessage>();
    const m = this.#ordered();
    for (let i = this.#after(atNs) - 1; i >= 0 && out.size < wanted.size; i--) {
      if (wanted.has(m[i].topic) && !out.has(m[i].topic)) out.set(m[i].topic, m[i]);
    }
    return out;
  }

  async *read(fromNs: bigint, toNs: bigint, topics: ReadonlySet<string> | null) {
    const m = this.#ordered();
    for (let i = this.#after(fromNs - 1n); i < m.length && m[i].logTimeNs <= toNs; i++) {
      if (m[i].role === 'live' && (!topics || topics.has(m[i].topic))) yield m[i];
    }
  }

  async close() {
    this.#messages = [];
  }
}
