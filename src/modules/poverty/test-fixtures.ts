/** Small, hand-made topic values for the poverty module's unit tests. */
import { CONTRACT_VERSION, type DistrictFeature, type DistrictsResponse } from '../../hub/contract.ts';
import type { PovertyDistricts, PovertyPairs, PovertyVillage, PovertyVillages } from '../../hub/topics/poverty.ts';

export const T0 = Date.UTC(2024, 4, 20, 6, 0, 0);

function square(code: string, name: string, nameEn: string, center: [number, number]): DistrictFeature {
  const [x, y] = center;
  const ring: [number, number][] = [[x - 0.1, y - 0.1], [x + 0.1, y - 0.1], [x + 0.1, y + 0.1], [x - 0.1, y + 0.1], [x - 0.1, y - 0.1]];
  return { type: 'Feature', properties: { code, name, nameEn, center, areaKm2: 400 }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export const DISTRICTS: DistrictsResponse = {
  contractVersion: CONTRACT_VERSION,
  datum: 'WGS84',
  type: 'FeatureCollection',
  features: [
    square('500103', '渝中区', 'Yuzhong', [106.55, 29.56]),
    square('500229', '城口县', 'Chengkou', [108.71, 31.87]),
    square('500154', '开州区', 'Kaizhou', [108.41, 31.34]),
  ],
};

export function povertyDistricts(): PovertyDistricts {
  const districts = [
    { code: '500103', keyCounty: false, households: 80, people: 230, villages: 0, usesToday: 200 },
    { code: '500229', keyCounty: true, households: 16_000, people: 52_000, villages: 85, usesToday: 900 },
    { code: '500154', keyCounty: true, households: 64_000, people: 169_000, villages: 135, usesToday: 2300 },
  ];
  return {
    time: T0,
    districts,
    totals: { households: 80_080, people: 221_230, villages: 220, keyCounties: 2 },
    platform: { users: 270_000, usesTotal: 35_232_639, usesToday: 32_639, dailyActive: 22_066 },
  };
}

export const PAIRS: PovertyPairs = {
  time: T0,
  pairs: [
    { id: 'pair-500103-500229', from: '500103', to: '500229', fundsWan: 26_258, projects: 94, since: 2017 },
    { id: 'pair-500103-500154', from: '500103', to: '500154', fundsWan: 6_564.5, projects: 30, since: 2018 },
    { id: 'pair-500199-500154', from: '500199', to: '500154', fundsWan: 100, projects: 1, since: 2018 },
  ],
};

export function village(i: number, code: string, households: number, position: [number, number], industry: PovertyVillage['industry'] = 'herbs'): PovertyVillage {
  return { id: `v-${code}-${i}`, districtCode: code, name: `青岩${i}村`, position, households, industry, incomeGrowth: 0.123 };
}

export const VILLAGES: PovertyVillages = {
  time: T0,
  villages: [
    village(0, '500229', 60, [108.7, 31.87]),
    village(1, '500229', 180, [108.71, 31.871], 'pigs'),
    village(2, '500229', 120, [109.05, 31.95], 'tea'),
    village(3, '500154', 90, [108.4, 31.3], 'citrus'),
  ],
};
