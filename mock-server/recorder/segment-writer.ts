/**
 * One MCAP file of a recording: chunked (uncompressed: MCAP's compressions are zstd and lz4, and
 * Node 20 has neither built in), indexed (chunk and message indexes, statistics, summary offsets),
 * one channel per topic and role (recorder.ts), opened on demand as topics first appear.
 *
 * McapWriter needs each call to finish before the next: the caller serialises them (recorder.ts
 * through a queue, the record script by awaiting).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { McapWriter, type IWritable } from '@mcap/core';
import { CONTRACT_VERSION } from '../../src/hub/contract.ts';
import { channelSpec, type ChannelRole } from './codec.ts';

/** The name of the metadata record each segment starts with. */
export const SEGMENT_METADATA = 'onescreen.segment';
/** 256 KiB: a crash loses at most one chunk in memory (a few seconds of JSON topics). */
export const LIVE_CHUNK_BYTES = 256 * 1024;

class FileWritable implements IWritable {
  #position = 0n;
  constructor(private readonly file: FileHandle) {}
  async write(buffer: Uint8Array): Promise<void> {
    // A regular file takes whole writes, but the API allows short ones.
    for (let at = 0; at < buffer.byteLength; ) {
      const { bytesWritten } = await this.file.write(buffer, at, buffer.byteLength - at);
      at += bytesWritten;
    }
    this.#position += BigInt(buffer.byteLength);
  }
  position(): bigint {
    return this.#position;
  }
}

export class SegmentWriter {
  readonly path: string;
  readonly startedAt: number;
  #file: FileHandle;
  #writable: FileWritable;
  #mcap: McapWriter;
  #channels = new Map<string, number>();
  #closed = false;
  messages = 0;

  private constructor(path: string, file: FileHandle, startedAt: number, chunkSize: number) {
    this.path = path;
    this.startedAt = startedAt;
    this.#file = file;
    this.#writable = new FileWritable(file);
    this.#mcap = new McapWriter({ writable: this.#writable, chunkSize });
  }

  /** A new segment file (never overwriting one: `wx`), its header and metadata written. */
  static async create(path: string, opts: { startedAt: number; chunkSize?: number; metadata?: Record<string, string> }): Promise<SegmentWriter> {
    const file = await open(path, 'wx');
    const writer = new SegmentWriter(path, file, opts.startedAt, opts.chunkSize ?? LIVE_CHUNK_BYTES);
    try {
      await writer.#mcap.start({ profile: '', library: `onescreen-hub (contract ${CONTRACT_VERSION})` });
      await writer.#mcap.addMetadata({
        name: SEGMENT_METADATA,
        metadata: new Map(Object.entries({ startedAt: new Date(opts.startedAt).toISOString(), contractVersion: String(CONTRACT_VERSION), ...opts.metadata })),
      });
    } catch (err) {
      await file.close().catch(() => {});
      throw err;
    }
    return writer;
  }

  /** Bytes on disk so far (the chunk being filled is still in memory). */
  get bytes(): number {
    return Number(this.#writable.position());
  }

  async add(topic: string, role: ChannelRole, data: Uint8Array, sequence: number, logTimeNs: bigint, publishTimeNs: bigint): Promise<void> {
    const key = `${role}:${topic}`;
    let channelId = this.#channels.get(key);
    if (channelId === undefined) {
      const spec = channelSpec(topic, role);
      const schemaId = spec.schema ? await this.#mcap.registerSchema(spec.schema) : 0;
      channelId = await this.#mcap.registerChannel({ topic, messageEncoding: spec.messageEncoding, schemaId, metadata: spec.metadata });
      this.#channels.set(key, channelId);
    }
    await this.#mcap.addMessage({ channelId, sequence: sequence >>> 0, logTime: logTimeNs, publishTime: publishTimeNs, data });
    this.messages++;
  }

  /** Writes the last chunk, the indexes and the footer, and closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#mcap.end();
    } finally {
      await this.#file.close();
    }
  }

  /** Closes the file as it is, without an index (after a write error: the reader reads up to the cut). */
  async abandon(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#file.close().catch(() => {});
  }
}
