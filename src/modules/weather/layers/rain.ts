import { BitmapLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Radar } from '../../../hub/topics/weather.ts';
import type { TopicValue } from '../../../store/topic-store.ts';
import type { LayerMemo } from '../../../core/module-api.ts';
import { RAIN_LUT } from '../colors.ts';
import type { RainField } from './RainStreaks.tsx';

/** Image steps per radar interval: smooth enough to read as motion, few texture uploads. */
export const BLEND_STEPS = 12;
/** Frames further apart than this are not blended (a gap, a restarted hub, a scene switch). */
const MAX_BLEND_SPAN_MS = 60_000;

export interface RadarImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * Paints a radar grid (or the blend of two) into RGBA pixels, one pixel per cell, north at the
 * top. The blend is linear in the byte values (√rate), which keeps a growing cell's edge soft.
 * `fade` is the grid's edgeFade (the layer passes its memoised one).
 */
export function paintRadar(cur: Radar, prev: Radar | null, t: number, fade: Float32Array = edgeFade(cur.grid.cols, cur.grid.rows)): RadarImage {
  const { cols, rows } = cur.grid;
  const data = new Uint8ClampedArray(new ArrayBuffer(cols * rows * 4));
  const a = prev?.values;
  const b = cur.values;
  for (let i = 0; i < cols * rows; i++) {
    const q = a ? Math.round(a[i] + (b[i] - a[i]) * t) : b[i];
    const o = i * 4;
    data[o] = RAIN_LUT[q * 4];
    data[o + 1] = RAIN_LUT[q * 4 + 1];
    data[o + 2] = RAIN_LUT[q * 4 + 2];
    data[o + 3] = RAIN_LUT[q * 4 + 3] * fade[i];
  }
  return { width: cols, height: rows, data };
}

/** Cells over which the picture fades out at the grid's edge (the end of radar coverage). */
export const EDGE_FADE_CELLS = 6;

/**
 * 0 at the grid's border rising to 1 EDGE_FADE_CELLS inside: no hard-edged rain at the bbox.
 * Through the layer's memo, once per grid size.
 */
export function edgeFade(cols: number, rows: number): Float32Array {
  const f = new Float32Array(cols * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const d = Math.min(i + 0.5, cols - i - 0.5, j + 0.5, rows - j - 0.5) / EDGE_FADE_CELLS;
      const x = Math.min(1, d);
      f[j * cols + i] = x * x * (3 - 2 * x);
    }
  }
  return f;
}

/**
 * The radar frame as falling rain for the 3D city: through the layer's memo, one object per frame
 * (a new one is a texture upload).
 */
export function rainFieldOf(radar: Radar): RainField {
  return { grid: radar.grid, values: radar.values, edgeFadeCells: EDGE_FADE_CELLS };
}

function sameGrid(a: Radar, b: Radar): boolean {
  return a.grid.cols === b.grid.cols && a.grid.rows === b.grid.rows && a.grid.bbox.every((v, i) => v === b.grid.bbox[i]);
}

interface LayerFrames {
  cur: Radar;
  prev: Radar | null;
  /** Wall time the current frame was first drawn: the blend runs from there. */
  since: number;
}

/**
 * The last two radar frames of one scene layer, so the layer can ease from one to the next. Kept
 * in the layer's memo (`memo(radarFrames)`): it lives and goes with the scene layer.
 */
export class RadarFrames {
  private f: LayerFrames | null = null;

  /** Notes the topic's current value; returns the frames to draw and the blend factor 0..1. */
  update(value: TopicValue<Radar>, now: number, animate: boolean): { frames: Readonly<LayerFrames>; t: number } {
    let f = this.f;
    if (!f || f.cur !== value.data) {
      const prev = f ? f.cur : null;
      const usable = prev && sameGrid(prev, value.data) && value.data.time > prev.time && value.data.time - prev.time <= MAX_BLEND_SPAN_MS;
      // The blend starts at the hub's time of the frame, not when this display received it, so
      // every display of a wall shows the same blend at the same wall-clock moment (lock-step).
      f = this.f = { cur: value.data, prev: usable ? prev : null, since: Math.min(now, value.time) };
    }
    if (!animate || !f.prev) return { frames: f, t: 1 };
    const span = Math.max(1000, f.cur.time - f.prev.time);
    const raw = Math.min(1, Math.max(0, (now - f.since) / span));
    return { frames: f, t: Math.round(raw * BLEND_STEPS) / BLEND_STEPS };
  }
}

/** A scene layer's radar frames: `memo(radarFrames)` (no arguments) keeps one for the layer's life. */
export function radarFrames(): RadarFrames {
  return new RadarFrames();
}

export interface RainLayerInput {
  /** Prefix of the deck.gl layer ids (the scene layer's id). */
  id: string;
  radar: TopicValue<Radar>;
  now: number;
  animate: boolean;
  opacity: number;
  /** The scene layer's memo (ctx.memo): the frames, the edge fade and the current image are kept in it. */
  memo: LayerMemo;
}

/**
 * The picture of a frame (or a blend step): through the layer's memo, painted again only when the
 * frame or the blend step changes (a new image is a texture upload).
 */
export function radarImage(cur: Radar, prev: Radar | null, t: number, fade: Float32Array): unknown {
  const img = paintRadar(cur, prev, t, fade);
  // deck.gl takes an ImageData in the browser and a {width, height, data} object elsewhere.
  return typeof ImageData !== 'undefined' ? new ImageData(img.data, img.width, img.height) : img;
}

/**
 * The radar as an image over its bounding box. With animation on, the picture eases from the
 * previous frame to the latest over one radar interval (it shows the rain one interval late, as
 * a radar loop does); with animation off it is the latest frame.
 */
export function buildRainLayers({ id, radar, now, animate, opacity, memo }: RainLayerInput): Layer[] {
  const { frames: f, t } = memo(radarFrames).update(radar, now, animate);
  const fade = memo(edgeFade, f.cur.grid.cols, f.cur.grid.rows);
  const image = memo(radarImage, f.cur, t < 1 ? f.prev : null, t, fade);
  const [w, s, e, n] = f.cur.grid.bbox;
  return [
    new BitmapLayer({
      id: `${id}-image`,
      image: image as ImageData,
      bounds: [w, s, e, n],
      // The grid is regular in longitude and latitude: reproject per pixel, not per corner.
      _imageCoordinateSystem: 'lnglat',
      opacity,
      pickable: false,
      parameters: { depthCompare: 'always' },
    }),
  ];
}
