import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILDINGS_HEADER_BYTES, decodeBuildings, encodeBuildings, type Buildings } from './buildings.ts';

function sample(n: number): Buildings {
  const col = (f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
  return {
    origin: [106.577, 29.558],
    count: n,
    x: col((i) => i * 10 - 500),
    y: col((i) => 300 - i * 7),
    width: col(() => 20),
    depth: col(() => 15),
    height: col((i) => 10 + i),
    angle: col(() => 0.3),
    district: col(() => 500103),
  };
}
const buf = (bytes: Uint8Array) => bytes.slice().buffer;

describe('city buildings binary', () => {
  it('round-trips', () => {
    const b = sample(100);
    const r = decodeBuildings(buf(encodeBuildings(b)));
    if (!r.ok) throw new Error(r.error);
    expect(r.buildings.count).toBe(100);
    expect(r.buildings.origin).toEqual([106.577, 29.558]);
    expect([...r.buildings.height]).toEqual([...b.height]);
    expect(r.buildings.district[7]).toBe(500103);
  });

  it('refuses a wrong magic, version, size or an out-of-range value, saying which', () => {
    const good = encodeBuildings(sample(10));
    const bad = (mutate: (b: Uint8Array, v: DataView) => void) => {
      const copy = good.slice();
      mutate(copy, new DataView(copy.buffer));
      const r = decodeBuildings(copy.buffer);
      return r.ok ? 'ok' : r.error;
    };
    expect(bad((b) => (b[0] = 88))).toMatch(/magic/);
    expect(bad((_, v) => v.setUint16(4, 9, true))).toMatch(/version 9/);
    expect(bad((_, v) => v.setUint32(8, 11, true))).toMatch(/bytes, expected/);
    expect(bad((_, v) => v.setUint32(8, 10_000_000, true))).toMatch(/exceeds the limit/);
    expect(bad((_, v) => v.setFloat32(BUILDINGS_HEADER_BYTES + 4 * 10 * 4 + 8, NaN, true))).toMatch(/height\[2\] = NaN/);
    expect(bad((_, v) => v.setFloat32(BUILDINGS_HEADER_BYTES + 4 * 10 * 2, -3, true))).toMatch(/width\[0\] = -3/);
    expect(decodeBuildings(new ArrayBuffer(5)).ok).toBe(false);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeBuildings(bytes.slice().buffer);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
