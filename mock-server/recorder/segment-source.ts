/**
 * What the reader needs of one segment file, whichever way it is read: through its index
 * (segment-indexed.ts) or front to back up to where it ends or was cut (segment-stream.ts).
 * Messages here are raw (bytes and encoding); the reader decodes and checks them (codec.ts).
 */
import type { Channel } from '@mcap/core';
import type { ChannelRole } from './codec.ts';

export interface RawMessage {
  topic: string;
  role: ChannelRole;
  messageEncoding: string;
  logTimeNs: bigint;
  data: Uint8Array;
}

export interface SegmentSource {
  readonly path: string;
  readonly indexed: boolean;
  /** Bytes after the last complete record of a file without an index (0 for an indexed one). */
  readonly cutBytes: number;
  /** Recorded span (every channel), null when empty. */
  range(): { fromNs: bigint; toNs: bigint } | null;
  /** Live messages per topic (state repeats not counted). */
  counts(): Map<string, number>;
  /**
   * The newest message of each topic (live or state channel) at or before `atNs`; a topic with
   * none is left out.
   */
  latest(topics: readonly string[], atNs: bigint): Promise<Map<string, RawMessage>>;
  /** Live messages in [fromNs, toNs], in recording order; `topics` null: all. */
  read(fromNs: bigint, toNs: bigint, topics: ReadonlySet<string> | null): AsyncGenerator<RawMessage>;
  close(): Promise<void>;
}

export interface ChannelInfo {
  topic: string;
  role: ChannelRole;
  messageEncoding: string;
}

/** A channel's role from its metadata (a file from elsewhere, without one, is all `live`). */
export function channelInfo(channel: Channel): ChannelInfo {
  return { topic: channel.topic, role: channel.metadata.get('role') === 'state' ? 'state' : 'live', messageEncoding: channel.messageEncoding };
}
