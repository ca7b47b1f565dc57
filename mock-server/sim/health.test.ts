import { describe, expect, it } from 'vitest';
import { loadDistricts, pointInGeometry } from '../geo.ts';
import {
  HEALTH_TOPICS,
  HealthCheckpointsSchema,
  HealthDistrictsSchema,
  HealthTrendSchema,
  type HealthCheckpoints,
  type HealthDistricts,
  type HealthTrend,
} from '../../src/hub/topics/health.ts';
import { describeIssue } from '../../src/hub/contract.ts';
import { HealthSimulator, healthSim } from './health.ts';
import { ALERT_THRESHOLDS, AlertTracker, alertLevelIndex } from './health/alerts.ts';
import { allocateCheckpoints, kindProfile } from './health/checkpoints.ts';
import { HOUR, OUTBREAK_SLOT_MS, dayFraction, outbreakEnd, outbreakIntensity } from './health/codes.ts';
import { CORE_DISTRICTS } from './health/places.ts';

const DISTRICTS = loadDistricts();
const START = Date.UTC(2024, 4, 20, 2, 0, 0); // Monday 10:00 in Chongqing
const local = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 16);
const make = (seed = 20180830, env: Record<string, string> = {}) => new HealthSimulator({ seed, districts: DISTRICTS, startTime: START, env });

function check(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, v: unknown, at: number) {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(`invalid at ${local(at)}: ${describeIssue(r.error as never)}`);
}

/** Steps a simulator through `hours` in `stepMs` steps, collecting each topic's outputs. */
function run(sim: HealthSimulator, hours: number, stepMs: number) {
  const out: Record<string, { time: number; data: unknown }[]> = {};
  for (let t = START; t <= START + hours * HOUR; t += stepMs) {
    for (const [topic, data] of sim.step(t)) (out[topic] ??= []).push({ time: t, data });
  }
  return out;
}

describe('HealthSimulator', () => {
  it('is registered as the health SimModule and stepped once a second', () => {
    expect(healthSim.id).toBe('health');
    expect(healthSim.tickMs).toBe(1000);
    const instance = healthSim.create({ seed: 1, districts: DISTRICTS, districtProps: DISTRICTS.features.map((f) => f.properties), startTime: START, env: {} });
    const first = instance.step(START);
    expect(first.map(([t]) => t).sort()).toEqual(Object.values(HEALTH_TOPICS).sort());
    expect(instance.latest(HEALTH_TOPICS.districts)).toBe(first.find(([t]) => t === HEALTH_TOPICS.districts)![1]);
    // Within the same five-second slot nothing is due again; the next slot brings districts and checkpoints.
    expect(instance.step(START + 1000)).toEqual([]);
    expect(instance.step(START + 5000).map(([t]) => t).sort()).toEqual([HEALTH_TOPICS.checkpoints, HEALTH_TOPICS.districts]);
  });

  it('is deterministic: the same seed and clock give the same city; another seed another', () => {
    const a = run(make(42), 6, 5 * 60_000);
    const b = run(make(42), 6, 5 * 60_000);
    expect(a).toEqual(b);
    const c = run(make(43), 6, 5 * 60_000);
    expect(c[HEALTH_TOPICS.districts]).not.toEqual(a[HEALTH_TOPICS.districts]);
    expect(c[HEALTH_TOPICS.checkpoints]).not.toEqual(a[HEALTH_TOPICS.checkpoints]);
  });

  it('over 48 h in 5-minute steps every output passes its schema, with bounded sizes', () => {
    const sim = make();
    const out = run(sim, 48, 5 * 60_000);
    expect(out[HEALTH_TOPICS.districts].length).toBe(48 * 12 + 1);
    for (const { time, data } of out[HEALTH_TOPICS.districts]) check(HealthDistrictsSchema, data, time);
    for (const { time, data } of out[HEALTH_TOPICS.checkpoints]) check(HealthCheckpointsSchema, data, time);
    for (const { time, data } of out[HEALTH_TOPICS.trend]) {
      check(HealthTrendSchema, data, time);
      const trend = data as HealthTrend;
      expect(trend.points.length).toBeLessThanOrEqual(145);
      expect(trend.points.at(-1)!.time).toBeLessThanOrEqual(time);
      expect(trend.points[0].time).toBeGreaterThanOrEqual(time - 24 * HOUR - 10 * 60_000);
    }
    const bytes = JSON.stringify(out[HEALTH_TOPICS.checkpoints][0].data).length;
    expect(bytes).toBeLessThan(120_000);
  });

  it('issues a few tens of millions of codes, proportional to population, mostly green', () => {
    const d = make().districtsAt(START);
    expect(d.totals.issued).toBeGreaterThan(25_000_000);
    expect(d.totals.issued).toBeLessThan(45_000_000);
    expect(d.totals.green / d.totals.issued).toBeGreaterThan(0.98);
    expect(d.totals.red).toBeLessThan(d.totals.yellow);
    const by = new Map(d.districts.map((x) => [x.code, x]));
    expect(by.get('500112')!.issued).toBeGreaterThan(by.get('500229')!.issued * 5); // 渝北 vs 城口
    expect(d.districts.map((x) => x.code)).toEqual(DISTRICTS.features.map((f) => f.properties.code));
  });

  it('scans follow the day: quiet at night, busy by day, "today" resets at local midnight', () => {
    const sim = make();
    const at = (h: number) => sim.districtsAt(START - 10 * HOUR + h * HOUR); // local midnight + h
    const today = [3, 9, 12, 18, 23.9].map((h) => at(h).totals.scansToday);
    for (let i = 1; i < today.length; i++) expect(today[i]).toBeGreaterThan(today[i - 1]);
    expect(at(24.05).totals.scansToday).toBeLessThan(today[0] + 1);
    // Morning to noon adds far more scans than three night hours.
    expect(today[2] - today[1]).toBeGreaterThan(5 * today[0]);
    for (const h of [3, 12, 23]) {
      const t = at(h).totals;
      expect(t.scannedToday).toBeLessThanOrEqual(t.scansToday);
    }
    expect(today.at(-1)).toBeGreaterThan(30_000_000);
    expect(dayFraction(0)).toBe(0);
    expect(dayFraction(86_400_000)).toBeCloseTo(1, 9);
  });

  it('checkpoints: bounded by HUB_HEALTH_CHECKPOINTS, inside their districts, denser in the core, busier at peaks', () => {
    const sim = make(5, { HUB_HEALTH_CHECKPOINTS: '300' });
    expect(sim.sites.length).toBe(300);
    expect(make(5, { HUB_HEALTH_CHECKPOINTS: '99999' }).sites.length).toBe(1000);
    const features = new Map(DISTRICTS.features.map((f) => [f.properties.code, f]));
    const inside = sim.sites.filter((s) => pointInGeometry(s.position, features.get(s.districtCode)!.geometry)).length;
    expect(inside / sim.sites.length).toBeGreaterThan(0.98);
    const coreArea = DISTRICTS.features.filter((f) => CORE_DISTRICTS.has(f.properties.code)).reduce((s, f) => s + f.properties.areaKm2, 0);
    const totalArea = DISTRICTS.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    const coreSites = sim.sites.filter((s) => CORE_DISTRICTS.has(s.districtCode)).length;
    expect(coreSites / coreArea).toBeGreaterThan((10 * (sim.sites.length - coreSites)) / (totalArea - coreArea));
    expect(new Set(sim.sites.map((s) => s.id)).size).toBe(sim.sites.length);
    for (const code of features.keys()) expect(sim.sites.some((s) => s.districtCode === code)).toBe(true);

    const scansAt = (h: number) => (sim.checkpointsAt(START - 10 * HOUR + h * HOUR) as HealthCheckpoints).checkpoints.reduce((s, c) => s + c.scansLastHour, 0);
    expect(scansAt(9)).toBeGreaterThan(3 * scansAt(4));
    expect(scansAt(19)).toBeGreaterThan(3 * scansAt(4));
    expect(kindProfile('transport', 8)).toBeGreaterThan(kindProfile('transport', 3) * 5);
    expect(kindProfile('mall', 20)).toBeGreaterThan(kindProfile('mall', 8));
    const counts = allocateCheckpoints(DISTRICTS.features, 420);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(420);
  });

  it('outbreaks raise yellow and red in one or two neighbouring districts for a while, then clear', () => {
    const sim = make();
    const model = sim.model;
    let seen = 0;
    for (let k = Math.floor(START / OUTBREAK_SLOT_MS); k < Math.floor(START / OUTBREAK_SLOT_MS) + 12; k++) {
      const o = model.outbreakInSlot(k);
      if (!o) continue;
      seen++;
      expect(o.districts.length).toBeGreaterThanOrEqual(1);
      expect(o.districts.length).toBeLessThanOrEqual(2);
      if (o.districts.length === 2) expect(model.district(o.districts[0].code)!.neighbours).toContain(o.districts[1].code);
      const duration = outbreakEnd(o) - o.start;
      expect(duration).toBeGreaterThan(8 * HOUR);
      expect(duration).toBeLessThanOrEqual(22 * HOUR);
      const peak = o.start + o.rise + o.plateau / 2;
      expect(outbreakIntensity(o, peak)).toBe(1);
      expect(outbreakIntensity(o, outbreakEnd(o) + 1)).toBe(0);
      const epi = model.district(o.districts[0].code)!;
      const before = model.codesAt(epi, o.start - 1);
      const during = model.codesAt(epi, peak);
      const after = model.codesAt(epi, outbreakEnd(o) + 2 * HOUR);
      expect(during.yellow / during.issued).toBeGreaterThan(before.yellow / before.issued + 0.004);
      expect(after.yellow / after.issued).toBeLessThan(during.yellow / during.issued);
    }
    // Three days hold several outbreaks, not one every slot.
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(seen).toBeLessThan(12);
  });

  it('alerts: start when a threshold is crossed, keep their start time, end with hysteresis', () => {
    expect(alertLevelIndex(0.001, 0).index).toBe(-1);
    expect(alertLevelIndex(ALERT_THRESHOLDS.yellowShare[0], 0)).toEqual({ index: 0, reason: 'yellow-share' });
    expect(alertLevelIndex(0, ALERT_THRESHOLDS.red[3])).toEqual({ index: 3, reason: 'red-count' });
    const tracker = new AlertTracker();
    expect(tracker.update('500112', 0.005, 3, 1000)).toBeNull();
    expect(tracker.update('500112', 0.013, 3, 2000)).toEqual({ level: 'yellow', since: 2000, reason: 'yellow-share' });
    expect(tracker.update('500112', 0.021, 3, 3000)).toEqual({ level: 'orange', since: 2000, reason: 'yellow-share' });
    // Just under the orange threshold but above its release level: still orange.
    expect(tracker.update('500112', 0.019, 3, 4000)!.level).toBe('orange');
    expect(tracker.update('500112', 0.009, 3, 5000)!.level).toBe('blue');
    expect(tracker.update('500112', 0.0072, 3, 6000)!.since).toBe(2000);
    expect(tracker.update('500112', 0.006, 3, 7000)).toBeNull();
  });

  it('over 48 h alerts come and go, with start times in the past, and the city is sometimes calm', () => {
    const out = run(make(), 48, 5 * 60_000)[HEALTH_TOPICS.districts].map((o) => o.data as HealthDistricts);
    const withAlerts = out.filter((d) => d.totals.alerts > 0).length;
    expect(withAlerts).toBeGreaterThan(0);
    expect(Math.max(...out.map((d) => d.totals.alerts))).toBeLessThanOrEqual(6);
    for (const d of out) {
      for (const x of d.districts) if (x.alert) expect(x.alert.since).toBeLessThanOrEqual(d.time);
      expect(d.totals.alerts).toBe(d.districts.filter((x) => x.alert).length);
    }
    const codes = new Set(out.flatMap((d) => d.districts.filter((x) => x.alert).map((x) => x.code)));
    expect(codes.size).toBeGreaterThanOrEqual(2);
  });

  it('the trend agrees with the districts: its newest point is the city total now', () => {
    const sim = make();
    const t = START + 17 * 60_000 + 3000;
    const d = sim.districtsAt(t);
    const trend = sim.trendAt(t);
    expect(trend.bucketMinutes).toBe(10);
    const last = trend.points.at(-1)!;
    expect(last.yellow).toBe(d.totals.yellow);
    expect(last.red).toBe(d.totals.red);
    // Trend points are spaced by the bucket and the scans of the day add up.
    for (let i = 1; i < trend.points.length; i++) expect(trend.points[i].time - trend.points[i - 1].time).toBe(600_000);
    const midnight = START - 10 * HOUR;
    const sinceMidnight = trend.points.filter((p) => p.time >= midnight).reduce((s, p) => s + p.scans, 0);
    expect(Math.abs(sinceMidnight - d.totals.scansToday) / d.totals.scansToday).toBeLessThan(0.001);
  });
});
