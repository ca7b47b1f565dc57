import { describe, expect, it } from 'vitest';
import { OverviewSimulator, PUBLIC_FIGURES } from './overview-sim.ts';
import { msSinceLocalMidnight } from './day-profile.ts';
import { loadDistricts } from '../geo.ts';
import { OverviewSchema, describeIssue, topicSnapshotSchema, type Overview } from '../../src/hub/contract.ts';

const DISTRICTS = loadDistricts().features.map((f) => f.properties);
const HOUR = 3_600_000;
const STEP = 10 * 60_000;
/** 2024-05-20 10:00 in Chongqing (02:00 UTC). */
const START = Date.UTC(2024, 4, 20, 2, 0, 0);

function run(seed: number, start = START, steps = 48 * 6) {
  const sim = new OverviewSimulator(DISTRICTS, seed, start);
  const out: Overview[] = [sim.current()];
  for (let i = 1; i <= steps; i++) out.push(sim.step(start + i * STEP));
  return { sim, out };
}

describe('OverviewSimulator', () => {
  it('uses the real district list', () => {
    expect(DISTRICTS.length).toBe(38);
  });

  it('is deterministic: same seed and clock give identical figures and history', () => {
    const a = run(42);
    const b = run(42);
    expect(a.out).toEqual(b.out);
    expect(a.sim.dataCallsHistory()).toEqual(b.sim.dataCallsHistory());
    expect(a.sim.seq).toBe(b.sim.seq);
  });

  it('different seeds give different figures', () => {
    const a = run(1, START, 6).out;
    const b = run(2, START, 6).out;
    expect(a[0].dataCallsPerMinute).not.toBe(b[0].dataCallsPerMinute);
    expect(a.map((o) => o.districts)).not.toEqual(b.map((o) => o.districts));
    // every district has its own seeded stream: even figures not driven by city-wide calls differ
    const events = (out: Overview[]) => out.map((o) => o.districts.map((d) => d.openEvents));
    expect(events(a)).not.toEqual(events(b));
  });

  it('replays today from local midnight at start, so the day so far is already in the figures', () => {
    const sim = new OverviewSimulator(DISTRICTS, 7, START);
    const o = sim.current();
    expect(o.time).toBe(START);
    expect(o.govMattersToday).toBeGreaterThan(0);
    expect(o.dataCallsTotal).toBeGreaterThan(PUBLIC_FIGURES.dataCallsTotal);
    const history = sim.dataCallsHistory();
    // 00:00 to 10:00 local in five-minute buckets, inclusive of the 10:00 bucket
    expect(history).toHaveLength(10 * 12 + 1);
    expect(msSinceLocalMidnight(history[0][0])).toBe(0);
    expect(history.at(-1)![0]).toBe(START);
    expect(sim.seq).toBe(0);
  });

  it('over 48 h in 10-minute steps: every output is valid, totals never fall, history stays ≤ 288', () => {
    const { sim, out } = run(20180830, START, 48 * 6);
    expect(sim.seq).toBe(48 * 6);
    let prev: Overview | null = null;
    for (const o of out) {
      const r = OverviewSchema.safeParse(o);
      if (!r.success) throw new Error(`invalid at ${new Date(o.time).toISOString()}: ${describeIssue(r.error)}`);
      expect(o.systemsConnected).toBeLessThanOrEqual(o.systemsPlanned);
      expect(o.cloudRate).toBeGreaterThanOrEqual(0);
      expect(o.cloudRate).toBeLessThanOrEqual(1);
      expect(o.districts.map((d) => d.code)).toEqual(DISTRICTS.map((d) => d.code));
      if (prev) {
        expect(o.time).toBeGreaterThan(prev.time);
        expect(o.dataCallsTotal).toBeGreaterThanOrEqual(prev.dataCallsTotal);
        expect(o.govServiceUsers).toBeGreaterThanOrEqual(prev.govServiceUsers);
        expect(o.povertyPlatformUses).toBeGreaterThanOrEqual(prev.povertyPlatformUses);
        expect(o.cloudSystems).toBeGreaterThanOrEqual(prev.cloudSystems);
      }
      prev = o;
    }
    expect(out.at(-1)!.dataCallsTotal).toBeGreaterThan(out[0].dataCallsTotal);
    const history = sim.dataCallsHistory();
    expect(history.length).toBeLessThanOrEqual(288);
    expect(history.length).toBe(288);
    for (let i = 1; i < history.length; i++) expect(history[i][0]).toBeGreaterThan(history[i - 1][0]);
    // A snapshot built from the simulator is valid too.
    const snapshot = {
      contractVersion: 2,
      topic: 'overview',
      simulated: true,
      epoch: 'e1',
      seq: sim.seq,
      time: sim.current().time,
      data: sim.current(),
      history,
    };
    expect(topicSnapshotSchema('overview', OverviewSchema).safeParse(snapshot).success).toBe(true);
  });

  it('"today" counters grow during the day and reset across local midnight (UTC+8)', () => {
    const { out } = run(99, START, 48 * 6);
    let resets = 0;
    for (let i = 1; i < out.length; i++) {
      const prev = out[i - 1];
      const o = out[i];
      const crossed = msSinceLocalMidnight(o.time) < msSinceLocalMidnight(prev.time);
      if (crossed) {
        resets += 1;
        // local midnight: 16:00 UTC
        expect(new Date(o.time).getUTCHours()).toBe(16);
        expect(o.govMattersToday).toBeLessThan(prev.govMattersToday);
        expect(o.govMattersToday).toBeLessThan(1000);
        expect(o.povertyDailyActive).toBeLessThan(prev.povertyDailyActive);
        expect(o.povertyDailyActive).toBe(0);
        for (let d = 0; d < o.districts.length; d++) {
          expect(o.districts[d].dataCallsToday).toBeLessThan(prev.districts[d].dataCallsToday);
        }
        // totals are not "today" figures: they keep growing through midnight
        expect(o.dataCallsTotal).toBeGreaterThanOrEqual(prev.dataCallsTotal);
      } else {
        expect(o.govMattersToday).toBeGreaterThanOrEqual(prev.govMattersToday);
        expect(o.povertyDailyActive).toBeGreaterThanOrEqual(prev.povertyDailyActive);
        for (let d = 0; d < o.districts.length; d++) {
          expect(o.districts[d].dataCallsToday).toBeGreaterThanOrEqual(prev.districts[d].dataCallsToday);
        }
      }
    }
    expect(resets).toBe(2);
  });

  it('the city is busier at 10:00 than at 03:00 local, and Yuzhong outweighs an outer county per km²', () => {
    const { out } = run(5, START, 24 * 6);
    const at = (localHour: number) => out.find((o) => msSinceLocalMidnight(o.time) === localHour * HOUR)!;
    expect(at(10).dataCallsPerMinute).toBeGreaterThan(at(3).dataCallsPerMinute * 2);
    const last = out.at(-1)!;
    const area = new Map(DISTRICTS.map((d) => [d.code, d.areaKm2]));
    const density = (code: string) => last.districts.find((d) => d.code === code)!.devicesOnline / area.get(code)!;
    expect(density('500103')).toBeGreaterThan(density('500238')); // 渝中区 vs 巫溪县
  });
});
