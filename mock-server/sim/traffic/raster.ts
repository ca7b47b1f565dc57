/**
 * A coarse raster of polygons (about 100 m cells) for fast point queries while the road network
 * is generated: which district a point lies in, and whether it is water. Scanline fill, even-odd
 * per polygon, so holes are honoured.
 */
export type Ring = number[][];
export type Polygonal = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface RasterSpec {
  west: number;
  south: number;
  east: number;
  north: number;
  /** Cell size in degrees. */
  cell: number;
}

export class LabelRaster {
  readonly cols: number;
  readonly rows: number;
  /** 0 = nothing; otherwise the label given to `fill` (1–255). */
  readonly cells: Uint8Array;

  constructor(readonly spec: RasterSpec) {
    this.cols = Math.ceil((spec.east - spec.west) / spec.cell);
    this.rows = Math.ceil((spec.north - spec.south) / spec.cell);
    this.cells = new Uint8Array(this.cols * this.rows);
  }

  /** Paints every cell whose centre lies inside the geometry with `label`. */
  fill(geometry: Polygonal, label: number) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const { west, south, cell } = this.spec;
    for (const rings of polygons) {
      let minY = Infinity;
      let maxY = -Infinity;
      for (const ring of rings) for (const p of ring) (minY = Math.min(minY, p[1])), (maxY = Math.max(maxY, p[1]));
      const r0 = Math.max(0, Math.floor((minY - south) / cell));
      const r1 = Math.min(this.rows - 1, Math.ceil((maxY - south) / cell));
      const xs: number[] = [];
      for (let r = r0; r <= r1; r++) {
        const y = south + (r + 0.5) * cell;
        xs.length = 0;
        for (const ring of rings) {
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i];
            const [xj, yj] = ring[j];
            if (yi > y !== yj > y) xs.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
          }
        }
        xs.sort((a, b) => a - b);
        for (let k = 0; k + 1 < xs.length; k += 2) {
          const c0 = Math.max(0, Math.ceil((xs[k] - west) / cell - 0.5));
          const c1 = Math.min(this.cols - 1, Math.floor((xs[k + 1] - west) / cell - 0.5));
          if (c1 >= c0) this.cells.fill(label, r * this.cols + c0, r * this.cols + c1 + 1);
        }
      }
    }
  }

  /** Paints a band `radius` degrees either side of a polyline (a river drawn as a line). */
  stroke(line: number[][], radius: number, label: number) {
    const { west, south, cell } = this.spec;
    const rc = Math.max(1, Math.round(radius / cell));
    for (let k = 1; k < line.length; k++) {
      const [a, b] = [line[k - 1], line[k]];
      const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / (cell / 2)));
      for (let i = 0; i <= n; i++) {
        const c = Math.floor((a[0] + ((b[0] - a[0]) * i) / n - west) / cell);
        const r = Math.floor((a[1] + ((b[1] - a[1]) * i) / n - south) / cell);
        for (let dr = -rc; dr <= rc; dr++) {
          for (let dc = -rc; dc <= rc; dc++) {
            const rr = r + dr;
            const cc = c + dc;
            if (dr * dr + dc * dc > rc * rc || rr < 0 || cc < 0 || rr >= this.rows || cc >= this.cols) continue;
            this.cells[rr * this.cols + cc] = label;
          }
        }
      }
    }
  }

  /** Grows every labelled region by one cell (8-neighbourhood): a safety margin around water. */
  dilate() {
    const src = this.cells.slice();
    const { cols, rows } = this;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (src[r * cols + c]) continue;
        let label = 0;
        for (let dr = -1; dr <= 1 && !label; dr++) {
          for (let dc = -1; dc <= 1 && !label; dc++) {
            const rr = r + dr;
            const cc = c + dc;
            if (rr >= 0 && cc >= 0 && rr < rows && cc < cols) label = src[rr * cols + cc];
          }
        }
        if (label) this.cells[r * cols + c] = label;
      }
    }
  }

  at(lon: number, lat: number): number {
    const c = Math.floor((lon - this.spec.west) / this.spec.cell);
    const r = Math.floor((lat - this.spec.south) / this.spec.cell);
    if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) return 0;
    return this.cells[r * this.cols + c];
  }
}

/** Bounding box of polygonal geometries, [west, south, east, north]. */
export function bboxOf(geometries: Polygonal[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) {
      for (const p of rings[0]) {
        w = Math.min(w, p[0]);
        e = Math.max(e, p[0]);
        s = Math.min(s, p[1]);
        n = Math.max(n, p[1]);
      }
    }
  }
  return [w, s, e, n];
}
