import { copyFileSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEnvelope } from './codec.ts';
import { openRecording, type Recording, type ServedEnvelope } from './reader.ts';
import { keptLog, shortRecording, T0, tempDir, testDistricts } from './recorder-fixture.ts';
import { SegmentWriter } from './segment-writer.ts';
import { overviewSimModule } from '../sim/overview-sim.ts';

const dir = tempDir('reader');
const full = join(dir, 'full.mcap');
let all: ServedEnvelope[];
let rec: Recording;

beforeAll(async () => {
  // Ten simulated minutes in 16 kB chunks: some hundreds of chunks to seek through.
  await shortRecording(full, 600);
  rec = await openRecording(full, { log: () => {} });
  const r = rec.range()!;
  all = (await rec.messages({ from: r.from, to: r.to, topics: null, limit: 100_000, maxBytes: 2 ** 30 })).envelopes;
  expect(all.length).toBeGreaterThan(500);
  expect(all.length).toBeLessThan(100_000);
});
afterAll(async () => {
  await rec?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What stateAt must answer, found the slow way: the last of each topic at or before `at`. */
function expectedState(messages: ServedEnvelope[], at: number, topics: string[]) {
  const out = new Map<string, ServedEnvelope>();
  for (const m of messages) if (m.recordedAt <= at && topics.includes(m.topic)) out.set(m.topic, m);
  return topics.flatMap((t) => out.get(t) ?? []);
}

const ALL_TOPICS = ['overview', 'traffic.vehicles', 'weather.forecast', 'weather.radar', 'weather.stations', 'weather.warnings'];

describe('reading a recording', () => {
  it('knows its range and topics', () => {
    expect(rec.range()).toEqual({ from: T0, to: T0 + 600_000 });
    expect(rec.counts().get('overview')).toBe(601);
    expect(rec.counts().get('traffic.vehicles')).toBe(301);
    expect(rec.segments()).toMatchObject([{ file: 'full.mcap', indexed: true, open: false, truncated: false }]);
  });

  it('answers stateAt from the index: the newest envelope of each topic at or before the time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: T0, max: T0 + 600_000 }), fc.subarray(ALL_TOPICS, { minLength: 1 }), async (at, topics) => {
        const got = await rec.stateAt(at, topics);
        const want = expectedState(all, at, topics);
        expect(got.envelopes.map((e) => [e.topic, e.logTimeNs])).toEqual(want.map((e) => [e.topic, e.logTimeNs]));
        expect(got.missing).toEqual(topics.filter((t) => !want.some((w) => w.topic === t)));
      }),
      { numRuns: 60 },
    );
    // Before the first forecast update every topic still has its first value from T0.
    expect((await rec.stateAt(T0, null)).missing).toEqual([]);
  });

  it('pages messages in recording order with a cursor, bounded by count and bytes', async () => {
    const from = T0 + 60_000;
    const to = T0 + 120_000;
    const want = all.filter((m) => m.recordedAt >= from && m.recordedAt <= to && m.topic !== 'traffic.vehicles');
    const got: ServedEnvelope[] = [];
    let cursor: bigint | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await rec.messages({ from, to, topics: ALL_TOPICS.filter((t) => t !== 'traffic.vehicles'), limit: 7, maxBytes: 2 ** 30, afterNs: cursor });
      expect(page.envelopes.length).toBeLessThanOrEqual(7);
      got.push(...page.envelopes);
      if (!page.next) break;
      cursor = BigInt(page.next);
    }
    expect(got.map((m) => m.logTimeNs)).toEqual(want.map((m) => m.logTimeNs));
    // A byte bound ends a page early, but a page always holds one envelope.
    const small = await rec.messages({ from, to, topics: null, limit: 100, maxBytes: 1 });
    expect(small.envelopes.length).toBe(1);
    expect(small.next).toBe(String(small.envelopes[0].logTimeNs));
  });

  it('reads a truncated file (cut mid-chunk, no footer) up to the cut, with a warning', async () => {
    const cut = join(dir, 'cut.mcap');
    copyFileSync(full, cut);
    const size = statSync(full).size;
    truncateSync(cut, Math.floor(size * 0.6));
    const { log, lines } = keptLog();
    const r = await openRecording(cut, { log });
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/WARNING: recording cut\.mcap has no index .*cut short.*bytes after the last complete record are lost/);
    expect(r.segments()[0]).toMatchObject({ indexed: false, truncated: true });
    const range = r.range()!;
    const got = (await r.messages({ from: range.from, to: range.to, topics: null, limit: 100_000, maxBytes: 2 ** 30 })).envelopes;
    // Everything before the cut, the same as the complete file, and most of it (16 kB chunks).
    expect(got.length).toBeGreaterThan(all.length * 0.5);
    expect(got.map((m) => JSON.stringify(m.envelope.seq) + m.topic + m.logTimeNs)).toEqual(all.slice(0, got.length).map((m) => JSON.stringify(m.envelope.seq) + m.topic + m.logTimeNs));
    // Seeking works the same there.
    const at = T0 + 200_000;
    expect((await r.stateAt(at, ALL_TOPICS)).envelopes.map((e) => e.logTimeNs)).toEqual(expectedState(all, at, ALL_TOPICS).map((e) => e.logTimeNs));
    await r.close();
  });

  it('a directory plays its truncated segment and the complete ones after it', async () => {
    const d = tempDir('reader-dir');
    await shortRecording(join(d, 'onescreen-a.mcap'), 60);
    truncateSync(join(d, 'onescreen-a.mcap'), Math.floor(statSync(join(d, 'onescreen-a.mcap')).size * 0.7));
    // A complete segment after it (by name; the two overlap in time, which the reader allows).
    copyFileSync(full, join(d, 'onescreen-b.mcap'));
    const { log, lines } = keptLog();
    const r = await openRecording(d, { log });
    expect(lines.filter((l) => l.startsWith('WARNING')).length).toBe(1);
    const segs = r.segments();
    expect(segs.map((s) => [s.file, s.truncated])).toEqual([
      ['onescreen-a.mcap', true],
      ['onescreen-b.mcap', false],
    ]);
    expect(r.counts().get('overview')).toBeGreaterThan(601);
    await r.close();
    rmSync(d, { recursive: true, force: true });
  });

  it('skips and counts a record that fails the contract, and serves the one before it instead', async () => {
    const bad = join(dir, 'bad.mcap');
    const w = await SegmentWriter.create(bad, { startedAt: T0 });
    const districts = testDistricts();
    const sim = overviewSimModule(1000).create({ seed: 1, districts, districtProps: districts.features.map((f) => f.properties), startTime: T0, env: {} });
    const envelope = (seq: number, data: unknown) => ({ v: 2, topic: 'overview', epoch: 'e-1', seq, time: T0 + seq * 1000, data });
    const ns = (s: number) => BigInt(T0 + s * 1000) * 1_000_000n;
    await w.add('overview', 'live', encodeEnvelope(envelope(1, sim.step(T0 + 1000)[0][1]), false), 1, ns(1), ns(1));
    // More systems connected than planned: well-formed JSON, refused by the contract.
    await w.add('overview', 'live', encodeEnvelope(envelope(2, { ...(sim.step(T0 + 2000)[0][1] as object), systemsConnected: -3 }), false), 2, ns(2), ns(2));
    await w.add('overview', 'live', new TextEncoder().encode('{"not json'), 3, ns(3), ns(3));
    await w.close();
    const { log, lines } = keptLog();
    const r = await openRecording(bad, { log });
    const state = await r.stateAt(T0 + 3000, ['overview']);
    expect(state.envelopes.map((e) => e.envelope.seq)).toEqual([1]);
    expect(r.skipped).toBe(2);
    const page = await r.messages({ from: T0, to: T0 + 3000, topics: null, limit: 10, maxBytes: 2 ** 30 });
    expect(page.envelopes.map((e) => e.envelope.seq)).toEqual([1]);
    expect(lines.filter((l) => l.includes('failed the contract')).length).toBe(1);
    await r.close();
  });

  it('refuses a file that is not MCAP, naming it', async () => {
    const junk = join(dir, 'junk.mcap');
    writeFileSync(junk, 'this is not a recording at all, just some text '.repeat(10));
    const r = await openRecording(junk, { log: () => {} });
    expect(r.unreadable()).toEqual([{ file: junk, error: expect.stringMatching(/not an MCAP file/) }]);
    expect(r.range()).toBeNull();
    await r.close();
    await expect(openRecording(join(dir, 'missing.mcap'), { log: () => {} })).rejects.toThrow(/missing\.mcap: no such file/);
    expect(readFileSync(full).subarray(1, 5).toString()).toBe('MCAP');
  });
});
