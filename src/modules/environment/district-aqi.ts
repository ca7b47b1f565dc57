import type { AirStations } from '../../hub/topics/environment.ts';

/** Each district's AQI as the mean of its sites' AQI, worst first. */
export function districtAqi(stations: AirStations): { code: string; aqi: number }[] {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of stations.stations) {
    const e = sums.get(s.districtCode) ?? { sum: 0, n: 0 };
    e.sum += s.aqi;
    e.n += 1;
    sums.set(s.districtCode, e);
  }
  return [...sums].map(([code, e]) => ({ code, aqi: Math.round(e.sum / e.n) })).sort((a, b) => b.aqi - a.aqi || a.code.localeCompare(b.code));
}

