// Checks on the committed geography in public/geo (regenerate with
// `npm run data:districts` and `npm run data:rivers`).
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Pos = [number, number];
type Ring = Pos[];
type Geometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] }
  | { type: 'LineString'; coordinates: Pos[] };
interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: Geometry;
}
interface FC<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}
interface District {
  code: string;
  name: string;
  nameEn: string;
  center: Pos;
  areaKm2: number;
}
interface Water {
  level: number;
  name?: string;
}

const file = (name: string) => new URL(`../public/geo/${name}`, import.meta.url);
const load = <P>(name: string): FC<P> => JSON.parse(readFileSync(file(name), 'utf8'));

const BBOX = { minX: 105.2, maxX: 110.3, minY: 28.1, maxY: 32.3 };
const CONFLUENCE: Pos = [106.586, 29.566]; // Chaotianmen, Yangtze/Jialing (WGS-84)

const polygonsOf = (g: Geometry): Ring[][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
const positionsOf = (g: Geometry): Pos[] => (g.type === 'LineString' ? g.coordinates : polygonsOf(g).flat(2));

// Winding-number point-in-polygon (independent of the scripts' ray-casting helper).
function windingNumber([px, py]: Pos, ring: Ring): number {
  const isLeft = (a: Pos, b: Pos) => (b[0] - a[0]) * (py - a[1]) - (px - a[0]) * (b[1] - a[1]);
  let wn = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (a[1] <= py) {
      if (b[1] > py && isLeft(a, b) > 0) wn++;
    } else if (b[1] <= py && isLeft(a, b) < 0) wn--;
  }
  return wn;
}
const insidePolygon = (pt: Pos, rings: Ring[]) =>
  windingNumber(pt, rings[0]) !== 0 && rings.slice(1).every((h) => windingNumber(pt, h) === 0);
const insideGeometry = (pt: Pos, g: Geometry) => polygonsOf(g).some((p) => insidePolygon(pt, p));

// metres between a point and a segment (local equirectangular projection)
function distToSegmentM(p: Pos, a: Pos, b: Pos): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const m = 111_195;
  const [ax, ay, bx, by, x, y] = [a[0] * k, a[1], b[0] * k, b[1], p[0] * k, p[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(ax + t * dx - x, ay + t * dy - y) * m;
}
function distToGeometryM(p: Pos, g: Geometry): number {
  if (insideGeometry(p, g)) return 0;
  let best = Infinity;
  for (const poly of polygonsOf(g))
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) best = Math.min(best, distToSegmentM(p, ring[i], ring[i + 1]));
  return best;
}

const hasAtMost5Decimals = (v: number) => Math.abs(Math.round(v * 1e5) - v * 1e5) < 1e-6;

describe('public/geo/chongqing-districts.geojson', () => {
  const fc = load<District>('chongqing-districts.geojson');

  it('has the 38 districts and counties of the source data', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(38);
    const names = fc.features.map((f) => f.properties.name);
    for (const n of ['渝中区', '江北区', '南岸区', '万州区', '开州区', '忠县', '城口县', '秀山土家族苗族自治县'])
      expect(names).toContain(n);
  });

  it('has unique 6-digit codes, Chinese names ending in 区/县 and English names', () => {
    const codes = fc.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { properties: p } of fc.features) {
      expect(p.code).toMatch(/^50\d{4}$/);
      expect(p.name).toMatch(/[区县]$/);
      expect(p.nameEn).toMatch(/^[A-Z][A-Za-z' ]+$/);
    }
    expect(fc.features.find((f) => f.properties.code === '500103')?.properties).toMatchObject({
      name: '渝中区',
      nameEn: 'Yuzhong',
    });
  });

  it('has every center inside its own polygon', () => {
    for (const f of fc.features) {
      expect(insideGeometry(f.properties.center, f.geometry), `${f.properties.name} center`).toBe(true);
    }
  });

  it('keeps all coordinates inside the Chongqing bbox, rounded to 5 decimals', () => {
    const bad: string[] = [];
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      for (const [x, y] of [...positionsOf(f.geometry), f.properties.center]) {
        const inBox = x >= BBOX.minX && x <= BBOX.maxX && y >= BBOX.minY && y <= BBOX.maxY;
        if (!inBox || !hasAtMost5Decimals(x) || !hasAtMost5Decimals(y)) bad.push(`${f.properties.code}: ${x},${y}`);
      }
      for (const poly of polygonsOf(f.geometry))
        for (const ring of poly) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
    }
    expect(bad).toEqual([]);
  });

  it('has plausible areas (municipality ≈ 82,400 km²)', () => {
    const total = fc.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(total).toBeGreaterThan(80_000);
    expect(total).toBeLessThan(85_000);
    const yz = fc.features.find((f) => f.properties.code === '500103')!;
    expect(yz.properties.areaKm2).toBeGreaterThan(18);
    expect(yz.properties.areaKm2).toBeLessThan(28);
  });

  it('is in WGS-84: the Chaotianmen confluence lies inside Yuzhong, near its eastern edge', () => {
    const yz = fc.features.find((f) => f.properties.code === '500103')!;
    expect(insideGeometry(CONFLUENCE, yz.geometry)).toBe(true);
    let edge = Infinity;
    for (const poly of polygonsOf(yz.geometry))
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) edge = Math.min(edge, distToSegmentM(CONFLUENCE, ring[i], ring[i + 1]));
    expect(edge).toBeLessThan(200);
  });
});

describe('public/geo/chongqing-rivers.geojson', () => {
  const fc = load<Water>('chongqing-rivers.geojson');

  it('is a small set of LineStrings with levels 1..3', () => {
    expect(statSync(file('chongqing-rivers.geojson')).size).toBeLessThan(400 * 1024);
    expect(fc.features.length).toBeGreaterThan(5);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('LineString');
      expect([1, 2, 3]).toContain(f.properties.level);
      expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
    }
    const levels = new Set(fc.features.map((f) => f.properties.level));
    expect([...levels].sort()).toEqual([1, 2, 3]);
  });

  it('names the Yangtze and the Jialing', () => {
    const names = new Set(fc.features.map((f) => f.properties.name));
    expect(names.has('长江')).toBe(true);
    expect(names.has('嘉陵江')).toBe(true);
  });
});

describe('public/geo/chongqing-water.geojson', () => {
  const fc = load<Water>('chongqing-water.geojson');

  it('is compact (Multi)Polygons with levels', () => {
    expect(statSync(file('chongqing-water.geojson')).size).toBeLessThan(600 * 1024);
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect([1, 2]).toContain(f.properties.level);
      const bad = positionsOf(f.geometry).filter(([x, y]) => !hasAtMost5Decimals(x) || !hasAtMost5Decimals(y));
      expect(bad).toEqual([]);
    }
    expect(fc.features.find((f) => f.properties.name === '长江')?.properties.level).toBe(1);
  });

  it('has water within 2 km of the Yangtze/Jialing confluence', () => {
    const near = fc.features.filter((f) => distToGeometryM(CONFLUENCE, f.geometry) < 2000);
    expect(near.length).toBeGreaterThan(0);
    expect(near.map((f) => f.properties.name)).toContain('长江');
  });
});
