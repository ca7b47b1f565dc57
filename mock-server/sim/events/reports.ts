/**
 * Simulated grid-worker reports (网格员上报) and 12345 hotline tickets (12345 工单): about six
 * hundred a day at rate 1, with the city's daily rhythm (quiet at night, peaks mid-morning and
 * mid-afternoon: day-profile.ts; grid workers patrol by day, the hotline answers around the clock),
 * spread over the districts by population, and more of them, and more flooding, fallen trees and
 * rockfall, where it rains (the weather module's storms, rain.ts).
 *
 * Each minute's reports are a pure function of (seed, minute, rain): every hub process running
 * this simulator posts the same reports with the same externalId (`<source>-<seed>-<minute>-<n>`),
 * and the store keeps one event for each.
 */
import type { Report } from '../../../src/hub/contract.ts';
import { activityAt } from '../day-profile.ts';
import { CORE_DISTRICTS, POPULATION } from '../health/places.ts';
import { createRandom, hashSeed, type Random } from '../random.ts';
import { createRainProbe } from './rain.ts';
import { COMMUNITIES, TEMPLATES, describe, type ReportTemplate } from './texts.ts';

const MINUTE = 60_000;
/** Reports a day at rate 1, per source. */
export const DAILY_REPORTS = { grid: 260, hotline: 340 } as const;
export type ReportSource = keyof typeof DAILY_REPORTS;
/** Minutes a late step still catches up (older minutes are skipped: the store dedupes anyway). */
const MAX_CATCH_UP_MIN = 30;

export interface DistrictInfo {
  code: string;
  name: string;
  center: [number, number] | readonly [number, number];
}

export interface SimReport {
  /** When it is posted (within its minute). */
  at: number;
  source: ReportSource;
  report: Report & { externalId: string; level: NonNullable<Report['level']> };
}

/** Busy-ness by source: grid workers are out by day; the hotline is staffed around the clock. */
const SHAPE: Record<ReportSource, (t: number) => number> = {
  grid: (t) => activityAt(t) ** 1.4,
  hotline: (t) => activityAt(t),
};
/** Mean of each shape over a day, so DAILY_REPORTS is what a dry day brings. */
const SHAPE_MEAN: Record<ReportSource, number> = (() => {
  const mean = (f: (t: number) => number) => {
    let s = 0;
    for (let m = 0; m < 1440; m++) s += f(m * MINUTE);
    return s / 1440;
  };
  return { grid: mean(SHAPE.grid), hotline: mean(SHAPE.hotline) };
})();

const BASE_WEIGHTS: Record<ReportSource, Readonly<Record<string, number>>> = {
  grid: { 'city-management': 48, traffic: 12, environment: 14, 'public-safety': 10, 'geological-hazard': 2, 'meteorological-hazard': 1, flooding: 2 },
  hotline: { 'citizen-request': 60, 'city-management': 12, traffic: 9, environment: 10, 'public-safety': 5, flooding: 2, 'geological-hazard': 1, 'meteorological-hazard': 1 },
};
/** Extra weight per unit of rain (rain / 8 mm/h, at most 5) in the district. */
const RAIN_WEIGHTS: Readonly<Record<string, number>> = { flooding: 12, 'geological-hazard': 4, 'meteorological-hazard': 4, traffic: 3 };
/** Rain (mm/h) over which a district counts as rainy for templates and levels. */
const WET_MMH = 2;

const KM_PER_DEG_LON = 96.2;
const KM_PER_DEG_LAT = 110.8;

function poisson(r: Random, lambda: number): number {
  let n = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = r.next();
  while (u > s && n < 100) {
    n += 1;
    p *= lambda / n;
    s += p;
  }
  return n;
}

function pick<T>(r: Random, items: readonly T[], weight: (x: T) => number): T {
  let total = 0;
  for (const x of items) total += weight(x);
  let u = r.next() * total;
  for (const x of items) {
    u -= weight(x);
    if (u < 0) return x;
  }
  return items[items.length - 1];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface ReportContext {
  seed: number;
  districts: readonly DistrictInfo[];
  /** HUB_EVENTS_RATE: 1 is about 600 reports a day. */
  rate: number;
}

/** Expected reports of a source in the minute starting at t, with the districts' rain (mm/h). */
export function expectedPerMinute(ctx: ReportContext, source: ReportSource, t: number, rain: ArrayLike<number>): number {
  let pop = 0;
  let weighted = 0;
  ctx.districts.forEach((d, i) => {
    const p = POPULATION[d.code] ?? 500_000;
    pop += p;
    weighted += p * (1 + Math.min(4, rain[i] / 8));
  });
  const storm = pop > 0 ? weighted / pop : 1;
  return (ctx.rate * DAILY_REPORTS[source] * SHAPE[source](t) * storm) / SHAPE_MEAN[source] / 1440;
}

/** The reports of one minute (pure): `rain[i]` is the rain (mm/h) at district i's centre. */
export function reportsOfMinute(ctx: ReportContext, minute: number, rain: ArrayLike<number>): SimReport[] {
  const out: SimReport[] = [];
  if (!(ctx.rate > 0) || !ctx.districts.length) return out;
  const t = minute * MINUTE;
  const indices = ctx.districts.map((_, i) => i);
  for (const source of ['grid', 'hotline'] as const) {
    const r = createRandom(hashSeed(`reports:${source}:${minute}`, ctx.seed));
    const n = poisson(r, expectedPerMinute(ctx, source, t, rain));
    for (let k = 0; k < n; k++) {
      const di = pick(r, indices, (i) => (POPULATION[ctx.districts[i].code] ?? 500_000) * (1 + Math.min(4, rain[i] / 8)));
      const d = ctx.districts[di];
      const wet = Math.min(5, rain[di] / 8);
      const base = BASE_WEIGHTS[source];
      const category = pick(r, Object.keys(base), (c) => base[c] + (RAIN_WEIGHTS[c] ?? 0) * wet);
      const rainy = rain[di] >= WET_MMH;
      const template: ReportTemplate = pick(r, TEMPLATES[category], (x) => (x.rainy ? (rainy ? 1 + wet : 0.15) : 1));
      const detail = template.details[Math.floor(r.next() * template.details.length)];
      const u = r.next();
      const severe = template.rainy && rain[di] >= 20;
      const level = severe ? (u < 0.55 ? 'blue' : u < 0.88 ? 'yellow' : u < 0.98 ? 'orange' : 'red') : u < 0.78 ? 'blue' : u < 0.975 ? 'yellow' : u < 0.997 ? 'orange' : 'red';
      const core = CORE_DISTRICTS.has(d.code);
      const spreadKm = core ? 2.5 : 5;
      const position: [number, number] = [
        Math.round((d.center[0] + (r.gauss() * spreadKm) / KM_PER_DEG_LON) * 1e5) / 1e5,
        Math.round((d.center[1] + (r.gauss() * spreadKm) / KM_PER_DEG_LAT) * 1e5) / 1e5,
      ];
      const address =
        source === 'grid'
          ? `${d.name}第${pad(1 + Math.floor(r.next() * (core ? 400 : 200)), 3)}网格`
          : `${d.name}${COMMUNITIES[Math.floor(r.next() * COMMUNITIES.length)]}社区`;
      const reporter = source === 'grid' ? `网格员 ${d.code}-${pad(Math.floor(r.next() * 10_000), 4)}（模拟）` : `12345 话务员 ${pad(1 + Math.floor(r.next() * 300), 3)}（模拟）`;
      out.push({
        at: t + Math.floor(r.next() * MINUTE),
        source,
        report: {
          source,
          category,
          level,
          title: template.title,
          description: describe(source, address, detail),
          district: d.code,
          position,
          address,
          reporter,
          externalId: `${source}-${ctx.seed}-${minute}-${k}`,
        },
      });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Every report of the minutes in [from, to): what the sources would have posted meanwhile. A hub's
 * first start posts the hours before it, so a new wall does not open on an empty board.
 */
export function reportsBetween(ctx: ReportContext, from: number, to: number): SimReport[] {
  const probe = createRainProbe(ctx.seed, ctx.districts.map((d) => [d.center[0], d.center[1]] as [number, number]));
  const rain = new Float64Array(ctx.districts.length);
  const out: SimReport[] = [];
  for (let minute = Math.ceil(from / MINUTE); minute < Math.floor(to / MINUTE); minute++) {
    probe(minute * MINUTE + MINUTE / 2, rain);
    out.push(...reportsOfMinute(ctx, minute, rain));
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Posts each minute's reports as the clock passes their times. */
export class ReportSimulator {
  private readonly rainProbe: ReturnType<typeof createRainProbe>;
  private readonly rain: Float64Array;
  private next: number;
  private queue: SimReport[] = [];

  constructor(private readonly ctx: ReportContext & { startTime: number }) {
    this.rainProbe = createRainProbe(ctx.seed, ctx.districts.map((d) => [d.center[0], d.center[1]] as [number, number]));
    this.rain = new Float64Array(ctx.districts.length);
    this.next = Math.floor(ctx.startTime / MINUTE);
  }

  /** Reports whose time has come by `now`, oldest first. */
  step(now: number): SimReport[] {
    const minute = Math.floor(now / MINUTE);
    if (minute - this.next > MAX_CATCH_UP_MIN) {
      this.next = minute - MAX_CATCH_UP_MIN;
      this.queue = [];
    }
    for (; this.next <= minute; this.next++) {
      this.rainProbe(this.next * MINUTE + MINUTE / 2, this.rain);
      for (const r of reportsOfMinute(this.ctx, this.next, this.rain)) this.queue.push(r);
    }
    let due = 0;
    while (due < this.queue.length && this.queue[due].at <= now) due++;
    return due ? this.queue.splice(0, due) : [];
  }
}
