import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/hub/contract.ts';
import { overviewSimModule } from '../sim/overview-sim.ts';
import { startTopicEngine } from '../topic-engine.ts';
import { openRecording } from './reader.ts';
import { startRecorder } from './recorder.ts';
import { createRateLimit } from './rate-limit.ts';
import { fleetModule, keptLog, silentNamespace, tempDir, testDistricts, testSettings } from './recorder-fixture.ts';
import { recorderSettings } from './settings.ts';

const dirs: string[] = [];
const dir = (name: string) => {
  const d = tempDir(name);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ctx = (startTime: number) => {
  const districts = testDistricts();
  return { seed: 3, districts, districtProps: districts.features.map((f) => f.properties), startTime, env: {} };
};

describe('the recorder', () => {
  it('gives back, byte for byte per topic, what the topic engine published (JSON and binary)', async () => {
    const d = dir('roundtrip');
    const { log } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d), log });
    const published: Array<[string, unknown]> = [];
    const engine = startTopicEngine(silentNamespace(), ctx(Date.now()), log, [overviewSimModule(100), fleetModule(150)], {
      onPublish: (topic, envelope) => {
        published.push([topic, envelope]);
        recorder.tap(topic, envelope);
      },
    });
    await sleep(1200);
    engine.stop();
    await recorder.close();

    const rec = await openRecording(d, { log });
    const range = rec.range()!;
    const page = await rec.messages({ from: range.from, to: range.to, topics: null, limit: 1000, maxBytes: 2 ** 30 });
    expect(page.next).toBeNull();
    expect(rec.skipped).toBe(0);
    for (const topic of ['overview', 'traffic.vehicles']) {
      const sent = published.filter(([t]) => t === topic).map(([, e]) => e as { data: Record<string, unknown> });
      const got = page.envelopes.filter((e) => e.topic === topic).map((e) => e.envelope);
      expect(sent.length).toBeGreaterThan(5);
      expect(got.length).toBe(sent.length);
      if (TOPICS.get(topic)!.codec === 'json') {
        expect(got.map((e) => JSON.stringify(e))).toEqual(sent.map((e) => JSON.stringify(e)));
      } else {
        got.forEach((e, i) => {
          const { data, ...header } = e as unknown as { data: Record<string, unknown> };
          const { data: sentData, ...sentHeader } = sent[i] as unknown as { data: Record<string, unknown> };
          expect(header).toEqual(sentHeader);
          expect(data.count).toBe(sentData.count);
          for (const column of ['positions', 'speeds']) {
            expect(data[column]).toBeInstanceOf(Uint8Array);
            expect(Buffer.compare(Buffer.from(data[column] as Uint8Array), Buffer.from(sentData[column] as Uint8Array))).toBe(0);
          }
        });
      }
    }
    await rec.close();
  });

  it('records fast topics at the reduced rate, newest value winning, and slow ones whole', () => {
    const limit = createRateLimit<number>(() => 1000);
    const taken: Array<[string, number, number]> = [];
    // `fast` changes every 100 ms for 3 s; `slow` every 2 s. The recorder looks at due values every 100 ms.
    for (let t = 0; t <= 3000; t += 100) {
      for (const o of limit.due(t)) taken.push([o.topic, o.value, t]);
      const f = limit.offer('fast', t, t);
      if (f) taken.push([f.topic, f.value, t]);
      if (t % 2000 === 0) {
        const s = limit.offer('slow', t, t);
        if (s) taken.push([s.topic, s.value, t]);
      }
    }
    const fast = taken.filter(([t]) => t === 'fast');
    // One a second: the first at once, then at each interval's end the newest offered in it.
    expect(fast.map(([, v, at]) => [v, at])).toEqual([
      [0, 0],
      [900, 1000],
      [1900, 2000],
      [2900, 3000],
    ]);
    expect(taken.filter(([t]) => t === 'slow').map(([, v]) => v)).toEqual([0, 2000]);
    expect(limit.superseded).toBeGreaterThan(20);
  });

  it('flushes a waiting value when its own interval ends, not when a slower topic is due', async () => {
    const d = dir('due');
    const { log } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d, { maxHz: 5, binaryMaxHz: 0.1 }), log });
    const fleet = fleetModule(1000).create(ctx(Date.now()));
    const env = (topic: string, seq: number, data: unknown) => ({ v: 2, topic, epoch: 'e', seq, time: Date.now(), data });
    // The fleet waits ten seconds for its next slot; the summary, 200 ms.
    recorder.tap('traffic.vehicles', env('traffic.vehicles', 1, fleet.step(Date.now())[0][1]));
    recorder.tap('traffic.vehicles', env('traffic.vehicles', 2, fleet.step(Date.now())[0][1]));
    recorder.tap('environment.summary', env('environment.summary', 1, {}));
    recorder.tap('environment.summary', env('environment.summary', 2, {}));
    await sleep(400);
    expect(recorder.status().written).toBe(3);
    await recorder.close();
  });

  it('keeps a live recording at HUB_RECORD_MAX_HZ: a 10 Hz topic is recorded about once a second', async () => {
    const d = dir('rate');
    const { log } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d, { maxHz: 1, binaryMaxHz: 0.5 }), log });
    let sent = 0;
    const engine = startTopicEngine(silentNamespace(), ctx(Date.now()), log, [overviewSimModule(100), fleetModule(100)], {
      onPublish: (topic, envelope) => {
        if (topic === 'overview') sent++;
        recorder.tap(topic, envelope);
      },
    });
    await sleep(2600);
    engine.stop();
    await recorder.close();
    const rec = await openRecording(d, { log });
    const counts = rec.counts();
    expect(sent).toBeGreaterThan(20);
    // 2.6 s at 1 Hz: at 0, ~1 and ~2 s, and the last waiting value when it closed.
    expect(counts.get('overview')).toBeGreaterThanOrEqual(3);
    expect(counts.get('overview')).toBeLessThanOrEqual(4);
    expect(counts.get('traffic.vehicles')).toBeLessThanOrEqual(3);
    // Newest wins: the last overview recorded is the last one published.
    const range = rec.range()!;
    const last = (await rec.stateAt(range.to, ['overview'])).envelopes[0];
    expect(last.envelope.seq).toBe(sent);
    await rec.close();
  });

  it('rotates segments, repeats every topic at the start of each, and deletes the oldest beyond the byte budget', async () => {
    const d = dir('rotate');
    writeFileSync(join(d, 'notes.txt'), 'not a segment: never deleted');
    // The real clock: retention reads the files' real modification times.
    let now = Date.now();
    const { log, lines } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d, { segmentMs: 60_000, maxBytes: 1024 * 1024 }), log, now: () => now });
    const districts = testDistricts();
    const c = { seed: 1, districts, districtProps: districts.features.map((f) => f.properties), startTime: now, env: {} };
    const overview = overviewSimModule(1000).create(c);
    const fleet = fleetModule(1000, 8000).create(c); // 72 kB a frame: the budget holds about a dozen
    let seq = 0;
    const publish = (topic: string, data: unknown) => recorder.tap(topic, { v: 2, topic, epoch: 'test-1', seq: ++seq, time: now, data });
    publish('overview', overview.step(now)[0][1]);
    for (let minute = 0; minute < 5; minute++) {
      for (let s = 0; s < 6; s++) {
        now += 10_000;
        publish('traffic.vehicles', fleet.step(now)[0][1]);
      }
      await recorder.drain();
    }
    now += 60_000;
    await recorder.rotate();
    await recorder.housekeeping();
    const segments = readdirSync(d).filter((n) => n.endsWith('.mcap'));
    expect(existsSync(join(d, 'notes.txt'))).toBe(true);
    expect(lines.some((l) => /deleted \d+ old segment/.test(l))).toBe(true);
    expect(segments.length).toBeGreaterThanOrEqual(1);
    expect(segments.length).toBeLessThan(5);
    const rec = await openRecording(d, { log });
    expect(rec.segments().reduce((n, s) => n + s.bytes, 0)).toBeLessThanOrEqual(1024 * 1024);
    // The overview was published once, in the first (deleted) segment; its repeat keeps it seekable.
    const state = await rec.stateAt(rec.range()!.to, ['overview', 'traffic.vehicles']);
    expect(state.missing).toEqual([]);
    expect(state.envelopes[0].envelope.seq).toBe(1);
    // ... but is not played back as if it had been published again.
    const all = await rec.messages({ ...rec.range()!, topics: ['overview'], limit: 100, maxBytes: 2 ** 30 });
    expect(all.envelopes).toEqual([]);
    await rec.close();
    await recorder.close();
  });

  it('deletes segments older than HUB_RECORD_HOURS', async () => {
    const d = dir('age');
    let now = Date.UTC(2026, 0, 5, 3, 0);
    const { log } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d, { segmentMs: 60_000, maxAgeMs: 3 * 60_000 }), log, now: () => now });
    const districts = testDistricts();
    const overview = overviewSimModule(1000).create({ seed: 1, districts, districtProps: districts.features.map((f) => f.properties), startTime: now, env: {} });
    const { utimes } = await import('node:fs/promises');
    for (let minute = 0; minute < 6; minute++) {
      recorder.tap('overview', { v: 2, topic: 'overview', epoch: 'test-1', seq: minute + 1, time: now, data: overview.step(now)[0][1] });
      await recorder.drain();
      await recorder.rotate();
      // A segment's age is its last write: make the segment just closed say when that was on this fake clock.
      const newest = readdirSync(d).sort().at(-1)!;
      await utimes(join(d, newest), now / 1000, now / 1000);
      now += 60_000;
    }
    const before = readdirSync(d).length;
    await recorder.housekeeping();
    const after = readdirSync(d).length;
    expect(before).toBe(6);
    // Ended at most three minutes ago: the last three.
    expect(after).toBe(3);
    await recorder.close();
  });

  it('pauses with one log line when the disk is under the floor, and the hub side never notices', async () => {
    const d = dir('floor');
    const { log, lines } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d, { minFreeBytes: 2 ** 52 }), log });
    for (let i = 0; i < 50; i++) recorder.tap('overview', { v: 2, topic: 'overview', epoch: 'e', seq: i + 1, time: Date.now(), data: {} });
    await recorder.housekeeping();
    await recorder.drain();
    expect(recorder.status().recording).toBe(false);
    expect(recorder.status().note).toMatch(/HUB_RECORD_MIN_FREE_MB/);
    expect(lines.filter((l) => l.includes('paused')).length).toBe(1);
    expect(readdirSync(d).filter((n) => n.endsWith('.mcap'))).toEqual([]);
    await recorder.close();
  });

  it('after a write error logs once, keeps taking envelopes without throwing, and resumes later', async () => {
    const d = dir('error');
    let now = Date.UTC(2026, 0, 5, 4, 0);
    const { log, lines } = keptLog();
    const recorder = await startRecorder({ settings: testSettings(d), log, now: () => now });
    const envelope = (seq: number) => ({ v: 2, topic: 'environment.summary', epoch: 'e', seq, time: now, data: { seq } });
    recorder.tap('environment.summary', envelope(1));
    await recorder.drain();
    await recorder.rotate();
    // The directory goes away (an unmounted disk): the next segment cannot be opened.
    rmSync(d, { recursive: true, force: true });
    for (let i = 2; i < 30; i++) {
      now += 1000;
      expect(() => recorder.tap('environment.summary', envelope(i))).not.toThrow();
      await recorder.drain();
    }
    expect(lines.filter((l) => l.startsWith('recording stopped')).length).toBe(1);
    expect(recorder.status().recording).toBe(false);
    // The disk is back; after the retry delay the recorder tries again and succeeds.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(d);
    now += 60_000;
    await recorder.housekeeping();
    recorder.tap('environment.summary', envelope(99));
    await recorder.drain();
    expect(recorder.status().recording).toBe(true);
    expect(lines.some((l) => l.startsWith('recording resumed'))).toBe(true);
    await recorder.close();
    expect(readdirSync(d).filter((n) => n.endsWith('.mcap')).length).toBe(1);
  });

  it('checks every setting with a message naming it', () => {
    expect(() => recorderSettings({ HUB_RECORD: 'yes' })).toThrow(/HUB_RECORD must be 0 \(off\) or 1/);
    expect(() => recorderSettings({ HUB_RECORD_HOURS: '-1' })).toThrow(/HUB_RECORD_HOURS must be a number/);
    expect(() => recorderSettings({ HUB_RECORD_MAX_BYTES: '10' })).toThrow(/HUB_RECORD_MAX_BYTES/);
    expect(() => recorderSettings({ HUB_RECORD_SEGMENT_MIN: 'ten' })).toThrow(/HUB_RECORD_SEGMENT_MIN/);
    expect(() => recorderSettings({ HUB_RECORD_MAX_HZ: '0' })).toThrow(/HUB_RECORD_MAX_HZ/);
    expect(() => recorderSettings({ HUB_RECORD_BINARY_MAX_HZ: '5' })).toThrow(/HUB_RECORD_BINARY_MAX_HZ must be a number from 0 to 1/);
    expect(() => recorderSettings({ HUB_RECORD_MIN_FREE_MB: '-5' })).toThrow(/HUB_RECORD_MIN_FREE_MB/);
    expect(recorderSettings({ HUB_RECORD: '0' })).toBeNull();
    const data = dir('data');
    expect(recorderSettings({ HUB_DATA_DIR: data })).toMatchObject({ dir: join(data, 'recordings'), temporary: false, maxHz: 1, binaryMaxHz: 0.2 });
    expect(recorderSettings({ HUB_DATA_DIR: 'memory://' })?.temporary).toBe(true);
    writeFileSync(join(data, 'file'), '');
    expect(() => recorderSettings({ HUB_RECORD_DIR: join(data, 'file') })).toThrow(/HUB_RECORD_DIR must be a directory/);
  });
});
