/**
 * Building blocks of the hub contract, shared by contract.ts and the per-module topic files in
 * topics/. Import the contract (contract.ts), not this file, from outside src/hub/.
 */
import { z } from 'zod';

export const CONTRACT_VERSION = 2 as const;

/**
 * Names the hub run that numbers a topic's `seq`. A hub whose sequences start again (a restart,
 * another process behind a balancer) announces it with a new epoch; within one epoch `seq` only grows.
 */
export const EpochSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'an epoch: 1–64 letters, digits, . _ : -');

export const finite = () => z.number().finite();
export const count = () => z.number().int().nonnegative();
export const ratio = () => z.number().min(0).max(1);
/** The largest time a JavaScript Date can hold (±8.64e15 ms): anything past it cannot be shown. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;
export const epochMs = () => z.number().int().positive().max(MAX_EPOCH_MS, 'a time past the range a date can show');
/** Hub-provided text: bounded, and never rendered as HTML. */
export const text = (max = 80) => z.string().min(1).max(max);

export const LonLatSchema = z.tuple([finite().min(-180).max(180), finite().min(-90).max(90)]);
export type LonLat = z.infer<typeof LonLatSchema>;

export const DistrictCodeSchema = z.string().regex(/^\d{6}$/, 'a 6-digit administrative code');

/** A scene's id: its name in URLs, files and commands (here so that every part of the contract can name one without a cycle). */
export const SceneIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, starting with a letter (at most 40)');
/** A layer's id, unique in its scene. */
export const LayerIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes');

/** A regular grid over a WGS-84 bounding box, row-major from the north-west corner. */
export const GridSpecSchema = z.object({
  bbox: z.tuple([finite(), finite(), finite(), finite()]),
  cols: z.number().int().min(1).max(512),
  rows: z.number().int().min(1).max(512),
});
export type GridSpec = z.infer<typeof GridSpecSchema>;

/**
 * Binary columns arrive as ArrayBuffer in a browser and as Buffer/Uint8Array in Node.
 * Accepts either; `byteLength` checks are up to the topic's schema.
 */
export const BinarySchema = z.custom<ArrayBuffer | ArrayBufferView>(
  (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v),
  'expected binary data (ArrayBuffer)',
);

/** Copies binary column bytes into a fresh, aligned Float32Array. */
export function toFloat32(bin: ArrayBuffer | ArrayBufferView): Float32Array {
  const bytes = bin instanceof ArrayBuffer ? new Uint8Array(bin) : new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.byteLength));
  return out;
}
export function binaryLength(bin: ArrayBuffer | ArrayBufferView): number {
  return bin.byteLength;
}

/** Every live event is an envelope: topic, hub run, per-topic sequence number, hub time, payload. */
export function liveEnvelopeSchema<T extends z.ZodType>(topic: string, data: T) {
  return z.object({
    v: z.literal(CONTRACT_VERSION),
    topic: z.literal(topic),
    epoch: EpochSchema,
    seq: count(),
    time: epochMs(),
    data,
  });
}

/**
 * A topic is a named stream of one payload type. The hub serves its latest value at
 * GET /api/v1/topics/<name> (unless `snapshot` is false) and pushes it as socket event <name>
 * to displays that subscribed.
 */
export interface TopicSpec<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  /** Whether GET /api/v1/topics/<name> serves the latest value (false for high-rate binary frames). */
  snapshot: boolean;
  /** Typical interval between events, for documentation and staleness checks. */
  intervalMs: number;
  /**
   * How the payload travels: 'json' (checked against `schema` on arrival) or the name of a binary
   * codec (src/hub/decode/codecs.ts) that validates and decodes its columns off the main thread.
   */
  codec: 'json' | BinaryCodecName;
  /** The largest event the wall accepts, in bytes; a larger one is dropped unread. */
  maxBytes: number;
  /**
   * A figure the hub keeps a short history of (five-minute buckets), served with the snapshot and
   * extended by the wall from live values, so charts are not empty after a (re)start.
   */
  history?: { bucketMs: number; maxPoints: number; value(data: z.infer<S>): number };
  /**
   * How live events relate to the snapshot. 'latest' (the default): each event is the whole value,
   * the hub conflates, and a wall reads only the newest (the rest are shed). 'journal': each event
   * is a change to the value, numbered by `seq` without gaps; the hub sends every one, the wall
   * applies each in order with `merge`, and on a gap fetches the snapshot again.
   */
  delivery: { kind: 'latest' } | { kind: 'journal'; merge(held: unknown, change: unknown): unknown };
}

/** Binary codecs the wall knows; a topic names one instead of 'json'. */
export type BinaryCodecName = 'vehicle-frame';

/** The bound of a JSON event (hub → wall); binary topics state their own. */
export const MAX_JSON_EVENT_BYTES = 1_000_000;

export function defineTopic<S extends z.ZodType>(
  name: string,
  schema: S,
  opts: {
    snapshot?: boolean;
    intervalMs: number;
    codec?: TopicSpec['codec'];
    maxBytes?: number;
    history?: TopicSpec<S>['history'];
    delivery?: TopicSpec['delivery'];
  },
): TopicSpec<S> {
  return {
    name,
    schema,
    snapshot: opts.snapshot ?? true,
    intervalMs: opts.intervalMs,
    codec: opts.codec ?? 'json',
    maxBytes: opts.maxBytes ?? MAX_JSON_EVENT_BYTES,
    delivery: opts.delivery ?? { kind: 'latest' },
    ...(opts.history ? { history: opts.history } : {}),
  };
}

/** Summarise a zod error as one line naming the first offending field, for diagnostics. */
export function describeIssue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid payload';
  const path = first.path.length ? first.path.join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${path}: ${first.message}${more}`;
}
