/**
 * Which district each cell of a grid falls in (cell centres, point in polygon), computed once per
 * district list and grid and shared by the simulators that grid the municipality.
 */
import { pointInGeometry } from '../../geo.ts';
import type { DistrictFeature, DistrictsResponse } from '../../../src/hub/contract.ts';

export interface DistrictRaster {
  /** Index into districts.features of each cell (row-major from the north-west), −1 outside. */
  cellDistrict: Int16Array;
  /** Cells of each district; a district smaller than a cell gets its nearest cell. */
  districtCells: number[][];
  insideCount: number;
}

const cache = new WeakMap<DistrictsResponse, Map<string, DistrictRaster>>();

function bboxOf(f: DistrictFeature): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) {
    for (const [x, y] of poly[0]) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

export function districtRaster(districts: DistrictsResponse, bbox: readonly [number, number, number, number], cols: number, rows: number): DistrictRaster {
  const key = `${bbox.join(',')}:${cols}x${rows}`;
  let perDistricts = cache.get(districts);
  if (!perDistricts) cache.set(districts, (perDistricts = new Map()));
  const hit = perDistricts.get(key);
  if (hit) return hit;

  const features = districts.features;
  const boxes = features.map(bboxOf);
  const [w, s, e, n] = bbox;
  const dLon = (e - w) / cols;
  const dLat = (n - s) / rows;
  const cellDistrict = new Int16Array(cols * rows).fill(-1);
  const districtCells: number[][] = features.map(() => []);
  let insideCount = 0;
  for (let j = 0; j < rows; j++) {
    const lat = n - (j + 0.5) * dLat;
    for (let i = 0; i < cols; i++) {
      const lon = w + (i + 0.5) * dLon;
      for (let k = 0; k < features.length; k++) {
        const b = boxes[k];
        if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
        if (!pointInGeometry([lon, lat], features[k].geometry)) continue;
        cellDistrict[j * cols + i] = k;
        districtCells[k].push(j * cols + i);
        insideCount += 1;
        break;
      }
    }
  }
  features.forEach((f, k) => {
    if (districtCells[k].length) return;
    const [lon, lat] = f.properties.center;
    const i = Math.min(cols - 1, Math.max(0, Math.floor((lon - w) / dLon)));
    const j = Math.min(rows - 1, Math.max(0, Math.floor((n - lat) / dLat)));
    districtCells[k].push(j * cols + i);
  });
  const raster = { cellDistrict, districtCells, insideCount: Math.max(1, insideCount) };
  perDistricts.set(key, raster);
  return raster;
}
