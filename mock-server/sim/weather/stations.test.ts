import { describe, expect, it } from 'vitest';
import { loadDistricts, pointInGeometry } from '../../geo.ts';
import { buildStationSites, siteShortName } from './stations.ts';

const districts = loadDistricts();
const sites = buildStationSites(districts.features);

describe('weather station network', () => {
  it('has 40–80 stations with unique ids, at least one in every district', () => {
    expect(sites.length).toBeGreaterThanOrEqual(40);
    expect(sites.length).toBeLessThanOrEqual(80);
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    for (const f of districts.features) expect(sites.some((s) => s.districtCode === f.properties.code), f.properties.name).toBe(true);
  });

  it('puts every station inside the district it reports for', () => {
    const byCode = new Map(districts.features.map((f) => [f.properties.code, f]));
    for (const s of sites) expect(pointInGeometry(s.position, byCode.get(s.districtCode)!.geometry), s.name).toBe(true);
  });

  it('places mountain stations high and seats low', () => {
    const mountains = sites.filter((s) => s.kind === 'mountain');
    expect(mountains.length).toBeGreaterThanOrEqual(5);
    for (const m of mountains) expect(m.elevationM).toBeGreaterThan(800);
    const seat = sites.find((s) => s.name === '沙坪坝')!;
    expect(seat.elevationM).toBeLessThan(400);
  });

  it('uses the everyday short names', () => {
    expect(siteShortName('石柱土家族自治县')).toBe('石柱');
    expect(siteShortName('沙坪坝区')).toBe('沙坪坝');
    expect(siteShortName('忠县')).toBe('忠县');
  });
});
