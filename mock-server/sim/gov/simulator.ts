import type { DistrictProperties } from '../../../src/hub/contract.ts';
import type { GovServices, ServiceHall } from '../../../src/hub/topics/gov.ts';
import { msSinceLocalMidnight } from '../day-profile.ts';
import { createRandom, hashSeed, type Random } from '../random.ts';
import type { SimContext } from '../sim-module.ts';
import { CATEGORIES, EXTRA_HALLS, LICENCES, POPULATION, URBAN, USERS_BASE, USERS_BASE_DATE, USERS_PER_DAY } from './catalogue.ts';

export const GOV_TOPIC = 'gov.services';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Matters handled online per minute at the mid-morning peak of a working day. */
const ONLINE_PEAK_PER_MIN = 105;
/** Walk-in tickets per minute across all halls at the mid-morning peak of a working day. */
const HALL_PEAK_PER_MIN = 42;
/** Mean minutes a counter takes per ticket. */
const SERVICE_MIN = 12;
const REVIEW_SHARE = 0.36;

const localHour = (t: number) => msSinceLocalMidnight(t) / HOUR;
const weekday = (t: number) => new Date(t + 8 * HOUR).getUTCDay();
const localDay = (t: number) => Math.floor((t + 8 * HOUR) / DAY);
const gauss = (h: number, c: number, w: number) => Math.exp(-(((h - c) / w) ** 2) / 2);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Online matters follow waking hours: peaks mid-morning and mid-afternoon, a smaller evening one. */
export function onlineProfile(t: number): number {
  const h = localHour(t);
  const day = weekday(t);
  const waking = sigmoid((h - 7.5) / 0.6) * sigmoid((23 - h) / 0.7);
  const p = 0.04 + 0.18 * waking + 0.72 * gauss(h, 10.2, 1.5) + 0.62 * gauss(h, 15.3, 1.8) + 0.3 * gauss(h, 20.8, 1.2);
  return day === 0 || day === 6 ? 0.5 * p : p;
}

/** Halls open 9:00–12:00 and 14:00–18:00 on working days; Saturday mornings only; closed Sundays. */
export function hallOpen(t: number): boolean {
  const h = localHour(t);
  const day = weekday(t);
  if (day === 0) return false;
  if (day === 6) return h >= 9 && h < 12;
  return (h >= 9 && h < 12) || (h >= 14 && h < 18);
}

/** Walk-in arrivals while open: a rush at opening, a 10:00 and a 15:00 peak. */
export function hallProfile(t: number): number {
  if (!hallOpen(t)) return 0;
  const h = localHour(t);
  const p = h < 12 ? 0.55 + 0.45 * gauss(h, 10, 0.9) : 0.5 + 0.5 * gauss(h, 15.2, 1.1);
  return weekday(t) === 6 ? 0.4 * p : p;
}

interface Hall {
  spec: Omit<ServiceHall, 'open' | 'queue' | 'waitMin' | 'windowsOpen' | 'servedToday' | 'goodRate'>;
  /** Share of the city's walk-in tickets. */
  share: number;
  windows: number;
  /** Tickets a minute at full staffing. */
  capacity: number;
  queue: number;
  served: number;
  good: number;
  bad: number;
  rng: Random;
}

const round = Math.round;

/**
 * 渝快办 for the whole city: matters accumulate through the day (online around the clock, halls
 * in office hours), hall queues build at the peaks where counters are short, reviews follow waits.
 * Deterministic from the seed and the clock; "today" restarts at local midnight.
 */
export class GovSimulator {
  private rng: Random;
  private lastTime: number;
  private day = -1;
  private online = 0;
  private hallMatters = 0;
  private hourly = Array.from({ length: 24 }, () => ({ online: 0, hall: 0 }));
  private usersToday = 0;
  private categories = CATEGORIES.map((c) => ({ spec: c, handled: 0, drift: 0, overdue: 0 }));
  private licencesToday = LICENCES.map(() => 0);
  private halls: Hall[];
  private districts: { code: string; population: number; weight: number; matters: number }[];
  private onlineReviews = { good: 0, bad: 0 };
  private rectified = 0;
  private latestValue: GovServices | undefined;

  private seed: number;

  constructor(ctx: Pick<SimContext, 'seed' | 'startTime'> & { districtProps: DistrictProperties[] }) {
    this.seed = ctx.seed;
    this.rng = createRandom(hashSeed('gov', ctx.seed));
    const props = ctx.districtProps;
    this.districts = props.map((d) => {
      const population = POPULATION[d.code] ?? 500_000;
      return { code: d.code, population, weight: population * (URBAN.has(d.code) ? 1.3 : 0.85), matters: 0 };
    });
    const totalPop = this.districts.reduce((s, d) => s + d.population, 0);
    const specs: { spec: Hall['spec']; share: number }[] = [
      ...EXTRA_HALLS.map((h) => ({
        spec: { id: h.id, name: h.name, district: h.district, level: h.level, position: h.at },
        share: h.level === 'city' ? 0.1 : h.windows / 1000,
      })),
      ...props.map((d) => ({
        spec: { id: `d${d.code}`, name: `${shortName(d.name)}政务服务中心`, district: d.code, level: 'district' as const, position: d.center },
        share: (0.83 * (POPULATION[d.code] ?? 500_000)) / totalPop,
      })),
    ];
    this.halls = specs.map(({ spec, share }) => {
      const rng = createRandom(hashSeed(`gov-hall-${spec.id}`, ctx.seed));
      // Staffing fits demand, but not everywhere: at the peak some halls run at 75 %, some at 125 %.
      const peakLoad = 0.72 + 0.55 * rng.next();
      const capacity = (HALL_PEAK_PER_MIN * share) / peakLoad;
      return { spec, share, capacity, windows: Math.max(3, round(capacity * SERVICE_MIN)), queue: 0, served: 0, good: 0, bad: 0, rng };
    });
    for (const c of this.categories) c.drift = 0.08 * this.rng.gauss();
    // Replay today from local midnight in one-minute steps: a fresh hub shows the day so far.
    const midnight = ctx.startTime - msSinceLocalMidnight(ctx.startTime);
    this.lastTime = midnight;
    for (let t = midnight + 60_000; t < ctx.startTime; t += 60_000) this.advance(t);
    this.advance(ctx.startTime);
  }

  step(time: number): Array<[string, unknown]> {
    // Long gaps are walked in minutes so queues and counters stay plausible.
    for (let t = this.lastTime + 60_000; t < time; t += 60_000) this.advance(t);
    this.advance(time);
    this.latestValue = this.current();
    return [[GOV_TOPIC, this.latestValue]];
  }

  latest(topic: string): unknown | undefined {
    return topic === GOV_TOPIC ? this.latestValue : undefined;
  }

  /** Some days are busier than others (month ends, deadlines): ±6 %, fixed per local date. */
  private dayFactor = 1;

  private resetDay(day: number) {
    this.day = day;
    this.dayFactor = 1 + 0.06 * createRandom(hashSeed(`gov-day-${day}`, this.seed)).gauss();
    this.online = 0;
    this.hallMatters = 0;
    this.usersToday = 0;
    for (const h of this.hourly) (h.online = 0), (h.hall = 0);
    for (const c of this.categories) c.handled = 0;
    this.licencesToday.fill(0);
    for (const h of this.halls) (h.queue = 0), (h.served = 0), (h.good = 0), (h.bad = 0);
    for (const d of this.districts) d.matters = 0;
    this.onlineReviews = { good: 0, bad: 0 };
    this.rectified = 0;
  }

  private advance(time: number) {
    const day = localDay(time);
    if (day !== this.day) {
      this.resetDay(day);
      this.lastTime = Math.max(this.lastTime, time - msSinceLocalMidnight(time));
    }
    const dtMin = Math.max(0, (time - this.lastTime) / 60_000);
    this.lastTime = time;
    if (dtMin === 0) return;
    const rng = this.rng;
    const hour = Math.floor(localHour(time));

    const online = Math.max(0, ONLINE_PEAK_PER_MIN * this.dayFactor * onlineProfile(time) * dtMin * (1 + 0.06 * rng.gauss()));
    this.online += online;
    this.hourly[hour].online += online;
    const onlineWeight = this.districts.reduce((s, d) => s + d.weight, 0);
    for (const d of this.districts) d.matters += (online * d.weight) / onlineWeight;

    // Halls: arrivals while open; counters keep serving the queue after the doors close.
    const open = hallOpen(time);
    const arrivalsCity = HALL_PEAK_PER_MIN * this.dayFactor * hallProfile(time);
    let served = 0;
    for (const h of this.halls) {
      const arrivals = open ? Math.max(0, arrivalsCity * h.share * dtMin * (1 + 0.15 * h.rng.gauss())) : 0;
      // Opening: people who waited at the door take their tickets at once.
      const burst = open && !hallOpen(time - dtMin * 60_000) ? arrivalsCity * h.share * 18 : 0;
      const capacity = open || h.queue > 0 ? h.capacity * dtMin : 0;
      const demand = h.queue + arrivals + burst;
      const done = Math.min(demand, capacity);
      h.queue = demand - done;
      h.served += done;
      served += done;
      const wait = this.waitOf(h);
      const badShare = 0.0012 + 0.0005 * Math.max(0, wait - 15);
      h.bad += done * REVIEW_SHARE * badShare;
      h.good += done * REVIEW_SHARE * (1 - badShare);
      const d = this.districts.find((x) => x.code === h.spec.district);
      if (d) d.matters += done;
    }
    this.hallMatters += served;
    this.hourly[hour].hall += served;

    const total = online + served;
    this.usersToday += USERS_PER_DAY * 1.15 * (total / (ONLINE_PEAK_PER_MIN * 420));
    for (const c of this.categories) {
      c.handled += total * c.spec.share * (1 + 0.1 * rng.gauss());
      // Mean handling time drifts slowly (about ±8 %, over half a day).
      const keep = Math.exp(-dtMin / 720);
      c.drift = c.drift * keep + 0.08 * Math.sqrt(1 - keep * keep) * rng.gauss();
      // Overdue matters appear where the mean runs close to the limit, and get cleared.
      const risk = (this.avgDays(c) / c.spec.limitDays) ** 3;
      if (rng.next() < (risk * 0.5 * dtMin) / 60) c.overdue += 1;
      if (c.overdue > 0 && rng.next() < (0.35 * dtMin) / 60) c.overdue -= 1;
    }
    const workday = weekday(time) !== 0 && weekday(time) !== 6;
    LICENCES.forEach((l, i) => {
      this.licencesToday[i] += l.perDay * (workday ? 1 : 0.4) * (total / (ONLINE_PEAK_PER_MIN * 420 + HALL_PEAK_PER_MIN * 250));
    });
    this.onlineReviews.good += online * REVIEW_SHARE * 0.9988;
    this.onlineReviews.bad += online * REVIEW_SHARE * 0.0012;
    const bad = this.onlineReviews.bad + this.halls.reduce((s, h) => s + h.bad, 0);
    // Bad reviews are followed up (整改) within a few hours.
    this.rectified += (bad - this.rectified) * (1 - Math.exp(-dtMin / 150));
  }

  private waitOf(h: Hall): number {
    if (h.capacity <= 0 || h.queue < 0.5) return 0;
    return h.queue / h.capacity;
  }

  private avgDays(c: (typeof this.categories)[number]): number {
    return Math.max(0.1, c.spec.avgDays * (1 + c.drift));
  }

  current(): GovServices {
    const time = this.lastTime;
    const fullDays = Math.max(0, Math.floor((time - USERS_BASE_DATE) / DAY));
    const mattersOnline = Math.floor(this.online);
    const matters = mattersOnline + Math.floor(this.hallMatters);
    const open = hallOpen(time);
    const hour = Math.floor(localHour(time));
    const bad = Math.floor(this.onlineReviews.bad + this.halls.reduce((s, h) => s + h.bad, 0));
    const good = Math.floor(this.onlineReviews.good + this.halls.reduce((s, h) => s + h.good, 0));
    return {
      time,
      usersTotal: USERS_BASE + USERS_PER_DAY * fullDays + Math.floor(this.usersToday),
      usersNewToday: Math.floor(this.usersToday),
      mattersToday: matters,
      mattersOnlineToday: mattersOnline,
      onlineShare: matters ? mattersOnline / matters : 1,
      hourly: this.hourly.slice(0, hour + 1).map((h, i) => ({ hour: i, online: Math.floor(h.online), hall: Math.floor(h.hall) })),
      categories: this.categories.map((c) => ({
        id: c.spec.id,
        name: c.spec.name,
        nameEn: c.spec.nameEn,
        avgDays: Math.round(this.avgDays(c) * 10) / 10,
        limitDays: c.spec.limitDays,
        handledToday: Math.floor(c.handled),
        overdue: c.overdue,
      })),
      licences: LICENCES.map((l, i) => ({
        id: l.id,
        name: l.name,
        nameEn: l.nameEn,
        issued: Math.floor(l.base + l.perDay * 0.83 * fullDays + this.licencesToday[i]),
        issuedToday: Math.floor(this.licencesToday[i]),
      })),
      halls: this.halls.map((h) => {
        const reviews = h.good + h.bad;
        return {
          ...h.spec,
          open,
          queue: Math.min(5000, round(h.queue)),
          waitMin: Math.min(600, Math.round(this.waitOf(h))),
          windowsOpen: open || h.queue >= 0.5 ? h.windows : 0,
          servedToday: Math.floor(h.served),
          goodRate: reviews >= 1 ? Math.min(1, h.good / reviews) : 1,
        };
      }),
      districts: this.districts.map((d) => ({
        code: d.code,
        mattersToday: Math.floor(d.matters),
        population: d.population,
        per10k: Math.round((d.matters / d.population) * 1e5) / 10,
      })),
      reviews: { today: good + bad, good, bad, rectified: Math.min(bad, Math.floor(this.rectified)), goodRate: good + bad ? good / (good + bad) : 1 },
    };
  }
}

/** 石柱土家族自治县 → 石柱县; other names unchanged except the 区/县 suffix kept. */
function shortName(name: string): string {
  return name.replace(/^(.{2})(?:[\u4e00-\u9fa5]{2,8}族)+自治县$/, '$1县');
}
