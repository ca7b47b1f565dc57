// Polyline helpers for the river script: GMT multi-segment parsing, chain merging,
// bbox clipping and Douglas–Peucker simplification. Coordinates are [lon, lat].

const RAD = Math.PI / 180;
const M_PER_DEG = 6371008.8 * RAD;

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

/** Clip a polyline to a bbox [minX, minY, maxX, maxY]; returns a list of parts. */
export function clipLine(coords, [minX, minY, maxX, maxY]) {
  const parts = [];
  let cur = null;
  for (let i = 0; i + 1 < coords.length; i++) {
    const seg = clipSegment(coords[i], coords[i + 1], minX, minY, maxX, maxY);
    if (!seg) {
      cur = null;
      continue;
    }
    const [a, b] = seg;
    if (!cur || cur[cur.length - 1][0] !== a[0] || cur[cur.length - 1][1] !== a[1]) {
      cur = [a];
      parts.push(cur);
    }
    cur.push(b);
    if (b !== coords[i + 1]) cur = null; // left the box
  }
  return parts.map(dedupe).filter((p) => p.length >= 2);
}

// Liang–Barsky. Returns [a, b] (original objects kept where unclipped) or null.
function clipSegment(p, q, minX, minY, maxX, maxY) {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const checks = [
    [-dx, p[0] - minX],
    [dx, maxX - p[0]],
    [-dy, p[1] - minY],
    [dy, maxY - p[1]],
  ];
  for (const [pp, qq] of checks) {
    if (pp === 0) {
      if (qq < 0) return null;
    } else {
      const r = qq / pp;
      if (pp < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  const a = t0 === 0 ? p : [p[0] + t0 * dx, p[1] + t0 * dy];
  const b = t1 === 1 ? q : [p[0] + t1 * dx, p[1] + t1 * dy];
  return [a, b];
}

/** Douglas–Peucker with a tolerance in metres (local equirectangular projection). */
export function simplifyLine(coords, toleranceM) {
  if (coords.length <= 2) return coords.slice();
  const k = Math.cos(coords[0][1] * RAD);
  const P = coords.map(([x, y]) => [x * k * M_PER_DEG, y * M_PER_DEG]);
  const keep = new Uint8Array(coords.length);
  keep[0] = keep[coords.length - 1] = 1;
  const tol2 = toleranceM * toleranceM;
  const stack = [[0, coords.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop();
    let maxD = -1;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = segDist2(P[i], P[s], P[e]);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx !== -1 && maxD > tol2) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return coords.filter((_, i) => keep[i]);
}

function segDist2(p, a, b) {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Length of a polyline in metres (equirectangular per segment). */
export function lineLengthM(coords) {
  let s = 0;
  for (let i = 0; i + 1 < coords.length; i++) {
    const k = Math.cos(((coords[i][1] + coords[i + 1][1]) / 2) * RAD);
    s += Math.hypot((coords[i + 1][0] - coords[i][0]) * k, coords[i + 1][1] - coords[i][1]) * M_PER_DEG;
  }
  return s;
}
