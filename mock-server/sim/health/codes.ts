/**
 * The health-code model: for any district and any moment, how many people hold green, yellow and
 * red codes, and how many were scanned today. A pure function of (seed, time): the 24-hour trend is
 * the same function evaluated in the past, so history and present always agree.
 *
 * Yellow codes have a low background that drifts slowly; on top of it, local outbreak clusters
 * (one now and then, in one district and often a neighbour) raise yellow and red for half a day
 * and clear again. Red codes are rare outside clusters.
 */
import type { DistrictProperties } from '../../../src/hub/contract.ts';
import { activityAt, msSinceLocalMidnight } from '../day-profile.ts';
import { createRandom, hashSeed } from '../random.ts';
import { CORE_DISTRICTS, YUZHONG, distanceKm, populationOf } from './places.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 渝康码 went live in February 2020: issued codes grow slowly from then. */
const LAUNCH = Date.UTC(2020, 1, 16);
/** Outbreaks are drawn per slot: at most one starts in each. */
export const OUTBREAK_SLOT_MS = 6 * HOUR;
const OUTBREAK_CHANCE = 0.6;
/** Longest outbreak (rise + plateau + decay), so a moment needs only the last few slots. */
const OUTBREAK_MAX_MS = 22 * HOUR;

export interface DistrictModel {
  code: string;
  name: string;
  center: [number, number];
  population: number;
  core: boolean;
  /** Share of residents with a code. */
  coverage: number;
  /** Background yellow share (drifts ±30 % around it). */
  baseYellow: number;
  /** Background red codes per 100 000 people. */
  baseRedPer1e5: number;
  /** Scans per resident per day. */
  scansPerPerson: number;
  /** Share of residents scanned at least once on a day. */
  reach: number;
  /** Periods (ms) and phases of the slow drift. */
  drift: [number, number, number, number];
  /** Nearest districts by centre distance, nearest first. */
  neighbours: string[];
}

export interface Outbreak {
  id: number;
  start: number;
  rise: number;
  plateau: number;
  decay: number;
  /** Epicentre first (factor 1), then possibly one neighbour with a smaller factor. */
  districts: { code: string; factor: number }[];
  /** Extra yellow share at the peak, in the epicentre. */
  peakYellow: number;
  /** Extra red codes per 100 000 people at the peak, in the epicentre. */
  peakRedPer1e5: number;
}

export interface DistrictCodes {
  code: string;
  issued: number;
  green: number;
  yellow: number;
  red: number;
  nonGreenShare: number;
  scannedToday: number;
  scansToday: number;
}

/** Cumulative share of a day's activity by local minute (0 at midnight, 1 at the next). */
const CUMULATIVE = (() => {
  const c = new Float64Array(1441);
  for (let m = 1; m <= 1440; m++) c[m] = c[m - 1] + activityAt((m - 0.5) * 60_000 - 8 * HOUR);
  for (let m = 0; m <= 1440; m++) c[m] /= c[1440];
  return c;
})();

/** Share of the day's scans done by `msInDay` after local midnight. */
export function dayFraction(msInDay: number): number {
  const m = Math.max(0, Math.min(1440, msInDay / 60_000));
  const i = Math.min(1439, Math.floor(m));
  return CUMULATIVE[i] + (CUMULATIVE[i + 1] - CUMULATIVE[i]) * (m - i);
}

/** Local (UTC+8) day number since the epoch. */
export const localDay = (t: number) => Math.floor((t + 8 * HOUR) / DAY);

const smoothstep = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

export function outbreakIntensity(o: Outbreak, t: number): number {
  const dt = t - o.start;
  if (dt <= 0) return 0;
  if (dt < o.rise) return smoothstep(dt / o.rise);
  if (dt < o.rise + o.plateau) return 1;
  const d = dt - o.rise - o.plateau;
  return d < o.decay ? 1 - smoothstep(d / o.decay) : 0;
}

export const outbreakEnd = (o: Outbreak) => o.start + o.rise + o.plateau + o.decay;

export class HealthCodeModel {
  readonly districts: DistrictModel[];
  private byCode: Map<string, DistrictModel>;
  private outbreakCache = new Map<number, Outbreak | null>();

  constructor(
    props: DistrictProperties[],
    private seed: number,
  ) {
    this.districts = props.map((p) => {
      const rng = createRandom(hashSeed(`health:${p.code}`, seed));
      const core = CORE_DISTRICTS.has(p.code);
      const hours = (lo: number, hi: number) => rng.range(lo, hi) * HOUR;
      return {
        code: p.code,
        name: p.name,
        center: [p.center[0], p.center[1]] as [number, number],
        population: populationOf(p.code, p.areaKm2),
        core,
        // Migrant workers and visitors hold codes too: the core issues more than it has residents.
        coverage: core ? rng.range(1.0, 1.08) : rng.range(0.9, 0.98),
        baseYellow: 0.0012 + 0.0022 * rng.next(),
        baseRedPer1e5: 0.1 + 0.5 * rng.next(),
        scansPerPerson: core ? rng.range(1.8, 2.4) : rng.range(1.3, 1.7),
        reach: core ? rng.range(0.6, 0.72) : rng.range(0.45, 0.6),
        drift: [hours(17, 31), hours(5, 9), rng.range(0, 2 * Math.PI), rng.range(0, 2 * Math.PI)],
        neighbours: [],
      };
    });
    for (const d of this.districts) {
      d.neighbours = this.districts
        .filter((o) => o !== d)
        .sort((a, b) => distanceKm(a.center, d.center) - distanceKm(b.center, d.center))
        .slice(0, 3)
        .map((o) => o.code);
    }
    this.byCode = new Map(this.districts.map((d) => [d.code, d]));
  }

  district(code: string) {
    return this.byCode.get(code);
  }

  /** The outbreak drawn for slot `k` (or none): the same for a seed whenever it is asked. */
  outbreakInSlot(k: number): Outbreak | null {
    const cached = this.outbreakCache.get(k);
    if (cached !== undefined) return cached;
    const rng = createRandom(hashSeed(`outbreak:${k}`, this.seed));
    let outbreak: Outbreak | null = null;
    if (rng.next() < OUTBREAK_CHANCE) {
      // The epicentre is drawn by population; the dense core a little more often.
      const weights = this.districts.map((d) => d.population * (d.core ? 1.4 : 1));
      let pick = rng.next() * weights.reduce((s, w) => s + w, 0);
      let epi = this.districts[0];
      for (let i = 0; i < weights.length; i++) {
        pick -= weights[i];
        if (pick <= 0) {
          epi = this.districts[i];
          break;
        }
      }
      const districts = [{ code: epi.code, factor: 1 }];
      if (rng.next() < 0.6) districts.push({ code: epi.neighbours[rng.int(0, epi.neighbours.length - 1)], factor: rng.range(0.35, 0.7) });
      const r = rng.next();
      outbreak = {
        id: k,
        start: k * OUTBREAK_SLOT_MS + rng.next() * OUTBREAK_SLOT_MS,
        rise: rng.range(2, 4) * HOUR,
        plateau: rng.range(2, 8) * HOUR,
        decay: rng.range(5, 10) * HOUR,
        districts,
        peakYellow: 0.006 + 0.028 * r * r,
        peakRedPer1e5: 1 + 14 * r * rng.next(),
      };
    }
    if (this.outbreakCache.size > 64) this.outbreakCache.clear();
    this.outbreakCache.set(k, outbreak);
    return outbreak;
  }

  /** Outbreaks that have started and not yet cleared at `t`. */
  outbreaksAt(t: number): Outbreak[] {
    const last = Math.floor(t / OUTBREAK_SLOT_MS);
    const first = Math.floor((t - OUTBREAK_MAX_MS) / OUTBREAK_SLOT_MS);
    const out: Outbreak[] = [];
    for (let k = first; k <= last; k++) {
      const o = this.outbreakInSlot(k);
      if (o && t > o.start && t < outbreakEnd(o)) out.push(o);
    }
    return out;
  }

  /** Extra (yellow share, red per 100 000) that outbreaks add to a district at `t`. */
  private outbreakLoad(code: string, t: number): [number, number] {
    let yellow = 0;
    let red = 0;
    for (const o of this.outbreaksAt(t)) {
      const hit = o.districts.find((d) => d.code === code);
      if (!hit) continue;
      const k = outbreakIntensity(o, t) * hit.factor;
      yellow += o.peakYellow * k;
      // Red codes follow confirmed cases: they lag the yellow wave by about an hour.
      red += o.peakRedPer1e5 * outbreakIntensity(o, t - HOUR) * hit.factor;
    }
    return [yellow, red];
  }

  codesAt(d: DistrictModel, t: number): DistrictCodes {
    const [p1, p2, f1, f2] = d.drift;
    const drift = 0.6 * Math.sin((2 * Math.PI * t) / p1 + f1) + 0.4 * Math.sin((2 * Math.PI * t) / p2 + f2);
    const [extraYellow, extraRed] = this.outbreakLoad(d.code, t);
    const issued = Math.round(d.population * d.coverage * (1 + (0.012 * Math.max(0, t - LAUNCH)) / (365 * DAY)));
    const yellow = Math.round(issued * (d.baseYellow * (1 + 0.3 * drift) + extraYellow));
    const red = Math.round((issued / 1e5) * (d.baseRedPer1e5 * (1 + 0.4 * drift) + extraRed));
    const green = issued - yellow - red;
    const { scansToday, scannedToday } = this.scansAt(d, t);
    return { code: d.code, issued, green, yellow, red, nonGreenShare: issued ? (yellow + red) / issued : 0, scannedToday, scansToday };
  }

  /** Day-to-day variation: weekends are quieter, and no two days are alike. */
  dayFactor(d: DistrictModel, day: number): number {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const weekend = weekday === 0 || weekday === 6 ? 0.9 : 1;
    return weekend * (1 + 0.05 * createRandom(hashSeed(`day:${d.code}:${day}`, this.seed)).gauss());
  }

  /** Scans of `d` from local midnight of the day `day` up to `msInDay` into it. */
  scansInDay(d: DistrictModel, day: number, msInDay: number): number {
    return d.population * d.scansPerPerson * this.dayFactor(d, day) * dayFraction(msInDay);
  }

  scansAt(d: DistrictModel, t: number) {
    const frac = dayFraction(msSinceLocalMidnight(t));
    const day = localDay(t);
    const scans = this.scansInDay(d, day, msSinceLocalMidnight(t));
    // Distinct people saturate: the first scans of the day reach new people, later ones repeat.
    const k = 1.5;
    const people = d.population * d.reach * this.dayFactor(d, day) * ((1 - Math.exp(-k * frac)) / (1 - Math.exp(-k)));
    return { scansToday: Math.round(scans), scannedToday: Math.min(Math.round(people), Math.round(scans)) };
  }

  /** City scans in [from, to) (within one local day or across midnight). */
  scansBetween(from: number, to: number): number {
    let total = 0;
    const dayA = localDay(from);
    const dayB = localDay(to - 1);
    const msA = msSinceLocalMidnight(from);
    const msB = to - (dayB * DAY - 8 * HOUR);
    for (const d of this.districts) {
      if (dayA === dayB) total += this.scansInDay(d, dayA, msB) - this.scansInDay(d, dayA, msA);
      else total += this.scansInDay(d, dayA, DAY) - this.scansInDay(d, dayA, msA) + this.scansInDay(d, dayB, msB);
    }
    return Math.max(0, Math.round(total));
  }

  cityAt(t: number) {
    let yellow = 0;
    let red = 0;
    for (const d of this.districts) {
      const c = this.codesAt(d, t);
      yellow += c.yellow;
      red += c.red;
    }
    return { yellow, red };
  }
}

/** How far a district is from the city centre, in km (for placing things denser in the core). */
export const kmFromCentre = (p: readonly number[]) => distanceKm(p, YUZHONG);
