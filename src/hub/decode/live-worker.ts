/**
 * The decode worker: validates and decodes binary topic events off the main thread with the
 * codec their topic names, and hands the typed arrays back by transfer (no copy). Started by
 * workerDecoder() in decoders.ts.
 */
/// <reference lib="webworker" />
import type { BinaryCodecName } from '../schema-kit.ts';
import { decodeWith, type CodecOptions } from './codecs.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<{ id: number; codec: BinaryCodecName; options: CodecOptions; payload: unknown }>) => {
  const { id, codec, options, payload } = e.data;
  const result = decodeWith(codec, payload, options);
  if (result.ok) self.postMessage({ id, result: { ok: true, event: result.event } }, result.transfer);
  else self.postMessage({ id, result });
};
