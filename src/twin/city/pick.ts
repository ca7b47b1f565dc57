import type { Buildings } from '../../hub/buildings.ts';

/**
 * The nearest building a ray hits, in the city's local metres (x east, y north, z up), or null.
 * Each building is an oriented box (footprint width × depth turned by its angle, from the ground
 * to its height): the ray is turned into the box's frame and clipped by its three slabs. A plain
 * loop over the typed columns: 60,000 buildings take a few milliseconds, no per-building objects.
 */
export function pickBuilding(b: Buildings, origin: [number, number, number], dir: [number, number, number], hidden?: Uint8Array | null): number | null {
  let best: number | null = null;
  let bestT = Infinity;
  const [ox, oy, oz] = origin;
  const [dx, dy, dz] = dir;
  for (let i = 0; i < b.count; i++) {
    if (hidden?.[i]) continue; // cleared for a real model: not drawn, not picked
    const c = Math.cos(b.angle[i]);
    const s = Math.sin(b.angle[i]);
    // Ray origin and direction in the building's frame (centre of the footprint at 0, unrotated).
    const rx = ox - b.x[i];
    const ry = oy - b.y[i];
    const lox = c * rx + s * ry;
    const loy = -s * rx + c * ry;
    const ldx = c * dx + s * dy;
    const ldy = -s * dx + c * dy;
    let tMin = 0;
    let tMax = bestT;
    const hw = b.width[i] / 2;
    const hd = b.depth[i] / 2;
    const slabs: [number, number, number, number][] = [
      [lox, ldx, -hw, hw],
      [loy, ldy, -hd, hd],
      [oz, dz, 0, b.height[i]],
    ];
    let hit = true;
    for (const [o, d, lo, hi] of slabs) {
      if (Math.abs(d) < 1e-12) {
        if (o < lo || o > hi) {
          hit = false;
          break;
        }
        continue;
      }
      let t1 = (lo - o) / d;
      let t2 = (hi - o) / d;
      if (t1 > t2) [t1, t2] = [t2, t1];
      if (t1 > tMin) tMin = t1;
      if (t2 < tMax) tMax = t2;
      if (tMin > tMax) {
        hit = false;
        break;
      }
    }
    if (hit && tMin < bestT) {
      bestT = tMin;
      best = i;
    }
  }
  return best;
}
