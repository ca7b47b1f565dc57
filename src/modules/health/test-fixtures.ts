/** Small, hand-made topic values and districts for the health module's unit tests. */
import { CONTRACT_VERSION, type DistrictFeature, type DistrictsResponse } from '../../hub/contract.ts';
import type { Checkpoint, HealthAlert, HealthCheckpoints, HealthDistrict, HealthDistricts } from '../../hub/topics/health.ts';

export const T0 = Date.UTC(2024, 4, 20, 6, 20, 0); // 14:20 in Chongqing

export function square(code: string, name: string, nameEn: string, center: [number, number]): DistrictFeature {
  const [x, y] = center;
  const ring: [number, number][] = [[x - 0.05, y - 0.05], [x + 0.05, y - 0.05], [x + 0.05, y + 0.05], [x - 0.05, y + 0.05], [x - 0.05, y - 0.05]];
  return { type: 'Feature', properties: { code, name, nameEn, center, areaKm2: 100 }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export const DISTRICTS: DistrictsResponse = {
  contractVersion: CONTRACT_VERSION,
  datum: 'WGS84',
  type: 'FeatureCollection',
  features: [
    square('500112', '渝北区', 'Yubei', [106.79, 29.81]),
    square('500229', '城口县', 'Chengkou', [108.71, 31.87]),
    square('500240', '石柱土家族自治县', 'Shizhu', [108.29, 30.04]),
  ],
};

export function district(code: string, issued: number, yellow: number, red: number, alert: HealthAlert | null = null): HealthDistrict {
  return { code, issued, green: issued - yellow - red, yellow, red, nonGreenShare: (yellow + red) / issued, scannedToday: issued / 2, scansToday: issued, alert };
}

export function healthDistricts(alertOn: HealthAlert | null = { level: 'yellow', since: T0 - 3_600_000, reason: 'yellow-share' }): HealthDistricts {
  const districts = [district('500112', 2_300_000, 30_000, 80, alertOn), district('500229', 200_000, 400, 1), district('500240', 380_000, 900, 3)];
  return {
    time: T0,
    districts,
    totals: {
      issued: districts.reduce((s, d) => s + d.issued, 0),
      green: districts.reduce((s, d) => s + d.green, 0),
      yellow: districts.reduce((s, d) => s + d.yellow, 0),
      red: districts.reduce((s, d) => s + d.red, 0),
      scannedToday: districts.reduce((s, d) => s + d.scannedToday, 0),
      scansToday: districts.reduce((s, d) => s + d.scansToday, 0),
      alerts: districts.filter((d) => d.alert).length,
    },
  };
}

export function checkpoint(id: string, scans: number, share: number, kind: Checkpoint['kind'] = 'hospital'): Checkpoint {
  return { id, name: `${id} 医院`, kind, districtCode: '500112', position: [106.8, 29.8], scansLastHour: scans, nonGreenShare: share };
}

export const CHECKPOINTS: HealthCheckpoints = {
  time: T0,
  checkpoints: [checkpoint('cp-a', 12_000, 0.05), checkpoint('cp-b', 0, 0.001, 'residential'), checkpoint('cp-c', 3000, 0.015, 'mall')],
};
