import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { EnvironmentSimulator } from '../../../mock-server/sim/environment/simulator.ts';
import { CONTRACT_VERSION, topicSnapshotSchema } from '../contract.ts';
import {
  AQI_CATEGORIES,
  AirStationsSchema,
  AirSummarySchema,
  Pm25GridSchema,
  aqiCategoryOf,
  environmentTopics,
  pm25Of,
  pm25QuantOf,
  type AirStations,
  type AirSummary,
  type Pm25GridWire,
} from './environment.ts';

const T = Date.UTC(2024, 11, 20, 6, 0); // 14:00 on a winter day in Chongqing
const sim = new EnvironmentSimulator({ seed: 3, districts: loadDistricts(), cols: 48, rows: 40 });
const out = new Map(sim.step(T));
const stations = out.get('environment.stations') as AirStations;
const grid = out.get('environment.pm25') as Pm25GridWire;
const summary = out.get('environment.summary') as AirSummary;
const clone = <X>(v: X): X => structuredClone(v);

describe('environment topics', () => {
  it('accept what the simulator emits, live and as JSON snapshots', () => {
    expect(environmentTopics.map((t) => t.name)).toEqual(['environment.stations', 'environment.pm25', 'environment.summary']);
    for (const spec of environmentTopics) {
      const data = out.get(spec.name);
      expect(spec.schema.safeParse(data).success, spec.name).toBe(true);
      const json = JSON.parse(JSON.stringify({ contractVersion: CONTRACT_VERSION, epoch: 'e1', topic: spec.name, simulated: true, seq: 1, time: T, data }));
      expect(topicSnapshotSchema(spec.name, spec.schema).safeParse(json).success, spec.name).toBe(true);
    }
    const parsed = Pm25GridSchema.parse(grid);
    expect(parsed.values.length).toBe(48 * 40);
  });

  it('AQI categories follow HJ 633 boundaries', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map(aqiCategoryOf)).toEqual([
      'excellent', 'excellent', 'good', 'good', 'light', 'light', 'moderate', 'moderate', 'heavy', 'heavy', 'severe', 'severe',
    ]);
  });

  it('reject a category or primary pollutant that contradicts the AQI (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat(stations.stations.length - 1), fc.integer({ min: 0, max: 500 }), fc.constantFrom(...AQI_CATEGORIES), (k, aqi, category) => {
        fc.pre(aqiCategoryOf(aqi) !== category);
        const s = clone(stations);
        Object.assign(s.stations[k], { aqi, category, primaryPollutant: aqi > 50 ? 'pm25' : null });
        expect(AirStationsSchema.safeParse(s).success).toBe(false);
      }),
    );
    const s = clone(stations);
    Object.assign(s.stations[0], { aqi: 30, category: 'excellent', primaryPollutant: 'o3' });
    expect(AirStationsSchema.safeParse(s).success).toBe(false);
    Object.assign(s.stations[0], { aqi: 80, category: 'good', primaryPollutant: null });
    expect(AirStationsSchema.safeParse(s).success).toBe(false);
  });

  it('reject bad numbers, unbounded lists and mismatched grids', () => {
    const bad = fc.constantFrom(Number.NaN, -5, Number.POSITIVE_INFINITY, 1e7, '40', null);
    fc.assert(
      fc.property(bad, fc.constantFrom('pm25', 'pm10', 'o3', 'no2', 'so2', 'co', 'aqi'), (v, field) => {
        const s = clone(stations);
        (s.stations[1] as unknown as Record<string, unknown>)[field] = v;
        expect(AirStationsSchema.safeParse(s).success).toBe(false);
      }),
    );
    const many = clone(stations);
    many.stations = Array.from({ length: 301 }, (_, i) => ({ ...stations.stations[0], id: `AQ${String(i).padStart(5, '0')}` }));
    expect(AirStationsSchema.safeParse(many).success).toBe(false);
    const short = clone(grid);
    short.cells = short.cells.slice(8);
    expect(Pm25GridSchema.safeParse(short).success).toBe(false);
    const long = clone(summary);
    long.pm25History = Array.from({ length: 73 }, (_, i) => [T - i * 3_600_000, 40] as [number, number]);
    expect(AirSummarySchema.safeParse(long).success).toBe(false);
  });

  it('reject a summary whose counts do not add up', () => {
    const s = clone(summary);
    s.goodDays = s.daysElapsed + 1;
    expect(AirSummarySchema.safeParse(s).success).toBe(false);
    const e = clone(summary);
    e.excellentDays = e.goodDays + 1;
    expect(AirSummarySchema.safeParse(e).success).toBe(false);
    const p = clone(summary);
    p.primaryDays.pm25 += p.daysElapsed;
    expect(AirSummarySchema.safeParse(p).success).toBe(false);
  });

  it('PM2.5 quantisation: 2 μg/m³ steps, 1 is the lowest value inside, 0 is no data', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), (v) => {
        const q = pm25QuantOf(v);
        expect(q).toBeGreaterThanOrEqual(1);
        expect(Math.abs(pm25Of(q) - v)).toBeLessThanOrEqual(Math.max(1, v < 2 ? 2 : 1) + 1e-9);
      }),
    );
    expect(pm25QuantOf(1000)).toBe(255);
  });
});
