/**
 * Simulated sensor readings at the monitored sites (sites.ts), one per site every few seconds,
 * driven by the weather module's storms (rain.ts):
 * - river gauges: the stage follows the season (the Three Gorges reservoir holds the main city's
 *   reach high in winter and is drawn down for the flood season), pulses from far upstream, and
 *   the rain over the upper Yangtze and Jialing basins routed through three linear reservoirs, so a
 *   heavy rain day lifts the rivers over the following hours and the water falls back over a day or
 *   two;
 * - low points: water collects within minutes once the rain outruns the drains and drains away in
 *   half an hour to an hour after it;
 * - dangerous rocks: cumulative displacement since the last survey creeps, faster after days of
 *   rain, and jumps during downpours; a survey re-baselines it (monthly, or after a rock has stood
 *   above 20 mm for a day and a half: remediation).
 * Physics runs on a fixed one-minute grid of epoch time (the same grid in every hub process), from
 * two days before the start so rivers and rocks begin where the past weather left them; readings
 * interpolate it and add instrument noise hashed from the time, so a seed and a clock give the
 * same readings. Values are simulated and illustrative (river stages: see sites.ts).
 */
import type { Metric, Place, Reading } from '../../../src/hub/contract.ts';
import { CONVECTION, localDate, monthly } from '../weather/climate.ts';
import { createRainProbe } from './rain.ts';
import { DANGEROUS_ROCKS, LOW_POINTS, RIVER_GAUGES, placeOf, type DangerousRock, type LowPoint, type RiverGauge } from './sites.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The physics step. */
export const PHYSICS_STEP_MS = MINUTE;
/** One reading per site this often (sim time). */
export const READING_INTERVAL_MS = 5000;
/** Physics starts this long before the first step. */
export const WARMUP_MS = 2 * DAY;

/** Rain sample points of the two basins above the main city (inside the storm model's domain). */
const UPPER_YANGTZE: ReadonlyArray<[number, number]> = [
  [106.2, 29.1], [105.9, 29.3], [105.6, 29.0], [105.4, 28.85], [105.7, 29.45], [106.05, 28.8], [105.2, 29.2], [105.0, 28.9],
];
const JIALING: ReadonlyArray<[number, number]> = [
  [106.3, 30.1], [106.1, 30.45], [105.9, 30.8], [106.3, 30.9], [105.75, 30.2], [106.6, 30.5], [106.0, 31.2], [105.6, 31.0],
];

/** Cuntan's usual stage by month on the common datum (m): reservoir backwater in winter, drawn down in summer. */
const BASE_STAGE = [172.3, 171.8, 170.4, 167.6, 165.8, 166.2, 168.6, 168.2, 167.4, 169.8, 172, 172.6] as const;
/** Time constants of the basins' linear reservoirs in series, hours: the city sees the rain half a day later. */
const TAUS_H = [3, 5, 8] as const;
/** Stage rise (m) for a routed runoff of 1 mm/h over the basin, and the curve of the rating. */
const RISE_PER_RUNOFF = 15;
const RISE_EXPONENT = 0.85;
/** Depth at a low point never exceeds this (cm): the water spills elsewhere. */
const MAX_DEPTH_CM = 120;
/** Share of the drains' spare capacity that empties a pond. */
const DRAIN_SHARE = 0.8;
/** A rock above this (mm) for REMEDIATION_MS is surveyed again (re-baselined). */
const REMEDIATION_MM = 20;
const REMEDIATION_MS = 36 * HOUR;
const SURVEY_EVERY_MS = 60 * DAY;

/** A uniform number in [0, 1) from the seed and two integers (no allocation). */
export function unitHash(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a | 0, 0xc2b2ae35) ^ Math.imul(b | 0, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

const round = (x: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
};

interface Basin {
  /** Water held in each reservoir, mm over the basin. */
  stores: Float64Array;
  rise: number;
}

export interface SensorSnapshot {
  id: string;
  metric: Metric;
  /** The physical value at the latest physics step (no instrument noise). */
  value: number;
  /** Rain at the site (mm/h) in the latest physics step. */
  rainMmh: number;
}

export class SensorSimulator {
  readonly places: Place[];
  private readonly gauges: readonly RiverGauge[];
  private readonly rocks: readonly DangerousRock[];
  private readonly lows: readonly LowPoint[];
  private readonly siteRain: ReturnType<typeof createRainProbe>;
  private readonly basinRain: ReturnType<typeof createRainProbe>;
  private readonly siteRates: Float64Array;
  private readonly basinRates: Float64Array;
  private readonly upper: Basin = { stores: new Float64Array(TAUS_H.length), rise: 0 };
  private readonly jialing: Basin = { stores: new Float64Array(TAUS_H.length), rise: 0 };
  /** Physical values per site (gauges, then rocks, then low points), before and after the latest step. */
  private readonly prev: Float64Array;
  private readonly cur: Float64Array;
  private readonly metrics: Metric[];
  /** Per rock: cumulative displacement (mm), rain of about the last day (mm), above-remediation since. */
  private readonly displacement: Float64Array;
  private readonly rain24: Float64Array;
  private readonly highSince: Float64Array;
  private readonly depth: Float64Array;
  private readonly phases: Float64Array;
  /** Time of the latest physics step (a multiple of PHYSICS_STEP_MS). */
  private physicsAt: number;
  private lastTick = -Infinity;

  constructor(
    private readonly opts: {
      seed: number;
      startTime: number;
      gauges?: readonly RiverGauge[];
      rocks?: readonly DangerousRock[];
      lowPoints?: readonly LowPoint[];
      /** Rain (mm/h) at a point and time, instead of the weather module's storms (tests). */
      rainOf?: (lon: number, lat: number, t: number) => number;
    },
  ) {
    this.gauges = opts.gauges ?? RIVER_GAUGES;
    this.rocks = opts.rocks ?? DANGEROUS_ROCKS;
    this.lows = opts.lowPoints ?? LOW_POINTS;
    const sites = [...this.gauges, ...this.rocks, ...this.lows];
    this.places = sites.map(placeOf);
    this.metrics = sites.map((s) => (s.kind === 'river-gauge' ? 'river-level' : s.kind === 'dangerous-rock' ? 'displacement' : 'waterlogging'));
    const probe = (points: ReadonlyArray<readonly [number, number]>) => {
      const rainOf = opts.rainOf;
      if (!rainOf) return createRainProbe(opts.seed, points);
      return (t: number, out: Float64Array) => {
        points.forEach(([lon, lat], i) => (out[i] = rainOf(lon, lat, t)));
        return out;
      };
    };
    this.siteRain = probe(sites.map((s) => s.position));
    this.basinRain = probe([...UPPER_YANGTZE, ...JIALING]);
    this.siteRates = new Float64Array(sites.length);
    this.basinRates = new Float64Array(UPPER_YANGTZE.length + JIALING.length);
    this.prev = new Float64Array(sites.length);
    this.cur = new Float64Array(sites.length);
    this.displacement = new Float64Array(this.rocks.length);
    this.rain24 = new Float64Array(this.rocks.length);
    this.highSince = new Float64Array(this.rocks.length).fill(NaN);
    this.depth = new Float64Array(this.lows.length);
    this.phases = Float64Array.from({ length: 4 }, (_, i) => unitHash(opts.seed, 0x51ab, i) * Math.PI * 2);
    const begin = Math.floor((opts.startTime - WARMUP_MS) / PHYSICS_STEP_MS) * PHYSICS_STEP_MS;
    // Each rock is somewhere in its survey cycle: the creep since the last survey.
    this.rocks.forEach((rock, i) => {
      const sinceSurvey = this.sinceSurvey(i, begin);
      this.displacement[i] = rock.creepMmPerDay * (sinceSurvey / DAY) * (1.5 + 2 * unitHash(opts.seed, 0x70c, i));
    });
    this.physicsAt = begin;
    this.compute(begin);
    this.cur.forEach((v, i) => (this.prev[i] = v));
    this.advance(opts.startTime);
  }

  /** Readings of every site at the latest reading tick up to `now`; none when no tick passed since the last call. */
  step(now: number): Reading[] {
    const tick = Math.floor(now / READING_INTERVAL_MS) * READING_INTERVAL_MS;
    if (tick <= this.lastTick) return [];
    this.lastTick = tick;
    // A long pause (a suspended machine) is not replayed minute by minute.
    if (tick - this.physicsAt > WARMUP_MS) this.physicsAt = Math.floor((tick - WARMUP_MS) / PHYSICS_STEP_MS) * PHYSICS_STEP_MS;
    this.advance(tick);
    const f = 1 - (this.physicsAt - tick) / PHYSICS_STEP_MS;
    const out: Reading[] = [];
    for (let i = 0; i < this.places.length; i++) {
      const metric = this.metrics[i];
      const v = this.prev[i] + (this.cur[i] - this.prev[i]) * f;
      const n = unitHash(this.opts.seed, i, tick / READING_INTERVAL_MS) - 0.5;
      let value: number;
      if (metric === 'river-level') value = round(v + 0.04 * n, 2);
      else if (metric === 'displacement') value = round(Math.max(0, v + 0.3 * n), 2);
      else value = v < 0.5 ? 0 : round(Math.max(0, v + 0.6 * n), 1);
      out.push({ metric, place: this.places[i], value, time: tick });
    }
    return out;
  }

  /** The physical values now (tests and diagnostics). */
  snapshot(): SensorSnapshot[] {
    return this.places.map((p, i) => ({ id: p.id, metric: this.metrics[i], value: this.cur[i], rainMmh: this.siteRates[i] }));
  }

  private sinceSurvey(rock: number, t: number): number {
    const phase = unitHash(this.opts.seed, 0x5e7, rock) * SURVEY_EVERY_MS;
    return (((t - phase) % SURVEY_EVERY_MS) + SURVEY_EVERY_MS) % SURVEY_EVERY_MS;
  }

  /** Physics up to the first grid time at or after t. */
  private advance(t: number) {
    while (this.physicsAt < t) {
      const next = this.physicsAt + PHYSICS_STEP_MS;
      this.cur.forEach((v, i) => (this.prev[i] = v));
      this.integrate(next, PHYSICS_STEP_MS / HOUR);
      this.physicsAt = next;
      this.compute(next);
    }
  }

  private integrate(t: number, dtH: number) {
    this.siteRain(t, this.siteRates);
    this.basinRain(t, this.basinRates);
    const nu = UPPER_YANGTZE.length;
    let ru = 0;
    let rj = 0;
    for (let i = 0; i < nu; i++) ru += this.basinRates[i];
    for (let i = nu; i < this.basinRates.length; i++) rj += this.basinRates[i];
    routeBasin(this.upper, ru / nu, dtH);
    routeBasin(this.jialing, rj / (this.basinRates.length - nu), dtH);

    const rockBase = this.gauges.length;
    this.rocks.forEach((rock, i) => {
      const rain = this.siteRates[rockBase + i];
      this.rain24[i] += (rain - this.rain24[i] / 24) * dtH;
      const wet = Math.min(6, this.rain24[i] / 25);
      let d = this.displacement[i] + rock.creepMmPerDay * (1 + 2 * rock.rainSensitivity * wet) * (dtH / 24);
      // Downpours loosen the rock: now and then it moves by a millimetre or a few at once.
      if (rain > 12) {
        const chance = 0.5 * rock.rainSensitivity * (rain / 30) * dtH;
        const u = unitHash(this.opts.seed, 0x1000 + i, t / PHYSICS_STEP_MS);
        if (u < chance) d += 0.5 + 4.5 * (u / chance) ** 2;
      }
      if (d >= REMEDIATION_MM) {
        if (this.highSince[i] !== this.highSince[i]) this.highSince[i] = t;
      } else this.highSince[i] = NaN;
      const surveyed = this.sinceSurvey(i, t) < PHYSICS_STEP_MS || t - this.highSince[i] >= REMEDIATION_MS;
      if (surveyed) {
        d = 0.2 * unitHash(this.opts.seed, 0x2000 + i, t / PHYSICS_STEP_MS);
        this.highSince[i] = NaN;
      }
      this.displacement[i] = d;
    });

    const lowBase = rockBase + this.rocks.length;
    this.lows.forEach((low, i) => {
      const rain = this.siteRates[lowBase + i];
      const rateCmH = (rain - low.drainMmh) * (low.catchment / 10);
      const dd = rateCmH > 0 ? rateCmH : this.depth[i] > 0 ? DRAIN_SHARE * rateCmH : 0;
      this.depth[i] = Math.min(MAX_DEPTH_CM, Math.max(0, this.depth[i] + dd * dtH));
    });
  }

  /** Physical values at grid time t from the state. */
  private compute(t: number) {
    const { dayOfYear } = localDate(t);
    const base = monthly(BASE_STAGE, dayOfYear);
    const season = monthly(CONVECTION, dayOfYear);
    const [p1, p2, p3] = this.phases;
    // Floods from far upstream (Sichuan), beyond the storms simulated here: slow, larger in summer.
    const upstream = season * (2.2 * Math.max(0, Math.sin((2 * Math.PI * t) / (4.3 * DAY) + p1)) ** 2 + 1.6 * Math.max(0, Math.sin((2 * Math.PI * t) / (9.7 * DAY) + p2)) ** 3);
    // The reservoir's daily regulation ripples up to the city.
    const daily = 0.25 * Math.sin((2 * Math.PI * t) / DAY + p3);
    // With the reservoir high (winter) the stage at the city hardly answers the flow: backwater.
    const answer = 0.25 + 0.75 * season;
    this.gauges.forEach((g, i) => {
      this.cur[i] = base + g.offset + upstream + daily + answer * (g.upperYangtze * this.upper.rise + g.jialing * this.jialing.rise);
    });
    const rockBase = this.gauges.length;
    for (let i = 0; i < this.rocks.length; i++) this.cur[rockBase + i] = this.displacement[i];
    const lowBase = rockBase + this.rocks.length;
    for (let i = 0; i < this.lows.length; i++) this.cur[lowBase + i] = this.depth[i];
  }
}

/** Linear reservoirs in series: basin rain (mm/h) in, the stage rise it causes at the city out. */
function routeBasin(b: Basin, rainMmh: number, dtH: number) {
  let inflow = rainMmh;
  for (let i = 0; i < TAUS_H.length; i++) {
    const q = b.stores[i] / TAUS_H[i];
    b.stores[i] += (inflow - q) * dtH;
    inflow = q;
  }
  const last = TAUS_H.length - 1;
  b.rise = RISE_PER_RUNOFF * Math.max(0, b.stores[last] / TAUS_H[last]) ** RISE_EXPONENT;
}
