/**
 * Where people are in the simulated city: resident populations of the districts and seeded points
 * inside their real polygons. Shared by the health and poverty simulators.
 */
import type { DistrictFeature } from '../../../src/hub/contract.ts';
import { pointInGeometry } from '../../geo.ts';
import type { Random } from '../random.ts';

/**
 * Resident population by district, in people: rounded figures of the 7th national census (2020),
 * so the simulated counts sit at the right order of magnitude (the city totals about 32 million).
 */
export const POPULATION: Readonly<Record<string, number>> = {
  '500101': 1_564_000, // 万州
  '500102': 1_115_000, // 涪陵
  '500103': 589_000, // 渝中
  '500104': 421_000, // 大渡口
  '500105': 926_000, // 江北
  '500106': 1_480_000, // 沙坪坝
  '500107': 1_529_000, // 九龙坡
  '500108': 1_195_000, // 南岸
  '500109': 834_000, // 北碚
  '500110': 1_012_000, // 綦江 (with 万盛)
  '500111': 834_000, // 大足
  '500112': 2_192_000, // 渝北
  '500113': 1_178_000, // 巴南
  '500114': 487_000, // 黔江
  '500115': 692_000, // 长寿
  '500116': 1_360_000, // 江津
  '500117': 1_245_000, // 合川
  '500118': 1_148_000, // 永川
  '500119': 576_000, // 南川
  '500120': 761_000, // 璧山
  '500151': 686_000, // 铜梁
  '500152': 689_000, // 潼南
  '500153': 670_000, // 荣昌
  '500154': 1_203_000, // 开州
  '500155': 646_000, // 梁平
  '500156': 348_000, // 武隆
  '500229': 198_000, // 城口
  '500230': 557_000, // 丰都
  '500231': 649_000, // 垫江
  '500233': 721_000, // 忠县
  '500235': 929_000, // 云阳
  '500236': 745_000, // 奉节
  '500237': 462_000, // 巫山
  '500238': 389_000, // 巫溪
  '500240': 389_000, // 石柱
  '500241': 502_000, // 秀山
  '500242': 608_000, // 酉阳
  '500243': 494_000, // 彭水
};

/** The main urban districts (主城中心城区) around the Yuzhong peninsula. */
export const CORE_DISTRICTS: ReadonlySet<string> = new Set([
  '500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113',
]);

/** The confluence at Chaotianmen, the heart of the city. */
export const YUZHONG: [number, number] = [106.585, 29.565];

/** Population of a district, with a fallback from its area for a code the table does not know. */
export function populationOf(code: string, areaKm2: number): number {
  return POPULATION[code] ?? Math.round(150_000 + areaKm2 * 180);
}

/** Everyday short form: "渝北区" → "渝北", "石柱土家族自治县" → "石柱", "忠县" stays "忠县". */
export function shortPlace(name: string): string {
  if (name.length <= 2) return name;
  const autonomous = name.match(/^(.{2})(?:[\u4e00-\u9fa5]{2,8}族)+自治县$/);
  if (autonomous) return autonomous[1];
  return name.replace(/[区县]$/, '');
}

const KM_PER_DEG_LAT = 111.2;

/**
 * A seeded point inside the district polygon, normally distributed around `around` with the given
 * spread (km); falls back to uniform over the bounding box, then to the label point.
 */
export function samplePointIn(feature: DistrictFeature, rng: Random, around: [number, number], sigmaKm: number): [number, number] {
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((around[1] * Math.PI) / 180);
  for (let i = 0; i < 60; i++) {
    const p: [number, number] = [around[0] + (rng.gauss() * sigmaKm) / kmPerDegLon, around[1] + (rng.gauss() * sigmaKm) / KM_PER_DEG_LAT];
    if (pointInGeometry(p, feature.geometry)) return p;
  }
  const [minX, minY, maxX, maxY] = bbox(feature);
  for (let i = 0; i < 200; i++) {
    const p: [number, number] = [rng.range(minX, maxX), rng.range(minY, maxY)];
    if (pointInGeometry(p, feature.geometry)) return p;
  }
  return [...feature.properties.center] as [number, number];
}

export function bbox(feature: DistrictFeature): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Distance in km between two lon/lat points (equirectangular: fine at city scale). */
export function distanceKm(a: readonly number[], b: readonly number[]): number {
  const kx = KM_PER_DEG_LAT * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * KM_PER_DEG_LAT);
}

export const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
