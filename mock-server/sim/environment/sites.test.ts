import { describe, expect, it } from 'vitest';
import { loadDistricts, pointInGeometry } from '../../geo.ts';
import { buildAirSites } from './sites.ts';

const districts = loadDistricts();
const sites = buildAirSites(districts.features);

describe('air-quality network', () => {
  it('has about sixty sites, unique ids, every district covered, each inside its district', () => {
    expect(sites.length).toBeGreaterThanOrEqual(50);
    expect(sites.length).toBeLessThanOrEqual(70);
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    const byCode = new Map(districts.features.map((f) => [f.properties.code, f]));
    for (const f of districts.features) expect(sites.some((s) => s.districtCode === f.properties.code)).toBe(true);
    for (const s of sites) expect(pointInGeometry(s.position, byCode.get(s.districtCode)!.geometry), s.name).toBe(true);
  });

  it('is denser in the main urban area', () => {
    const core = sites.filter((s) => Math.hypot(s.position[0] - 106.55, s.position[1] - 29.56) < 0.35);
    const coreShare = core.length / sites.length;
    expect(coreShare).toBeGreaterThan(0.25);
    expect(sites.filter((s) => s.kind === 'background').length).toBeGreaterThanOrEqual(3);
  });
});
