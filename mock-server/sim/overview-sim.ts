import type { DistrictFigures, DistrictProperties, Overview, SeriesPoint } from '../../src/hub/contract.ts';
import { OVERVIEW_TOPIC } from '../../src/hub/topics/overview.ts';
import type { SimModule } from './sim-module.ts';
import { activityAt, msSinceLocalMidnight } from './day-profile.ts';
import { createRandom, hashSeed, type Random } from './random.ts';

/** Public figures about Chongqing's smart-city hub, the simulation's starting point. */
export const PUBLIC_FIGURES = {
  systemsPlanned: 120,
  systemsConnected: 42,
  departmentsConnected: 21,
  scenarios: 17,
  dataCallsTotal: 8_670_000_000,
  cloudSystems: 1942,
  cloudRate: 0.857,
  govServiceUsers: 12_000_000,
  licenceCategories: 12,
  povertyPlatformUsers: 270_000,
  povertyPlatformUses: 35_200_000,
  povertyDailyActive: 50_000,
  basestations5g: 1300,
} as const;

/** Peak data-sharing calls per minute across the city. */
const PEAK_CALLS_PER_MINUTE = 24_000;
const HISTORY_BUCKET_MS = 5 * 60_000;
const YUZHONG: [number, number] = [106.57, 29.56];

interface DistrictState {
  code: string;
  weight: number;
  rng: Random;
  dataCallsToday: number;
  openEvents: number;
  devicesOnline: number;
}

/** Share of city activity: the urban core around Yuzhong dominates, outer counties weigh by area. */
function districtWeight(d: DistrictProperties): number {
  const dx = (d.center[0] - YUZHONG[0]) * 97; // km per degree of longitude at 29.5° N
  const dy = (d.center[1] - YUZHONG[1]) * 111;
  const km = Math.hypot(dx, dy);
  return 0.3 + 3 * Math.exp(-km / 25) + d.areaKm2 / 4000;
}

/**
 * Deterministic from its seed: the same seed and the same clock give the same figures.
 * Figures with "today" in the name reset at local midnight (UTC+8).
 */
export class OverviewSimulator {
  private rng: Random;
  private districts: DistrictState[];
  private totalWeight: number;
  private state!: Omit<Overview, 'districts' | 'time'>;
  private lastTime = 0;
  private history: SeriesPoint[] = [];
  seq = 0;

  constructor(districts: DistrictProperties[], seed: number, startTime: number) {
    this.rng = createRandom(hashSeed('overview', seed));
    this.districts = districts.map((d) => ({
      code: d.code,
      weight: districtWeight(d),
      rng: createRandom(hashSeed(d.code, seed)),
      dataCallsToday: 0,
      openEvents: 0,
      devicesOnline: 0,
    }));
    this.totalWeight = this.districts.reduce((s, d) => s + d.weight, 0);
    this.reset(startTime);
  }

  /** Replays today from local midnight in one-minute steps, so a fresh hub shows a full day. */
  private reset(startTime: number) {
    const midnight = startTime - msSinceLocalMidnight(startTime);
    this.state = {
      ...PUBLIC_FIGURES,
      dataCallsPerMinute: 0,
      govMattersToday: 0,
      povertyDailyActive: 0,
    };
    for (const d of this.districts) d.dataCallsToday = 0;
    this.history = [];
    this.lastTime = midnight;
    for (let t = midnight + 60_000; t <= startTime; t += 60_000) this.advance(t);
    this.advance(startTime);
  }

  private advance(time: number) {
    const dtMin = Math.max(0, (time - this.lastTime) / 60_000);
    if (msSinceLocalMidnight(time) < msSinceLocalMidnight(this.lastTime)) {
      // Crossed midnight: "today" counters start again.
      this.state.govMattersToday = 0;
      this.state.povertyDailyActive = 0;
      for (const d of this.districts) d.dataCallsToday = 0;
    }
    this.lastTime = time;
    const activity = activityAt(time);
    const s = this.state;
    const perMinute = Math.round(PEAK_CALLS_PER_MINUTE * activity * (1 + 0.04 * this.rng.gauss()));
    s.dataCallsPerMinute = Math.max(0, perMinute);
    const calls = s.dataCallsPerMinute * dtMin;
    // Counters accumulate fractions: at one tick a second, per-tick increments are often below 1.
    s.dataCallsTotal += calls;
    s.govMattersToday += Math.max(0, 95 * activity * dtMin * (1 + 0.1 * this.rng.gauss()));
    s.govServiceUsers += 14 * activity * dtMin * this.rng.next();
    s.povertyPlatformUses += 45 * activity * dtMin * this.rng.next();
    const dailyTarget = PUBLIC_FIGURES.povertyDailyActive * (msSinceLocalMidnight(time) / 86_400_000) ** 0.7;
    s.povertyDailyActive = Math.max(s.povertyDailyActive, Math.round(dailyTarget * (1 + 0.02 * this.rng.gauss())));
    // Rare, slow changes: a system moves to the cloud now and then.
    if (this.rng.next() < 0.0005 * dtMin) s.cloudSystems += 1;
    s.cloudRate = Math.min(0.999, s.cloudSystems / (PUBLIC_FIGURES.cloudSystems / PUBLIC_FIGURES.cloudRate));

    for (const d of this.districts) {
      const share = d.weight / this.totalWeight;
      d.dataCallsToday += Math.max(0, calls * share * (1 + 0.1 * d.rng.gauss()));
      const eventTarget = 60 * share * this.districts.length * (0.3 + activity);
      d.openEvents = Math.max(0, Math.round(d.openEvents + (eventTarget - d.openEvents) * 0.1 + d.rng.gauss()));
      d.devicesOnline = Math.round(share * 260_000 * (0.97 + 0.01 * d.rng.gauss()));
    }

    const bucket = time - (time % HISTORY_BUCKET_MS);
    const last = this.history[this.history.length - 1];
    if (last && last[0] === bucket) last[1] = s.dataCallsPerMinute;
    else this.history.push([bucket, s.dataCallsPerMinute]);
    if (this.history.length > 288) this.history.splice(0, this.history.length - 288);
  }

  /** Move the simulation to `time` and return the figures, stamped with the next sequence number. */
  step(time: number): Overview {
    this.advance(time);
    this.seq += 1;
    return this.current();
  }

  current(): Overview {
    const districts: DistrictFigures[] = this.districts.map((d) => ({
      code: d.code,
      dataCallsToday: Math.floor(d.dataCallsToday),
      openEvents: d.openEvents,
      devicesOnline: d.devicesOnline,
    }));
    const s = this.state;
    return {
      ...s,
      dataCallsTotal: Math.floor(s.dataCallsTotal),
      govMattersToday: Math.floor(s.govMattersToday),
      govServiceUsers: Math.floor(s.govServiceUsers),
      povertyPlatformUses: Math.floor(s.povertyPlatformUses),
      time: this.lastTime,
      districts,
    };
  }

  dataCallsHistory(): SeriesPoint[] {
    return this.history.map((p) => [p[0], p[1]] as SeriesPoint);
  }
}

/** The overview as a simulator module of the topic engine: topic `overview`, stepped every `tickMs`. */
export function overviewSimModule(tickMs: number): SimModule {
  return {
    id: 'overview',
    tickMs,
    create(ctx) {
      const sim = new OverviewSimulator(ctx.districtProps, ctx.seed, ctx.startTime);
      return {
        step: (time) => [[OVERVIEW_TOPIC, sim.step(time)]],
        latest: (topic) => (topic === OVERVIEW_TOPIC ? sim.current() : undefined),
        history: (topic) => (topic === OVERVIEW_TOPIC ? sim.dataCallsHistory() : undefined),
      };
    },
  };
}
