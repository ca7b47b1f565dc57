import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../registry.ts';
import { RadarSchema, rainQuantOf, type Radar } from '../../../hub/topics/weather.ts';
import type { TopicValue } from '../../../store/topic-store.ts';
import { RAIN_LUT, RAIN_STOPS, rainColor } from '../colors.ts';
import { BLEND_STEPS, EDGE_FADE_CELLS, RadarFrames, buildRainLayers, edgeFade, paintRadar, radarFrames, type RadarImage } from './rain.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

const T = Date.UTC(2024, 6, 15, 7, 0);
const COLS = 20;
const ROWS = 16;

function radar(time: number, fill: (i: number, j: number) => number, grid = { bbox: [105.2, 28.1, 110.3, 32.3] as [number, number, number, number], cols: COLS, rows: ROWS }): Radar {
  const q = new Uint8Array(grid.cols * grid.rows);
  for (let j = 0; j < grid.rows; j++) for (let i = 0; i < grid.cols; i++) q[j * grid.cols + i] = rainQuantOf(fill(i, j));
  return RadarSchema.parse({
    time,
    grid,
    encoding: 'sqrt25-u8',
    cells: Buffer.from(q).toString('base64'),
    maxRateMmh: 0,
    wetShare: 0,
    motion: null,
  });
}

const value = (data: Radar, seq: number): TopicValue<Radar> => ({ seq, time: data.time, data });
const pixel = (img: RadarImage, i: number, j: number) => [...img.data.subarray((j * img.width + i) * 4, (j * img.width + i) * 4 + 4)];

describe('paintRadar', () => {
  it('one pixel per cell, north row first; dry is transparent, rain takes the ramp colour', () => {
    const r = radar(T, (i, j) => (i === 10 && j === 8 ? 12 : 0));
    const img = paintRadar(r, null, 1);
    expect([img.width, img.height]).toEqual([COLS, ROWS]);
    expect(pixel(img, 0, 0)[3]).toBe(0);
    const q = rainQuantOf(12);
    expect(pixel(img, 10, 8).slice(0, 3)).toEqual([...RAIN_LUT.subarray(q * 4, q * 4 + 3)]);
    expect(Math.abs(pixel(img, 10, 8)[1] - rainColor(12)[1])).toBeLessThan(4);
    expect(pixel(img, 10, 8)[3]).toBeGreaterThan(150);
  });

  it('blends two frames linearly in the radar byte values', () => {
    const a = radar(T, () => 0);
    const b = radar(T + 5000, () => 16);
    const q = rainQuantOf(16);
    const half = paintRadar(b, a, 0.5);
    const expected = Math.round(q / 2);
    expect(pixel(half, 10, 8).slice(0, 3)).toEqual([...RAIN_LUT.subarray(expected * 4, expected * 4 + 3)]);
    expect(pixel(paintRadar(b, a, 0), 10, 8)[3]).toBe(0);
  });

  it('fades out towards the grid edge: no hard-edged rain at the bounding box', () => {
    const f = edgeFade(COLS, ROWS);
    expect(f[0]).toBeLessThan(0.05);
    expect(f[Math.floor(ROWS / 2) * COLS + Math.floor(COLS / 2)]).toBe(1);
    const img = paintRadar(radar(T, () => 20), null, 1);
    expect(pixel(img, 0, 8)[3]).toBeLessThan(pixel(img, EDGE_FADE_CELLS, 8)[3]);
  });
});

describe('RadarFrames', () => {
  it('without animation shows the latest frame', () => {
    const frames = new RadarFrames();
    frames.update(value(radar(T, () => 1), 1), 0, false);
    const { frames: f, t } = frames.update(value(radar(T + 5000, () => 2), 2), 0, false);
    expect(t).toBe(1);
    expect(f.cur.time).toBe(T + 5000);
  });

  it('with animation eases from the previous frame over one radar interval, in steps', () => {
    const frames = new RadarFrames();
    frames.update(value(radar(T, () => 1), 1), 1000, true);
    const next = value(radar(T + 5000, () => 2), 2);
    expect(frames.update(next, 2000, true).t).toBe(0);
    const mid = frames.update(next, 4500, true).t;
    expect(mid).toBeCloseTo(0.5, 6);
    expect(Math.round(mid * BLEND_STEPS)).toBe(mid * BLEND_STEPS);
    expect(frames.update(next, 9000, true).t).toBe(1);
  });

  it('does not blend across a gap, a changed grid, or an older frame', () => {
    const frames = new RadarFrames();
    frames.update(value(radar(T, () => 1), 1), 0, true);
    expect(frames.update(value(radar(T + 120_000, () => 2), 2), 10, true).frames.prev).toBeNull();
    const other = radar(T + 125_000, () => 2, { bbox: [105, 28, 110, 32], cols: 10, rows: 8 });
    expect(frames.update(value(other, 3), 20, true).frames.prev).toBeNull();
    expect(frames.update(value(radar(T + 120_000, () => 2), 4), 30, true).frames.prev).toBeNull();
  });

  it('are kept per scene layer, in its memo, for the layer\'s life', () => {
    const a = createLayerMemo();
    const b = createLayerMemo();
    expect(a(radarFrames)).toBe(a(radarFrames));
    expect(a(radarFrames)).not.toBe(b(radarFrames));
    a(radarFrames).update(value(radar(T + 5000, () => 2), 2), 0, true);
    expect(b(radarFrames).update(value(radar(T, () => 1), 1), 0, true).frames.cur.time).toBe(T);
  });
});

describe('buildRainLayers', () => {
  it('one bitmap with a stable id over the grid bbox, image reused until the picture changes', () => {
    const memo = createLayerMemo();
    const v = value(radar(T, (i) => i), 7);
    const [a] = buildRainLayers({ id: 'rain', radar: v, now: 0, animate: false, opacity: 0.8, memo });
    const [b] = buildRainLayers({ id: 'rain', radar: v, now: 5, animate: false, opacity: 0.8, memo });
    expect(a.id).toBe('rain-image');
    expect(b.id).toBe('rain-image');
    const props = (l: typeof a) => l.props as unknown as { image: unknown; bounds: number[]; opacity: number; _imageCoordinateSystem: string };
    expect(props(a).bounds).toEqual([105.2, 28.1, 110.3, 32.3]);
    expect(props(a).image).toBe(props(b).image);
    expect(props(a)._imageCoordinateSystem).toBe('lnglat');
    expect(props(a).opacity).toBe(0.8);
    const [c] = buildRainLayers({ id: 'rain', radar: value(radar(T + 5000, () => 3), 8), now: 10, animate: false, opacity: 0.8, memo });
    expect(props(c).image).not.toBe(props(a).image);
    // The edge fade is computed once per grid size, in the layer's memo.
    expect(memo(edgeFade, COLS, ROWS)).toBe(memo(edgeFade, COLS, ROWS));
  });

  it('with animation, paints once per blend step and keeps the image between steps', () => {
    const memo = createLayerMemo();
    const image = (l: { props: unknown }) => (l.props as { image: unknown }).image;
    buildRainLayers({ id: 'rain', radar: value(radar(T, () => 1), 1), now: T, animate: true, opacity: 1, memo });
    const next = value(radar(T + 5000, () => 4), 2);
    const [a] = buildRainLayers({ id: 'rain', radar: next, now: T + 5000 + 2000, animate: true, opacity: 1, memo });
    const [b] = buildRainLayers({ id: 'rain', radar: next, now: T + 5000 + 2010, animate: true, opacity: 1, memo });
    expect(image(b)).toBe(image(a));
    const [c] = buildRainLayers({ id: 'rain', radar: next, now: T + 5000 + 3000, animate: true, opacity: 1, memo });
    expect(image(c)).not.toBe(image(a));
  });

  it('the ramp runs through the CMA radar colours in order of rain rate', () => {
    expect(RAIN_STOPS.map(([r]) => r)).toEqual([...RAIN_STOPS.map(([r]) => r)].sort((a, b) => a - b));
    expect(rainColor(0.05)[3]).toBe(0);
    for (let k = 1; k < RAIN_STOPS.length; k++) expect(rainColor(RAIN_STOPS[k][0])[3]).toBeGreaterThanOrEqual(rainColor(RAIN_STOPS[k - 1][0])[3]);
  });
});

describe('rain in the 3D city', () => {
  it('one animated element per radar frame, counting rain only where it rains; a still wall holds one moment', async () => {
    const { weatherModule } = await import('../index.ts');
    const { contextFor } = await import('../../../twin/scene-layers.ts');
    const { rainSeconds } = await import('./RainStreaks.tsx');
    const kind = weatherModule.layers.find((l) => l.kind === 'weather.rain')!;
    const entry = { id: 'rain', kind: 'weather.rain', visible: true, topic: undefined, style: {} } as never;
    const { SceneLayerStates } = await import('../../../twin/scene-layers.ts');
    // What the scene driver keeps per scene layer between frames (parsed style, memo).
    const layerStates = new SceneLayerStates();
    const input = (r: Radar) => ({ scene: { layers: [] } as never, registry: REGISTRY, topics: { values: { 'weather.radar': value(r, 1) } }, districts: null, overview: null, selectedDistrict: null, scale: 1, now: 0, animate: false, layerStates });
    const wet = radar(T, (i) => (i > 10 ? 5 : 0));
    const a = kind.city3d!(contextFor(kind, entry, input(wet)))!;
    expect(a.animated).toBe(true);
    expect(a.counts).toEqual({ rain: 1 });
    expect(kind.city3d!(contextFor(kind, entry, input(wet)))).toBe(a);
    const dry = kind.city3d!(contextFor(kind, entry, input(radar(T + 1, () => 0))))!;
    expect(dry).not.toBe(a);
    expect(dry.counts).toEqual({ rain: 0 });
    expect(rainSeconds(null)).toBe(rainSeconds(null));
    expect(rainSeconds(3_600_000 + 1500)).toBe(1.5);
  });
});
