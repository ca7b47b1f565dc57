/**
 * Decoding of the high-rate `traffic.vehicles` frame into the typed arrays the vehicles layer
 * hands to deck.gl as binary attributes. The same function runs in the decode worker (browser)
 * and synchronously in Node (unit tests, benchmarks), so the validation is the same on both.
 *
 * The frame is the topic's live envelope {v, topic, seq, time, data: {count, positions, speeds}}
 * with the two columns as binary attachments (socket.io sends them as ArrayBuffers):
 *   positions: float32 little-endian [lon, lat] pairs, 8 bytes a vehicle
 *   speeds:    uint8 km/h, 1 byte a vehicle
 * Every length is checked against `count` before any byte is read, and every coordinate must be
 * finite: a truncated, oversized or corrupt frame is rejected with a message naming the field.
 */
import { z } from 'zod';
import { CONTRACT_VERSION, EpochSchema, describeIssue } from '../schema-kit.ts';
import { TRAFFIC_LIMITS } from '../topics/traffic.ts';

export const VEHICLES_TOPIC = 'traffic.vehicles';

/** The envelope without its columns: checked with zod like every other payload. */
const HeaderSchema = z.object({
  v: z.literal(CONTRACT_VERSION),
  topic: z.literal(VEHICLES_TOPIC),
  epoch: EpochSchema,
  seq: z.number().int().min(0),
  time: z.number().int().positive(),
  data: z.object({ count: z.number().int().min(0).max(TRAFFIC_LIMITS.maxVehicles) }),
});

export interface DecodedVehicles {
  epoch: string;
  seq: number;
  time: number;
  count: number;
  /** [lon, lat] pairs: deck's getPosition attribute (size 2). */
  positions: Float32Array;
  /** km/h, one byte a vehicle. */
  speeds: Uint8Array;
  /** RGBA a vehicle from the speed lookup table: deck's getFillColor attribute (size 4, normalized). */
  colors: Uint8Array;
}

export type DecodeResult = { ok: true; frame: DecodedVehicles } | { ok: false; error: string };

type Binary = ArrayBuffer | ArrayBufferView;
const isBinary = (v: unknown): v is Binary => v instanceof ArrayBuffer || ArrayBuffer.isView(v);

function bytesOf(bin: Binary): Uint8Array {
  return bin instanceof ArrayBuffer ? new Uint8Array(bin) : new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength);
}

/**
 * A Float32Array over the bytes without copying when they are 4-byte aligned (an ArrayBuffer of
 * its own, as the worker receives it); a copy otherwise (a Node Buffer slice of a pooled buffer).
 */
function float32Of(bytes: Uint8Array): Float32Array {
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / 4);
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * Validates and decodes one frame. `lut` maps a speed byte to RGBA (256 × 4 bytes). Pure: no
 * allocation beyond the colour column (and a copy of unaligned positions).
 */
export function decodeVehicleFrame(payload: unknown, lut: Uint8Array): DecodeResult {
  const header = HeaderSchema.safeParse(payload);
  if (!header.success) return { ok: false, error: describeIssue(header.error) };
  const { epoch, seq, time, data } = header.data;
  const { count } = data;
  const raw = (payload as { data: { positions?: unknown; speeds?: unknown } }).data;
  if (!isBinary(raw.positions)) return { ok: false, error: 'data.positions: expected binary data (ArrayBuffer)' };
  if (!isBinary(raw.speeds)) return { ok: false, error: 'data.speeds: expected binary data (ArrayBuffer)' };
  const posBytes = bytesOf(raw.positions);
  const speeds = bytesOf(raw.speeds);
  if (posBytes.byteLength !== count * 8) {
    const what = posBytes.byteLength < count * 8 ? 'truncated' : 'oversized';
    return { ok: false, error: `data.positions: ${what}: ${posBytes.byteLength} bytes for ${count} vehicles (expected ${count * 8}: [lon, lat] float32 pairs)` };
  }
  if (speeds.byteLength !== count) {
    const what = speeds.byteLength < count ? 'truncated' : 'oversized';
    return { ok: false, error: `data.speeds: ${what}: ${speeds.byteLength} bytes for ${count} vehicles (expected ${count})` };
  }
  if (lut.length !== 256 * 4) return { ok: false, error: `speed lookup table: expected 1024 bytes, got ${lut.length}` };
  const positions = float32Of(posBytes);
  for (let i = 0; i < positions.length; i += 2) {
    const lon = positions[i];
    const lat = positions[i + 1];
    // Comparisons are false for NaN, so this rejects NaN as well as ±Infinity and out-of-range.
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      return { ok: false, error: `data.positions: vehicle ${i / 2} is not a WGS-84 [lon, lat] (${lon}, ${lat})` };
    }
  }
  // Colours through a 32-bit view: one store a vehicle instead of four.
  const colors = new Uint8Array(count * 4);
  const colors32 = new Uint32Array(colors.buffer);
  const lut32 = new Uint32Array(lut.buffer.slice(lut.byteOffset, lut.byteOffset + 1024));
  for (let i = 0; i < count; i++) colors32[i] = lut32[speeds[i]];
  return { ok: true, frame: { epoch, seq, time, count, positions, speeds, colors } };
}

/** The buffers a decoded frame owns, for postMessage transfer lists. */
export function transferablesOf(frame: DecodedVehicles): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([frame.positions.buffer as ArrayBuffer, frame.speeds.buffer as ArrayBuffer, frame.colors.buffer as ArrayBuffer]);
  return [...buffers];
}

/** Encodes a frame as the hub sends it (tests, benchmarks): the inverse of decodeVehicleFrame. */
export function encodeVehicleFrame(seq: number, time: number, positions: Float32Array, speeds: Uint8Array, epoch = 'e1') {
  return {
    v: CONTRACT_VERSION,
    topic: VEHICLES_TOPIC,
    epoch,
    seq,
    time,
    data: { count: speeds.length, positions: positions.slice().buffer, speeds: speeds.slice().buffer },
  };
}
