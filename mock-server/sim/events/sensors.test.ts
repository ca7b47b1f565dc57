import { describe, expect, it } from 'vitest';
import { ReadingSchema, type Reading } from '../../../src/hub/contract.ts';
import { READING_INTERVAL_MS, SensorSimulator } from './sensors.ts';
import { SITES } from './sites.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 6, 10, 0); // 08:00 in Chongqing, in the flood season

/** Dry, then a downpour of `mmh` everywhere from `from` for `hours`. */
const downpour = (from: number, hours: number, mmh: number) => (_lon: number, _lat: number, t: number) => (t > from && t <= from + hours * HOUR ? mmh : 0);

function run(sim: SensorSimulator, from: number, to: number, every = 60_000) {
  const series = new Map<string, Array<[number, number]>>();
  for (let t = from; t <= to; t += every)
    for (const r of sim.step(t)) {
      const s = series.get(r.place.id) ?? [];
      s.push([r.time, r.value]);
      series.set(r.place.id, s);
    }
  return series;
}
const peak = (s: Array<[number, number]>) => s.reduce((a, b) => (b[1] > a[1] ? b : a));

describe('sensor simulator', () => {
  it('reads every site every few seconds, with valid readings', () => {
    const sim = new SensorSimulator({ seed: 1, startTime: T0, rainOf: () => 0 });
    const all: Reading[][] = [];
    for (let t = T0; t < T0 + 20_000; t += 1000) {
      const rs = sim.step(t);
      if (rs.length) all.push(rs);
    }
    expect(all).toHaveLength(20_000 / READING_INTERVAL_MS);
    for (const rs of all) {
      expect(rs).toHaveLength(SITES.length);
      expect(rs[0].time % READING_INTERVAL_MS).toBe(0);
      for (const r of rs) expect(ReadingSchema.safeParse(r).success).toBe(true);
    }
    expect(new Set(all[0].map((r) => r.metric))).toEqual(new Set(['river-level', 'displacement', 'waterlogging']));
  });

  it('is deterministic from the seed and the clock', () => {
    const a = new SensorSimulator({ seed: 7, startTime: T0 });
    const b = new SensorSimulator({ seed: 7, startTime: T0 });
    const c = new SensorSimulator({ seed: 8, startTime: T0 });
    const ra: Reading[] = [];
    const rb: Reading[] = [];
    const rc: Reading[] = [];
    for (let t = T0; t < T0 + HOUR; t += 5000) ra.push(...a.step(t));
    // Stepped at another pace, b gives the same readings at the ticks it sees.
    for (let t = T0; t < T0 + HOUR; t += 15_000) rb.push(...b.step(t));
    for (let t = T0; t < T0 + HOUR; t += 5000) rc.push(...c.step(t));
    const byKey = new Map(ra.map((r) => [`${r.place.id}@${r.time}`, r.value]));
    expect(rb.length).toBeGreaterThan(100);
    for (const r of rb) expect(r.value).toBe(byKey.get(`${r.place.id}@${r.time}`));
    expect(rc.map((r) => r.value)).not.toEqual(ra.map((r) => r.value));
  });

  it('gives plausible values with the real storms over a summer day', () => {
    const sim = new SensorSimulator({ seed: 3, startTime: T0 });
    const series = run(sim, T0, T0 + 24 * HOUR, 5 * 60_000);
    for (const [id, s] of series) {
      const values = s.map((x) => x[1]);
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      if (id.startsWith('gauge-')) expect([lo, hi], id).toSatisfy(([l, h]: number[]) => l > 160 && h < 195 && h - l < 12);
      else if (id.startsWith('rock-')) expect([lo, hi], id).toSatisfy(([l, h]: number[]) => l >= 0 && h < 60);
      else expect([lo, hi], id).toSatisfy(([l, h]: number[]) => l >= 0 && h <= 120);
    }
  });

  it('floods low points within minutes of a downpour and drains them within the hour after', () => {
    const rainStart = T0 + 6 * HOUR;
    const sim = new SensorSimulator({ seed: 1, startTime: T0, rainOf: downpour(rainStart, 2 / 3, 45) });
    const series = run(sim, T0, T0 + 10 * HOUR);
    const s = series.get('lp-linjiangmen')!;
    const at = (t: number) => s.find((x) => x[0] >= t)![1];
    expect(at(rainStart - 60_000)).toBe(0);
    expect(at(rainStart + 15 * 60_000)).toBeGreaterThan(15);
    expect(at(rainStart + 40 * 60_000)).toBeGreaterThan(35);
    expect(at(rainStart + 40 * 60_000 + HOUR)).toBe(0);
  });

  it('raises the rivers hours after heavy rain over the basins, and lets them fall again', () => {
    const rainStart = T0 + 6 * HOUR;
    const wet = new SensorSimulator({ seed: 1, startTime: T0, rainOf: downpour(rainStart, 4, 3) });
    const dry = new SensorSimulator({ seed: 1, startTime: T0, rainOf: () => 0 });
    const w = run(wet, T0, T0 + 60 * HOUR, 10 * 60_000).get('gauge-cuntan')!;
    const d = run(dry, T0, T0 + 60 * HOUR, 10 * 60_000).get('gauge-cuntan')!;
    const rise = w.map(([t, v], i) => [t, v - d[i][1]] as [number, number]);
    const [peakAt, peakRise] = peak(rise);
    expect(peakRise).toBeGreaterThan(3);
    expect(peakAt - rainStart).toBeGreaterThan(8 * HOUR);
    expect(peakAt - rainStart).toBeLessThan(30 * HOUR);
    expect(rise.find(([t]) => t >= rainStart + HOUR)![1]).toBeLessThan(0.5);
    expect(rise[rise.length - 1][1]).toBeLessThan(peakRise / 2);
  });

  it('moves dangerous rocks faster in storms than in dry weather', () => {
    const rainStart = T0 + 6 * HOUR;
    const wet = new SensorSimulator({ seed: 5, startTime: T0, rainOf: downpour(rainStart, 8, 40) });
    const dry = new SensorSimulator({ seed: 5, startTime: T0, rainOf: () => 0 });
    const moved = (sim: SensorSimulator) => {
      const s = run(sim, T0, T0 + 30 * HOUR, 10 * 60_000);
      return [...s].filter(([id]) => id.startsWith('rock-')).reduce((sum, [, xs]) => sum + (xs[xs.length - 1][1] - xs[0][1]), 0);
    };
    const [w, d] = [moved(wet), moved(dry)];
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(2);
    expect(w).toBeGreaterThan(d + 5);
  });
});
