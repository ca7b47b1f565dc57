import { describe, expect, it } from 'vitest';
import { loadDistricts } from '../../geo.ts';
import { describeIssue } from '../../../src/hub/contract.ts';
import { Pm25GridSchema, type AirStations, type AirSummary, type Pm25GridWire } from '../../../src/hub/topics/environment.ts';
import { TOPICS } from '../../../src/hub/topics/index.ts';
import { environmentSim } from '../environment.ts';
import { localHour } from '../weather/climate.ts';
import { EnvironmentSimulator } from './simulator.ts';

const districts = loadDistricts();
const HOUR = 3_600_000;
const SUMMER = Date.UTC(2024, 6, 14, 16, 0); // 15 July 00:00 local
const WINTER = Date.UTC(2024, 11, 19, 16, 0); // 20 December 00:00 local

function run(seed: number, start: number, hours: number, stepMs: number, cols = 48, rows = 40) {
  const sim = new EnvironmentSimulator({ seed, districts, cols, rows });
  const frames: Map<string, unknown>[] = [];
  const times: number[] = [];
  for (let t = start; t <= start + hours * HOUR; t += stepMs) {
    frames.push(new Map(sim.step(t)));
    times.push(t);
  }
  return { sim, frames, times };
}

const summer = run(20180830, SUMMER, 48, 30 * 60_000);
const winter = run(20180830, WINTER, 24, HOUR);
const cityAt = (r: typeof summer, hour: number, day = 0) => {
  const i = r.times.findIndex((t) => t >= r.times[0] + day * 24 * HOUR && Math.abs(localHour(t) - hour) < 1e-6);
  return r.frames[i].get('environment.summary') as AirSummary;
};

describe('EnvironmentSimulator', () => {
  it('is deterministic from the seed', () => {
    const a = run(5, WINTER, 2, HOUR, 16, 12);
    const b = run(5, WINTER, 2, HOUR, 16, 12);
    expect(a.frames).toEqual(b.frames);
    expect(run(6, WINTER, 2, HOUR, 16, 12).frames).not.toEqual(a.frames);
  });

  it('every value over 48 hours passes its topic schema', () => {
    for (const frame of summer.frames) {
      for (const [topic, data] of frame) {
        const parsed = TOPICS.get(topic)!.schema.safeParse(data);
        if (!parsed.success) throw new Error(`${topic}: ${describeIssue(parsed.error)}`);
      }
    }
    expect(summer.frames.every((f) => f.size === 3)).toBe(true);
  });

  it('follows the day: summer ozone peaks in the afternoon, particles build up in the evening', () => {
    for (const day of [0, 1]) {
      expect(cityAt(summer, 15, day).today.o3).toBeGreaterThan(2 * cityAt(summer, 6, day).today.o3);
      expect(cityAt(summer, 22, day).today.pm25).toBeGreaterThan(cityAt(summer, 15, day).today.pm25);
    }
  });

  it('follows the season: winter PM2.5 above summer, summer ozone above winter', () => {
    expect(cityAt(winter, 10).today.pm25).toBeGreaterThan(cityAt(summer, 10).today.pm25);
    expect(cityAt(summer, 15).today.o3).toBeGreaterThan(cityAt(winter, 15).today.o3 * 2);
  });

  it('follows the place: the urban core dirtier than the mountain background sites', () => {
    const s = winter.frames[10].get('environment.stations') as AirStations;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const urban = mean(s.stations.filter((x) => x.kind === 'urban').map((x) => x.pm25));
    const background = mean(s.stations.filter((x) => x.kind === 'background').map((x) => x.pm25));
    const industrial = mean(s.stations.filter((x) => x.kind === 'industrial').map((x) => x.so2));
    const county = mean(s.stations.filter((x) => x.kind === 'county').map((x) => x.so2));
    expect(urban).toBeGreaterThan(1.3 * background);
    expect(industrial).toBeGreaterThan(county);
  });

  it('the PM2.5 surface honours the sites and is empty outside the municipality', () => {
    const frame = winter.frames[12];
    const grid = Pm25GridSchema.parse(frame.get('environment.pm25') as Pm25GridWire);
    const stations = frame.get('environment.stations') as AirStations;
    const [w, s, e, n] = grid.grid.bbox;
    const { cols, rows } = grid.grid;
    let close = 0;
    let inside = 0;
    for (const st of stations.stations) {
      const i = Math.floor(((st.position[0] - w) / (e - w)) * cols);
      const j = Math.floor(((n - st.position[1]) / (n - s)) * rows);
      const v = grid.values[j * cols + i] * 2;
      if (!v) continue;
      inside += 1;
      if (Math.abs(v - st.pm25) <= Math.max(8, 0.35 * st.pm25)) close += 1;
    }
    expect(close / inside).toBeGreaterThan(0.75);
    expect(grid.values[0]).toBe(0); // the north-west corner lies in Sichuan
    expect(grid.values.filter((v) => v > 0).length).toBeGreaterThan(0.25 * cols * rows);
  });

  it("counts this year's good-air days consistently with the date (about 330 of 365)", () => {
    const sim = new EnvironmentSimulator({ seed: 20180830, districts, cols: 16, rows: 12 });
    const end = sim.summary(Date.UTC(2025, 11, 31, 4, 0));
    expect(end.daysElapsed).toBe(364);
    expect(end.goodRate).toBeGreaterThan(0.84);
    expect(end.goodRate).toBeLessThan(0.96);
    expect(end.primaryDays.pm25).toBeGreaterThan(0);
    expect(end.primaryDays.o3).toBeGreaterThan(0);
    const jan = sim.summary(Date.UTC(2025, 0, 1, 4, 0));
    expect(jan.daysElapsed).toBe(0);
    expect(jan.goodDays).toBe(0);
    const feb = sim.summary(Date.UTC(2025, 1, 1, 4, 0));
    expect(feb.daysElapsed).toBe(31);
    expect(feb.goodDays).toBeLessThanOrEqual(31);
  });

  it('keeps a 24-hour hourly PM2.5 history ending at the current hour', () => {
    const s = cityAt(summer, 12, 1);
    expect(s.pm25History).toHaveLength(24);
    for (let i = 1; i < 24; i++) expect(s.pm25History[i][0] - s.pm25History[i - 1][0]).toBe(HOUR);
    expect(s.pm25History[23][0]).toBeLessThanOrEqual(s.time);
  });

  it('emits on cadence: sites every 30 s, the surface every 10 s, the summary every minute', () => {
    const instance = environmentSim.create({ seed: 1, districts, districtProps: [], startTime: WINTER, env: { HUB_ENV_GRID: '24x20' } });
    const counts = new Map<string, number>();
    for (let s = 0; s < 60; s++) for (const [topic] of instance.step(WINTER + s * 1000)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    expect(counts.get('environment.pm25')).toBe(6);
    expect(counts.get('environment.stations')).toBe(2);
    expect(counts.get('environment.summary')).toBe(1);
    expect((instance.latest('environment.pm25') as Pm25GridWire).grid.cols).toBe(24);
  });
});
