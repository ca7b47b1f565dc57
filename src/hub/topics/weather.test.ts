import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { WeatherSimulator } from '../../../mock-server/sim/weather/simulator.ts';
import { topicSnapshotSchema, CONTRACT_VERSION, liveEnvelopeSchema } from '../contract.ts';
import {
  RadarSchema,
  WeatherForecastSchema,
  WeatherStationsSchema,
  WeatherWarningsSchema,
  base64ByteLength,
  decodeBase64,
  rainQuantOf,
  rainRateOf,
  weatherTopics,
  type RadarWire,
  type WeatherForecast,
  type WeatherStations,
  type WeatherWarnings,
} from './weather.ts';

/** 2024-07-15 15:00 in Chongqing: a summer afternoon, with rain and warnings. */
const T = Date.UTC(2024, 6, 15, 7, 0);
const sim = new WeatherSimulator({ seed: 7, districts: loadDistricts(), startTime: T });
const out = new Map(sim.step(T));
const radar = out.get('weather.radar') as RadarWire;
const stations = out.get('weather.stations') as WeatherStations;
const warnings = out.get('weather.warnings') as WeatherWarnings;
const forecast = out.get('weather.forecast') as WeatherForecast;

const clone = <T>(v: T): T => structuredClone(v);

describe('weather topics', () => {
  it('declares four topics with snapshots', () => {
    expect(weatherTopics.map((t) => t.name)).toEqual(['weather.radar', 'weather.stations', 'weather.warnings', 'weather.forecast']);
    expect(weatherTopics.every((t) => t.snapshot)).toBe(true);
  });

  it('accept what the simulator emits, as live envelopes and REST snapshots', () => {
    for (const spec of weatherTopics) {
      const data = out.get(spec.name);
      expect(spec.schema.safeParse(data).success, spec.name).toBe(true);
      expect(liveEnvelopeSchema(spec.name, spec.schema).safeParse({ v: CONTRACT_VERSION, epoch: 'e1', topic: spec.name, seq: 3, time: T, data }).success).toBe(true);
      // A snapshot travels as JSON: the radar's cells are text, so it survives the round trip.
      const json = JSON.parse(JSON.stringify({ contractVersion: CONTRACT_VERSION, epoch: 'e1', topic: spec.name, simulated: true, seq: 3, time: T, data }));
      expect(topicSnapshotSchema(spec.name, spec.schema).safeParse(json).success, spec.name).toBe(true);
    }
  });

  it('decodes the radar cells at the edge into one byte per cell', () => {
    const parsed = RadarSchema.parse(radar);
    expect(parsed.values).toBeInstanceOf(Uint8Array);
    expect(parsed.values.length).toBe(radar.grid.cols * radar.grid.rows);
    expect('cells' in parsed).toBe(false);
    expect(Math.max(...parsed.values)).toBe(rainQuantOf(Math.max(...[...parsed.values].map(rainRateOf))));
  });

  it('rain quantisation round-trips within its resolution and is monotonic', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const back = rainRateOf(rainQuantOf(a));
        expect(Math.abs(Math.sqrt(back) - Math.sqrt(a))).toBeLessThanOrEqual(0.5 / 25 + 1e-9);
        if (a <= b) expect(rainQuantOf(a)).toBeLessThanOrEqual(rainQuantOf(b));
      }),
    );
    expect(rainQuantOf(0)).toBe(0);
    expect(rainQuantOf(0.04)).toBe(0);
    expect(rainQuantOf(500)).toBe(255);
  });

  it('base64 helpers agree with the decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64');
        expect(base64ByteLength(b64)).toBe(bytes.length);
        expect([...decodeBase64(b64)]).toEqual([...bytes]);
      }),
    );
  });

  it('reject radar frames whose cells do not match the grid, or bad base64, or an inverted bbox', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (drop) => {
        const bad = clone(radar);
        bad.cells = Buffer.from(decodeBase64(radar.cells).subarray(drop)).toString('base64');
        expect(RadarSchema.safeParse(bad).success).toBe(false);
      }),
      { numRuns: 20 },
    );
    const notB64 = clone(radar);
    notB64.cells = `<${radar.cells.slice(1)}`;
    expect(RadarSchema.safeParse(notB64).success).toBe(false);
    const inverted = clone(radar);
    inverted.grid.bbox = [110.3, 28.1, 105.2, 32.3];
    expect(RadarSchema.safeParse(inverted).success).toBe(false);
    const tooBig = clone(radar);
    tooBig.grid = { ...tooBig.grid, cols: 512, rows: 512 };
    expect(RadarSchema.safeParse(tooBig).success).toBe(false);
  });

  it('reject malformed fields anywhere (fast-check)', () => {
    const badNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1e9, '12', null);
    fc.assert(
      fc.property(badNumber, fc.constantFrom('temperatureC', 'rain1hMm', 'windSpeedMs', 'humidityPct', 'visibilityKm', 'windFromDeg'), fc.nat(200), (bad, field, k) => {
        const s = clone(stations);
        const station = s.stations[k % s.stations.length] as unknown as Record<string, unknown>;
        if (field === 'temperatureC' && bad === -1) return; // −1 °C is a temperature
        station[field] = bad;
        expect(WeatherStationsSchema.safeParse(s).success).toBe(false);
      }),
    );
    fc.assert(
      fc.property(badNumber, fc.constantFrom('precipProbability', 'precipMm', 'temperatureC'), fc.nat(23), (bad, field, k) => {
        const f = clone(forecast);
        if (field === 'temperatureC' && bad === -1) return;
        (f.hours[k] as unknown as Record<string, unknown>)[field] = bad;
        expect(WeatherForecastSchema.safeParse(f).success).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (level) => {
        fc.pre(!['blue', 'yellow', 'orange', 'red'].includes(level));
        const w = clone(warnings);
        w.active = [{ id: '500106-rainstorm-1', districtCode: '500106', type: 'rainstorm', level: level as 'red', issuedAt: T, basis: { metric: 'rain3h', value: 60, unit: 'mm' } }];
        expect(WeatherWarningsSchema.safeParse(w).success).toBe(false);
      }),
    );
  });

  it('reject duplicates and unbounded arrays', () => {
    const dup = clone(stations);
    dup.stations.push(dup.stations[0]);
    expect(WeatherStationsSchema.safeParse(dup).success).toBe(false);
    const many = clone(stations);
    many.stations = Array.from({ length: 301 }, (_, i) => ({ ...stations.stations[0], id: `CQ${String(i).padStart(5, '0')}` }));
    expect(WeatherStationsSchema.safeParse(many).success).toBe(false);
    const twice = clone(warnings);
    const w = { id: '500106-gale-1', districtCode: '500106', type: 'gale' as const, level: 'blue' as const, issuedAt: T, basis: { metric: 'gust' as const, value: 15, unit: 'm/s' as const } };
    twice.active = [w, { ...w, id: '500106-gale-2', level: 'yellow' }];
    expect(WeatherWarningsSchema.safeParse(twice).success).toBe(false);
    const long = clone(forecast);
    long.hours = Array.from({ length: 73 }, (_, i) => ({ ...forecast.hours[0], time: T + i * 3_600_000 }));
    expect(WeatherForecastSchema.safeParse(long).success).toBe(false);
  });

  it('treat hub text as bounded text', () => {
    const s = clone(stations);
    s.stations[0].name = 'x'.repeat(21);
    expect(WeatherStationsSchema.safeParse(s).success).toBe(false);
    const f = clone(forecast);
    f.location = '';
    expect(WeatherForecastSchema.safeParse(f).success).toBe(false);
  });
});
