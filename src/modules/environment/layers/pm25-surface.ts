import { BitmapLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Pm25Grid } from '../../../hub/topics/environment.ts';
import { PM25_LUT } from '../colors.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

export interface SurfaceImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** One pixel per cell, north at the top, through the PM2.5 colour table. */
export function paintPm25(grid: Pm25Grid): SurfaceImage {
  const { cols, rows } = grid.grid;
  const data = new Uint8ClampedArray(new ArrayBuffer(cols * rows * 4));
  for (let i = 0; i < cols * rows; i++) {
    const q = grid.values[i];
    data[i * 4] = PM25_LUT[q * 4];
    data[i * 4 + 1] = PM25_LUT[q * 4 + 1];
    data[i * 4 + 2] = PM25_LUT[q * 4 + 2];
    data[i * 4 + 3] = PM25_LUT[q * 4 + 3];
  }
  return { width: cols, height: rows, data };
}

/** The image of a topic value: through the layer's memo, painted once per value (a new image is a texture upload). */
export function surfaceImage(grid: Pm25Grid): unknown {
  const img = paintPm25(grid);
  // deck.gl takes an ImageData in the browser and a {width, height, data} object elsewhere.
  return typeof ImageData !== 'undefined' ? new ImageData(img.data, img.width, img.height) : img;
}

export interface Pm25LayerInput {
  id: string;
  grid: Pm25Grid;
  opacity: number;
  /** The scene layer's memo (ctx.memo): the painted image is kept in it. */
  memo: LayerMemo;
}

export function buildPm25Layers({ id, grid, opacity, memo }: Pm25LayerInput): Layer[] {
  const [w, s, e, n] = grid.grid.bbox;
  return [
    new BitmapLayer({
      id: `${id}-image`,
      image: memo(surfaceImage, grid) as ImageData,
      bounds: [w, s, e, n],
      _imageCoordinateSystem: 'lnglat',
      opacity,
      pickable: false,
      parameters: { depthCompare: 'always' },
    }),
  ];
}
