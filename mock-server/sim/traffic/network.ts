/**
 * The simulated road network of Chongqing's main urban area, generated deterministically from a
 * seed over the real district and river geometry: radial roads out of the Yuzhong core, the inner
 * and second rings, and a local street grid whose density follows the urban sub-centres. Roads
 * stay inside the nine urban districts and cross the Yangtze and the Jialing only on a handful of
 * named bridges; crossings become junctions (except where an expressway passes over a street).
 */
import type { DistrictFeature } from '../../../src/hub/contract.ts';
import type { Road, RoadClass } from '../../../src/hub/topics/traffic.ts';
import { TRAFFIC_LIMITS } from '../../../src/hub/topics/traffic.ts';
import { createRandom, hashSeed, type Random } from '../random.ts';
import {
  BRIDGES,
  CLUSTERS,
  CORE,
  RAYS,
  RINGS,
  STREET_STEMS,
  STREET_SUFFIXES,
  URBAN_DISTRICTS,
  type RiverName,
} from './places.ts';
import { LabelRaster, bboxOf, type Polygonal } from './raster.ts';

export interface WaterFeature {
  name?: string;
  /** Water surfaces, or river centre lines (drawn by the base map where no surface exists). */
  geometry: Polygonal | { type: 'LineString'; coordinates: number[][] } | { type: 'MultiLineString'; coordinates: number[][][] };
}

/** Half the width given to a river known only by its centre line, degrees (~150 m). */
const LINE_RIVER_RADIUS = 0.0014;

/** The network as a directed graph in flat typed arrays: what the vehicle simulation walks. */
export interface RoadGraph {
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Index into `roads` of the road an edge belongs to. */
  edgeRoad: Int32Array;
  edgeLenM: Float32Array;
  /** The same edge run the other way. */
  edgeReverse: Int32Array;
  /** Outgoing edges of node n: outEdges[outStart[n] .. outStart[n + 1]). */
  outStart: Int32Array;
  outEdges: Int32Array;
}

export interface RoadNetwork {
  roads: Road[];
  graph: RoadGraph;
  /** Distance of each road's midpoint from the core, km (demand is higher near the core). */
  coreKm: Float32Array;
}

// --- local plane: km east/north of the core --------------------------------------------------

const KX = 111.32 * Math.cos((CORE[1] * Math.PI) / 180);
const KY = 110.574;
type Pt = [number, number];
const toKm = (lon: number, lat: number): Pt => [(lon - CORE[0]) * KX, (lat - CORE[1]) * KY];
const toLonLat = ([x, y]: Pt): [number, number] => [round5(CORE[0] + x / KX), round5(CORE[1] + y / KY)];
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

const LATTICE_KM = 0.8;
const LATTICE_ROTATION = (12 * Math.PI) / 180;
const MAJOR_STEP_KM = 0.4;
const SAMPLE_KM = 0.04;
const MAX_BRIDGES = 22;
const MAX_BRIDGE_KM = 2.2;
const SECTION_KM: Record<RoadClass, number> = { expressway: 4, arterial: 3, local: Infinity };

interface Piece {
  name: string;
  class: RoadClass;
  bridge: boolean;
  points: Pt[];
}

interface Geo {
  district: LabelRaster;
  /** Water grown by a cell: roads keep this margin. */
  water: LabelRaster;
  /** Water as drawn: a bridge must span some of it. */
  waterCore: LabelRaster;
  waterNames: RiverName[];
}

function buildRasters(districts: DistrictFeature[], water: WaterFeature[]): Geo {
  const urban = URBAN_DISTRICTS.map((code) => {
    const f = districts.find((d) => d.properties.code === code);
    if (!f) throw new Error(`traffic network: district ${code} missing`);
    return f.geometry as Polygonal;
  });
  const [w, s, e, n] = bboxOf(urban);
  const spec = { west: w - 0.01, south: s - 0.01, east: e + 0.01, north: n + 0.01, cell: 0.001 };
  const district = new LabelRaster(spec);
  urban.forEach((g, i) => district.fill(g, i + 1));
  const waterRaster = new LabelRaster(spec);
  const waterNames: RiverName[] = [];
  // Paint named rivers last, so where buffers overlap the crossing takes the big river's name.
  const ordered = [...water].sort((a, b) => Number(Boolean(a.name)) - Number(Boolean(b.name)));
  for (const f of ordered) {
    const name: RiverName = f.name === '长江' || f.name === '嘉陵江' ? f.name : '';
    let label = waterNames.indexOf(name) + 1;
    if (label === 0) label = waterNames.push(name);
    const g = f.geometry;
    if (g.type === 'LineString' || g.type === 'MultiLineString') {
      for (const line of g.type === 'LineString' ? [g.coordinates] : g.coordinates) waterRaster.stroke(line, LINE_RIVER_RADIUS, label);
      continue;
    }
    const [fw, fs, fe, fn] = bboxOf([g]);
    if (fe < spec.west || fw > spec.east || fn < spec.south || fs > spec.north) continue;
    waterRaster.fill(g, label);
  }
  // Cells count as water only if their centre is: grow the water by a cell so that no road
  // grazes a river (~100 m of margin).
  const waterCore = new LabelRaster(spec);
  waterCore.cells.set(waterRaster.cells);
  waterRaster.dilate();
  return { district, water: waterRaster, waterCore, waterNames };
}

function districtAt(geo: Geo, p: Pt): number {
  const [lon, lat] = [CORE[0] + p[0] / KX, CORE[1] + p[1] / KY];
  return geo.district.at(lon, lat);
}
function waterAt(geo: Geo, p: Pt): number {
  const [lon, lat] = [CORE[0] + p[0] / KX, CORE[1] + p[1] / KY];
  return geo.water.at(lon, lat);
}

/**
 * What a straight segment runs over: water or its margin (the label), water itself (`core`),
 * and whether it leaves the districts.
 */
function segmentState(geo: Geo, a: Pt, b: Pt): { wet: number; core: boolean; outside: boolean } {
  const n = Math.max(1, Math.ceil(dist(a, b) / SAMPLE_KM));
  let wet = 0;
  let core = false;
  let outside = false;
  for (let i = 0; i <= n; i++) {
    const p: Pt = [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n];
    wet ||= waterAt(geo, p);
    core ||= geo.waterCore.at(CORE[0] + p[0] / KX, CORE[1] + p[1] / KY) !== 0;
    outside ||= districtAt(geo, p) === 0;
  }
  return { wet, core, outside };
}

const isLand = (geo: Geo, p: Pt) => districtAt(geo, p) !== 0 && waterAt(geo, p) === 0;

/** Urban density at a point, 0–1: the sub-centres as Gaussians over a thin rural floor. */
export function urbanDensity(lon: number, lat: number): number {
  const p = toKm(lon, lat);
  let d = 0.03;
  for (const c of CLUSTERS) {
    const q = toKm(c.at[0], c.at[1]);
    const r2 = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
    d += c.weight * Math.exp(-r2 / (2 * c.radiusKm * c.radiusKm));
  }
  return Math.min(1, d);
}

// --- major roads: rays and rings, clipped, with bridges ----------------------------------------

interface BridgeBudget {
  used: number;
  names: Set<string>;
}

function bridgeName(river: RiverName, mid: Pt, budget: BridgeBudget): string {
  const candidates = BRIDGES.filter((b) => b.river === river && !budget.names.has(b.name))
    .map((b) => ({ b, km: dist(toKm(b.at[0], b.at[1]), mid) }))
    .filter((c) => c.km < 3.5)
    .sort((x, y) => x.km - y.km);
  if (candidates.length) return candidates[0].b.name;
  const nearest = [...CLUSTERS].sort((x, y) => dist(toKm(x.at[0], x.at[1]), mid) - dist(toKm(y.at[0], y.at[1]), mid))[0];
  for (const suffix of ['大桥', '二桥', '三桥', '四桥']) {
    const name = `${nearest.name}${river}${suffix}`;
    if (!budget.names.has(name)) return name;
  }
  return `${nearest.name}${river}大桥${budget.used}`;
}

/**
 * Cuts a polyline where it leaves the districts or crosses water; a short crossing with land on
 * both banks becomes a bridge while the budgets last, any other crossing is cut.
 */
function clipMajor(geo: Geo, points: Pt[], name: string, cls: RoadClass, perRoad: number, budget: BridgeBudget): Piece[] {
  const pieces: Piece[] = [];
  const states = points.slice(1).map((p, i) => segmentState(geo, points[i], p));
  let current: Pt[] = [];
  let bridgesHere = 0;
  const flush = () => {
    if (current.length >= 2) pieces.push({ name, class: cls, bridge: false, points: current });
    current = [];
  };
  for (let i = 0; i < states.length; ) {
    const s = states[i];
    if (s.outside) {
      flush();
      i++;
      continue;
    }
    if (!s.wet) {
      if (!current.length) current.push(points[i]);
      current.push(points[i + 1]);
      i++;
      continue;
    }
    // A run of wet segments i..j-1, from points[i] to points[j].
    let j = i;
    let crossing = 0;
    let spansWater = false;
    while (j < states.length && states[j].wet && !states[j].outside) {
      crossing += dist(points[j], points[j + 1]);
      spansWater ||= states[j].core;
      j++;
    }
    const banks = isLand(geo, points[i]) && j < points.length && isLand(geo, points[j]);
    // A run through the margin only (a road grazing a bank) is cut, not bridged.
    if (spansWater && banks && crossing <= MAX_BRIDGE_KM && bridgesHere < perRoad && budget.used < MAX_BRIDGES) {
      const river = geo.waterNames[s.wet - 1] ?? '';
      const mid: Pt = [(points[i][0] + points[j][0]) / 2, (points[i][1] + points[j][1]) / 2];
      const bname = bridgeName(river, mid, budget);
      budget.used++;
      budget.names.add(bname);
      bridgesHere++;
      if (!current.length) current.push(points[i]);
      flush();
      pieces.push({ name: bname, class: cls, bridge: true, points: points.slice(i, j + 1) });
      current = [points[j]];
    } else {
      flush();
    }
    i = j;
  }
  flush();
  return pieces;
}

function rayPoints(spec: (typeof RAYS)[number], rng: Random): Pt[] {
  const phase1 = rng.range(0, 2 * Math.PI);
  const phase2 = rng.range(0, 2 * Math.PI);
  const base = (spec.bearing * Math.PI) / 180;
  const origin = toKm(...(spec.from ?? CORE));
  const start: Pt = [origin[0] + Math.sin(base) * spec.fromKm, origin[1] + Math.cos(base) * spec.fromKm];
  const points: Pt[] = [start];
  let p = start;
  const steps = Math.ceil((spec.toKm - spec.fromKm) / MAJOR_STEP_KM);
  for (let k = 0; k < steps; k++) {
    // A gentle wander: real radial roads follow valleys, not compass lines.
    const h = base + ((9 * Math.sin(k * 0.11 + phase1) + 5 * Math.sin(k * 0.29 + phase2)) * Math.PI) / 180;
    p = [p[0] + Math.sin(h) * MAJOR_STEP_KM, p[1] + Math.cos(h) * MAJOR_STEP_KM];
    points.push(p);
  }
  return points;
}

function ringPoints(spec: (typeof RINGS)[number], rng: Random): Pt[] {
  const c = toKm(spec.centre[0], spec.centre[1]);
  const phase1 = rng.range(0, 2 * Math.PI);
  const phase2 = rng.range(0, 2 * Math.PI);
  const n = Math.ceil((2 * Math.PI * Math.max(spec.rxKm, spec.ryKm)) / MAJOR_STEP_KM);
  const points: Pt[] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const wobble = 1 + 0.06 * Math.sin(3 * t + phase1) + 0.035 * Math.sin(5 * t + phase2);
    points.push([c[0] + spec.rxKm * wobble * Math.cos(t), c[1] + spec.ryKm * wobble * Math.sin(t)]);
  }
  return points;
}

// --- the local street grid -----------------------------------------------------------------------

function localGrid(geo: Geo, rng: Random): Piece[] {
  const { west, south, east, north } = geo.district.spec;
  const corners = [toKm(west, south), toKm(east, north), toKm(west, north), toKm(east, south)];
  const reach = Math.ceil(Math.max(...corners.map((c) => Math.hypot(c[0], c[1]))) / LATTICE_KM) + 1;
  const [cos, sin] = [Math.cos(LATTICE_ROTATION), Math.sin(LATTICE_ROTATION)];
  const nodes = new Map<string, Pt>();
  const key = (i: number, j: number) => `${i},${j}`;
  for (let i = -reach; i <= reach; i++) {
    for (let j = -reach; j <= reach; j++) {
      const u = i * LATTICE_KM + rng.range(-0.22, 0.22) * LATTICE_KM;
      const v = j * LATTICE_KM + rng.range(-0.22, 0.22) * LATTICE_KM;
      const p: Pt = [u * cos - v * sin, u * sin + v * cos];
      const keep = rng.next();
      if (!isLand(geo, p)) continue;
      const [lon, lat] = [CORE[0] + p[0] / KX, CORE[1] + p[1] / KY];
      if (keep < Math.min(1, 1.2 * urbanDensity(lon, lat))) nodes.set(key(i, j), p);
    }
  }
  const hasEdge = new Set<string>();
  for (const [k, p] of nodes) {
    const [i, j] = k.split(',').map(Number);
    for (const [di, dj, dir] of [[1, 0, 'h'], [0, 1, 'v']] as const) {
      const q = nodes.get(key(i + di, j + dj));
      if (!q || rng.next() > 0.93) continue;
      const s = segmentState(geo, p, q);
      if (!s.wet && !s.outside) hasEdge.add(`${dir}:${i},${j}`);
    }
  }
  // Runs of edges along one lattice line become streets of 2–5 blocks.
  const pieces: Piece[] = [];
  for (const dir of ['h', 'v'] as const) {
    for (let line = -reach; line <= reach; line++) {
      let run: Pt[] = [];
      let target = rng.int(2, 5);
      const flush = () => {
        if (run.length >= 2) pieces.push({ name: '', class: 'local', bridge: false, points: run });
        run = [];
        target = rng.int(2, 5);
      };
      for (let along = -reach; along <= reach; along++) {
        const [i, j] = dir === 'h' ? [along, line] : [line, along];
        if (!hasEdge.has(`${dir}:${i},${j}`)) {
          flush();
          continue;
        }
        const a = nodes.get(key(i, j))!;
        const b = nodes.get(dir === 'h' ? key(i + 1, j) : key(i, j + 1))!;
        if (!run.length) run.push(a);
        run.push(b);
        if (run.length - 1 >= target) flush();
      }
      flush();
    }
  }
  return pieces;
}

// --- junctions -------------------------------------------------------------------------------

function intersect(a: Pt, b: Pt, c: Pt, d: Pt): { t: number; u: number } | null {
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * s[1] - r[1] * s[0];
  if (Math.abs(den) < 1e-12) return null;
  const t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  return t > 1e-6 && t < 1 - 1e-6 && u > 1e-6 && u < 1 - 1e-6 ? { t, u } : null;
}

/**
 * Inserts a shared vertex wherever two roads cross, so vehicles can turn there. Bridges have no
 * junctions along their span, and expressways pass over local streets.
 */
function addJunctions(pieces: Piece[]) {
  const CELL = 1;
  const buckets = new Map<string, [number, number][]>();
  pieces.forEach((piece, pi) => {
    for (let si = 0; si + 1 < piece.points.length; si++) {
      const [a, b] = [piece.points[si], piece.points[si + 1]];
      for (let gx = Math.floor(Math.min(a[0], b[0]) / CELL); gx <= Math.floor(Math.max(a[0], b[0]) / CELL); gx++) {
        for (let gy = Math.floor(Math.min(a[1], b[1]) / CELL); gy <= Math.floor(Math.max(a[1], b[1]) / CELL); gy++) {
          const k = `${gx},${gy}`;
          let list = buckets.get(k);
          if (!list) buckets.set(k, (list = []));
          list.push([pi, si]);
        }
      }
    }
  });
  const inserts = pieces.map((p) => p.points.map(() => [] as { t: number; p: Pt }[]));
  const seen = new Set<string>();
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [pa, sa] = list[x];
        const [pb, sb] = list[y];
        if (pa === pb) continue;
        const A = pieces[pa];
        const B = pieces[pb];
        if (A.bridge || B.bridge) continue;
        if (A.class === 'local' && B.class === 'local') continue; // the grid already meets at its nodes
        if ((A.class === 'expressway') !== (B.class === 'expressway') && (A.class === 'local' || B.class === 'local')) continue;
        const k = pa < pb ? `${pa}:${sa}|${pb}:${sb}` : `${pb}:${sb}|${pa}:${sa}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const hit = intersect(A.points[sa], A.points[sa + 1], B.points[sb], B.points[sb + 1]);
        if (!hit) continue;
        const p: Pt = [
          A.points[sa][0] + (A.points[sa + 1][0] - A.points[sa][0]) * hit.t,
          A.points[sa][1] + (A.points[sa + 1][1] - A.points[sa][1]) * hit.t,
        ];
        inserts[pa][sa].push({ t: hit.t, p });
        inserts[pb][sb].push({ t: hit.u, p });
      }
    }
  }
  pieces.forEach((piece, pi) => {
    const out: Pt[] = [];
    piece.points.forEach((pt, si) => {
      out.push(pt);
      for (const ins of inserts[pi][si].sort((a, b) => a.t - b.t)) out.push(ins.p);
    });
    piece.points = out;
  });
}

const keyOf = (p: Pt) => {
  const [lon, lat] = toLonLat(p);
  return `${lon},${lat}`;
};

/** Dead ends (a road that stops at a river bank or a cut) reach for the nearest road within 0.8 km. */
function joinDeadEnds(geo: Geo, pieces: Piece[]) {
  const connected = largestComponent(pieces.filter((p) => p.points.length >= 2));
  const degree = new Map<string, number>();
  for (const piece of connected) {
    piece.points.forEach((p, i) => {
      const k = keyOf(p);
      degree.set(k, (degree.get(k) ?? 0) + (i === 0 || i === piece.points.length - 1 ? 1 : 2));
    });
  }
  const CELL = 0.8;
  const grid = new Map<string, { p: Pt; piece: number }[]>();
  pieces.forEach((piece, pi) =>
    piece.points.forEach((p) => {
      const k = `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
      let list = grid.get(k);
      if (!list) grid.set(k, (list = []));
      list.push({ p, piece: pi });
    }),
  );
  pieces.forEach((piece, pi) => {
    if (piece.bridge) return;
    for (const end of [0, 1] as const) {
      const pts = piece.points;
      const p = end === 0 ? pts[0] : pts[pts.length - 1];
      if ((degree.get(keyOf(p)) ?? 0) > 1) continue;
      let best: Pt | null = null;
      let bestD = CELL;
      const [gx, gy] = [Math.floor(p[0] / CELL), Math.floor(p[1] / CELL)];
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const c of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
            if (c.piece === pi) continue;
            const d = dist(p, c.p);
            if (d > 0.05 && d < bestD) {
              const s = segmentState(geo, p, c.p);
              if (!s.wet && !s.outside) (best = c.p), (bestD = d);
            }
          }
        }
      }
      if (!best) continue;
      if (end === 0) pts.unshift(best);
      else pts.push(best);
      degree.set(keyOf(p), 2);
      degree.set(keyOf(best), (degree.get(keyOf(best)) ?? 0) + 1);
    }
  });
}

/** Long roads become sections (路段) of a few km, cut at junctions where possible. */
function sections(piece: Piece, degree: Map<string, number>): Piece[] {
  const target = SECTION_KM[piece.class];
  if (piece.bridge || !Number.isFinite(target)) return chunkPoints(piece);
  const out: Piece[] = [];
  let current: Pt[] = [piece.points[0]];
  let len = 0;
  for (let i = 1; i < piece.points.length; i++) {
    const p = piece.points[i];
    len += dist(current[current.length - 1], p);
    current.push(p);
    const junction = (degree.get(keyOf(p)) ?? 0) > 2;
    const last = i === piece.points.length - 1;
    if (!last && ((len >= target && junction) || len >= target * 1.6)) {
      out.push({ ...piece, points: current });
      current = [p];
      len = 0;
    }
  }
  if (current.length >= 2) {
    // A short tail joins the previous section rather than standing alone.
    const prev = out[out.length - 1];
    if (prev && len < target * 0.35) prev.points = [...prev.points, ...current.slice(1)];
    else out.push({ ...piece, points: current });
  }
  return out.flatMap(chunkPoints);
}

function chunkPoints(piece: Piece): Piece[] {
  const max = TRAFFIC_LIMITS.maxPathPoints;
  if (piece.points.length <= max) return [piece];
  const out: Piece[] = [];
  for (let i = 0; i < piece.points.length - 1; i += max - 1) out.push({ ...piece, points: piece.points.slice(i, i + max) });
  return out.filter((p) => p.points.length >= 2);
}

/** Only the connected network: a scrap of street cut off by rivers and borders would trap vehicles. */
function largestComponent(pieces: Piece[]): Piece[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let x = k; x !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const piece of pieces) {
    const keys = piece.points.map(keyOf);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [find(keys[i - 1]), find(keys[i])];
      if (a !== b) parent.set(a, b);
    }
  }
  const size = new Map<string, number>();
  for (const piece of pieces) {
    const root = find(keyOf(piece.points[0]));
    size.set(root, (size.get(root) ?? 0) + piece.points.length);
  }
  let best = '';
  for (const [root, n] of size) if (n > (size.get(best) ?? 0)) best = root;
  return pieces.filter((p) => find(keyOf(p.points[0])) === best);
}

function streetName(rng: Random): string {
  return `${STREET_STEMS[rng.int(0, STREET_STEMS.length - 1)]}${STREET_SUFFIXES[rng.int(0, STREET_SUFFIXES.length - 1)]}`;
}

const CLASS_ORDER: Record<RoadClass, number> = { local: 0, arterial: 1, expressway: 2 };
const ID_PREFIX: Record<RoadClass, string> = { local: 'loc', arterial: 'art', expressway: 'exp' };

/** Builds the network. Same districts, water and seed: the same roads, in the same order. */
export function buildRoadNetwork(districts: DistrictFeature[], water: WaterFeature[], seed: number): RoadNetwork {
  const rng = createRandom(hashSeed('traffic-network', seed));
  const geo = buildRasters(districts, water);
  const budget: BridgeBudget = { used: 0, names: new Set() };

  const major: Piece[] = [];
  // Rings first: where a ring and a radial road meet a river near each other, the ring's crossing
  // is the one that gets built.
  for (const ring of RINGS) {
    let pts = ringPoints(ring, rng);
    // Start the loop on dry land inside the districts, so clipping sees whole crossings.
    const start = pts.findIndex((p, i) => isLand(geo, p) && isLand(geo, pts[(i + 1) % pts.length]));
    if (start < 0) continue;
    pts = [...pts.slice(start), ...pts.slice(0, start + 1)];
    major.push(...clipMajor(geo, pts, ring.name, 'expressway', 4, budget));
  }
  for (const ray of RAYS) major.push(...clipMajor(geo, rayPoints(ray, rng), ray.name, ray.class, 2, budget));

  const locals = localGrid(geo, rng);
  const pieces = [...major, ...locals];
  addJunctions(pieces);
  joinDeadEnds(geo, pieces);

  // Drop consecutive duplicates (after rounding to the 1 m grid of the topic).
  for (const piece of pieces) {
    piece.points = piece.points.filter((p, i, all) => i === 0 || keyOf(p) !== keyOf(all[i - 1]));
  }
  const connected = largestComponent(pieces.filter((p) => p.points.length >= 2));
  const degree = new Map<string, number>();
  for (const piece of connected) {
    piece.points.forEach((p, i) => {
      const k = keyOf(p);
      degree.set(k, (degree.get(k) ?? 0) + (i === 0 || i === piece.points.length - 1 ? 1 : 2));
    });
  }
  let all = connected.flatMap((p) => sections(p, degree));
  for (const piece of all) if (!piece.name) piece.name = streetName(rng);
  all.sort((a, b) => CLASS_ORDER[a.class] - CLASS_ORDER[b.class] || Number(a.bridge) - Number(b.bridge));
  all = all.slice(0, TRAFFIC_LIMITS.maxRoads);

  const counters: Record<RoadClass, number> = { local: 0, arterial: 0, expressway: 0 };
  const coreKm = new Float32Array(all.length);
  const roads: Road[] = all.map((piece, i) => {
    const path = piece.points.map(toLonLat);
    let lengthM = 0;
    for (let k = 1; k < piece.points.length; k++) lengthM += dist(piece.points[k - 1], piece.points[k]) * 1000;
    const mid = piece.points[Math.floor(piece.points.length / 2)];
    coreKm[i] = Math.hypot(mid[0], mid[1]);
    const label = districtAt(geo, mid) || piece.points.map((p) => districtAt(geo, p)).find((l) => l > 0) || 1;
    const id = `${piece.bridge ? 'brg' : ID_PREFIX[piece.class]}-${++counters[piece.class]}`;
    return {
      id,
      name: piece.name,
      class: piece.class,
      bridge: piece.bridge,
      district: URBAN_DISTRICTS[label - 1],
      lengthM: Math.max(1, Math.round(lengthM)),
      path,
    };
  });
  return { roads, graph: buildGraph(roads), coreKm };
}

/** Directed graph of the roads: every road segment both ways, nodes shared where paths meet. */
export function buildGraph(roads: Road[]): RoadGraph {
  const ids = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const node = (p: [number, number] | number[]) => {
    const k = `${p[0]},${p[1]}`;
    let id = ids.get(k);
    if (id === undefined) {
      id = lon.length;
      ids.set(k, id);
      lon.push(p[0]);
      lat.push(p[1]);
    }
    return id;
  };
  const from: number[] = [];
  const to: number[] = [];
  const road: number[] = [];
  const len: number[] = [];
  const kx = 111_320 * Math.cos((CORE[1] * Math.PI) / 180);
  const ky = 110_574;
  roads.forEach((r, ri) => {
    for (let k = 1; k < r.path.length; k++) {
      const a = node(r.path[k - 1]);
      const b = node(r.path[k]);
      if (a === b) continue;
      const m = Math.hypot((lon[b] - lon[a]) * kx, (lat[b] - lat[a]) * ky);
      from.push(a, b);
      to.push(b, a);
      road.push(ri, ri);
      len.push(m, m);
    }
  });
  const nEdges = from.length;
  const nNodes = lon.length;
  const outStart = new Int32Array(nNodes + 1);
  for (let e = 0; e < nEdges; e++) outStart[from[e] + 1]++;
  for (let n = 0; n < nNodes; n++) outStart[n + 1] += outStart[n];
  const fill = outStart.slice(0, nNodes);
  const outEdges = new Int32Array(nEdges);
  for (let e = 0; e < nEdges; e++) outEdges[fill[from[e]]++] = e;
  const edgeReverse = new Int32Array(nEdges);
  for (let e = 0; e < nEdges; e++) edgeReverse[e] = e % 2 === 0 ? e + 1 : e - 1;
  return {
    nodeLon: Float64Array.from(lon),
    nodeLat: Float64Array.from(lat),
    edgeFrom: Int32Array.from(from),
    edgeTo: Int32Array.from(to),
    edgeRoad: Int32Array.from(road),
    edgeLenM: Float32Array.from(len),
    edgeReverse,
    outStart,
    outEdges,
  };
}
