import { describe, expect, it } from 'vitest';
import { loadDistricts, pointInGeometry } from '../geo.ts';
import { describeIssue } from '../../src/hub/contract.ts';
import {
  POVERTY_TOPICS,
  PovertyDistrictsSchema,
  PovertyPairsSchema,
  PovertyVillagesSchema,
  type PovertyDistricts,
  type PovertyPairs,
} from '../../src/hub/topics/poverty.ts';
import { PovertySimulator, povertySim } from './poverty.ts';
import { KEY_COUNTIES, PLATFORM_FIGURES, POVERTY_TOTALS } from './poverty/figures.ts';

const DISTRICTS = loadDistricts();
const HOUR = 3_600_000;
const START = Date.UTC(2024, 4, 20, 2, 0, 0); // Monday 10:00 in Chongqing
const MIDNIGHT = START - 10 * HOUR;
const make = (seed = 20180830) => new PovertySimulator({ seed, districts: DISTRICTS, startTime: START });

function run(sim: PovertySimulator, hours: number, stepMs: number) {
  const out: Record<string, { time: number; data: unknown }[]> = {};
  for (let t = START; t <= START + hours * HOUR; t += stepMs) for (const [topic, data] of sim.step(t)) (out[topic] ??= []).push({ time: t, data });
  return out;
}

function check(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, v: unknown, at: number) {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(`invalid at ${new Date(at).toISOString()}: ${describeIssue(r.error as never)}`);
}

describe('PovertySimulator', () => {
  it('is registered as the poverty SimModule and emits all three topics at start', () => {
    expect(povertySim.id).toBe('poverty');
    const instance = povertySim.create({ seed: 1, districts: DISTRICTS, districtProps: DISTRICTS.features.map((f) => f.properties), startTime: START, env: {} });
    expect(instance.step(START).map(([t]) => t).sort()).toEqual(Object.values(POVERTY_TOPICS).sort());
    expect(instance.latest(POVERTY_TOPICS.villages)).toBeDefined();
    expect(instance.step(START + 1000)).toEqual([]);
  });

  it('is deterministic from the seed', () => {
    expect(run(make(9), 3, 60_000)).toEqual(run(make(9), 3, 60_000));
    expect(make(9).villages).not.toEqual(make(10).villages);
    expect(make(9).districtsAt(START).districts).not.toEqual(make(10).districtsAt(START).districts);
  });

  it('over 48 h in one-minute steps every output passes its schema', () => {
    const out = run(make(), 48, 60_000);
    for (const { time, data } of out[POVERTY_TOPICS.districts]) check(PovertyDistrictsSchema, data, time);
    for (const { time, data } of out[POVERTY_TOPICS.pairs]) check(PovertyPairsSchema, data, time);
    for (const { time, data } of out[POVERTY_TOPICS.villages]) check(PovertyVillagesSchema, data, time);
    expect(out[POVERTY_TOPICS.pairs].length).toBe(48 * 60 + 1);
    expect(out[POVERTY_TOPICS.villages].length).toBe(48 * 6 + 1);
  });

  it('matches the public totals, with the 18 key counties carrying most of the campaign', () => {
    const d = make().districtsAt(START);
    expect(d.totals.people).toBeGreaterThan(POVERTY_TOTALS.people * 0.99);
    expect(d.totals.people).toBeLessThan(POVERTY_TOTALS.people * 1.01);
    expect(d.totals.villages).toBe(POVERTY_TOTALS.villages);
    expect(d.totals.keyCounties).toBe(18);
    expect(d.totals.households * 2.7).toBeLessThan(d.totals.people);
    expect(d.totals.households * 3.5).toBeGreaterThan(d.totals.people);
    const key = d.districts.filter((x) => x.keyCounty);
    expect(key.map((x) => x.code).sort()).toEqual([...KEY_COUNTIES].sort());
    expect(key.reduce((s, x) => s + x.people, 0) / d.totals.people).toBeGreaterThan(0.75);
    const minKey = Math.min(...key.map((x) => x.people));
    const core = d.districts.filter((x) => ['500103', '500105', '500108'].includes(x.code));
    for (const c of core) expect(c.people).toBeLessThan(minKey / 5);
  });

  it('the platform follows the day: 27万 users, uses only grow, daily active rises to about 5万 and resets', () => {
    const sim = make();
    const at = (h: number) => sim.districtsAt(MIDNIGHT + h * HOUR).platform;
    expect(at(10).users).toBe(PLATFORM_FIGURES.users);
    expect(at(10).usesTotal).toBeGreaterThan(PLATFORM_FIGURES.uses);
    const hours = [10, 11, 14, 18, 23.9, 24.1, 30, 40];
    let prevTotal = 0;
    for (const h of hours) {
      const p = at(h);
      expect(p.usesTotal).toBeGreaterThanOrEqual(prevTotal);
      prevTotal = p.usesTotal;
      expect(p.dailyActive).toBeLessThanOrEqual(p.usesToday);
    }
    expect(at(23.9).dailyActive).toBeGreaterThan(PLATFORM_FIGURES.dailyActive * 0.85);
    expect(at(23.9).dailyActive).toBeLessThan(PLATFORM_FIGURES.dailyActive * 1.15);
    expect(at(24.1).dailyActive).toBeLessThan(at(23.9).dailyActive / 20);
    // The afternoon adds more uses than the small hours.
    expect(at(15).usesToday - at(11).usesToday).toBeGreaterThan(4 * at(4 + 24).usesToday);
    const d = sim.districtsAt(START);
    expect(d.districts.reduce((s, x) => s + x.usesToday, 0)).toBeLessThanOrEqual(d.platform.usesToday);
  });

  it('pairs run from richer districts to key counties, each key county helped once, each helper one or two', () => {
    const p = make().pairsAt(START) as PovertyPairs;
    expect(p.pairs.length).toBe(18);
    const helped = p.pairs.map((x) => x.to).sort();
    expect(helped).toEqual([...KEY_COUNTIES].sort());
    for (const x of p.pairs) expect(KEY_COUNTIES.has(x.from)).toBe(false);
    const perHelper = new Map<string, number>();
    for (const x of p.pairs) perHelper.set(x.from, (perHelper.get(x.from) ?? 0) + 1);
    for (const n of perHelper.values()) expect(n).toBeLessThanOrEqual(2);
    const later = make().pairsAt(START + 30 * 24 * HOUR);
    p.pairs.forEach((x, i) => {
      expect(x.fundsWan).toBeGreaterThan(1000);
      expect(later.pairs[i].fundsWan).toBeGreaterThan(x.fundsWan);
      expect(later.pairs[i].projects).toBeGreaterThanOrEqual(x.projects);
    });
  });

  it('villages: 5–25 per district (none in all-urban Yuzhong), inside the district, with local industries', () => {
    const sim = make();
    const features = new Map(DISTRICTS.features.map((f) => [f.properties.code, f]));
    const d = sim.districtsAt(START) as PovertyDistricts;
    const registered = new Map(d.districts.map((x) => [x.code, x]));
    const by = new Map<string, typeof sim.villages>();
    for (const v of sim.villages) by.set(v.districtCode, [...(by.get(v.districtCode) ?? []), v]);
    expect(by.has('500103')).toBe(false);
    for (const [code, list] of by) {
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(list.length).toBeLessThanOrEqual(25);
      expect(list.length).toBeLessThanOrEqual(registered.get(code)!.villages);
      expect(list.reduce((s, v) => s + v.households, 0)).toBeLessThanOrEqual(registered.get(code)!.households);
      expect(new Set(list.map((v) => v.name)).size).toBe(list.length);
      for (const v of list) {
        expect(v.name).toMatch(/^[\u4e00-\u9fa5\d]{2,4}村$/);
        expect(pointInGeometry(v.position, features.get(code)!.geometry)).toBe(true);
      }
      if (KEY_COUNTIES.has(code)) expect(list.length).toBeGreaterThanOrEqual(15);
    }
    expect(by.size).toBe(37);
    const industries = (code: string) => by.get(code)!.map((v) => v.industry);
    const share = (code: string, industry: string) => industries(code).filter((i) => i === industry).length / industries(code).length;
    expect(share('500236', 'citrus')).toBeGreaterThan(0.4); // 奉节脐橙
    expect(share('500102', 'mustard')).toBeGreaterThan(0.4); // 涪陵榨菜
    expect(share('500237', 'plum')).toBeGreaterThan(0.4); // 巫山脆李
  });
});
