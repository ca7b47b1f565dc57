import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecording } from '../mock-server/recorder/reader.ts';
import { parseRecordArgs, record, UsageError } from './record.ts';

const dir = mkdtempSync(join(tmpdir(), 'onescreen-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run record', () => {
  it('checks its arguments, naming the wrong one', () => {
    const now = Date.UTC(2026, 5, 1, 12);
    expect(() => parseRecordArgs([], {}, now)).toThrow(UsageError);
    expect(() => parseRecordArgs(['--hours', 'two'], {}, now)).toThrow(/--hours must be a number/);
    expect(() => parseRecordArgs(['--hours', '1', '--end', 'tomorrow'], {}, now)).toThrow(/--end must be an ISO time/);
    expect(() => parseRecordArgs(['--hours', '1', '--seed', '1.5'], {}, now)).toThrow(/--seed must be a whole number/);
    expect(() => parseRecordArgs(['--hours', '1', '--vehicles', '-1'], {}, now)).toThrow(/--vehicles/);
    expect(() => parseRecordArgs(['--hours', '1', '--colour', 'red'], {}, now)).toThrow(/colour/);
    const run = parseRecordArgs(['--hours', '2', '--end', '2026-01-05T18:00:00+08:00'], { HUB_SEED: '9' }, now);
    expect(run).toMatchObject({ startTime: Date.UTC(2026, 0, 5, 8), endTime: Date.UTC(2026, 0, 5, 10), seed: 9 });
    expect(run.out).toMatch(/data\/recordings\/sim-20260105T080000Z-2h-seed9\.mcap$/);
  });

  it('records a short span of the simulated city into one file, fast, and says what is in it', async () => {
    const out = join(dir, 'short.mcap');
    const run = parseRecordArgs(['--hours', '0.02', '--out', out, '--end', '2026-01-05T09:00:00+08:00', '--seed', '5', '--vehicles', '200'], {});
    const lines: string[] = [];
    const result = await record(run, (l) => lines.push(l));
    expect(existsSync(out)).toBe(true);
    expect(lines.some((l) => l.startsWith(`Wrote ${out} in `))).toBe(true);
    // Every simulated module's topics, the overview once a second over 72 s.
    expect(result.messages.get('overview')).toBe(73);
    for (const topic of ['traffic.vehicles', 'weather.radar', 'health.districts', 'gov.services', 'environment.summary', 'poverty.districts'])
      expect(lines.some((l) => l.trim().startsWith(topic))).toBe(true);
    const rec = await openRecording(out, { log: () => {} });
    expect(rec.range()).toEqual({ from: run.startTime, to: run.endTime });
    expect(Object.fromEntries(rec.counts())).toEqual(Object.fromEntries(result.messages));
    expect(rec.skipped).toBe(0);
    await rec.close();
    // Same seed, same span: the same recording (the simulators are deterministic in their step times).
    const again = await record({ ...run, out: join(dir, 'again.mcap') }, () => {});
    expect(Object.fromEntries(again.messages)).toEqual(Object.fromEntries(result.messages));
    const a = await openRecording(out, { log: () => {} });
    const b = await openRecording(join(dir, 'again.mcap'), { log: () => {} });
    const all = async (r: typeof a) => (await r.messages({ ...r.range()!, topics: null, limit: 100_000, maxBytes: 2 ** 30 })).envelopes.map((m) => JSON.stringify(m.envelope, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
    expect(await all(b)).toEqual(await all(a));
    await a.close();
    await b.close();
  });
});
