import { describe, expect, it } from 'vitest';
import { ReadingSchema, type Reading } from '../../src/hub/contract.ts';
import { loadDistricts } from '../geo.ts';
import { environmentSim } from '../sim/environment.ts';
import { healthSim } from '../sim/health.ts';
import { READING_TOPICS, readingsFromTopic, readingsFromTopics } from './readings-from-topics.ts';

const T = Date.UTC(2024, 6, 10, 2);
const DISTRICTS = [
  { code: '500103', name: '渝中区', center: [106.55, 29.558] as [number, number] },
  { code: '500105', name: '江北区', center: [106.828, 29.629] as [number, number] },
];
const toReadings = readingsFromTopics(DISTRICTS);
const brief = (rs: Reading[]) => rs.map((r) => [r.metric, r.place.id, r.value]);

describe('readings from topics', () => {
  it('gives district rain from weather.warnings', () => {
    const data = {
      time: T,
      active: [],
      issuedToday: 0,
      liftedToday: 0,
      districts: [
        { code: '500103', rain1hMm: 12.5, rain3hMm: 20, rain12hMm: 30, rainTodayMm: 31 },
        { code: '500105', rain1hMm: 0, rain3hMm: 0, rain12hMm: 0, rainTodayMm: 0 },
        { code: '999999', rain1hMm: 80, rain3hMm: 80, rain12hMm: 80, rainTodayMm: 80 },
      ],
    };
    const rs = toReadings('weather.warnings', data, T + 5);
    expect(brief(rs)).toEqual([
      ['rain', '500103', 12.5],
      ['rain', '500105', 0],
    ]);
    expect(rs[0]).toEqual({ metric: 'rain', place: { kind: 'district', id: '500103', name: '渝中区', district: '500103', position: [106.55, 29.558] }, value: 12.5, time: T + 5 });
    for (const r of rs) expect(ReadingSchema.safeParse(r).success).toBe(true);
  });

  it('gives the mean AQI of each district’s stations', () => {
    const station = (id: string, districtCode: string, aqi: number) => ({ id, districtCode, aqi });
    const data = { time: T, stations: [station('AQ00001', '500103', 80), station('AQ00002', '500103', 121), station('AQ00003', '500105', 40)] };
    expect(brief(toReadings('environment.stations', data, T))).toEqual([
      ['aqi', '500103', 101],
      ['aqi', '500105', 40],
    ]);
  });

  it('gives the congestion index of the districts traffic reports', () => {
    const data = { districts: [{ code: '500105', index: 6.4, speedKmh: 22 }] };
    expect(brief(toReadings('traffic.congestion', data, T))).toEqual([['congestion', '500105', 6.4]]);
  });

  it('gives the red-code share in percent', () => {
    const d = (code: string, issued: number, red: number) => ({ code, issued, red, green: issued - red, yellow: 0 });
    const data = { time: T, districts: [d('500103', 500_000, 15), d('500105', 0, 0)], totals: {} };
    expect(brief(toReadings('health.districts', data, T))).toEqual([['red-code-share', '500103', 0.003]]);
  });

  it('knows the real districts without being told', () => {
    const rs = readingsFromTopic('traffic.congestion', { districts: [{ code: '500112', index: 7, speedKmh: 20 }] }, T);
    expect(rs).toMatchObject([{ metric: 'congestion', value: 7, place: { kind: 'district', id: '500112', name: '渝北区' } }]);
    expect(readingsFromTopic('weather.radar', {}, T)).toEqual([]);
  });

  it('gives nothing for other topics or values that are not objects', () => {
    expect(toReadings('weather.radar', { time: T }, T)).toEqual([]);
    expect(toReadings('health.districts', null, T)).toEqual([]);
    expect(toReadings('traffic.congestion', {}, T)).toEqual([]);
  });

  it('turns what the simulators publish into valid readings for every district they cover', () => {
    const districts = loadDistricts();
    const ctx = { seed: 7, districts, districtProps: districts.features.map((f) => f.properties), startTime: T, env: {} };
    const fromSims = readingsFromTopics(ctx.districtProps);
    const seen = new Map<string, number>();
    for (const sim of [healthSim, environmentSim].map((m) => m.create(ctx)))
      for (const [topic, data] of sim.step(T + 60_000)) {
        const rs = fromSims(topic, data, T + 60_000);
        if (READING_TOPICS[topic]) expect(rs.length).toBeGreaterThan(0);
        for (const r of rs) {
          expect(ReadingSchema.safeParse(r).success).toBe(true);
          seen.set(r.metric, (seen.get(r.metric) ?? 0) + 1);
        }
      }
    expect(seen.get('red-code-share')).toBe(38);
    expect(seen.get('aqi')).toBeGreaterThan(20);
  });
});
