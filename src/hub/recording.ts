/**
 * The time machine's part of the hub contract: what a hub recorded of its own topics, read back
 * over REST (all under API_PREFIX, `Authorization: Bearer <token>` of any signed-in role: display,
 * operator or designer; docs/hub-contract.md "Recordings (time machine)").
 *
 * Times in queries and answers are epoch milliseconds of the *recording* clock: the moment the hub
 * recorded an envelope (at most one rate interval after it published it). Each envelope keeps its
 * own `time` (when its value was produced) as it went out live.
 *
 * Binary columns (the fleet's `traffic.vehicles`) cannot travel in JSON as they are: in these
 * answers each binary value inside `data` is replaced by `{ "$base64": "<bytes>" }`. A client
 * restores the columns with `restoreBinary` and then checks the envelope with the topic's own schema
 * (liveEnvelopeSchema), exactly as a live event.
 */
import { z } from 'zod';
import { CONTRACT_VERSION, EpochSchema, count, epochMs } from './schema-kit.ts';

export const RECORDINGS_API = {
  /** GET: the recorded range, topics, segments. */
  index: '/recordings',
  /** GET ?at=<ms>&topics=a,b: the newest envelope of each topic at or before `at`. */
  state: '/recordings/state',
  /** GET ?from=<ms>&to=<ms>&topics=a,b&limit=<n>&cursor=<c>: envelopes in recording order, paged. */
  messages: '/recordings/messages',
} as const;

export const RECORDING_LIMITS = {
  /** Topics one query may name. */
  maxTopics: 32,
  /** Envelopes in one page of /recordings/messages (and its default). */
  maxPage: 1000,
  defaultPage: 200,
  /**
   * Bytes of recorded envelopes in one page (before base64): a page ends early rather than pass
   * this, but always holds at least one envelope (one fleet frame is at most ~0.9 MB).
   */
  maxPageBytes: 4 * 1024 * 1024,
  /** Segments listed by /recordings (the newest; 48 hours of 10-minute segments is 288). */
  maxSegments: 2000,
} as const;

const topicPattern = /^[a-z][a-z0-9.-]{0,59}$/;
const TopicNameSchema = z.string().regex(topicPattern, 'a topic name');

/** `a,b,c` in a query string: known-looking topic names, at most RECORDING_LIMITS.maxTopics. */
const TopicListSchema = z
  .string()
  .max(RECORDING_LIMITS.maxTopics * 61)
  .transform((s) => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))])
  .pipe(z.array(TopicNameSchema).min(1, 'at least one topic').max(RECORDING_LIMITS.maxTopics));

/** A time in a query string: integer epoch milliseconds. */
const QueryTimeSchema = z
  .string()
  .regex(/^\d{1,16}$/, 'epoch milliseconds (an integer)')
  .transform(Number)
  .pipe(epochMs());

/** Where the previous page ended; opaque to clients (the recording clock in nanoseconds today). */
export const RecordingCursorSchema = z.string().regex(/^\d{1,20}$/, 'a cursor from the previous page');

export const RecordingStateQuerySchema = z.object({
  at: QueryTimeSchema,
  /** Absent: every recorded topic. */
  topics: TopicListSchema.optional(),
});
export type RecordingStateQuery = z.infer<typeof RecordingStateQuerySchema>;

export const RecordingMessagesQuerySchema = z
  .object({
    from: QueryTimeSchema,
    to: QueryTimeSchema,
    topics: TopicListSchema.optional(),
    limit: z
      .string()
      .regex(/^\d{1,5}$/, 'a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(RECORDING_LIMITS.maxPage))
      .default(RECORDING_LIMITS.defaultPage),
    cursor: RecordingCursorSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type RecordingMessagesQuery = z.infer<typeof RecordingMessagesQuerySchema>;

/** One recorded envelope as REST serves it: a live envelope, binary columns as `{ $base64 }`. */
export const RecordedEnvelopeSchema = z.object({
  v: z.literal(CONTRACT_VERSION),
  topic: TopicNameSchema,
  epoch: EpochSchema,
  seq: count(),
  time: epochMs(),
  /** When the hub recorded it (recording clock). */
  recordedAt: epochMs(),
  data: z.unknown(),
});
export type RecordedEnvelope = z.infer<typeof RecordedEnvelopeSchema>;

const RangeSchema = z.object({ from: epochMs(), to: epochMs() });

export const RecordedSegmentSchema = z.object({
  /** The file's name in the recording directory. */
  file: z.string().min(1).max(200),
  bytes: count(),
  /** Its recorded span; null when nothing readable is in it yet. */
  range: RangeSchema.nullable(),
  messages: count(),
  /**
   * false: the file has no index (footer), read sequentially. The segment the hub is writing has
   * none yet (`open`); any other one was cut short (a crash, a full disk) and is `truncated`: what
   * was written before the cut plays, the rest is lost.
   */
  indexed: z.boolean(),
  open: z.boolean(),
  truncated: z.boolean(),
  /** Why a segment could not be read at all (then it holds nothing served). */
  error: z.string().max(500).optional(),
});
export type RecordedSegment = z.infer<typeof RecordedSegmentSchema>;

/** GET /recordings */
export const RecordingsIndexSchema = z.object({
  contractVersion: z.literal(CONTRACT_VERSION),
  /** Whether the hub is recording now (false: HUB_RECORD=0, replaying, paused for disk space). */
  recording: z.boolean(),
  /** Why not, when it is not. */
  recordingNote: z.string().max(500).optional(),
  /** The recorded span over every segment; null when nothing is recorded yet. */
  range: RangeSchema.nullable(),
  topics: z
    .array(z.object({ topic: TopicNameSchema, codec: z.string().max(40), messages: count() }))
    .max(256),
  segments: z.array(RecordedSegmentSchema).max(RECORDING_LIMITS.maxSegments),
  /** Bytes on disk over every segment. */
  bytes: count(),
  /** Segments cut short (see RecordedSegment.truncated). */
  truncatedSegments: count(),
  /** Records read back that failed the contract since the hub started: skipped, never served. */
  skippedRecords: count(),
  /** How binary columns travel in these answers. */
  binary: z.literal('base64'),
});
export type RecordingsIndex = z.infer<typeof RecordingsIndexSchema>;

/** GET /recordings/state */
export const RecordingStateSchema = z.object({
  contractVersion: z.literal(CONTRACT_VERSION),
  at: epochMs(),
  /** One per topic that has a value at or before `at`, in the order asked. */
  envelopes: z.array(RecordedEnvelopeSchema).max(256),
  /** Topics asked for with nothing recorded at or before `at`. */
  missing: z.array(TopicNameSchema).max(256),
});
export type RecordingState = z.infer<typeof RecordingStateSchema>;

/** GET /recordings/messages */
export const RecordingMessagesSchema = z.object({
  contractVersion: z.literal(CONTRACT_VERSION),
  from: epochMs(),
  to: epochMs(),
  envelopes: z.array(RecordedEnvelopeSchema).max(RECORDING_LIMITS.maxPage),
  /** Pass as `cursor` (with the same from, to and topics) for the next page; null at the end. */
  next: RecordingCursorSchema.nullable(),
});
export type RecordingMessages = z.infer<typeof RecordingMessagesSchema>;

// --- Binary columns in JSON ---------------------------------------------------------------------

const B64_KEY = '$base64';
const isBinary = (v: unknown): v is ArrayBuffer | ArrayBufferView => v instanceof ArrayBuffer || ArrayBuffer.isView(v);
const bytesOf = (b: ArrayBuffer | ArrayBufferView) =>
  b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function toBase64(bytes: Uint8Array): string {
  // btoa takes a "binary string"; built in pieces so a 1 MB column does not overflow the call stack.
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A value with every binary part replaced by `{ $base64 }`: what REST sends (JSON has no bytes). */
export function binaryToBase64(value: unknown): unknown {
  if (isBinary(value)) return { [B64_KEY]: toBase64(bytesOf(value)) };
  if (Array.isArray(value)) return value.map(binaryToBase64);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = binaryToBase64(v);
    return out;
  }
  return value;
}

/**
 * The inverse of binaryToBase64: `{ $base64 }` objects become Uint8Arrays again. A malformed one
 * (not valid base64) stays as it is, for the topic's schema to refuse.
 */
export function restoreBinary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restoreBinary);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === B64_KEY && typeof entries[0][1] === 'string') {
      try {
        return fromBase64(entries[0][1]);
      } catch {
        return value;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k] = restoreBinary(v);
    return out;
  }
  return value;
}
