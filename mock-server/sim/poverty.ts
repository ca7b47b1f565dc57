import type { DistrictFeature } from '../../src/hub/contract.ts';
import {
  POVERTY_TOPICS,
  type PovertyDistrict,
  type PovertyDistricts,
  type PovertyPair,
  type PovertyPairs,
  type PovertyVillage,
  type PovertyVillages,
  type VillageIndustry,
} from '../../src/hub/topics/poverty.ts';
import { msSinceLocalMidnight } from './day-profile.ts';
import { DAY, dayFraction, localDay } from './health/codes.ts';
import { round5, samplePointIn } from './health/places.ts';
import {
  GENERAL_INDUSTRY,
  KEY_COUNTIES,
  LOCAL_INDUSTRY,
  PAIRINGS,
  PLATFORM_FIGURES,
  POVERTY_TOTALS,
  WEIGHTS,
  villageName,
} from './poverty/figures.ts';
import { createRandom, hashSeed, type Random } from './random.ts';
import type { SimContext, SimModule } from './sim-module.ts';

export const POVERTY_DISTRICTS_MS = 10_000;
export const POVERTY_PAIRS_MS = 60_000;
export const POVERTY_VILLAGES_MS = 600_000;
const YEAR = 365.25 * DAY;
/** Platform uses a day across the city, and uses per active user. */
const USES_PER_DAY = 120_000;

interface DistrictRecord {
  code: string;
  keyCounty: boolean;
  households: number;
  people: number;
  villages: number;
  /** Share of the platform's use (follows people lifted, with a floor for every district). */
  useShare: number;
}

interface PairRecord {
  id: string;
  from: string;
  to: string;
  since: number;
  /** 万元 a year, projects a year. */
  fundsRate: number;
  projectsRate: number;
}

function pickWeighted<T>(rng: Random, items: [T, number][]): T {
  let r = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1][0];
}

/** Spreads the public totals over the districts by weight, with seeded noise of a few per cent. */
export function districtRecords(features: DistrictFeature[], seed: number): DistrictRecord[] {
  const raw = features.map((f) => {
    const code = f.properties.code;
    const w = WEIGHTS[code] ?? { people: 0.5, villages: 5 };
    const rng = createRandom(hashSeed(`poverty:${code}`, seed));
    return { code, people: w.people * (1 + 0.06 * rng.gauss()), villages: w.villages * (1 + 0.05 * rng.gauss()), size: rng.range(2.8, 3.3) };
  });
  const peopleScale = POVERTY_TOTALS.people / raw.reduce((s, r) => s + Math.max(0, r.people), 0);
  // Villages: scale to the public total, but a district with any poor villages lists at least five.
  let villageScale = POVERTY_TOTALS.villages / raw.reduce((s, r) => s + Math.max(0, r.villages), 0);
  const villagesOf = (v: number, scale: number) => (v > 0 ? Math.max(5, Math.round(v * scale)) : 0);
  for (let i = 0; i < 4; i++) {
    const sum = raw.reduce((s, r) => s + villagesOf(r.villages, villageScale), 0);
    villageScale *= POVERTY_TOTALS.villages / sum;
  }
  const people = raw.map((r) => Math.max(0, Math.round(r.people * peopleScale)));
  const totalPeople = people.reduce((s, p) => s + p, 0);
  return raw.map((r, i) => ({
    code: r.code,
    keyCounty: KEY_COUNTIES.has(r.code),
    people: people[i],
    households: Math.min(people[i], Math.round(people[i] / r.size)),
    villages: villagesOf(r.villages, villageScale),
    useShare: 0.3 / raw.length + (0.7 * people[i]) / totalPeople,
  }));
}

export function pairRecords(known: Set<string>, seed: number): PairRecord[] {
  const out: PairRecord[] = [];
  for (const p of PAIRINGS) {
    if (!known.has(p.from)) continue;
    for (const to of p.to) {
      if (!known.has(to)) continue;
      const rng = createRandom(hashSeed(`pair:${p.from}:${to}`, seed));
      const coreHelper = ['500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113'].includes(p.from);
      // A helper with two counties splits its budget between them.
      const split = p.to.length > 1 ? 0.6 : 1;
      out.push({
        id: `pair-${p.from}-${to}`,
        from: p.from,
        to,
        since: p.since,
        fundsRate: (coreHelper ? rng.range(2200, 4200) : rng.range(900, 2000)) * split,
        projectsRate: (coreHelper ? rng.range(10, 22) : rng.range(5, 12)) * split,
      });
    }
  }
  return out;
}

export function villageRecords(features: DistrictFeature[], records: DistrictRecord[], seed: number): PovertyVillage[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const villages: PovertyVillage[] = [];
  for (const f of features) {
    const rec = byCode.get(f.properties.code);
    if (!rec || rec.villages === 0) continue;
    const rng = createRandom(hashSeed(`villages:${rec.code}`, seed));
    const n = Math.min(rec.villages, rec.keyCounty ? rng.int(15, 25) : rng.int(5, 10));
    const industries = LOCAL_INDUSTRY[rec.code] ?? GENERAL_INDUSTRY;
    const names = new Set<string>();
    const sigmaKm = Math.sqrt(f.properties.areaKm2) * 0.4;
    // A poor village had some tens to a couple of hundred registered poor households; the listed
    // ones never hold more than the district's total.
    const cap = Math.max(12, Math.floor(rec.households / n));
    for (let i = 0; i < n; i++) {
      let name = '';
      for (let tries = 0; tries < 20 && (!name || names.has(name)); tries++) name = villageName(rng.next(), rng.next());
      if (names.has(name)) name = `${name.slice(0, -1)}${i}村`;
      names.add(name);
      const industry: VillageIndustry = pickWeighted(rng, industries);
      const households = Math.min(cap, Math.round(rng.range(35, 170) * (rec.keyCounty ? 1.2 : 1)));
      villages.push({
        id: `v-${rec.code}-${i}`,
        districtCode: rec.code,
        name,
        position: samplePointIn(f, rng, f.properties.center, sigmaKm).map(round5) as [number, number],
        households,
        industry,
        incomeGrowth: Math.round((rng.range(0.06, 0.15) + (industry === 'tourism' ? 0.04 : 0) + 0.02 * rng.gauss()) * 1000) / 1000,
      });
    }
  }
  return villages;
}

/**
 * The poverty-alleviation city (脱贫攻坚): what each district lifted, the paired assistance between
 * districts, and the lifted villages. The campaign's results are fixed by the seed; the platform's
 * use follows the day (quiet nights, morning and afternoon peaks) and pairings keep adding funds.
 */
export class PovertySimulator {
  readonly records: DistrictRecord[];
  readonly pairs: PairRecord[];
  readonly villages: PovertyVillage[];
  private last = { districts: -1, pairs: -1, villages: -1 };
  private latestValues = new Map<string, unknown>();
  private platformBase: { usesTotal: number; day: number };

  constructor(private ctx: Pick<SimContext, 'seed' | 'districts' | 'startTime'>) {
    const features = ctx.districts.features;
    this.records = districtRecords(features, ctx.seed);
    this.pairs = pairRecords(new Set(features.map((f) => f.properties.code)), ctx.seed);
    this.villages = villageRecords(features, this.records, ctx.seed);
    // The public figure is the total before the hub's first day: today's uses add to it.
    this.platformBase = { usesTotal: PLATFORM_FIGURES.uses, day: localDay(ctx.startTime) };
  }

  step(time: number): Array<[string, unknown]> {
    const out: Array<[string, unknown]> = [];
    const due = (key: keyof PovertySimulator['last'], every: number) => {
      const slot = Math.floor(time / every);
      if (slot === this.last[key]) return false;
      this.last[key] = slot;
      return true;
    };
    if (due('districts', POVERTY_DISTRICTS_MS)) out.push([POVERTY_TOPICS.districts, this.districtsAt(time)]);
    if (due('pairs', POVERTY_PAIRS_MS)) out.push([POVERTY_TOPICS.pairs, this.pairsAt(time)]);
    if (due('villages', POVERTY_VILLAGES_MS)) out.push([POVERTY_TOPICS.villages, this.villagesAt(time)]);
    for (const [topic, data] of out) this.latestValues.set(topic, data);
    return out;
  }

  latest(topic: string): unknown {
    return this.latestValues.get(topic);
  }

  private dayFactor(day: number) {
    const weekday = (day + 4) % 7;
    const weekend = weekday === 0 || weekday === 6 ? 0.85 : 1;
    return weekend * (1 + 0.04 * createRandom(hashSeed(`poverty-day:${day}`, this.ctx.seed)).gauss());
  }

  /** Uses on local day `day` up to `msInDay`. */
  private usesInDay(day: number, msInDay: number) {
    return USES_PER_DAY * this.dayFactor(day) * dayFraction(msInDay);
  }

  platformAt(time: number) {
    const day = localDay(time);
    const ms = msSinceLocalMidnight(time);
    const usesToday = this.usesInDay(day, ms);
    let before = 0;
    for (let d = this.platformBase.day; d < day; d++) before += this.usesInDay(d, DAY);
    const frac = dayFraction(ms);
    const k = 1.6; // distinct users saturate through the day
    const dailyActive = PLATFORM_FIGURES.dailyActive * this.dayFactor(day) * ((1 - Math.exp(-k * frac)) / (1 - Math.exp(-k)));
    const days = Math.max(0, (time - this.ctx.startTime) / DAY);
    return {
      users: Math.round(PLATFORM_FIGURES.users + 38 * days),
      usesTotal: Math.round(this.platformBase.usesTotal + before + usesToday),
      usesToday: Math.round(usesToday),
      dailyActive: Math.min(Math.round(dailyActive), Math.round(usesToday)),
    };
  }

  districtsAt(time: number): PovertyDistricts {
    const platform = this.platformAt(time);
    const districts: PovertyDistrict[] = this.records.map((r) => ({
      code: r.code,
      keyCounty: r.keyCounty,
      households: r.households,
      people: r.people,
      villages: r.villages,
      usesToday: Math.floor(platform.usesToday * r.useShare),
    }));
    return {
      time,
      districts,
      totals: {
        households: districts.reduce((s, d) => s + d.households, 0),
        people: districts.reduce((s, d) => s + d.people, 0),
        villages: districts.reduce((s, d) => s + d.villages, 0),
        keyCounties: districts.filter((d) => d.keyCounty).length,
      },
      platform,
    };
  }

  pairsAt(time: number): PovertyPairs {
    const pairs: PovertyPair[] = this.pairs.map((p) => {
      const years = Math.max(0, (time - Date.UTC(p.since, 0, 1)) / YEAR);
      return {
        id: p.id,
        from: p.from,
        to: p.to,
        since: p.since,
        fundsWan: Math.round(p.fundsRate * years * 10) / 10,
        projects: Math.floor(p.projectsRate * years),
      };
    });
    return { time, pairs };
  }

  villagesAt(time: number): PovertyVillages {
    return { time, villages: this.villages };
  }
}

/** Simulator of the poverty module. */
export const povertySim: SimModule = {
  id: 'poverty',
  tickMs: 1000,
  create: (ctx) => new PovertySimulator(ctx),
};
