/**
 * The binary codecs of the live feed, by the name a topic spec gives (TopicSpec.codec). Each
 * validates a whole event envelope and decodes its binary columns into typed arrays; the same
 * function runs in the decode worker (live-worker.ts) and synchronously where there are no workers.
 * A new binary topic with an existing layout needs no change here; a new layout is one entry.
 */
import type { BinaryCodecName } from '../schema-kit.ts';
import { decodeVehicleFrame, transferablesOf } from './vehicle-frame.ts';

/** What the wall hands a codec besides the payload, per topic (from the module that draws it). */
export interface CodecOptions {
  /** 256 RGBA entries a byte column is coloured through (e.g. the vehicles' speed ramp). */
  colourLut?: Uint8Array;
}

export interface DecodedEvent {
  epoch: string;
  seq: number;
  time: number;
  data: unknown;
}

export type CodecResult = { ok: true; event: DecodedEvent; transfer: ArrayBuffer[] } | { ok: false; error: string };

/** One event for a codec: which codec, the topic's options, the raw envelope. */
export interface DecodeJob {
  codec: BinaryCodecName;
  options: CodecOptions;
  payload: unknown;
}

/** A codec's answer as it comes back from a worker (the transfer list stays behind). */
export type DecodeAnswer = { ok: true; event: DecodedEvent } | { ok: false; error: string };

/** Decodes one raw event and calls back once, possibly asynchronously (a worker) or at once. */
export interface FrameDecoder {
  decode(job: DecodeJob, done: (result: DecodeAnswer) => void): void;
  dispose?(): void;
}

/** Without a colour table every vehicle is drawn white. */
const WHITE_LUT = new Uint8Array(256 * 4).fill(255);

export const BINARY_CODECS: Record<BinaryCodecName, (payload: unknown, options: CodecOptions) => CodecResult> = {
  'vehicle-frame': (payload, options) => {
    const r = decodeVehicleFrame(payload, options.colourLut ?? WHITE_LUT);
    if (!r.ok) return r;
    const { epoch, seq, time } = r.frame;
    return { ok: true, event: { epoch, seq, time, data: r.frame }, transfer: transferablesOf(r.frame) };
  },
};

export function decodeWith(codec: BinaryCodecName, payload: unknown, options: CodecOptions): CodecResult {
  const decode = BINARY_CODECS[codec];
  return decode ? decode(payload, options) : { ok: false, error: `unknown codec "${codec}"` };
}
