/**
 * District readings for the rules engine, from the values the simulators publish on their topics:
 * - rain: `weather.warnings` districts[].rain1hMm (mm in the last hour, the wettest cell of the
 *   district), metric `rain`;
 * - AQI: `environment.stations`, the mean AQI of each district's stations (districts without a
 *   station give none), metric `aqi`;
 * - congestion: `traffic.congestion` districts[].index (0–10, main-city districts only), metric
 *   `congestion`;
 * - red-code share: `health.districts`, 100 × red ÷ issued, in %, metric `red-code-share`.
 * Every reading is timed at `time`, the hub time the value was published (not the time inside the
 * payload, which for hourly means stands still for an hour). Other topics give no readings.
 * Values come from the hub's own simulators and are trusted; a district code the hub does not know
 * is skipped.
 */
import type { DistrictProperties, Metric, Place, Reading } from '../../src/hub/contract.ts';
import { loadDistricts } from '../geo.ts';
import type { AirStations } from '../../src/hub/topics/environment.ts';
import type { HealthDistricts } from '../../src/hub/topics/health.ts';
import type { TrafficCongestion } from '../../src/hub/topics/traffic.ts';
import type { WeatherWarnings } from '../../src/hub/topics/weather.ts';

export type DistrictInfo = Pick<DistrictProperties, 'code' | 'name' | 'center'>;

/** The topics that give readings, and the metric each gives. */
export const READING_TOPICS: Readonly<Record<string, Metric>> = {
  'weather.warnings': 'rain',
  'environment.stations': 'aqi',
  'traffic.congestion': 'congestion',
  'health.districts': 'red-code-share',
};

export type TopicReadings = (topic: string, data: unknown, time: number) => Reading[];

const round = (x: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
};

/**
 * The pure function `(topic, data, time) => Reading[]` for a city's districts (places are made
 * once per district and shared by its readings).
 */
export function readingsFromTopics(districts: readonly DistrictInfo[]): TopicReadings {
  const places = new Map<string, Place>();
  for (const d of districts)
    places.set(d.code, { kind: 'district', id: d.code, name: d.name.slice(0, 40), district: d.code, position: [d.center[0], d.center[1]] });

  const reading = (metric: Metric, code: string, value: number, time: number, out: Reading[]) => {
    const place = places.get(code);
    if (place && Number.isFinite(value)) out.push({ metric, place, value, time });
  };

  return (topic, data, time) => {
    const out: Reading[] = [];
    if (data === null || typeof data !== 'object') return out;
    switch (topic) {
      case 'weather.warnings':
        for (const d of (data as WeatherWarnings).districts ?? []) reading('rain', d.code, d.rain1hMm, time, out);
        break;
      case 'environment.stations': {
        const sums = new Map<string, [sum: number, n: number]>();
        for (const s of (data as AirStations).stations ?? []) {
          const acc = sums.get(s.districtCode);
          if (acc) {
            acc[0] += s.aqi;
            acc[1]++;
          } else sums.set(s.districtCode, [s.aqi, 1]);
        }
        for (const [code, [sum, n]] of sums) reading('aqi', code, Math.round(sum / n), time, out);
        break;
      }
      case 'traffic.congestion':
        for (const d of (data as TrafficCongestion).districts ?? []) reading('congestion', d.code, d.index, time, out);
        break;
      case 'health.districts':
        for (const d of (data as HealthDistricts).districts ?? []) if (d.issued > 0) reading('red-code-share', d.code, round((100 * d.red) / d.issued, 6), time, out);
        break;
    }
    return out;
  };
}

let forCity: TopicReadings | undefined;

/**
 * `(topic, data, time) => Reading[]` for the real districts of Chongqing (loaded once, on first
 * use); readingsFromTopics(districts) makes one for other districts.
 */
export function readingsFromTopic(topic: string, data: unknown, time: number): Reading[] {
  if (!(topic in READING_TOPICS)) return [];
  forCity ??= readingsFromTopics(loadDistricts().features.map((f) => f.properties));
  return forCity(topic, data, time);
}
