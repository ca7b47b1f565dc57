import { copyFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Namespace } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS } from '../../src/hub/contract.ts';
import { enrolDisplay, openSocket, startQuietHub, waitFor } from '../control-test-kit.ts';
import { openRecording, type ServedEnvelope } from './reader.ts';
import { keptLog, shortRecording, tempDir } from './recorder-fixture.ts';
import { openReplay, startReplayEngine } from './replay.ts';
import type { Socket } from 'socket.io-client';

const dir = tempDir('replay');
const file = join(dir, 'day.mcap');
let recorded: ServedEnvelope[];

beforeAll(async () => {
  await shortRecording(file, 30);
  const rec = await openRecording(file, { log: () => {} });
  recorded = (await rec.messages({ ...rec.range()!, topics: null, limit: 10_000, maxBytes: 2 ** 30 })).envelopes;
  await rec.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Event {
  epoch: string;
  seq: number;
  time: number;
  data: unknown;
}

describe('HUB_REPLAY', () => {
  it('serves the recorded envelopes to a display, on the recorded rhythm, stamped now', async () => {
    const { log, lines } = keptLog();
    const hub = await startQuietHub({ control: { demo: true }, log, env: { HUB_REPLAY: file } });
    const sockets: Socket[] = [];
    try {
      expect(lines.some((l) => l.startsWith(`REPLAY MODE: serving the recording ${file}`))).toBe(true);
      const { token } = await enrolDisplay(hub.url, 'main', 'replay');
      const socket = await openSocket(hub.url, { role: 'display', wall: 'main', display: 'replay', token }, sockets);
      const got: Record<string, Event[]> = { overview: [], 'traffic.vehicles': [] };
      for (const topic of Object.keys(got)) socket.on(topic, (e: Event) => got[topic].push(e));
      socket.emit(LIVE_EVENTS.subscribe, { topics: Object.keys(got) });
      await waitFor(() => got.overview.length >= 3 && got['traffic.vehicles'].length >= 1, 'replayed events', 10_000);

      // The overview: consecutive recorded values, in order, each sent about when it is stamped.
      const overview = recorded.filter((m) => m.topic === 'overview');
      const first = overview.findIndex((m) => JSON.stringify(m.envelope.data) === JSON.stringify(got.overview[0].data));
      expect(first).toBeGreaterThanOrEqual(0);
      got.overview.forEach((e, i) => {
        expect(e.data).toEqual(overview[first + i].envelope.data);
        expect(e.epoch).toMatch(/-replay0$/);
        expect(Math.abs(e.time - Date.now())).toBeLessThan(10_000);
      });
      const gaps = got.overview.slice(1).map((e, i) => e.time - got.overview[i].time);
      for (const gap of gaps) expect(gap).toBe(1000);

      // The fleet: its binary columns arrive as the hub recorded them.
      const frame = got['traffic.vehicles'][0].data as { count: number; positions: Buffer; speeds: Buffer };
      const match = recorded.find(
        (m) => m.topic === 'traffic.vehicles' && Buffer.compare(Buffer.from((m.envelope.data as { positions: Uint8Array }).positions), Buffer.from(frame.positions)) === 0,
      );
      expect(match).toBeDefined();
      expect(Buffer.compare(Buffer.from((match!.envelope.data as { speeds: Uint8Array }).speeds), Buffer.from(frame.speeds))).toBe(0);
    } finally {
      for (const s of sockets) s.close();
      await hub.close();
    }
  });

  it('loops at the end under a new epoch', async () => {
    const short = join(dir, 'short.mcap');
    await shortRecording(short, 2);
    const emitted: Array<{ topic: string; epoch: string; seq: number }> = [];
    const room = { emit: (topic: string, e: { epoch: string; seq: number }) => void emitted.push({ topic, epoch: e.epoch, seq: e.seq }) };
    const live = { local: { to: () => ({ ...room, volatile: room }) } } as unknown as Namespace;
    const { log, lines } = keptLog();
    const engine = startReplayEngine(live, await openReplay(short, log), { env: {}, startTime: Date.now(), log });
    await waitFor(() => emitted.some((e) => e.epoch.endsWith('-replay1')), 'the second loop', 8000);
    await engine.stop();
    const overview = emitted.filter((e) => e.topic === 'overview');
    expect(overview.filter((e) => e.epoch.endsWith('-replay0')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(overview.find((e) => e.epoch.endsWith('-replay1'))?.seq).toBe(1);
    expect(engine.epoch).toMatch(/-replay1$/);
    expect(lines.some((l) => l.includes('starts again'))).toBe(true);
  });

  it('refuses to start on a bad file, naming it and the problem; plays a truncated one with a warning', async () => {
    const junk = join(dir, 'junk.mcap');
    writeFileSync(junk, 'definitely not MCAP '.repeat(20));
    await expect(startQuietHub({ env: { HUB_REPLAY: junk } })).rejects.toThrow(new RegExp(`HUB_REPLAY=${junk}: .*junk\\.mcap cannot be replayed: not an MCAP file`));
    await expect(startQuietHub({ env: { HUB_REPLAY: join(dir, 'nowhere.mcap') } })).rejects.toThrow(/HUB_REPLAY=.*nowhere\.mcap: .*no such file/);
    const empty = join(dir, 'empty');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(empty);
    await expect(startQuietHub({ env: { HUB_REPLAY: empty } })).rejects.toThrow(/holds no recorded envelopes/);

    const cut = join(dir, 'cut.mcap');
    copyFileSync(file, cut);
    truncateSync(cut, Math.floor(statSync(file).size * 0.5));
    const { log, lines } = keptLog();
    const engine = startReplayEngine(
      { local: { to: () => ({ emit: () => true, volatile: { emit: () => true } }) } } as unknown as Namespace,
      await openReplay(cut, log),
      { env: {}, startTime: Date.now(), log },
    );
    expect(lines.filter((l) => l.startsWith('WARNING: recording cut.mcap has no index')).length).toBe(1);
    await waitFor(() => engine.snapshot('overview') !== undefined, 'the first replayed overview', 5000);
    await engine.stop();
  });
});
