import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDistricts, pointInGeometry } from '../geo.ts';
import { CITY_ORIGIN, CORE_DISTRICTS, generateBuildings } from './buildings-gen.ts';

const districts = loadDistricts();
const water = JSON.parse(readFileSync(new URL('../../public/geo/chongqing-water.geojson', import.meta.url), 'utf8')).features;
const mPerLon = 111_320 * Math.cos((CITY_ORIGIN[1] * Math.PI) / 180);
const lonLat = (x: number, y: number): [number, number] => [CITY_ORIGIN[0] + x / mPerLon, CITY_ORIGIN[1] + y / 110_540];

describe('generated city', () => {
  const b = generateBuildings(districts, 4000, 7);

  it('is deterministic from the seed', () => {
    const again = generateBuildings(districts, 4000, 7);
    expect([...again.x]).toEqual([...b.x]);
    const other = generateBuildings(districts, 4000, 8);
    expect([...other.x]).not.toEqual([...b.x]);
  });

  it('places every building in a core district, in the district it names, never on the water', () => {
    expect(b.count).toBe(4000);
    const byCode = new Map(districts.features.map((f) => [Number(f.properties.code), f.geometry]));
    for (let i = 0; i < b.count; i += 7) {
      const p = lonLat(b.x[i], b.y[i]);
      expect(CORE_DISTRICTS).toContain(String(b.district[i]));
      expect(pointInGeometry(p, byCode.get(b.district[i])!)).toBe(true);
      expect(water.some((w: { geometry: never }) => pointInGeometry(p, w.geometry))).toBe(false);
    }
  });

  it('is taller and denser near Jiefangbei than at the edge of the city', () => {
    const near: number[] = [];
    const far: number[] = [];
    for (let i = 0; i < b.count; i++) {
      const d = Math.hypot(b.x[i], b.y[i]);
      if (d < 1500) near.push(b.height[i]);
      else if (d > 10_000 && d < 15_000) far.push(b.height[i]);
    }
    const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
    // Buildings per km²: a 1.5 km disc around Jiefangbei against the 10–15 km ring.
    const nearDensity = near.length / (Math.PI * 1.5 ** 2);
    const farDensity = far.length / (Math.PI * (15 ** 2 - 10 ** 2));
    expect(nearDensity).toBeGreaterThan(5 * farDensity);
    expect(median(near)).toBeGreaterThan(2 * median(far));
    expect(Math.max(...b.height)).toBeLessThanOrEqual(330);
  });
});
