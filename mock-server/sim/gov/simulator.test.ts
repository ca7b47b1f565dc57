import { describe, expect, it } from 'vitest';
import { loadDistricts } from '../../geo.ts';
import { describeIssue } from '../../../src/hub/contract.ts';
import { GovServicesSchema, type GovServices } from '../../../src/hub/topics/gov.ts';
import { govSim } from '../gov.ts';
import { CATEGORIES, LICENCES } from './catalogue.ts';
import { GovSimulator, hallOpen, onlineProfile } from './simulator.ts';

const districts = loadDistricts();
const props = districts.features.map((f) => f.properties);
const HOUR = 3_600_000;
/** Monday 2024-05-20 00:00 in Chongqing. */
const MONDAY = Date.UTC(2024, 4, 19, 16, 0, 0);
const at = (day: number, hour: number) => MONDAY + day * 24 * HOUR + hour * HOUR;
const make = (start: number, seed = 20180830) => new GovSimulator({ seed, startTime: start, districtProps: props });
const value = (sim: GovSimulator, t: number) => sim.step(t)[0][1] as GovServices;

describe('GovSimulator', () => {
  it('is a SimModule stepped every 5 s', () => {
    expect(govSim.id).toBe('gov');
    expect(govSim.tickMs).toBe(5000);
  });

  it('is deterministic from the seed and the clock', () => {
    const run = (seed: number) => {
      const sim = make(at(0, 10), seed);
      return Array.from({ length: 30 }, (_, i) => value(sim, at(0, 10) + i * 5000));
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1).at(-1)!.mattersToday).not.toBe(run(2).at(-1)!.mattersToday);
  });

  it('starts with the day so far: matters since midnight, 12 million+ users, 12 licence categories', () => {
    const g = value(make(at(0, 10.5)), at(0, 10.5));
    expect(g.mattersToday).toBeGreaterThan(10_000);
    expect(g.usersTotal).toBeGreaterThanOrEqual(12_000_000);
    expect(g.licences).toHaveLength(12);
    expect(g.licences.map((l) => l.name)).toEqual(LICENCES.map((l) => l.name));
    expect(g.categories.map((c) => c.name)).toEqual(['企业开办', '不动产登记', '社保', '医保', '公积金', '户籍', '出入境', '税务', '交通', '民政']);
    expect(g.hourly.map((h) => h.hour)).toEqual(Array.from({ length: 11 }, (_, h) => h));
    expect(g.halls.length).toBe(38 + 4);
    expect(new Set(g.halls.map((h) => h.district)).size).toBe(38);
  });

  it('over 48 h in one-minute steps: always valid, today counters only grow until midnight', { timeout: 60_000 }, () => {
    const sim = make(at(0, 0));
    let prev: GovServices | null = null;
    let resets = 0;
    for (let i = 1; i <= 48 * 60; i++) {
      const t = at(0, 0) + i * 60_000;
      const g = value(sim, t);
      const parsed = GovServicesSchema.safeParse(g);
      if (!parsed.success) throw new Error(`step ${i}: ${describeIssue(parsed.error)}`);
      if (prev && g.mattersToday < prev.mattersToday) resets++;
      else if (prev) {
        expect(g.usersTotal).toBeGreaterThanOrEqual(prev.usersTotal);
        for (let k = 0; k < g.licences.length; k++) expect(g.licences[k].issued).toBeGreaterThanOrEqual(prev.licences[k].issued);
      }
      expect(g.hourly.length).toBeLessThanOrEqual(24);
      prev = g;
    }
    expect(resets).toBe(2); // two local midnights
  });

  it('follows office hours: halls open 9–12 and 14–18 on working days, Saturday mornings, never on Sunday', () => {
    expect(hallOpen(at(0, 8.9))).toBe(false);
    expect(hallOpen(at(0, 9.1))).toBe(true);
    expect(hallOpen(at(0, 12.5))).toBe(false);
    expect(hallOpen(at(0, 15))).toBe(true);
    expect(hallOpen(at(0, 18.2))).toBe(false);
    expect(hallOpen(at(5, 10))).toBe(true);
    expect(hallOpen(at(5, 15))).toBe(false);
    expect(hallOpen(at(6, 10))).toBe(false);
    const sim = make(at(0, 10));
    const morning = value(sim, at(0, 10.5));
    expect(morning.halls.every((h) => h.open)).toBe(true);
    expect(morning.halls.reduce((s, h) => s + h.queue, 0)).toBeGreaterThan(0);
    const lunch = value(sim, at(0, 13));
    expect(lunch.halls.every((h) => !h.open && h.queue === 0 && h.windowsOpen === 0)).toBe(true);
    const night = value(sim, at(0, 23));
    expect(night.halls.every((h) => !h.open && h.waitMin === 0)).toBe(true);
  });

  it('matters peak in office hours; hall matters only then; online around the clock; weekends lower', () => {
    expect(onlineProfile(at(0, 10.2))).toBeGreaterThan(5 * onlineProfile(at(0, 3)));
    const sim = make(at(0, 0));
    const perHour: { online: number; hall: number }[] = [];
    let last: GovServices | null = null;
    for (let h = 1; h <= 24; h++) last = value(sim, at(0, h) - 60_000);
    for (const x of last!.hourly) perHour[x.hour] = x;
    expect(perHour[3].hall).toBe(0);
    expect(perHour[13].hall).toBeLessThan(perHour[10].hall / 5);
    expect(perHour[10].online).toBeGreaterThan(perHour[3].online * 5);
    expect(perHour[10].hall).toBeGreaterThan(0);
    const weekday = last!.mattersToday;
    expect(weekday).toBeGreaterThan(50_000);
    expect(weekday).toBeLessThan(150_000);
    expect(last!.onlineShare).toBeGreaterThan(0.7);
    for (let d = 1; d <= 6; d++) for (let h = 1; h <= 24; h++) last = value(sim, at(d, h) - 60_000);
    expect(last!.mattersToday).toBeLessThan(weekday * 0.6); // Sunday
    expect(last!.onlineShare).toBe(1); // halls closed all Sunday
  });

  it('queues build where counters are short: some halls wait over 20 minutes at the 10:00 peak, most do not', () => {
    const sim = make(at(1, 9));
    let worst = 0;
    let g: GovServices | null = null;
    for (let m = 0; m <= 90; m += 5) {
      g = value(sim, at(1, 9) + m * 60_000);
      worst = Math.max(worst, ...g.halls.map((h) => h.waitMin));
    }
    expect(worst).toBeGreaterThan(20);
    expect(worst).toBeLessThan(120);
    const waits = g!.halls.map((h) => h.waitMin).sort((a, b) => a - b);
    expect(waits[Math.floor(waits.length / 2)]).toBeLessThan(20);
    for (const h of g!.halls) {
      expect(h.goodRate).toBeGreaterThan(0.98);
      expect(h.windowsOpen).toBeGreaterThan(0);
    }
  });

  it('handling times stay under their legal limits on average, and near the limit overdue matters appear', () => {
    const sim = make(at(0, 0));
    let overdue = 0;
    for (let i = 0; i < 5 * 24 * 12; i++) {
      const g = value(sim, at(0, 0) + i * 5 * 60_000);
      for (const c of g.categories) {
        const spec = CATEGORIES.find((x) => x.id === c.id)!;
        expect(c.avgDays).toBeLessThan(c.limitDays);
        expect(Math.abs(c.avgDays - spec.avgDays)).toBeLessThan(spec.avgDays * 0.5 + 0.2);
        if (c.id === 'exit-entry') overdue = Math.max(overdue, c.overdue);
      }
    }
    expect(overdue).toBeGreaterThan(0);
  });

  it('per-10k figures are matters over residents, and urban districts lead', () => {
    const g = value(make(at(0, 17)), at(0, 17));
    for (const d of g.districts) expect(d.per10k).toBeCloseTo((d.mattersToday / d.population) * 1e4, 0);
    const yuzhong = g.districts.find((d) => d.code === '500103')!;
    const chengkou = g.districts.find((d) => d.code === '500229')!;
    expect(yuzhong.per10k).toBeGreaterThan(chengkou.per10k);
    expect(g.districts.reduce((s, d) => s + d.mattersToday, 0)).toBeLessThanOrEqual(g.mattersToday + g.districts.length);
  });
});
