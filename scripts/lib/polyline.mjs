// Polyline helpers for the river scripts. Ours: GMT multi-segment parsing and chain merging.
// Clipping (@turf/bbox-clip) and Douglas–Peucker (@turf/simplify) are the libraries'; the
// wrappers below only fix the shapes and units the scripts use. Coordinates are [lon, lat].
import { bboxClip } from '@turf/bbox-clip';
import { simplify } from '@turf/simplify';
import { M_PER_DEG } from './geo-utils.mjs';

const RAD = Math.PI / 180;

/**
 * Parse GMT multi-segment ASCII ("-M" output): lines starting with '>' start a new
 * segment; other lines are "lon lat". Returns [{ header, coords }].
 */
export function parseGmtMultiSegment(text) {
  const segments = [];
  let cur = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('>')) {
      cur = { header: line.slice(1).trim(), coords: [] };
      segments.push(cur);
      continue;
    }
    const [a, b] = line.split(/[\s,]+/);
    const x = Number(a);
    const y = Number(b);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (!cur) {
      cur = { header: '', coords: [] };
      segments.push(cur);
    }
    cur.coords.push([x, y]);
  }
  return segments;
}

/** Drop consecutive duplicate points. */
export function dedupe(coords) {
  const out = [];
  for (const p of coords) {
    const l = out[out.length - 1];
    if (!l || l[0] !== p[0] || l[1] !== p[1]) out.push(p);
  }
  return out;
}

const key = (p, digits) => `${p[0].toFixed(digits)},${p[1].toFixed(digits)}`;

/**
 * Merge polylines that share endpoints into longer chains. Lines are only joined at
 * nodes of degree exactly 2 (so confluences stay chain ends). Endpoints are matched
 * after rounding to `digits` decimals.
 */
export function mergeLines(lines, digits = 6) {
  const items = lines.map((c) => dedupe(c)).filter((c) => c.length >= 2);
  const ends = new Map(); // key -> [{ i, atStart }]
  const add = (k, v) => (ends.get(k) ?? ends.set(k, []).get(k)).push(v);
  items.forEach((c, i) => {
    add(key(c[0], digits), { i, atStart: true });
    add(key(c[c.length - 1], digits), { i, atStart: false });
  });
  const used = new Array(items.length).fill(false);
  const out = [];

  const extend = (chain, fromEndKey, lastIdx) => {
    // extend `chain` (array, mutated) forward from its last point
    for (;;) {
      const k = key(chain[chain.length - 1], digits);
      const here = ends.get(k) ?? [];
      if (here.length !== 2) return;
      const next = here.find((e) => e.i !== lastIdx && !used[e.i]);
      if (!next) return;
      used[next.i] = true;
      lastIdx = next.i;
      const seg = next.atStart ? items[next.i] : [...items[next.i]].reverse();
      chain.push(...seg.slice(1));
    }
  };

  for (let i = 0; i < items.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    const fwd = [...items[i]];
    extend(fwd, null, i);
    const back = [...fwd].reverse();
    extend(back, null, i);
    out.push(dedupe(back.reverse()));
  }
  return out;
}

/** Clip a polyline to a bbox [minX, minY, maxX, maxY] (@turf/bbox-clip); returns a list of parts. */
export function clipLine(coords, bbox) {
  const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } }, bbox).geometry;
  const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  return parts.map(dedupe).filter((p) => p.length >= 2);
}

/**
 * Douglas–Peucker (@turf/simplify, high quality: no radial pre-pass) with a tolerance in metres.
 * Turf's tolerance is a planar distance in the coordinates' units, degrees, and a degree of
 * longitude is only cos φ as long as a degree of latitude. So the line goes to turf with its
 * longitudes times cos φ0 (φ0: its first latitude): in that local equirectangular plane a degree
 * is M_PER_DEG metres (111,195 m) in every direction, and the tolerance is toleranceM / M_PER_DEG
 * degrees (exact at φ0; elsewhere east–west distances are off by the change of cos φ, about
 * 0.1 % per 0.1° of latitude at 30° N, so about 4 % at the far end of a river crossing all of
 * Chongqing). Each point carries its index, so the result is made of the input's own positions.
 */
export function simplifyLine(coords, toleranceM) {
  if (coords.length <= 2) return coords.slice();
  const k = Math.cos(coords[0][1] * RAD);
  const plane = coords.map(([x, y], i) => [x * k, y, i]);
  const simplified = simplify(
    { type: 'LineString', coordinates: plane },
    { tolerance: toleranceM / M_PER_DEG, highQuality: true, mutate: true },
  );
  return simplified.coordinates.map((p) => coords[p[2]]);
}
