/**
 * Rain over Chongqing as a population of moving cells. Each hour slot spawns its own cells from the
 * seed (a Poisson number, more in the afternoon and in a lesser peak after midnight, the basin's
 * "巴山夜雨" night rain; more and stronger in summer); each cell drifts with the steering flow
 * (30–70 km/h, mostly from the south-west to the north-east), grows and decays over its life. The
 * rain rate anywhere at any time is a pure function of (seed, time, place): no stepping needed,
 * so the hub can replay the past and look ahead for the forecast.
 */
import { createRandom, hashSeed, type Random } from '../random.ts';
import { CONVECTION, clockBump, dayWeather, localDate, localDayIndex, localHour, monthly } from './climate.ts';
import { FRAME_ORIGIN, KM_PER_DEG_LAT, KM_PER_DEG_LON, reliefM, toLonLat } from './relief.ts';

const HOUR = 3_600_000;
/** No cell lives longer than this: cells born earlier are gone. */
export const MAX_LIFE_H = 7;

export interface StormCell {
  id: string;
  bornAt: number;
  lifeMs: number;
  /** Position at birth in the local km frame (origin 107.75 E, 30.2 N; x east, y north). */
  x0: number;
  y0: number;
  /** Velocity, km per hour. */
  vx: number;
  vy: number;
  /** Peak rain rate at the cell centre, mm/h. */
  peakMmh: number;
  /** Semi-axes (one standard deviation) in km, and the major axis' angle from east, radians. */
  sigmaMajorKm: number;
  sigmaMinorKm: number;
  angle: number;
  /** Gust strength of the cell's outflow per sqrt(mm/h): strong in summer thunderstorms. */
  gustiness: number;
  pulsePhase: number;
  /** Offset of the cell's echo texture. */
  textureSeed: number;
}

/** Diurnal birth-rate profile: the afternoon maximum and the night rain of the basin. */
export function diurnalConvection(hour: number): number {
  return 0.45 + 1.15 * clockBump(hour, 15.5, 3.2) + 0.5 * clockBump(hour, 2, 2.6);
}

/** Expected cell births per hour over the domain at time t. */
export function birthRate(seed: number, t: number): number {
  const c = monthly(CONVECTION, localDate(t).dayOfYear);
  const w = dayWeather(seed, localDayIndex(t)).wetness;
  return Math.max(0.35, (0.6 + 2.4 * c) * w * diurnalConvection(localHour(t)));
}

/** Midlife positions cover the municipality and a margin around it (km in the local frame). */
const DOMAIN = { xMin: -285, xMax: 285, yMin: -270, yMax: 270 };

function poisson(r: Random, lambda: number): number {
  let n = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = r.next();
  while (u > s && n < 40) {
    n += 1;
    p *= lambda / n;
    s += p;
  }
  return n;
}

const slotCache = new Map<string, StormCell[]>();

/** The cells born in one hour slot (slot = floor(time / 1 h)). */
export function cellsOfSlot(seed: number, slot: number): StormCell[] {
  const key = `${seed}:${slot}`;
  const hit = slotCache.get(key);
  if (hit) return hit;
  const r = createRandom(hashSeed(`storm-slot:${slot}`, seed));
  const slotStart = slot * HOUR;
  const c = monthly(CONVECTION, localDate(slotStart).dayOfYear);
  const hour = localHour(slotStart + HOUR / 2);
  const afternoon = clockBump(hour, 15.5, 3.5);
  const n = poisson(r, birthRate(seed, slotStart + HOUR / 2));
  const cells: StormCell[] = [];
  for (let i = 0; i < n; i++) {
    const bornAt = slotStart + Math.floor(r.next() * HOUR);
    // Convective cells are short and small; winter rain comes in long, broad, weak bands.
    const lifeH = (2.2 + 3 * (1 - c)) * r.range(0.55, 1.35);
    const towardDeg = 52 + 22 * r.gauss() * 0.8; // mostly toward the north-east
    const speed = Math.min(70, Math.max(30, 46 + 10 * r.gauss()));
    const rad = (towardDeg * Math.PI) / 180;
    const vx = speed * Math.sin(rad);
    const vy = speed * Math.cos(rad);
    // Midlife position: rejection-sampled so afternoon cells favour mountains, night cells the basin.
    let mx = 0;
    let my = 0;
    for (let k = 0; k < 8; k++) {
      mx = r.range(DOMAIN.xMin, DOMAIN.xMax);
      my = r.range(DOMAIN.yMin, DOMAIN.yMax);
      const [lon, lat] = toLonLat(mx, my);
      const relief = Math.min(1, Math.max(0, (reliefM(lon, lat) - 250) / 1100));
      const weight = afternoon * (0.55 + 0.45 * relief) + (1 - afternoon) * (1 - 0.45 * relief);
      if (r.next() < weight) break;
    }
    const half = lifeH / 2;
    const u = r.next();
    const peakMmh = 0.8 + 2.5 * u + c ** 1.5 * (10 + 70 * u ** 2.5);
    const major = (38 - 26 * c) * r.range(0.7, 1.35);
    const aspect = r.range(1, 2.3);
    cells.push({
      id: `${slot}-${i}`,
      bornAt,
      lifeMs: lifeH * HOUR,
      x0: mx - vx * half,
      y0: my - vy * half,
      vx,
      vy,
      peakMmh,
      sigmaMajorKm: major,
      sigmaMinorKm: major / aspect,
      angle: Math.PI / 2 - rad + r.gauss() * 0.5,
      gustiness: meanGustiness(c) * r.range(0.65, 1.35),
      pulsePhase: r.next() * Math.PI * 2,
      textureSeed: r.next() * 1000,
    });
  }
  if (slotCache.size > 2000) slotCache.clear();
  slotCache.set(key, cells);
  return cells;
}

/** Mean gustiness of the season's cells: summer thunderstorms bring the downbursts. */
/** Outflow gust per sqrt(mm/h) of rain at the place, for a cell of gustiness 1 (m/s). */
export const GUST_PER_SQRT_MMH = 2.0;

export const meanGustiness = (convection: number) => 0.35 + 0.75 * convection;

/** Life envelope 0..1: quick growth (first 30 %), slower decay. */
export function lifeEnvelope(f: number): number {
  if (f <= 0 || f >= 1) return 0;
  const s = (x: number) => x * x * (3 - 2 * x);
  return f < 0.3 ? s(f / 0.3) : s((1 - f) / 0.7) ** 1.2;
}

/** A cell as it is at time t: centre (km), intensity at the centre (mm/h); null if not alive. */
export interface LiveCell {
  cell: StormCell;
  cx: number;
  cy: number;
  rateMmh: number;
  cos: number;
  sin: number;
  /** Reach of the cell in km (where its rain falls below 0.05 mm/h). */
  reachKm: number;
}

export function liveCell(cell: StormCell, t: number): LiveCell | null {
  const age = t - cell.bornAt;
  if (age <= 0 || age >= cell.lifeMs) return null;
  const env = lifeEnvelope(age / cell.lifeMs);
  // Multicell storms pulse: new updrafts every twenty-odd minutes.
  const pulse = 1 + 0.15 * Math.sin((2 * Math.PI * age) / (24 * 60_000) + cell.pulsePhase);
  const rateMmh = cell.peakMmh * env * pulse;
  if (rateMmh < 0.05) return null;
  const h = age / HOUR;
  const reachKm = cell.sigmaMajorKm * Math.sqrt(2 * Math.log((1.55 * rateMmh) / 0.05));
  return { cell, cx: cell.x0 + cell.vx * h, cy: cell.y0 + cell.vy * h, rateMmh, cos: Math.cos(cell.angle), sin: Math.sin(cell.angle), reachKm };
}

/** Cells alive at t (cells born in the last MAX_LIFE_H hours). `bornBy` hides cells born later. */
export function liveCells(seed: number, t: number, bornBy = Infinity): LiveCell[] {
  const slot = Math.floor(t / HOUR);
  const out: LiveCell[] = [];
  for (let s = slot - MAX_LIFE_H; s <= slot; s++) {
    for (const cell of cellsOfSlot(seed, s)) {
      if (cell.bornAt > bornBy) continue;
      const live = liveCell(cell, t);
      if (live) out.push(live);
    }
  }
  return out;
}

/** Rain rate of one live cell at a point of the km frame, mm/h. */
export function cellRateAt(c: LiveCell, x: number, y: number): number {
  const dx = x - c.cx;
  const dy = y - c.cy;
  if (Math.abs(dx) > c.reachKm || Math.abs(dy) > c.reachKm) return 0;
  const u = dx * c.cos + dy * c.sin;
  const v = -dx * c.sin + dy * c.cos;
  const q = (u / c.cell.sigmaMajorKm) ** 2 + (v / c.cell.sigmaMinorKm) ** 2;
  if (q > 40) return 0;
  // Echoes are not smooth hills: cores and gaps ride with the cell (texture in the cell's frame).
  const texture = 0.45 + 0.75 * valueNoise(u / 14 + c.cell.textureSeed, v / 14) + 0.35 * valueNoise(u / 5.5, v / 5.5 + c.cell.textureSeed);
  return c.rateMmh * Math.exp(-q / 2) * texture;
}

/** Smooth value noise in [0, 1]: hashed lattice values, smoothstep-interpolated. */
export function valueNoise(x: number, y: number): number {
  const xi = Math.floor(x);
  const yi = Math.floor(y);
  const fx = x - xi;
  const fy = y - yi;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = lattice(xi, yi);
  const b = lattice(xi + 1, yi);
  const c = lattice(xi, yi + 1);
  const d = lattice(xi + 1, yi + 1);
  return (a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy;
}

function lattice(x: number, y: number): number {
  let h = Math.imul(x | 0, 374761393) ^ Math.imul(y | 0, 668265263);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export function rateAt(cells: readonly LiveCell[], x: number, y: number): number {
  let r = 0;
  for (const c of cells) r += cellRateAt(c, x, y);
  return r;
}

/** Outflow gust added by nearby cells at a point, m/s (a thunderstorm's downburst front). */
export function outflowGustAt(cells: readonly LiveCell[], x: number, y: number): number {
  let g = 0;
  for (const c of cells) {
    const rate = cellRateAt(c, x, y);
    if (rate > 5) g = Math.max(g, c.cell.gustiness * GUST_PER_SQRT_MMH * Math.sqrt(rate));
  }
  return g;
}

/** Mean motion of the live cells, weighted by intensity. */
export function meanMotion(cells: readonly LiveCell[]): { towardDeg: number; speedKmh: number } | null {
  let wx = 0;
  let wy = 0;
  let w = 0;
  for (const c of cells) {
    wx += c.cell.vx * c.rateMmh;
    wy += c.cell.vy * c.rateMmh;
    w += c.rateMmh;
  }
  if (w <= 0) return null;
  const vx = wx / w;
  const vy = wy / w;
  const deg = ((Math.atan2(vx, vy) * 180) / Math.PI + 360) % 360;
  return { towardDeg: Math.round(deg * 10) / 10, speedKmh: Math.round(Math.hypot(vx, vy) * 10) / 10 };
}

/**
 * Fills `out` (cols × rows, row-major from the north-west) with the rain rate at each cell centre,
 * touching only the cells within each storm's reach.
 */
export function fillRainGrid(cells: readonly LiveCell[], bbox: readonly [number, number, number, number], cols: number, rows: number, out: Float32Array) {
  out.fill(0);
  const [w, s, e, n] = bbox;
  const dLon = (e - w) / cols;
  const dLat = (n - s) / rows;
  for (const c of cells) {
    const lonC = FRAME_ORIGIN[0] + c.cx / KM_PER_DEG_LON;
    const latC = FRAME_ORIGIN[1] + c.cy / KM_PER_DEG_LAT;
    const rLon = c.reachKm / KM_PER_DEG_LON;
    const rLat = c.reachKm / KM_PER_DEG_LAT;
    const i0 = Math.max(0, Math.floor((lonC - rLon - w) / dLon));
    const i1 = Math.min(cols - 1, Math.ceil((lonC + rLon - w) / dLon));
    const j0 = Math.max(0, Math.floor((n - (latC + rLat)) / dLat));
    const j1 = Math.min(rows - 1, Math.ceil((n - (latC - rLat)) / dLat));
    for (let j = j0; j <= j1; j++) {
      const y = (n - (j + 0.5) * dLat - FRAME_ORIGIN[1]) * KM_PER_DEG_LAT;
      for (let i = i0; i <= i1; i++) {
        const x = (w + (i + 0.5) * dLon - FRAME_ORIGIN[0]) * KM_PER_DEG_LON;
        out[j * cols + i] += cellRateAt(c, x, y);
      }
    }
  }
}
