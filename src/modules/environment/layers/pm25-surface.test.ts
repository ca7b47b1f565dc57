import { describe, expect, it } from 'vitest';
import { Pm25GridSchema, pm25QuantOf, type Pm25Grid } from '../../../hub/topics/environment.ts';
import { PM25_LUT, PM25_STOPS, pm25Color } from '../colors.ts';
import { createLayerMemo } from '../../../core/module-api.ts';
import { buildPm25Layers, paintPm25, surfaceImage } from './pm25-surface.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const T = Date.UTC(2024, 11, 20, 6, 0);

function grid(fill: (i: number, j: number) => number): Pm25Grid {
  const q = new Uint8Array(12 * 10);
  for (let j = 0; j < 10; j++) for (let i = 0; i < 12; i++) q[j * 12 + i] = fill(i, j) ? pm25QuantOf(fill(i, j)) : 0;
  return Pm25GridSchema.parse({ time: T, grid: { bbox: [105.2, 28.1, 110.3, 32.3], cols: 12, rows: 10 }, encoding: 'linear2-u8', cells: Buffer.from(q).toString('base64'), maxUgm3: 0, meanUgm3: 0, method: 'idw-residual' });
}

describe('PM2.5 surface layer', () => {
  it('paints no-data cells transparent and values through the sequential ramp', () => {
    const g = grid((i) => (i === 0 ? 0 : i * 12));
    const img = paintPm25(g);
    expect(img.data[3]).toBe(0);
    const at = (i: number) => [...img.data.subarray(i * 4, i * 4 + 4)];
    expect(at(5)).toEqual([...PM25_LUT.subarray(pm25QuantOf(60) * 4, pm25QuantOf(60) * 4 + 4)]);
    // Lightness rises with concentration: a sequential ramp.
    const lum = (c: number[]) => 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2];
    for (let i = 2; i < 12; i++) expect(lum(at(i))).toBeGreaterThanOrEqual(lum(at(i - 1)));
  });

  it('ramp stops sit at the HJ 633 PM2.5 breakpoints, clean air translucent', () => {
    expect(PM25_STOPS.map(([v]) => v)).toEqual([0, 35, 75, 115, 150]);
    expect(pm25Color(10)[3]).toBeLessThan(pm25Color(100)[3]);
    expect(pm25Color(400)).toEqual(pm25Color(150));
  });

  it('builds one bitmap with a stable id, its image painted once per topic value', () => {
    const g = grid(() => 40);
    const [a] = buildPm25Layers({ id: 'pm25', grid: g, opacity: 0.8, memo });
    const [b] = buildPm25Layers({ id: 'pm25', grid: g, opacity: 0.8, memo });
    expect(a.id).toBe('pm25-image');
    expect((a.props as unknown as { image: unknown }).image).toBe((b.props as unknown as { image: unknown }).image);
    expect(memo(surfaceImage, g)).toBe((a.props as unknown as { image: unknown }).image);
    const [c] = buildPm25Layers({ id: 'pm25', grid: grid(() => 50), opacity: 0.8, memo });
    expect((c.props as unknown as { image: unknown }).image).not.toBe((a.props as unknown as { image: unknown }).image);
    expect((a.props as unknown as { bounds: number[] }).bounds).toEqual([105.2, 28.1, 110.3, 32.3]);
  });
});
