/**
 * A complete segment, read through its index (McapIndexedReader: the summary at the end of the
 * file, chunk indexes with each chunk's time span and per-channel message index offsets).
 *
 * Seeking (`latest`) reads almost nothing: a binary search over the chunk indexes for the last
 * chunk starting at or before the time, then, going back, the first chunk whose index lists the
 * topic's channel; that chunk's message index (16 bytes a message) says which message is the newest
 * at or before the time; one chunk is read and parsed (and kept in a small cache: the topics asked
 * together mostly share their newest chunk). A topic that changes once an hour costs a walk over
 * the chunk indexes in memory, not a read of the hour.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { McapIndexedReader, McapRecordBuilder, McapStreamReader, type IReadable, type TypedMcapRecords } from '@mcap/core';
import { channelInfo, type ChannelInfo, type RawMessage, type SegmentSource } from './segment-source.ts';

type ChunkIndex = TypedMcapRecords['ChunkIndex'];
type Message = TypedMcapRecords['Message'];

/** Chunks kept parsed per segment (each at most a chunk's size: 256 KiB live, 1 MiB from the record script). */
const CHUNK_CACHE = 8;

class FileReadable implements IReadable {
  constructor(private readonly file: FileHandle, private readonly bytes: number) {}
  async size() {
    return BigInt(this.bytes);
  }
  async read(offset: bigint, size: bigint): Promise<Uint8Array> {
    const out = new Uint8Array(Number(size));
    let at = 0;
    while (at < out.length) {
      const { bytesRead } = await this.file.read(out, at, out.length - at, Number(offset) + at);
      if (bytesRead === 0) throw new Error(`read past the end of the file at ${Number(offset) + at}`);
      at += bytesRead;
    }
    return out;
  }
}

/**
 * Records in a byte range of the file that holds whole records (message indexes, one chunk),
 * parsed (and CRC-checked) by the library's stream reader. A chunk names a channel only where the
 * channel is first used, so `channels` (the summary's, as records) go first.
 */
function recordsOf(bytes: Uint8Array, channels?: Uint8Array) {
  const reader = new McapStreamReader({ noMagicPrefix: true, validateCrcs: true });
  if (channels) reader.append(channels);
  reader.append(bytes);
  const out = [];
  for (let r; (r = reader.nextRecord()); ) out.push(r);
  return out;
}

export class IndexedSegment implements SegmentSource {
  readonly indexed = true;
  readonly cutBytes = 0;
  readonly path: string;
  #file: FileHandle;
  #readable: FileReadable;
  #mcap: McapIndexedReader;
  #channels = new Map<number, ChannelInfo>();
  #byTopic = new Map<string, number[]>();
  /** Chunk indexes by start time. */
  #chunks: ChunkIndex[];
  #messageIndexes = new Map<bigint, Map<number, [bigint, bigint][]>>();
  #parsed = new Map<bigint, Message[]>();
  #channelRecords: Uint8Array;

  private constructor(path: string, file: FileHandle, readable: FileReadable, mcap: McapIndexedReader) {
    this.path = path;
    this.#file = file;
    this.#readable = readable;
    this.#mcap = mcap;
    for (const [id, channel] of mcap.channelsById) {
      const info = channelInfo(channel);
      this.#channels.set(id, info);
      this.#byTopic.set(info.topic, [...(this.#byTopic.get(info.topic) ?? []), id]);
    }
    const builder = new McapRecordBuilder();
    for (const channel of mcap.channelsById.values()) builder.writeChannel(channel);
    this.#channelRecords = builder.buffer.slice();
    this.#chunks = [...mcap.chunkIndexes].sort((a, b) => (a.messageStartTime < b.messageStartTime ? -1 : a.messageStartTime > b.messageStartTime ? 1 : 0));
  }

  /** The segment through its index; throws (with McapIndexedReader's reason) when it has none. */
  static async open(path: string, bytes: number): Promise<IndexedSegment> {
    const file = await open(path, 'r');
    try {
      const readable = new FileReadable(file, bytes);
      const mcap = await McapIndexedReader.Initialize({ readable });
      if (!mcap.statistics) throw new Error('no statistics record');
      return new IndexedSegment(path, file, readable, mcap);
    } catch (err) {
      await file.close();
      throw err;
    }
  }

  range() {
    const s = this.#mcap.statistics!;
    return s.messageCount > 0n ? { fromNs: s.messageStartTime, toNs: s.messageEndTime } : null;
  }

  counts() {
    const out = new Map<string, number>();
    for (const [id, n] of this.#mcap.statistics!.channelMessageCounts) {
      const c = this.#channels.get(id);
      if (c?.role === 'live') out.set(c.topic, (out.get(c.topic) ?? 0) + Number(n));
    }
    return out;
  }

  async #messageIndex(chunk: ChunkIndex): Promise<Map<number, [bigint, bigint][]>> {
    let index = this.#messageIndexes.get(chunk.chunkStartOffset);
    if (index) return index;
    index = new Map();
    const start = [...chunk.messageIndexOffsets.values()].reduce((a, b) => (a < b ? a : b));
    const raw = await this.#readable.read(start, chunk.messageIndexLength);
    for (const r of recordsOf(raw)) if (r.type === 'MessageIndex') index.set(r.channelId, r.records);
    if (this.#messageIndexes.size > 4096) this.#messageIndexes.clear();
    this.#messageIndexes.set(chunk.chunkStartOffset, index);
    return index;
  }

  async #chunkMessages(chunk: ChunkIndex): Promise<Message[]> {
    let messages = this.#parsed.get(chunk.chunkStartOffset);
    if (messages) {
      // Most recently used last.
      this.#parsed.delete(chunk.chunkStartOffset);
      this.#parsed.set(chunk.chunkStartOffset, messages);
      return messages;
    }
    const raw = await this.#readable.read(chunk.chunkStartOffset, chunk.chunkLength);
    messages = recordsOf(raw, this.#channelRecords).filter((r): r is Message => r.type === 'Message');
    this.#parsed.set(chunk.chunkStartOffset, messages);
    if (this.#parsed.size > CHUNK_CACHE) this.#parsed.delete(this.#parsed.keys().next().value!);
    return messages;
  }

  async latest(topics: readonly string[], atNs: bigint) {
    const out = new Map<string, RawMessage>();
    // The last chunk starting at or before atNs.
    let lo = 0;
    let hi = this.#chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#chunks[mid].messageStartTime <= atNs) lo = mid + 1;
      else hi = mid;
    }
    for (const topic of topics) {
      const ids = this.#byTopic.get(topic);
      if (!ids) continue;
      let best: { chunk: ChunkIndex; logTime: bigint; channelId: number } | null = null;
      for (let i = lo - 1; i >= 0; i--) {
        const chunk = this.#chunks[i];
        // Chunks overlap only in files written out of order; once one ends before the best, none earlier is newer.
        if (best && chunk.messageEndTime < best.logTime) break;
        if (!ids.some((id) => chunk.messageIndexOffsets.has(id))) continue;
        const index = await this.#messageIndex(chunk);
        for (const id of ids) {
          for (const [logTime] of index.get(id) ?? []) {
            if (logTime <= atNs && (!best || logTime > best.logTime)) best = { chunk, logTime, channelId: id };
          }
        }
      }
      if (!best) continue;
      const messages = await this.#chunkMessages(best.chunk);
      let found: Message | undefined;
      for (const m of messages) if (m.channelId === best.channelId && m.logTime === best.logTime) found = m;
      if (!found) throw new Error(`${this.path}: the message index points at a message that is not in its chunk`);
      const c = this.#channels.get(found.channelId)!;
      out.set(topic, { ...c, logTimeNs: found.logTime, data: found.data });
    }
    return out;
  }

  async *read(fromNs: bigint, toNs: bigint, topics: ReadonlySet<string> | null) {
    const names = topics ? [...topics] : undefined;
    for await (const m of this.#mcap.readMessages({ startTime: fromNs, endTime: toNs, topics: names })) {
      const c = this.#channels.get(m.channelId);
      if (c?.role === 'live') yield { ...c, logTimeNs: m.logTime, data: m.data };
    }
  }

  async close() {
    this.#parsed.clear();
    await this.#file.close().catch(() => {});
  }
}
