import {
  HEALTH_TOPICS,
  type HealthCheckpoints,
  type HealthDistrict,
  type HealthDistricts,
  type HealthTrend,
  type HealthTrendPoint,
} from '../../src/hub/topics/health.ts';
import type { SimContext, SimModule } from './sim-module.ts';
import { AlertTracker } from './health/alerts.ts';
import { DEFAULT_CHECKPOINTS, checkpointsAt, createCheckpoints, type CheckpointSite } from './health/checkpoints.ts';
import { HOUR, HealthCodeModel } from './health/codes.ts';

export const HEALTH_DISTRICTS_MS = 5000;
export const HEALTH_CHECKPOINTS_MS = 5000;
export const HEALTH_TREND_MS = 60_000;
export const TREND_BUCKET_MIN = 10;
const TREND_HOURS = 24;
/** Alerts under way when the hub starts began earlier: replay this long before the start. */
const ALERT_WARMUP_MS = 30 * HOUR;

/**
 * The health-code city (渝康码): district code counts with alerts, checkpoints, and the 24-hour
 * trend. Deterministic from the seed and the clock: codes and scans are a function of time, and
 * only the alert episodes (whose start times depend on when they were noticed) carry state.
 */
export class HealthSimulator {
  readonly model: HealthCodeModel;
  readonly sites: CheckpointSite[];
  private alerts = new AlertTracker();
  private last = { districts: -1, checkpoints: -1, trend: -1 };
  private latestValues = new Map<string, unknown>();
  private shares = new Map<string, number>();
  /** Completed trend buckets never change (codes are a function of time): computed once each. */
  private trendCache = new Map<number, HealthTrendPoint>();

  constructor(
    private ctx: Pick<SimContext, 'seed' | 'districts' | 'startTime' | 'env'>,
  ) {
    const props = ctx.districts.features.map((f) => f.properties);
    this.model = new HealthCodeModel(props, ctx.seed);
    const n = Number(ctx.env.HUB_HEALTH_CHECKPOINTS ?? DEFAULT_CHECKPOINTS);
    const total = Number.isFinite(n) ? Math.max(50, Math.min(1000, Math.round(n))) : DEFAULT_CHECKPOINTS;
    this.sites = createCheckpoints(ctx.districts.features, ctx.seed, total);
    for (let t = ctx.startTime - ALERT_WARMUP_MS; t < ctx.startTime; t += 10 * 60_000) this.districtsAt(t);
  }

  step(time: number): Array<[string, unknown]> {
    const out: Array<[string, unknown]> = [];
    const due = (key: keyof HealthSimulator['last'], every: number) => {
      const slot = Math.floor(time / every);
      if (slot === this.last[key]) return false;
      this.last[key] = slot;
      return true;
    };
    if (due('districts', HEALTH_DISTRICTS_MS)) out.push([HEALTH_TOPICS.districts, this.districtsAt(time)]);
    if (due('checkpoints', HEALTH_CHECKPOINTS_MS)) out.push([HEALTH_TOPICS.checkpoints, this.checkpointsAt(time)]);
    if (due('trend', HEALTH_TREND_MS)) out.push([HEALTH_TOPICS.trend, this.trendAt(time)]);
    for (const [topic, data] of out) this.latestValues.set(topic, data);
    return out;
  }

  latest(topic: string): unknown {
    return this.latestValues.get(topic);
  }

  districtsAt(time: number): HealthDistricts {
    const districts: HealthDistrict[] = this.model.districts.map((d) => {
      const c = this.model.codesAt(d, time);
      this.shares.set(d.code, c.nonGreenShare);
      const alert = this.alerts.update(d.code, c.issued ? c.yellow / c.issued : 0, c.red, time);
      return { ...c, nonGreenShare: Math.round(c.nonGreenShare * 1e6) / 1e6, alert };
    });
    const sum = (k: 'issued' | 'green' | 'yellow' | 'red' | 'scannedToday' | 'scansToday') => districts.reduce((s, d) => s + d[k], 0);
    return {
      time,
      districts,
      totals: {
        issued: sum('issued'),
        green: sum('green'),
        yellow: sum('yellow'),
        red: sum('red'),
        scannedToday: sum('scannedToday'),
        scansToday: sum('scansToday'),
        alerts: districts.filter((d) => d.alert).length,
      },
    };
  }

  checkpointsAt(time: number): HealthCheckpoints {
    if (!this.shares.size) this.districtsAt(time);
    return { time, checkpoints: checkpointsAt(this.sites, time, this.ctx.seed, (code) => this.shares.get(code) ?? 0) };
  }

  /** The last 24 hours in 10-minute buckets; the newest bucket runs up to `time`. */
  trendAt(time: number): HealthTrend {
    const bucket = TREND_BUCKET_MIN * 60_000;
    const newest = time - (time % bucket);
    const oldest = newest - TREND_HOURS * HOUR;
    const points: HealthTrendPoint[] = [];
    for (let start = oldest; start <= newest; start += bucket) {
      const end = Math.min(start + bucket, time);
      if (end <= start) continue;
      const complete = end === start + bucket;
      let point = complete ? this.trendCache.get(start) : undefined;
      if (!point) {
        const { yellow, red } = this.model.cityAt(end);
        point = { time: start, yellow, red, scans: this.model.scansBetween(start, end) };
        if (complete) this.trendCache.set(start, point);
      }
      points.push(point);
    }
    for (const key of this.trendCache.keys()) if (key < oldest) this.trendCache.delete(key);
    return { bucketMinutes: TREND_BUCKET_MIN, points };
  }
}

/** Simulator of the health module. */
export const healthSim: SimModule = {
  id: 'health',
  tickMs: 1000,
  create: (ctx) => new HealthSimulator(ctx),
};
