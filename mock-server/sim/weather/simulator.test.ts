import { describe, expect, it } from 'vitest';
import { loadDistricts } from '../../geo.ts';
import { describeIssue } from '../../../src/hub/contract.ts';
import {
  RadarSchema,
  decodeBase64,
  rainRateOf,
  type RadarWire,
  type WeatherForecast,
  type WeatherStations,
  type WeatherWarnings,
} from '../../../src/hub/topics/weather.ts';
import { TOPICS } from '../../../src/hub/topics/index.ts';
import { weatherSim } from '../weather.ts';
import { localHour } from './climate.ts';
import { RAINSTORM, GALE_GUST_MS } from './warnings.ts';
import { WeatherSimulator } from './simulator.ts';

const districts = loadDistricts();
const HOUR = 3_600_000;
/** 2024-07-15 00:00 in Chongqing: a summer day. */
const SUMMER = Date.UTC(2024, 6, 14, 16, 0);
/** 2024-11-21 00:00 in Chongqing: a foggy late-autumn day. */
const AUTUMN = Date.UTC(2024, 10, 20, 16, 0);

type Frames = Map<string, unknown>[];

function run(seed: number, start: number, hours: number, stepMs = 5 * 60_000, cols = 96, rows = 80): { sim: WeatherSimulator; frames: Frames; times: number[] } {
  const sim = new WeatherSimulator({ seed, districts, startTime: start, cols, rows });
  const frames: Frames = [];
  const times: number[] = [];
  for (let t = start; t <= start + hours * HOUR; t += stepMs) {
    frames.push(new Map(sim.step(t)));
    times.push(t);
  }
  return { sim, frames, times };
}

const summer = run(20180830, SUMMER, 48);

describe('WeatherSimulator', () => {
  it('is deterministic: the same seed and clock give the same weather', () => {
    const a = run(42, SUMMER + 14 * HOUR, 1, 60_000, 32, 24);
    const b = run(42, SUMMER + 14 * HOUR, 1, 60_000, 32, 24);
    expect(a.frames).toEqual(b.frames);
    const c = run(43, SUMMER + 14 * HOUR, 1, 60_000, 32, 24);
    expect(c.frames).not.toEqual(a.frames);
  });

  it('every value of every step over 48 hours passes its topic schema', () => {
    let checked = 0;
    for (const frame of summer.frames) {
      for (const [topic, data] of frame) {
        const parsed = TOPICS.get(topic)!.schema.safeParse(data);
        if (!parsed.success) throw new Error(`${topic}: ${describeIssue(parsed.error)}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(4 * summer.frames.length - 10);
  });

  it('emits each topic on its cadence when stepped every second', () => {
    const sim = new WeatherSimulator({ seed: 1, districts, startTime: SUMMER, cols: 32, rows: 24 });
    const counts = new Map<string, number>();
    for (let s = 0; s < 60; s++) for (const [topic] of sim.step(SUMMER + s * 1000)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    expect(counts.get('weather.radar')).toBe(12);
    expect(counts.get('weather.stations')).toBe(6);
    expect(counts.get('weather.forecast')).toBe(1);
    expect(counts.get('weather.warnings')).toBeGreaterThanOrEqual(2);
    expect(sim.latest('weather.radar')).toBeDefined();
  });

  it('rains more in the summer afternoon than in the morning', () => {
    const wet = (fromH: number, toH: number) => {
      const shares = summer.frames
        .map((f, i) => [f.get('weather.radar') as RadarWire | undefined, localHour(summer.times[i])] as const)
        .filter(([r, h]) => r && h >= fromH && h < toH)
        .map(([r]) => r!.wetShare);
      return shares.reduce((a, b) => a + b, 0) / shares.length;
    };
    expect(wet(14, 19)).toBeGreaterThan(wet(7, 11));
  });

  it('rain moves: consecutive frames are close, frames an hour apart are not', () => {
    const values = (i: number) => decodeBase64((summer.frames[i].get('weather.radar') as RadarWire).cells);
    const diff = (a: Uint8Array, b: Uint8Array) => a.reduce((s, v, k) => s + Math.abs(v - b[k]), 0);
    const i = summer.frames.findIndex((_, k) => localHour(summer.times[k]) >= 15);
    expect(diff(values(i), values(i + 1))).toBeLessThan(diff(values(i), values(i + 12)));
    const motion = (summer.frames[i].get('weather.radar') as RadarWire).motion;
    expect(motion?.speedKmh).toBeGreaterThan(25);
    expect(motion?.speedKmh).toBeLessThan(75);
  });

  it('stations follow the day and the mountains: warmer at 15:00 than at 06:00, Jinfoshan cooler than Shapingba', () => {
    const at = (hour: number) => {
      const i = summer.times.findIndex((t) => Math.abs(localHour(t) - hour) < 1e-6);
      return summer.frames[i].get('weather.stations') as WeatherStations;
    };
    const temp = (s: WeatherStations, name: string) => s.stations.find((x) => x.name === name)!.temperatureC;
    expect(temp(at(15), '沙坪坝')).toBeGreaterThan(temp(at(6), '沙坪坝') + 3);
    expect(temp(at(15), '金佛山')).toBeLessThan(temp(at(15), '沙坪坝') - 6);
    // North-east mountains (Chengkou) cooler than the basin (Rongchang).
    expect(temp(at(15), '红池坝')).toBeLessThan(temp(at(15), '荣昌'));
    const all = at(15).stations;
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.length).toBeLessThanOrEqual(80);
    expect(new Set(all.map((s) => s.districtCode)).size).toBe(districts.features.length);
  });

  it("station rainfall comes from the radar: a station's hour of rain matches its district's", () => {
    let pairs = 0;
    let agree = 0;
    summer.frames.forEach((f) => {
      const s = f.get('weather.stations') as WeatherStations | undefined;
      const w = f.get('weather.warnings') as WeatherWarnings | undefined;
      if (!s || !w) return;
      const byCode = new Map(w.districts.map((d) => [d.code, d]));
      for (const st of s.stations) {
        if (!st.online || st.rain1hMm < 1) continue;
        pairs += 1;
        if (byCode.get(st.districtCode)!.rain1hMm > 0.3 * st.rain1hMm) agree += 1;
      }
    });
    expect(pairs).toBeGreaterThan(20);
    expect(agree / pairs).toBeGreaterThan(0.9);
  });

  it('every warning cites a reading that meets its level', () => {
    const issued = new Map<string, WeatherWarnings['active'][number]>();
    for (const f of summer.frames) {
      for (const w of (f.get('weather.warnings') as WeatherWarnings | undefined)?.active ?? []) if (!issued.has(w.id)) issued.set(w.id, w);
    }
    const all = [...issued.values()];
    expect(all.filter((w) => w.type === 'rainstorm').length).toBeGreaterThan(0);
    for (const w of all) {
      const rank = ['blue', 'yellow', 'orange', 'red'].indexOf(w.level);
      if (w.type === 'rainstorm') {
        const rule = RAINSTORM.find((r) => r.level === w.level)!;
        expect(w.basis.metric).toBe(`rain${rule.window}h`);
        expect(w.basis.value).toBeGreaterThanOrEqual(rule.mm - 0.05);
      }
      if (w.type === 'gale') expect(w.basis.value).toBeGreaterThanOrEqual(GALE_GUST_MS[rank] - 0.05);
      expect(w.issuedAt).toBeLessThanOrEqual(SUMMER + 48 * HOUR);
    }
  });

  it('counts issued and lifted signals per local day: they only grow within a day and restart at midnight', () => {
    let last: WeatherWarnings | null = null;
    let lastHour = 0;
    let restarts = 0;
    summer.frames.forEach((f, i) => {
      const w = f.get('weather.warnings') as WeatherWarnings | undefined;
      if (!w) return;
      const hour = localHour(summer.times[i]);
      if (last && hour >= lastHour) {
        expect(w.issuedToday).toBeGreaterThanOrEqual(last.issuedToday);
        expect(w.liftedToday).toBeGreaterThanOrEqual(last.liftedToday);
      } else if (last && last.issuedToday > 10) {
        restarts += 1;
        expect(w.issuedToday).toBeLessThan(last.issuedToday);
      }
      expect(w.active.length).toBeLessThanOrEqual(districts.features.length * 4);
      last = w;
      lastHour = hour;
    });
    expect(restarts).toBeGreaterThanOrEqual(1);
  });

  it('forecasts 24 hours ahead, consistent with what then happens', () => {
    const f = summer.frames[0].get('weather.forecast') as WeatherForecast;
    expect(f.hours).toHaveLength(24);
    expect(f.hours[0].time).toBe(f.issuedAt + HOUR);
    expect(f.service.accuracy30d).toBeGreaterThan(0.7);
    expect(f.service.accuracy30d).toBeLessThan(0.99);
    // Forecast temperatures within 3 °C of the city station for leads of 1–6 hours.
    const city = (t: number) => {
      const i = summer.times.indexOf(t);
      return (summer.frames[i].get('weather.stations') as WeatherStations).stations.find((s) => s.name === '沙坪坝')!;
    };
    let close = 0;
    for (const h of f.hours.slice(0, 6)) if (Math.abs(h.temperatureC - city(h.time).temperatureC) <= 3) close += 1;
    expect(close).toBeGreaterThanOrEqual(5);
  });

  it('a foggy autumn morning brings fog warnings, not rainstorms', () => {
    const autumn = run(20180830, AUTUMN, 24, 10 * 60_000, 48, 40);
    const types = new Set<string>();
    for (const f of autumn.frames) for (const w of (f.get('weather.warnings') as WeatherWarnings | undefined)?.active ?? []) types.add(w.type);
    expect(types.has('heat')).toBe(false);
    expect(types.has('rainstorm')).toBe(false);
    const stations = autumn.frames.map((f) => f.get('weather.stations') as WeatherStations | undefined).filter(Boolean);
    const temps = stations.flatMap((s) => s!.stations.map((x) => x.temperatureC));
    expect(Math.max(...temps)).toBeLessThan(25);
  });

  it('radar frames decode to rain rates that match the reported maximum', () => {
    const r = summer.frames.find((f) => ((f.get('weather.radar') as RadarWire | undefined)?.maxRateMmh ?? 0) > 5)!.get('weather.radar') as RadarWire;
    const values = RadarSchema.parse(r).values;
    const max = Math.max(...[...values].map(rainRateOf));
    expect(max).toBeGreaterThanOrEqual(r.maxRateMmh * 0.9);
  });

  it('the module reads its grid size from the environment', () => {
    const instance = weatherSim.create({ seed: 1, districts, districtProps: districts.features.map((f) => f.properties), startTime: SUMMER, env: { HUB_WEATHER_GRID: '40x30' } });
    const radar = new Map(instance.step(SUMMER)).get('weather.radar') as RadarWire;
    expect(radar.grid.cols).toBe(40);
    expect(radar.grid.rows).toBe(30);
  });
});
