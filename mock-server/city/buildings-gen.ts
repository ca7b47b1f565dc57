import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DistrictsResponse } from '../../src/hub/contract.ts';
import type { Buildings } from '../../src/hub/buildings.ts';
import { pointInGeometry } from '../geo.ts';
import { createRandom, hashSeed } from '../sim/random.ts';

/** The urban core's districts: where the generated city stands. */
export const CORE_DISTRICTS = ['500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113'];
/** Jiefangbei, the heart of the Yuzhong peninsula (WGS-84): density and height peak here. */
export const CITY_ORIGIN: [number, number] = [106.577, 29.558];
const BLOCK_M = 140;
/** Business centres of the main city (WGS-84) and how much each concentrates tall buildings. */
const CENTRES: { at: [number, number]; weight: number }[] = [
  { at: [106.577, 29.558], weight: 1 }, // 解放碑 Jiefangbei
  { at: [106.585, 29.573], weight: 0.6 }, // 江北嘴 Jiangbeizui
  { at: [106.531, 29.576], weight: 0.7 }, // 观音桥 Guanyinqiao
  { at: [106.457, 29.557], weight: 0.6 }, // 三峡广场 Sanxia Square
  { at: [106.511, 29.507], weight: 0.55 }, // 杨家坪 Yangjiaping
  { at: [106.566, 29.526], weight: 0.6 }, // 南坪 Nanping
  { at: [106.55, 29.63], weight: 0.45 }, // 龙头寺 Longtousi
  { at: [106.48, 29.48], weight: 0.35 }, // 大渡口 Dadukou
];
const SPREAD_M = 2_600;
/** Sites kept clear for landmark models (public/models, public/tiles): centre and radius in metres. */
export const CLEAR_SITES: { at: [number, number]; radiusM: number }[] = [
  { at: [106.5838, 29.5655], radiusM: 260 }, // 来福士 Raffles City, Chaotianmen
  { at: [106.57745, 29.55752], radiusM: 70 }, // 解放碑 square
];
const MAX_RADIUS_M = 9_000;

const WATER_FILE = fileURLToPath(new URL('../../public/geo/chongqing-water.geojson', import.meta.url));

interface Shape {
  bbox: [number, number, number, number];
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  code?: number;
}

function bboxOf(geometry: Shape['geometry']): Shape['bbox'] {
  const b: Shape['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else (c as unknown[]).forEach(walk);
  };
  walk(geometry.coordinates);
  return b;
}

const inside = (s: Shape, p: [number, number]) =>
  p[0] >= s.bbox[0] && p[0] <= s.bbox[2] && p[1] >= s.bbox[1] && p[1] <= s.bbox[3] && pointInGeometry(p, s.geometry);

/**
 * A plausible mountain-city core, deterministic from the seed: street blocks on a grid that turns
 * from district to district, buildings clustered around the real business centres and tallest at
 * Jiefangbei (median ~95 m there, towers up to ~330 m), none on the water. `count` are placed.
 */
export function generateBuildings(districts: DistrictsResponse, count: number, seed: number): Buildings {
  const rng = createRandom(hashSeed('buildings', seed));
  const core: Shape[] = districts.features
    .filter((f) => CORE_DISTRICTS.includes(f.properties.code))
    .map((f) => ({ geometry: f.geometry as Shape['geometry'], bbox: bboxOf(f.geometry as Shape['geometry']), code: Number(f.properties.code) }));
  const water: Shape[] = JSON.parse(readFileSync(WATER_FILE, 'utf8')).features.map((f: { geometry: Shape['geometry'] }) => ({
    geometry: f.geometry,
    bbox: bboxOf(f.geometry),
  }));
  const mPerLon = 111_320 * Math.cos((CITY_ORIGIN[1] * Math.PI) / 180);
  const mPerLat = 110_540;
  const toLonLat = (x: number, y: number): [number, number] => [CITY_ORIGIN[0] + x / mPerLon, CITY_ORIGIN[1] + y / mPerLat];
  // Each district lays its streets at its own angle, as hillside cities do.
  const gridAngle = new Map(core.map((d) => [d.code!, createRandom(hashSeed(String(d.code), seed)).range(-0.6, 0.6)]));

  const b: Buildings = {
    origin: CITY_ORIGIN,
    count: 0,
    x: new Float32Array(count),
    y: new Float32Array(count),
    width: new Float32Array(count),
    depth: new Float32Array(count),
    height: new Float32Array(count),
    angle: new Float32Array(count),
    district: new Float32Array(count),
  };
  let attempts = 0;
  const centres = CENTRES.map((c) => ({ ...c, x: (c.at[0] - CITY_ORIGIN[0]) * mPerLon, y: (c.at[1] - CITY_ORIGIN[1]) * mPerLat }));
  const clear = CLEAR_SITES.map((c) => ({ x: (c.at[0] - CITY_ORIGIN[0]) * mPerLon, y: (c.at[1] - CITY_ORIGIN[1]) * mPerLat, r: c.radiusM }));
  const totalWeight = centres.reduce((sum, c) => sum + c.weight, 0);
  const coreness = (x: number, y: number) => Math.max(...centres.map((c) => c.weight * Math.exp(-Math.hypot(x - c.x, y - c.y) / SPREAD_M)));
  while (b.count < count && attempts < count * 60) {
    attempts += 1;
    // A centre by weight, then a distance from it falling off exponentially.
    let pick = rng.next() * totalWeight;
    const centre = centres.find((c) => (pick -= c.weight) <= 0) ?? centres[0];
    const r = -SPREAD_M * Math.log(1 - rng.next() * (1 - Math.exp(-MAX_RADIUS_M / SPREAD_M)));
    const theta = rng.next() * 2 * Math.PI;
    const bx = centre.x + r * Math.cos(theta);
    const by = centre.y + r * Math.sin(theta);
    const here = toLonLat(bx, by);
    const district = core.find((d) => inside(d, here));
    if (!district) continue;
    const angle = gridAngle.get(district.code!)!;
    // Snap to the district's street grid, then place a building inside the block.
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const u = Math.round((bx * c + by * s) / BLOCK_M) * BLOCK_M + rng.range(-0.3, 0.3) * BLOCK_M;
    const v = Math.round((-bx * s + by * c) / BLOCK_M) * BLOCK_M + rng.range(-0.3, 0.3) * BLOCK_M;
    const x = u * c - v * s;
    const y = u * s + v * c;
    const at = toLonLat(x, y);
    if (!inside(district, at) || water.some((w) => inside(w, at))) continue;
    if (clear.some((c) => Math.hypot(x - c.x, y - c.y) < c.r)) continue;
    const median = 16 + 80 * coreness(x, y); // ~96 m at Jiefangbei, mid-rise between centres
    const height = Math.min(330, Math.max(6, median * Math.exp(0.55 * rng.gauss())));
    const tower = height > 120;
    const i = b.count++;
    b.x[i] = x;
    b.y[i] = y;
    b.width[i] = tower ? rng.range(28, 48) : rng.range(14, 40);
    b.depth[i] = tower ? rng.range(28, 48) : rng.range(12, 30);
    b.height[i] = height;
    b.angle[i] = angle;
    b.district[i] = district.code!;
  }
  return b;
}
