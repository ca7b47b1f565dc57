// Small, dependency-free planar/spherical helpers for the data scripts and tests.
// Coordinates are [lon, lat] in degrees.

export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function haversineM([lon1, lat1], [lon2, lat2]) {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Round a number to n decimals. */
export function round(v, n = 5) {
  const f = 10 ** n;
  return Math.round(v * f) / f;
}

/** Signed planar area of a ring in degree² (positive = counter-clockwise). */
export function ringSignedArea(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return s / 2;
}

/** Spherical area of a ring in m² (same approximation as d3-geo / turf area), absolute value. */
export function ringAreaM2(ring) {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p1 = ring[i];
    const p2 = ring[(i + 1) % n];
    total += (p2[0] - p1[0]) * RAD * (2 + Math.sin(p1[1] * RAD) + Math.sin(p2[1] * RAD));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a Polygon's rings (outer minus holes) in m². */
export function polygonAreaM2(rings) {
  if (!rings.length) return 0;
  let a = ringAreaM2(rings[0]);
  for (let i = 1; i < rings.length; i++) a -= ringAreaM2(rings[i]);
  return a;
}

/** Area of a Polygon or MultiPolygon geometry in m². */
export function geometryAreaM2(geometry) {
  if (geometry.type === 'Polygon') return polygonAreaM2(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.reduce((s, p) => s + polygonAreaM2(p), 0);
  return 0;
}

/** Even-odd ray casting. Points exactly on an edge may go either way. */
export function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(pt, rings) {
  if (!pointInRing(pt, rings[0])) return false;
  for (let i = 1; i < rings.length; i++) if (pointInRing(pt, rings[i])) return false;
  return true;
}

export function pointInGeometry(pt, geometry) {
  if (geometry.type === 'Polygon') return pointInPolygon(pt, geometry.coordinates);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.some((p) => pointInPolygon(pt, p));
  return false;
}

/** Squared distance from point to segment, in the (scaled) plane. */
function segDist2(px, py, a, b) {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance (degrees, positive inside) from a point to the polygon boundary. */
function signedDistToPolygon(x, y, rings) {
  let inside = false;
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      min = Math.min(min, segDist2(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

/**
 * Pole of inaccessibility (the "polylabel" algorithm by Mapbox, ISC, re-implemented).
 * Works in a locally equirectangular plane (x scaled by cos(lat)) so distances are isotropic.
 * @param {number[][][]} rings polygon rings
 * @param {number} precision in degrees of latitude
 * @returns {[number, number]}
 */
export function poleOfInaccessibility(rings, precision = 0.0005) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x); minY = Math.min(minY, y);
    maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const k = Math.cos(((minY + maxY) / 2) * RAD);
  const scaled = rings.map((r) => r.map(([x, y]) => [x * k, y]));
  const sMinX = minX * k, sMaxX = maxX * k;
  const width = sMaxX - sMinX;
  const height = maxY - minY;
  const cellSize = Math.min(width, height);
  if (cellSize === 0) return [minX, minY];

  const mkCell = (x, y, h) => {
    const d = signedDistToPolygon(x, y, scaled);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue = [];
  const push = (c) => queue.push(c);
  const pop = () => {
    let bi = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[bi].max) bi = i;
    const c = queue[bi];
    queue[bi] = queue[queue.length - 1];
    queue.pop();
    return c;
  };

  const h0 = cellSize / 2;
  for (let x = sMinX; x < sMaxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) push(mkCell(x + h0, y + h0, h0));
  }
  // initial best: area centroid of the outer ring, then bbox centre
  let best = mkCell(sMinX + width / 2, minY + height / 2, 0);
  const c = ringCentroid(scaled[0]);
  const cc = mkCell(c[0], c[1], 0);
  if (cc.d > best.d) best = cc;

  let guard = 0;
  while (queue.length && guard++ < 200000) {
    const cell = pop();
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    const h = cell.h / 2;
    push(mkCell(cell.x - h, cell.y - h, h));
    push(mkCell(cell.x + h, cell.y - h, h));
    push(mkCell(cell.x - h, cell.y + h, h));
    push(mkCell(cell.x + h, cell.y + h, h));
  }
  return [best.x / k, best.y];
}

function ringCentroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[i][0] * ring[j][1] - ring[j][0] * ring[i][1];
    x += (ring[i][0] + ring[j][0]) * f;
    y += (ring[i][1] + ring[j][1]) * f;
    a += f * 3;
  }
  return a === 0 ? ring[0] : [x / a, y / a];
}

/** Iterate over all [lon, lat] positions of a geometry. */
export function* positions(geometry) {
  const walk = function* (c) {
    if (typeof c[0] === 'number') yield c;
    else for (const x of c) yield* walk(x);
  };
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) yield* positions(g);
  else yield* walk(geometry.coordinates);
}

/**
 * Minimum distance (m) from a point to a geometry (local equirectangular approx).
 * For (Multi)Polygons the distance is 0 when the point is inside, unless
 * `boundaryOnly` is set, in which case the distance to the nearest ring edge is returned.
 */
export function distancePointToGeometryM(pt, geometry, boundaryOnly = false) {
  const k = Math.cos(pt[1] * RAD);
  const mPerDeg = EARTH_RADIUS_M * RAD;
  let min = Infinity;
  const lines = [];
  const collect = (c, depth) => {
    if (depth === 0) lines.push(c);
    else for (const x of c) collect(x, depth - 1);
  };
  const depthOf = { LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 }[geometry.type];
  if (depthOf === undefined) throw new Error(`unsupported ${geometry.type}`);
  collect(geometry.coordinates, depthOf);
  const px = pt[0] * k;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = [line[i][0] * k, line[i][1]];
      const b = [line[i + 1][0] * k, line[i + 1][1]];
      min = Math.min(min, segDist2(px, pt[1], a, b));
    }
  }
  let d = Math.sqrt(min) * mPerDeg;
  if (!boundaryOnly && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && pointInGeometry(pt, geometry)) {
    d = 0;
  }
  return d;
}
