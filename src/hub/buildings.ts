/**
 * The city model's compact binary form (GET /api/v1/city/buildings, application/octet-stream):
 * one header and seven float32 columns, so 50,000+ buildings travel in ~1.4 MB and reach the GPU
 * without per-building objects. Coordinates are metres east/north of a local origin (float32 keeps
 * centimetres within the city; the origin carries the float64 part).
 *
 *   offset  size  field
 *   0       4     magic "OSCB"
 *   4       2     version (uint16, little-endian) = 1
 *   6       2     column count (uint16) = 7
 *   8       4     building count n (uint32)
 *   12      4     reserved (0)
 *   16      8     origin longitude (float64, WGS-84)
 *   24      8     origin latitude (float64, WGS-84)
 *   32      4n×7  float32 columns: x, y (m from origin), width, depth, height (m), angle (rad,
 *                 counter-clockwise from east), district code (e.g. 500103, exact in float32)
 */
export const BUILDINGS_MAGIC = 'OSCB';
export const BUILDINGS_VERSION = 1;
export const BUILDINGS_COLUMNS = ['x', 'y', 'width', 'depth', 'height', 'angle', 'district'] as const;
export const BUILDINGS_HEADER_BYTES = 32;
export const MAX_BUILDINGS = 300_000;

export interface Buildings {
  origin: [number, number];
  count: number;
  x: Float32Array;
  y: Float32Array;
  width: Float32Array;
  depth: Float32Array;
  height: Float32Array;
  angle: Float32Array;
  district: Float32Array;
}

export function encodeBuildings(b: Buildings): Uint8Array {
  const out = new Uint8Array(BUILDINGS_HEADER_BYTES + b.count * 4 * BUILDINGS_COLUMNS.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = BUILDINGS_MAGIC.charCodeAt(i);
  view.setUint16(4, BUILDINGS_VERSION, true);
  view.setUint16(6, BUILDINGS_COLUMNS.length, true);
  view.setUint32(8, b.count, true);
  view.setFloat64(16, b.origin[0], true);
  view.setFloat64(24, b.origin[1], true);
  BUILDINGS_COLUMNS.forEach((name, c) => {
    const col = new Float32Array(out.buffer, BUILDINGS_HEADER_BYTES + c * b.count * 4, b.count);
    col.set(b[name].subarray(0, b.count));
  });
  return out;
}

export type DecodeResult = { ok: true; buildings: Buildings } | { ok: false; error: string };

/** Validates and decodes; never throws. Every value is range-checked: the GPU gets no garbage. */
export function decodeBuildings(buffer: ArrayBuffer): DecodeResult {
  const fail = (error: string): DecodeResult => ({ ok: false, error: `city/buildings: ${error}` });
  if (buffer.byteLength < BUILDINGS_HEADER_BYTES) return fail('shorter than its header');
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== BUILDINGS_MAGIC) return fail(`magic is "${magic}", expected "${BUILDINGS_MAGIC}"`);
  const version = view.getUint16(4, true);
  if (version !== BUILDINGS_VERSION) return fail(`version ${version} is not supported (expected ${BUILDINGS_VERSION})`);
  const columns = view.getUint16(6, true);
  if (columns !== BUILDINGS_COLUMNS.length) return fail(`${columns} columns, expected ${BUILDINGS_COLUMNS.length}`);
  const count = view.getUint32(8, true);
  if (count > MAX_BUILDINGS) return fail(`${count} buildings exceeds the limit of ${MAX_BUILDINGS}`);
  const expected = BUILDINGS_HEADER_BYTES + count * 4 * columns;
  if (buffer.byteLength !== expected) return fail(`${buffer.byteLength} bytes, expected ${expected} for ${count} buildings`);
  const origin: [number, number] = [view.getFloat64(16, true), view.getFloat64(24, true)];
  if (!(Math.abs(origin[0]) <= 180 && Math.abs(origin[1]) <= 85)) return fail('origin is not a WGS-84 position');
  // Copy out of the response buffer so the columns are aligned and the buffer can go.
  const col = (c: number) => new Float32Array(buffer.slice(BUILDINGS_HEADER_BYTES + c * count * 4, BUILDINGS_HEADER_BYTES + (c + 1) * count * 4));
  const b: Buildings = { origin, count, x: col(0), y: col(1), width: col(2), depth: col(3), height: col(4), angle: col(5), district: col(6) };
  const LIMITS: Record<string, [number, number]> = {
    x: [-100_000, 100_000],
    y: [-100_000, 100_000],
    width: [1, 500],
    depth: [1, 500],
    height: [1, 700],
    angle: [-7, 7],
    district: [100_000, 999_999],
  };
  for (const name of BUILDINGS_COLUMNS) {
    const [lo, hi] = LIMITS[name];
    const values = b[name];
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (!(v >= lo && v <= hi)) return fail(`${name}[${i}] = ${v} is outside ${lo}…${hi}`);
    }
  }
  return { ok: true, buildings: b };
}
