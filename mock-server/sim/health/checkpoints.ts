/**
 * Scan checkpoints (扫码点位): transport hubs, hospitals, malls and residential gates, placed once
 * from the seed inside the real district polygons (more of them, closer together, in the core),
 * each with an hourly capacity and a daily rhythm of its kind.
 */
import type { DistrictFeature } from '../../../src/hub/contract.ts';
import type { Checkpoint, CheckpointKind } from '../../../src/hub/topics/health.ts';
import { createRandom, hashSeed, type Random } from '../random.ts';
import { CORE_DISTRICTS, YUZHONG, populationOf, round5, samplePointIn, shortPlace } from './places.ts';

export interface CheckpointSite {
  id: string;
  name: string;
  kind: CheckpointKind;
  districtCode: string;
  position: [number, number];
  /** Scans an hour at the busiest time of its kind. */
  capacity: number;
  /** How much more (or less) often non-green codes show here than in its district. */
  exposure: number;
}

export const DEFAULT_CHECKPOINTS = 420;

const KIND_MIX: Record<'core' | 'outer', [CheckpointKind, number][]> = {
  core: [['transport', 0.16], ['hospital', 0.14], ['mall', 0.3], ['residential', 0.4]],
  outer: [['transport', 0.14], ['hospital', 0.2], ['mall', 0.2], ['residential', 0.46]],
};

const CAPACITY: Record<CheckpointKind, [number, number]> = {
  transport: [2500, 9000],
  hospital: [600, 2500],
  mall: [1200, 5000],
  residential: [200, 1200],
};

/** Hospitals see fever clinics and tests; stations see travellers; malls turn yellow codes away at the door. */
const EXPOSURE: Record<CheckpointKind, number> = { transport: 1.4, hospital: 2.5, mall: 0.7, residential: 1 };

const PLACE_A = '龙凤金银桂石新华天锦翠碧朝福瑞康泰安宝嘉鹿松竹青红白黄双长云';
const PLACE_B = '湖山桥园苑溪坪湾城岭林台门江港峰塘坝井堡';

/** Name patterns by kind: (generated place, district's full name, its short name, a gate number). */
type NamePattern = (place: string, full: string, short: string, n: number) => string;
const NAME_PATTERNS: Record<CheckpointKind, NamePattern[]> = {
  transport: [(p) => `${p}站`, (p) => `${p}轻轨站`, (_p, _f, s) => `${s}汽车站`, (_p, _f, s) => `${s}北站`, (p) => `${p}码头`, (p) => `${p}公交枢纽`],
  hospital: [(_p, f) => `${f}人民医院`, (_p, f) => `${f}中医院`, (_p, f) => `${f}妇幼保健院`, (p) => `${p}社区卫生服务中心`, (p) => `${p}街道卫生院`],
  mall: [(p) => `${p}广场`, (p) => `${p}购物中心`, (p) => `${p}商业街`, (p) => `${p}农贸市场`],
  residential: [(p, _f, _s, n) => `${p}小区${n}号门`, (p, _f, _s, n) => `${p}花园${n}号门`, (p) => `${p}家园`, (p) => `${p}新村`],
};

function pickKind(rng: Random, core: boolean): CheckpointKind {
  let r = rng.next();
  for (const [kind, share] of KIND_MIX[core ? 'core' : 'outer']) {
    r -= share;
    if (r <= 0) return kind;
  }
  return 'residential';
}

/** How many checkpoints each district gets: by population, the core weighted up, at least two. */
export function allocateCheckpoints(features: DistrictFeature[], total: number): Map<string, number> {
  const weights = features.map((f) => populationOf(f.properties.code, f.properties.areaKm2) ** 1.1 * (CORE_DISTRICTS.has(f.properties.code) ? 1.8 : 1));
  const sum = weights.reduce((s, w) => s + w, 0);
  const free = Math.max(0, total - 2 * features.length);
  const counts = new Map<string, number>();
  let given = 0;
  features.forEach((f, i) => {
    const n = 2 + Math.floor((free * weights[i]) / sum);
    counts.set(f.properties.code, n);
    given += n;
  });
  // Hand out what rounding left, largest weights first.
  const order = features.map((f, i) => [f.properties.code, weights[i]] as const).sort((a, b) => b[1] - a[1]);
  for (let i = 0; given < total && order.length; i = (i + 1) % order.length, given++) counts.set(order[i][0], counts.get(order[i][0])! + 1);
  return counts;
}

export function createCheckpoints(features: DistrictFeature[], seed: number, total = DEFAULT_CHECKPOINTS): CheckpointSite[] {
  const counts = allocateCheckpoints(features, Math.max(features.length * 2, total));
  const sites: CheckpointSite[] = [];
  for (const f of features) {
    const { code, name, center, areaKm2 } = f.properties;
    const core = CORE_DISTRICTS.has(code);
    const rng = createRandom(hashSeed(`checkpoints:${code}`, seed));
    // Checkpoints cluster where people live: in the core, pulled toward the peninsula; elsewhere
    // around the district's heart, within a fraction of its size.
    const pull = core ? 0.35 : 0;
    const around: [number, number] = [center[0] + (YUZHONG[0] - center[0]) * pull, center[1] + (YUZHONG[1] - center[1]) * pull];
    const sigmaKm = Math.max(1.5, Math.sqrt(areaKm2) * (core ? 0.3 : 0.18));
    const used = new Set<string>();
    const short = shortPlace(name);
    for (let i = 0; i < counts.get(code)!; i++) {
      const kind = pickKind(rng, core);
      let label = '';
      for (let tries = 0; tries < 12 && (!label || used.has(label)); tries++) {
        const place = PLACE_A[rng.int(0, PLACE_A.length - 1)] + PLACE_B[rng.int(0, PLACE_B.length - 1)];
        const patterns = NAME_PATTERNS[kind];
        label = patterns[rng.int(0, patterns.length - 1)](place, name, short, rng.int(1, 6));
      }
      if (used.has(label)) label = `${label}${i}`;
      used.add(label);
      const [lo, hi] = CAPACITY[kind];
      sites.push({
        id: `cp-${code}-${i}`,
        name: label,
        kind,
        districtCode: code,
        position: samplePointIn(f, rng, around, sigmaKm).map(round5) as [number, number],
        capacity: Math.round(rng.range(lo, hi) * (core ? 1.3 : 0.75)),
        exposure: Math.exp(0.35 * rng.gauss()),
      });
    }
  }
  return sites;
}

/** How busy a kind of checkpoint is at a local hour, 0..1. */
export function kindProfile(kind: CheckpointKind, hour: number): number {
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  switch (kind) {
    case 'transport':
      return Math.min(1, 0.08 + Math.max(bump(8, 1.3), 0.9 * bump(18, 1.6)) + 0.3 * bump(13, 3));
    case 'hospital':
      return Math.min(1, 0.06 + 0.94 * bump(10, 1.8) + 0.7 * bump(15, 1.8));
    case 'mall':
      return Math.min(1, 0.02 + 0.6 * bump(12.5, 2) + 0.98 * bump(19.5, 2.2));
    case 'residential':
      return Math.min(1, 0.05 + 0.8 * bump(7.5, 1.3) + 0.95 * bump(19, 2));
  }
}

const localHour = (t: number) => (((t / 3_600_000 + 8) % 24) + 24) % 24;

/**
 * Every checkpoint's last hour at `time`: scans follow the kind's rhythm (taken at the middle of
 * the hour), with a little noise per five minutes; the non-green share follows its district's.
 */
export function checkpointsAt(sites: CheckpointSite[], time: number, seed: number, districtShare: (code: string) => number): Checkpoint[] {
  const hour = localHour(time - 1_800_000);
  const bucket = Math.floor(time / 300_000);
  return sites.map((s) => {
    const rng = createRandom(hashSeed(`${s.id}:${bucket}`, seed));
    const scans = Math.max(0, Math.round(s.capacity * kindProfile(s.kind, hour) * (1 + 0.06 * rng.gauss())));
    const share = Math.min(1, Math.max(0, districtShare(s.districtCode) * EXPOSURE[s.kind] * s.exposure * (1 + 0.12 * rng.gauss())));
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      districtCode: s.districtCode,
      position: s.position,
      scansLastHour: scans,
      nonGreenShare: Math.round(share * 1e5) / 1e5,
    };
  });
}
