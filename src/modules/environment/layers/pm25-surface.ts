import { BitmapLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Pm25Grid } from '../../../hub/topics/environment.ts';
import { PM25_LUT } from '../colors.ts';

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

const images = new WeakMap<Pm25Grid, unknown>();

/** The image of a topic value, painted once per value. */
export function surfaceImage(grid: Pm25Grid): unknown {
  let image = images.get(grid);
  if (!image) {
    const img = paintPm25(grid);
    image = typeof ImageData !== 'undefined' ? new ImageData(img.data, img.width, img.height) : img;
    images.set(grid, image);
  }
  return image;
}

export function buildPm25Layers({ id, grid, opacity }: { id: string; grid: Pm25Grid; opacity: number }): Layer[] {
  const [w, s, e, n] = grid.grid.bbox;
  return [
    new BitmapLayer({
      id: `${id}-image`,
      image: surfaceImage(grid) as ImageData,
      bounds: [w, s, e, n],
      _imageCoordinateSystem: 'lnglat',
      opacity,
      pickable: false,
      parameters: { depthCompare: 'always' },
    }),
  ];
}
