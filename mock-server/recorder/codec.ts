/**
 * How one topic envelope becomes the bytes of one MCAP message, and back.
 *
 * JSON topics: messageEncoding `json`, the envelope as UTF-8 JSON (what socket.io puts on the wire
 * for it), with a `jsonschema` schema of the envelope generated from the contract (zod), so MCAP
 * tools (Foxglove, `mcap cat`) can read them.
 *
 * Binary topics (TopicSpec.codec other than 'json': the fleet's `vehicle-frame`): messageEncoding
 * `onescreen-binary/1`, the same framing socket.io uses for binary events, flattened:
 *
 *   u32 LE  n = byte length of the header
 *   n bytes UTF-8 JSON of the envelope, each binary value replaced by {"$bin": i}
 *   then for each i in order: u32 LE length, the bytes
 *
 * No schema (id 0); the channel's metadata names the codec. Columns come back as Uint8Arrays of
 * their own, byte for byte what the hub sent.
 */
import { z } from 'zod';
import { CONTRACT_VERSION, TOPICS, describeIssue, liveEnvelopeSchema, type TopicSpec } from '../../src/hub/contract.ts';

export const BINARY_ENCODING = 'onescreen-binary/1';
/** Channel metadata `role`: `live` for what went out, `state` for the values repeated at a segment's start. */
export type ChannelRole = 'live' | 'state';

export interface Envelope {
  v: number;
  topic: string;
  epoch: string;
  seq: number;
  time: number;
  data: unknown;
}

export interface ChannelSpec {
  topic: string;
  messageEncoding: string;
  metadata: Map<string, string>;
  schema: { name: string; encoding: string; data: Uint8Array } | null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const schemaCache = new Map<string, Uint8Array>();

export const isBinaryTopic = (spec: TopicSpec | undefined) => spec !== undefined && spec.codec !== 'json';

/** The MCAP channel of a topic (its role: live or state, see recorder.ts). */
export function channelSpec(topic: string, role: ChannelRole): ChannelSpec {
  const spec = TOPICS.get(topic);
  const metadata = new Map([
    ['role', role],
    ['codec', spec?.codec ?? 'json'],
    ['contractVersion', String(CONTRACT_VERSION)],
  ]);
  if (isBinaryTopic(spec)) return { topic, messageEncoding: BINARY_ENCODING, metadata, schema: null };
  let data = schemaCache.get(topic);
  if (!data) {
    // `input`: what is on the wire, before the contract's transforms; custom checks become `{}`.
    const json = spec ? z.toJSONSchema(liveEnvelopeSchema(topic, spec.schema), { unrepresentable: 'any', io: 'input' }) : {};
    schemaCache.set(topic, (data = encoder.encode(JSON.stringify(json))));
  }
  return { topic, messageEncoding: 'json', metadata, schema: { name: `onescreen.${topic}`, encoding: 'jsonschema', data } };
}

const isBinary = (v: unknown): v is ArrayBuffer | ArrayBufferView => v instanceof ArrayBuffer || ArrayBuffer.isView(v);
const bytesOf = (b: ArrayBuffer | ArrayBufferView) =>
  b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** The message bytes of an envelope. */
export function encodeEnvelope(envelope: Envelope, binary: boolean): Uint8Array {
  if (!binary) return encoder.encode(JSON.stringify(envelope));
  const columns: Uint8Array[] = [];
  const header = encoder.encode(
    // The holder's own value, not `value`: a Node Buffer's toJSON has already run on that.
    JSON.stringify(envelope, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      if (!isBinary(raw)) return value;
      columns.push(bytesOf(raw));
      return { $bin: columns.length - 1 };
    }),
  );
  const out = new Uint8Array(4 + header.length + columns.reduce((n, c) => n + 4 + c.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, header.length, true);
  out.set(header, 4);
  let at = 4 + header.length;
  for (const c of columns) {
    view.setUint32(at, c.length, true);
    out.set(c, at + 4);
    at += 4 + c.length;
  }
  return out;
}

/** The envelope in a message's bytes; throws with a reason when they are not one. */
export function decodeEnvelope(bytes: Uint8Array, messageEncoding: string): unknown {
  if (messageEncoding === 'json') return JSON.parse(decoder.decode(bytes));
  if (messageEncoding !== BINARY_ENCODING) throw new Error(`unknown message encoding "${messageEncoding}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4) throw new Error('binary message shorter than its header length');
  const n = view.getUint32(0, true);
  if (4 + n > bytes.length) throw new Error('binary message header runs past its end');
  const columns: Uint8Array[] = [];
  for (let at = 4 + n; at < bytes.length; ) {
    if (at + 4 > bytes.length) throw new Error('binary column length cut short');
    const len = view.getUint32(at, true);
    if (at + 4 + len > bytes.length) throw new Error('binary column runs past the message');
    // A copy: a column of its own (socket.io sends a view's whole buffer, and a view would keep the message alive).
    columns.push(bytes.slice(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return JSON.parse(decoder.decode(bytes.subarray(4, 4 + n)), (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && '$bin' in value) {
      const column = columns[(value as { $bin: number }).$bin];
      if (!column) throw new Error('binary placeholder without its column');
      return column;
    }
    return value;
  });
}

const envelopeSchemas = new Map<string, z.ZodType>();

/**
 * The envelope a recorded message holds, checked with the contract exactly as a wall checks a live
 * event; `{ ok: false, error }` for anything that is not (a bad record is skipped, never served).
 */
export function readEnvelope(topic: string, bytes: Uint8Array, messageEncoding: string): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  const spec = TOPICS.get(topic);
  if (!spec) return { ok: false, error: `unknown topic "${topic}"` };
  let value: unknown;
  try {
    value = decodeEnvelope(bytes, messageEncoding);
  } catch (err) {
    return { ok: false, error: `${topic}: ${(err as Error).message}` };
  }
  let schema = envelopeSchemas.get(topic);
  if (!schema) envelopeSchemas.set(topic, (schema = liveEnvelopeSchema(topic, spec.schema)));
  const parsed = schema.safeParse(value);
  // The raw value is served, not the parse output: transforms (binary columns to Float32Array)
  // and defaults would change what the hub published.
  return parsed.success ? { ok: true, envelope: value as Envelope } : { ok: false, error: `${topic}: ${describeIssue(parsed.error)}` };
}
