import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../../src/hub/contract.ts';
import { loadDistricts } from '../../geo.ts';
import { loadCatalog } from '../../events/catalog.ts';
import { DAILY_REPORTS, ReportSimulator, expectedPerMinute, reportsBetween, reportsOfMinute, type SimReport } from './reports.ts';
import { FEEDBACK, TEMPLATES } from './texts.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Local (UTC+8) midnight of 2024-07-10. */
const MIDNIGHT = Date.UTC(2024, 6, 9, 16);
const districts = loadDistricts().features.map((f) => f.properties);
const ctx = { seed: 11, districts, rate: 1 };
const DRY = new Float64Array(districts.length);
const WET = new Float64Array(districts.length).fill(30);

function day(rain: Float64Array, c = ctx, from = MIDNIGHT): SimReport[] {
  const out: SimReport[] = [];
  const m0 = from / MINUTE;
  for (let m = m0; m < m0 + 1440; m++) out.push(...reportsOfMinute(c, m, rain));
  return out;
}
const localHour = (t: number) => Math.floor((((t + 8 * 3_600_000) % DAY) + DAY) % DAY / 3_600_000);

describe('grid reports and 12345 tickets', () => {
  const dry = day(DRY);

  it('come by the hundreds a day, from both sources', () => {
    expect(dry.length).toBeGreaterThan(400);
    expect(dry.length).toBeLessThan(900);
    const grid = dry.filter((r) => r.source === 'grid').length;
    expect(grid).toBeGreaterThan(DAILY_REPORTS.grid * 0.7);
    expect(dry.length - grid).toBeGreaterThan(DAILY_REPORTS.hotline * 0.7);
  });

  it('follow the daily rhythm: quiet at night, peaks mid-morning and mid-afternoon', () => {
    const perHour = new Array(24).fill(0);
    for (let k = 0; k < 3; k++) for (const r of day(DRY, ctx, MIDNIGHT + k * DAY)) perHour[localHour(r.at)]++;
    const mean = (hours: number[]) => hours.reduce((a, h) => a + perHour[h], 0) / hours.length;
    const night = mean([1, 2, 3, 4]);
    const morning = mean([9, 10, 11]);
    const afternoon = mean([14, 15, 16]);
    expect(morning).toBeGreaterThan(4 * night);
    expect(afternoon).toBeGreaterThan(4 * night);
    expect(morning).toBeGreaterThan(mean([12, 13]));
    expect(mean([6])).toBeLessThan(morning / 2);
  });

  it('grow in number during storms, with more flooding and hazards', () => {
    const wet = day(WET);
    expect(wet.length).toBeGreaterThan(2 * dry.length);
    const share = (rs: SimReport[], cats: string[]) => rs.filter((r) => cats.includes(r.report.category)).length / rs.length;
    const hazards = ['flooding', 'geological-hazard', 'meteorological-hazard'];
    expect(share(wet, hazards)).toBeGreaterThan(3 * share(dry, hazards));
    expect(expectedPerMinute(ctx, 'grid', MIDNIGHT + 10 * 3_600_000, WET)).toBeGreaterThan(expectedPerMinute(ctx, 'grid', MIDNIGHT + 10 * 3_600_000, DRY));
    // Only where it rains: a storm over one district brings its reports there.
    const one = new Float64Array(districts.length);
    const yuzhong = districts.findIndex((d) => d.code === '500103');
    one[yuzhong] = 40;
    const local = day(one);
    const inYuzhong = (rs: SimReport[]) => rs.filter((r) => r.report.district === '500103').length;
    expect(inYuzhong(local)).toBeGreaterThan(2 * inYuzhong(dry));
  });

  it('scale with the rate, and stop at 0', () => {
    const double = day(DRY, { ...ctx, rate: 2 });
    expect(double.length / dry.length).toBeGreaterThan(1.6);
    expect(double.length / dry.length).toBeLessThan(2.4);
    expect(reportsOfMinute({ ...ctx, rate: 0 }, MIDNIGHT / MINUTE + 600, WET)).toEqual([]);
  });

  it('are valid reports, of catalogue categories, near their district centre, with unique deterministic external ids', () => {
    const catalog = loadCatalog();
    const ids = new Set(catalog.categories.map((c) => c.id));
    const centres = new Map(districts.map((d) => [d.code, d.center]));
    const all = [...dry, ...day(WET)];
    for (const { report } of all) {
      expect(ReportSchema.safeParse(report).success).toBe(true);
      expect(ids.has(report.category)).toBe(true);
      const c = centres.get(report.district)!;
      expect(Math.hypot((report.position[0] - c[0]) * 96, (report.position[1] - c[1]) * 111)).toBeLessThan(30);
      expect(report.description).toContain('模拟');
      expect(report.externalId).toMatch(/^(grid|hotline)-11-\d+-\d+$/);
    }
    expect(new Set(dry.map((r) => r.report.externalId)).size).toBe(dry.length);
    expect(day(DRY)).toEqual(dry);
    expect(day(DRY, { ...ctx, seed: 12 })).not.toEqual(dry);
    const levels = new Set(all.map((r) => r.report.level));
    expect(levels).toEqual(new Set(['blue', 'yellow', 'orange', 'red']));
    expect(dry.filter((r) => r.report.level === 'orange' || r.report.level === 'red').length / dry.length).toBeLessThan(0.05);
  });

  it('have texts for every category of the catalogue', () => {
    for (const c of loadCatalog().categories) {
      expect(TEMPLATES[c.id]?.length, c.id).toBeGreaterThan(0);
      expect(FEEDBACK[c.id]?.length, c.id).toBeGreaterThan(0);
    }
  });

  it('are posted when their time comes, the same by every simulator of a seed', async () => {
    const start = MIDNIGHT + 10 * 3_600_000;
    const a = new ReportSimulator({ ...ctx, startTime: start });
    const b = new ReportSimulator({ ...ctx, startTime: start + 7 * MINUTE });
    const fromA: SimReport[] = [];
    const fromB: SimReport[] = [];
    for (let t = start; t < start + 3 * 3_600_000; t += 1000) {
      for (const r of a.step(t)) {
        expect(r.at).toBeLessThanOrEqual(t);
        expect(r.at).toBeGreaterThan(t - 2000);
        fromA.push(r);
      }
      if (t >= start + 7 * MINUTE) fromB.push(...b.step(t));
    }
    expect(fromA.length).toBeGreaterThan(50);
    const byId = new Map(fromA.map((r) => [r.report.externalId, r]));
    for (const r of fromB) expect(byId.get(r.report.externalId)).toEqual(r);
    // A simulator stepped after a long pause catches up half an hour, not the whole gap.
    const late = new ReportSimulator({ ...ctx, startTime: start });
    const caught = late.step(start + 5 * 3_600_000);
    expect(caught.every((r) => r.at >= start + 5 * 3_600_000 - 31 * MINUTE)).toBe(true);
  });

  it('a first start posts the hours before it: the reports a simulator running then would have posted, oldest first', () => {
    const start = MIDNIGHT + 9 * 3_600_000;
    const live = new ReportSimulator({ ...ctx, startTime: start });
    const posted: SimReport[] = [];
    for (let t = start; t < start + 2 * 3_600_000; t += 1000) posted.push(...live.step(t));
    const back = reportsBetween(ctx, start, start + 2 * 3_600_000);
    expect(back.length).toBeGreaterThan(20);
    expect(back.map((r) => r.report.externalId)).toEqual(posted.map((r) => r.report.externalId));
    expect(back.every((r, i) => i === 0 || r.at >= back[i - 1].at)).toBe(true);
    expect(reportsBetween({ ...ctx, rate: 0 }, start, start + 3_600_000)).toEqual([]);
  });
});
