// What a wall frames, measured in the page: the share of the virtual canvas that the districts
// cover, and the map's scale at the camera centre, as a share of the canvas height.
import type { Page } from 'playwright-core';
import { DistrictsResponseSchema } from '../src/hub/contract.ts';
import type { PlacedLabel } from '../src/layers/label-registry.ts';

export type Rings = Record<string, [number, number][][]>;

/** Every district's outer rings, by code, from the hub. */
export async function districtRings(hubUrl: string): Promise<Rings> {
  const body = DistrictsResponseSchema.parse(await (await fetch(`${hubUrl}/api/v1/districts`)).json());
  const rings: Rings = {};
  for (const f of body.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    rings[f.properties.code] = polys.map((p) => p[0] as [number, number][]);
  }
  return rings;
}

export interface Framing {
  /** Width and height of the districts' on-screen bounding box (clipped to the canvas), as shares of the virtual canvas. */
  box: { width: number; height: number };
  /** Pixels per 0.05° of longitude at the camera centre, over the virtual canvas height. */
  centreScale: number;
  /** Every vertex measured lies on the canvas: the box is the districts' own, not the canvas's cut of them. */
  whole: boolean;
}

/** Measures the current camera; only `codes` count for the box (all districts when omitted). */
export function measureFraming(page: Page, rings: Rings, codes?: string[]): Promise<Framing> {
  const picked = codes ? codes.map((c) => rings[c]) : Object.values(rings);
  return page.evaluate((polys) => {
    const twin = window.__onescreenTwin!;
    const { offset, virtual } = twin.slice!();
    const at = (p: [number, number]) => {
      const q = twin.project!(p);
      return { x: q.x + offset.x, y: q.y + offset.y };
    };
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    let whole = true;
    for (const rings of polys)
      for (const ring of rings)
        for (const v of ring) {
          const { x, y } = at(v);
          if (!(x >= 0 && x <= virtual.width && y >= 0 && y <= virtual.height)) {
            whole = false;
            continue;
          }
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        }
    const { center } = twin.camera!();
    const a = at(center);
    const b = at([center[0] + 0.05, center[1]]);
    return {
      box: { width: Math.max(0, x1 - x0) / virtual.width, height: Math.max(0, y1 - y0) / virtual.height },
      centreScale: Math.hypot(b.x - a.x, b.y - a.y) / virtual.height,
      whole,
    };
  }, picked);
}

/** |a / b − 1|: how far two measurements are apart, relatively. */
export const relativeGap = (a: number, b: number) => Math.abs(a / b - 1);

/** Pairs of placed map labels whose boxes overlap (touching is not overlapping). */
export function overlappingLabels(labels: PlacedLabel[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push(`${a.text} (${a.layerId}) × ${b.text} (${b.layerId})`);
    }
  return pairs;
}
