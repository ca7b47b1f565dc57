/**
 * Congestion on every road: demand follows the working day (rush hours 7:30–9:30 and 17:30–19:30
 * local time on weekdays, later and flatter at weekends), is higher near the core and on bridges,
 * drifts per road (a mean-reverting random walk), and jumps where an incident blocks a lane.
 * The index is on the 0–10 scale of Chinese traffic indices; speed falls as the index rises.
 */
import type { Incident, Road, RoadClass, RoadRef } from '../../../src/hub/topics/traffic.ts';
import { TRAFFIC_LIMITS } from '../../../src/hub/topics/traffic.ts';
import { createRandom, hashSeed, type Random } from '../random.ts';

const HOUR = 3_600_000;

/** Free-flow speeds of the urban network, km/h. */
export const FREE_SPEED_KMH: Record<RoadClass, number> = { expressway: 72, arterial: 48, local: 32 };
/** How much a class counts in the city index (main roads carry most trips). */
const CLASS_WEIGHT: Record<RoadClass, number> = { expressway: 2, arterial: 1.5, local: 1 };
const CLASS_LOAD: Record<RoadClass, number> = { expressway: 1.0, arterial: 1.0, local: 0.86 };

const localHour = (t: number) => (((t / HOUR + 8) % 24) + 24) % 24;
/** Day of week in Chongqing (0 Sunday … 6 Saturday). */
export const localWeekday = (t: number) => new Date(t + 8 * HOUR).getUTCDay();
const gauss = (h: number, centre: number, width: number) => Math.exp(-(((h - centre) / width) ** 2) / 2);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** City-wide travel demand, about 0.05 at night to 1.1 at the evening peak of a weekday. */
export function travelDemand(time: number): number {
  const h = localHour(time);
  const day = localWeekday(time);
  if (day === 0 || day === 6) {
    const daytime = sigmoid((h - 8.5) / 0.7) * sigmoid((22.5 - h) / 1.1);
    return 0.06 + 0.6 * daytime + 0.22 * gauss(h, 11, 1.5) + 0.34 * gauss(h, 17.5, 1.6);
  }
  const daytime = sigmoid((h - 6.8) / 0.55) * sigmoid((21.5 - h) / 1.2);
  return 0.06 + 0.62 * daytime + 0.5 * gauss(h, 8.5, 0.85) + 0.55 * gauss(h, 18.4, 0.95) + 0.05 * gauss(h, 12.5, 1);
}

/** Index from load: a logistic around load 1 (demand at capacity gives 5, light congestion). */
export const indexFromLoad = (load: number) => Math.min(10, Math.max(0, 10 / (1 + Math.exp(-(load - 1) * 3.4))));
/** Speed from index: free flow at 0, 15 % of free flow at 10. */
export const speedFromIndex = (cls: RoadClass, index: number) => FREE_SPEED_KMH[cls] * (1 - 0.085 * index);

const INCIDENTS = {
  accident: { factor: 0.6, minMin: 20, maxMin: 60 },
  breakdown: { factor: 0.35, minMin: 10, maxMin: 30 },
  works: { factor: 0.4, minMin: 60, maxMin: 240 },
} as const;

interface ActiveIncident extends Incident {
  until: number;
  road: number;
  factor: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export class CongestionModel {
  readonly index: Float32Array;
  readonly speedKmh: Float32Array;
  private factor: Float32Array;
  private drift: Float32Array;
  private incidentBoost: Float32Array;
  private weights: Float32Array;
  private rng: Random;
  private incidents: ActiveIncident[] = [];
  private incidentSeq = 0;
  private lastTime: number;
  private history: [number, number][] = [];
  private dayFactors = new Map<number, number>();
  cityIndex = 0;

  constructor(
    private roads: Road[],
    coreKm: Float32Array,
    private seed: number,
    startTime: number,
  ) {
    const n = roads.length;
    this.rng = createRandom(hashSeed('traffic-congestion', seed));
    this.index = new Float32Array(n);
    this.speedKmh = new Float32Array(n);
    this.factor = new Float32Array(n);
    this.drift = new Float32Array(n);
    this.incidentBoost = new Float32Array(n);
    this.weights = new Float32Array(n);
    roads.forEach((r, i) => {
      const personality = Math.exp(0.11 * this.rng.gauss());
      const core = 1 + 0.3 * Math.exp(-coreKm[i] / 8);
      this.factor[i] = CLASS_LOAD[r.class] * core * (r.bridge ? 1.2 : 1) * personality;
      this.drift[i] = 0.1 * this.rng.gauss();
      this.weights[i] = (r.lengthM / 1000) * CLASS_WEIGHT[r.class];
    });
    // Replay the last 24 hours in 5-minute steps, so the trend line is full from the start.
    this.lastTime = startTime - 24 * HOUR;
    for (let t = this.lastTime + 5 * 60_000; t < startTime; t += 5 * 60_000) this.advance(t);
    this.advance(startTime);
  }

  /** Moves the model to `time`. */
  advance(time: number) {
    const dtS = Math.max(0, (time - this.lastTime) / 1000);
    this.lastTime = time;
    const demand = travelDemand(time) * this.dayFactor(time);
    this.updateIncidents(time, dtS, demand);
    // Mean-reverting drift per road: about 10 % either way, changing over ten minutes or so.
    const keep = Math.exp(-dtS / 600);
    const kick = 0.1 * Math.sqrt(1 - keep * keep);
    let sum = 0;
    let weight = 0;
    for (let i = 0; i < this.roads.length; i++) {
      this.drift[i] = this.drift[i] * keep + kick * this.rng.gauss();
      const load = demand * this.factor[i] * (1 + this.drift[i]) * (1 + this.incidentBoost[i]);
      const index = indexFromLoad(load);
      this.index[i] = index;
      this.speedKmh[i] = speedFromIndex(this.roads[i].class, index);
      sum += index * this.weights[i];
      weight += this.weights[i];
    }
    this.cityIndex = weight ? sum / weight : 0;
    const bucket = time - (time % (5 * 60_000));
    const last = this.history[this.history.length - 1];
    if (last && last[0] === bucket) last[1] = round1(this.cityIndex);
    else this.history.push([bucket, round1(this.cityIndex)]);
    if (this.history.length > TRAFFIC_LIMITS.maxHistory) this.history.splice(0, this.history.length - TRAFFIC_LIMITS.maxHistory);
  }

  /** Some days are worse than others (weather, events, school holidays): ±7 %, fixed per local date. */
  private dayFactor(time: number): number {
    const day = Math.floor((time + 8 * HOUR) / (24 * HOUR));
    let f = this.dayFactors.get(day);
    if (f === undefined) {
      f = 1 + 0.07 * createRandom(hashSeed(`traffic-day-${day}`, this.seed)).gauss();
      if (this.dayFactors.size > 8) this.dayFactors.clear();
      this.dayFactors.set(day, f);
    }
    return f;
  }

  private updateIncidents(time: number, dtS: number, demand: number) {
    this.incidents = this.incidents.filter((x) => x.until > time);
    // New incidents: a few an hour at night, about eight an hour in the rush.
    const expected = ((1.5 + 7 * demand) * dtS) / 3600;
    let arrivals = 0;
    for (let p = expected; p > 0; p -= 1) if (this.rng.next() < Math.min(1, p)) arrivals++;
    for (let a = 0; a < arrivals && this.incidents.length < TRAFFIC_LIMITS.maxIncidents; a++) {
      const road = this.pickRoad();
      if (this.incidents.some((x) => x.road === road)) continue;
      const u = this.rng.next();
      const kind = u < 0.55 ? 'accident' : u < 0.85 ? 'breakdown' : 'works';
      const spec = INCIDENTS[kind];
      const r = this.roads[road];
      const at = r.path[Math.floor(this.rng.next() * r.path.length)];
      this.incidents.push({
        id: `inc-${++this.incidentSeq}`,
        kind,
        roadId: r.id,
        roadName: r.name,
        position: [at[0], at[1]],
        since: Math.round(time),
        until: time + this.rng.range(spec.minMin, spec.maxMin) * 60_000,
        road,
        factor: spec.factor,
      });
    }
    this.incidentBoost.fill(0);
    for (const x of this.incidents) this.incidentBoost[x.road] = Math.max(this.incidentBoost[x.road], x.factor);
  }

  /** Incidents happen on busy roads: weighted by length and class. */
  private pickRoad(): number {
    let total = 0;
    for (let i = 0; i < this.weights.length; i++) total += this.weights[i];
    let u = this.rng.next() * total;
    for (let i = 0; i < this.weights.length; i++) {
      u -= this.weights[i];
      if (u <= 0) return i;
    }
    return this.weights.length - 1;
  }

  activeIncidents(): Incident[] {
    return this.incidents
      .slice()
      .sort((a, b) => b.since - a.since)
      .map(({ id, kind, roadId, roadName, position, since }) => ({ id, kind, roadId, roadName, position, since }));
  }

  historyPoints(): [number, number][] {
    return this.history.map(([t, v]) => [t, v]);
  }

  ref(i: number): RoadRef {
    const r = this.roads[i];
    return { roadId: r.id, name: r.name, district: r.district, bridge: r.bridge, index: round1(this.index[i]), speedKmh: Math.round(this.speedKmh[i]) };
  }

  /** The worst roads, one entry per name (a long road is many sections), worst first. */
  top(n: number): RoadRef[] {
    const order = [...this.index.keys()].sort((a, b) => this.index[b] - this.index[a]);
    const seen = new Set<string>();
    const out: RoadRef[] = [];
    for (const i of order) {
      const name = this.roads[i].name;
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(this.ref(i));
      if (out.length >= n) break;
    }
    return out;
  }

  byDistrict(codes: readonly string[]) {
    return codes.map((code) => {
      let sum = 0;
      let speed = 0;
      let w = 0;
      this.roads.forEach((r, i) => {
        if (r.district !== code) return;
        sum += this.index[i] * this.weights[i];
        speed += this.speedKmh[i] * this.weights[i];
        w += this.weights[i];
      });
      return { code, index: w ? round1(sum / w) : 0, speedKmh: w ? Math.round(speed / w) : 0 };
    });
  }

  /** Network mean speed (length-weighted), km/h, and length at index ≥ 6, km. */
  network() {
    let speed = 0;
    let len = 0;
    let congested = 0;
    this.roads.forEach((r, i) => {
      speed += this.speedKmh[i] * r.lengthM;
      len += r.lengthM;
      if (this.index[i] >= 6) congested += r.lengthM;
    });
    return { speedKmh: len ? speed / len : 0, congestedKm: congested / 1000 };
  }
}
