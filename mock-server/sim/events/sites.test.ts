import { describe, expect, it } from 'vitest';
import { PlaceSchema } from '../../../src/hub/contract.ts';
import { loadDistricts, pointInGeometry } from '../../geo.ts';
import { DANGEROUS_ROCKS, LOW_POINTS, RIVER_GAUGES, SITES, placeOf } from './sites.ts';

describe('monitored sites', () => {
  const districts = loadDistricts();

  it('lies each inside the polygon of its district', () => {
    for (const s of SITES) {
      const d = districts.features.find((f) => f.properties.code === s.district);
      expect(d, `${s.id}: district ${s.district}`).toBeDefined();
      expect(pointInGeometry(s.position, d!.geometry), `${s.id} in ${d!.properties.name}`).toBe(true);
    }
  });

  it('has unique ids that make valid places', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    for (const s of SITES) expect(PlaceSchema.safeParse(placeOf(s)).success, s.id).toBe(true);
  });

  it('covers the rivers of the main city, the Three Gorges rocks and main-city low points', () => {
    expect(RIVER_GAUGES.map((g) => g.name)).toEqual(expect.arrayContaining(['寸滩水文站', '朝天门水位站', '北碚水文站', '磁器口水位站']));
    expect(new Set(RIVER_GAUGES.map((g) => g.river))).toEqual(new Set(['yangtze', 'jialing']));
    const gorges = new Set(['500101', '500235', '500236', '500237']); // Wanzhou, Yunyang, Fengjie, Wushan
    expect(DANGEROUS_ROCKS.filter((r) => gorges.has(r.district)).length).toBeGreaterThanOrEqual(5);
    const core = new Set(['500103', '500104', '500105', '500106', '500107', '500108', '500112', '500113']);
    expect(LOW_POINTS.every((p) => core.has(p.district))).toBe(true);
  });
});
