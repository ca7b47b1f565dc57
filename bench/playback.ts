// The time machine on a wall (npm run bench -- playback): a hub serves a long recording
// (HUB_REPLAY: its /recordings endpoints answer from that file), the built client shows one wall
// page (1920×1080, ?anim=0), and an operator socket sends it time commands.
//  1. Seek: PLAYBACK_SEEKS (20) paused playback commands to random moments of the recording; each
//     is timed from the command's emit to the wall's topic store holding, for every topic the wall
//     shows, the envelope /recordings/state?at= names for that moment (same time and seq).
//     p50/p95/max ms, and how many topics matched.
//  2. 60×: playback at 60× for PLAYBACK_SECONDS (60) of wall time. Every store update is logged in
//     the page with its wall time; the replayed clock at that time follows from the command
//     (at + (now − anchor) × rate). Per topic: the lag (replayed clock − the newest applied
//     envelope's recorded time) sampled every 250 ms, p50/p95, against the topic's recorded
//     interval; "behind": the newest envelope recorded by the clock minus the newest applied (0: the
//     wall shows what it should; a lag of about one interval is the recording's own rhythm); and the envelopes applied vs those recorded in the replayed window ("due"). The
//     player applies at most the newest envelope per topic per 100 ms tick (plan.ts takeDue): at 60×
//     a tick spans 6 s of recording, so a topic recorded more often than every 6 s is thinned by
//     design; "due" counts also the at most one-per-tick that can be shown.
// The recording: the record script's code (mock-server/recorder/simulate.ts) with PLAYBACK_VEHICLES
// (2,000) cars over PLAYBACK_HOURS (24), cached in bench/.cache/ (git-ignored) and reused; the
// recorder benchmark's kept file (RECORDER_BENCH_KEEP=1, same span, seed and fleet) is used if present.
// The wall reaches its topic store through React's devtools hook (an init script: the store is the
// WallRuntimeContext value's `topics`); nothing in the client is changed for this benchmark.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { Page } from 'playwright-core';
import { recordSimulated } from '../mock-server/recorder/simulate.ts';
import { createRandom } from '../mock-server/sim/random.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema } from '../src/hub/control.ts';
import { RecordingMessagesSchema, RecordingStateSchema, RecordingsIndexSchema } from '../src/hub/recording.ts';
import { collectPageErrors, launchBrowser, waitForTwin } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';
import { quantile, round } from './stats.ts';

const HOURS = Number(process.env.PLAYBACK_HOURS ?? 24);
const VEHICLES = Number(process.env.PLAYBACK_VEHICLES ?? 2000);
const SEEKS = Number(process.env.PLAYBACK_SEEKS ?? 20);
const SECONDS = Number(process.env.PLAYBACK_SECONDS ?? 60);
const RATE = 60;
const END = Date.UTC(2026, 11, 7, 16, 0); // as bench/recorder.ts: one local day in Chongqing
const SEED = 20180830;
const CACHE = fileURLToPath(new URL('./.cache/', import.meta.url));

/** The recording: cached, built when missing (a partial file from an interrupted build is never used). */
export async function prepareRecording(): Promise<{ file: string; buildS: number | null }> {
  const name = `${HOURS}h-${VEHICLES}v-${SEED}.mcap`;
  const kept = join(tmpdir(), `onescreen-bench-recorder-${name}`);
  if (existsSync(kept)) return { file: kept, buildS: null };
  const file = join(CACHE, `playback-${name}`);
  if (existsSync(file)) return { file, buildS: null };
  mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const t = performance.now();
  let last = 0;
  await recordSimulated({
    out: partial,
    startTime: END - HOURS * 3_600_000,
    endTime: END,
    seed: SEED,
    env: { HUB_TRAFFIC_VEHICLES: String(VEHICLES) },
    progress: (at) => {
      if (Date.now() - last < 10_000) return;
      last = Date.now();
      console.error(`[playback] recording … ${new Date(at).toISOString()}`);
    },
  });
  renameSync(partial, file);
  return { file, buildS: round((performance.now() - t) / 1000, 1) };
}


/** Injected before the page's scripts: React's devtools hook finds the wall runtime's topic store; every store change is logged. */
const STORE_PROBE = `(() => {
  const find = (root) => {
    const stack = [root.current];
    while (stack.length) {
      const f = stack.pop();
      const v = f && f.memoizedProps && f.memoizedProps.value;
      if (v && v.topics && typeof v.topics.getState === 'function' && v.control && typeof v.control.getState === 'function') return v;
      if (f && f.child) stack.push(f.child);
      if (f && f.sibling) stack.push(f.sibling);
    }
    return null;
  };
  const install = (runtime) => {
    const log = [];
    let prev = runtime.topics.getState().values;
    runtime.topics.subscribe((s) => {
      const now = Date.now();
      for (const k in s.values) {
        const v = s.values[k];
        if (v && v !== prev[k]) log.push([now, k, v.epoch, v.seq, v.time]);
      }
      prev = s.values;
    });
    window.__benchPlayback = { runtime, log };
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot(_id, root) { if (!window.__benchPlayback) { const r = find(root); if (r) install(r); } },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {}, checkDCE() {},
    on() {}, off() {}, sub() { return () => {}; }, emit() {},
  };
})();`;

/** [wall ms, topic, epoch, seq, envelope time] */
type Entry = [number, string, string, number, number];

declare global {
  interface Window {
    __benchPlayback?: { runtime: { control: { getState(): { state?: { time?: { mode: string; at?: number; anchor?: number; rate?: number; paused?: boolean } } } } }; log: Entry[] };
  }
}

const stats = (xs: number[]) => (xs.length ? { p50: round(quantile(xs, 0.5), 1), p95: round(quantile(xs, 0.95), 1), max: round(Math.max(...xs), 1), n: xs.length } : null);

async function takeLog(page: Page): Promise<Entry[]> {
  return page.evaluate(() => window.__benchPlayback!.log.splice(0));
}

export async function run() {
  const prepared = await prepareRecording();
  const fileBytes = statSync(prepared.file).size;
  console.error(`[playback] recording ${prepared.file} (${round(fileBytes / 1024 ** 3, 2)} GiB${prepared.buildS === null ? ', cached' : `, built in ${prepared.buildS} s`})`);
  const hub = testHub(0, { HUB_REPLAY: prepared.file, HUB_RECORD: '0' });
  await hub.start();
  const client = await startClient(0, hub.url);
  const browser = await launchBrowser();
  let socket: Socket | null = null;
  try {
    const login = await fetch(`${hub.url}/api/v1/auth/operator`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'operator', password: 'onescreen' }) });
    const token = TokenResponseSchema.parse(await login.json()).token;
    const auth = { authorization: `Bearer ${token}` };
    const index = RecordingsIndexSchema.parse(await (await fetch(`${hub.url}/api/v1/recordings`, { headers: auth })).json());
    const range = index.range!;
    console.error(`[playback] range ${new Date(range.from).toISOString()} … ${new Date(range.to).toISOString()}`);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const errors = collectPageErrors(page);
    await page.addInitScript(STORE_PROBE);
    // The wall's recording requests: which topics it asks for, and how many of each kind.
    const requests: { kind: string; t: number; url: string }[] = [];
    page.on('request', (r) => {
      const m = r.url().match(/\/recordings\/(state|messages)\?/);
      if (m) requests.push({ kind: m[1], t: Date.now(), url: r.url() });
    });
    await page.goto(`${client.url}/wall?anim=0&display=a`);
    await waitForTwin(page, 180_000);
    await page.waitForFunction(() => !!window.__benchPlayback, null, { timeout: 30_000 });

    socket = io(`${hub.url}/live`, { auth: { role: 'operator', token }, transports: ['websocket'], reconnection: false });
    const s = socket;
    await new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)));
    let n = 0;
    const command = async (time: { at: number; rate: number; paused: boolean }) => {
      const sent = Date.now();
      const receipt = CommandReceiptSchema.parse(await s.timeout(10_000).emitWithAck(CONTROL_EVENTS.command, { id: `bench-playback-${Date.now()}-${n++}`, wall: 'main', command: { type: 'time', time: { mode: 'playback', ...time } } }));
      if (!receipt.ok) throw new Error(`time command refused: ${receipt.message}`);
      return { sent, ackMs: Date.now() - sent };
    };
    /** Until the store has been quiet for `quietMs` after something changed since `since`. */
    const settle = async (since: number, quietMs: number, timeoutMs = 30_000) => {
      await page.waitForFunction(
        ({ since, quietMs }) => {
          const log = window.__benchPlayback!.log;
          const last = log.at(-1)?.[0] ?? 0;
          return last >= since && Date.now() - last >= quietMs;
        },
        { since, quietMs },
        { timeout: timeoutMs, polling: 100 },
      );
    };
    const rng = createRandom(11);
    const moment = (margin = 0) => Math.round(range.from + rng.next() * (range.to - range.from - margin));

    // Enter playback once (not timed), to learn the wall's topics.
    await takeLog(page);
    const enter = await command({ at: moment(), rate: 1, paused: true });
    await settle(enter.sent, 1500);
    const stateReq = requests.find((r) => r.kind === 'state');
    if (!stateReq) throw new Error('the wall asked for no /recordings/state');
    const topics = new URL(stateReq.url).searchParams.get('topics')!;
    console.error(`[playback] the wall's topics: ${topics}`);

    // 1. Seeks.
    const seeks: { at: number; ms: number | null; ackMs: number; matched: number; expected: number; missing: number }[] = [];
    for (let i = 0; i < SEEKS; i++) {
      await takeLog(page);
      const at = moment();
      const c = await command({ at, rate: 1, paused: true });
      try {
        await settle(c.sent, 1000, 8000);
      } catch {
        /* judged below: the topics that never matched */
      }
      const log = (await takeLog(page)).filter((e) => e[0] >= c.sent);
      const expected = RecordingStateSchema.parse(await (await fetch(`${hub.url}/api/v1/recordings/state?at=${at}&topics=${topics}`, { headers: auth })).json());
      let worst = 0;
      let matched = 0;
      for (const env of expected.envelopes) {
        const hit = log.find((e) => e[1] === env.topic && e[4] === env.time && e[3] === env.seq && e[2].startsWith(env.epoch.slice(0, 48)));
        if (hit) {
          matched++;
          worst = Math.max(worst, hit[0] - c.sent);
        }
      }
      const ms = matched === expected.envelopes.length && matched > 0 ? worst : null;
      seeks.push({ at, ms, ackMs: c.ackMs, matched, expected: expected.envelopes.length, missing: expected.missing.length });
      console.error(`[playback] seek ${i + 1}/${SEEKS} to ${new Date(at).toISOString()}: ${ms ?? 'NOT all'} ms (${matched}/${expected.envelopes.length} topics)`);
    }
    const landed = seeks.flatMap((x) => (x.ms === null ? [] : [x.ms]));

    // 2. 60×.
    const span = (SECONDS + 10) * RATE * 1000;
    if (range.to - range.from < span) throw new Error(`the recording (${round((range.to - range.from) / 3_600_000, 2)} h) is too short for ${SECONDS} s at ${RATE}×`);
    const at0 = moment(span);
    await takeLog(page);
    requests.length = 0;
    const load0 = loadavg()[0];
    const c = await command({ at: at0, rate: RATE, paused: false });
    await page.waitForFunction(() => window.__benchPlayback!.runtime.control.getState().state?.time?.rate === 60, null, { timeout: 10_000 });
    const time = await page.evaluate(() => window.__benchPlayback!.runtime.control.getState().state!.time!);
    const anchor = time.anchor ?? c.sent;
    const clockAt = (t: number) => at0 + (t - anchor) * RATE;
    await page.waitForTimeout((SECONDS + 5) * 1000);
    const tEnd = Date.now();
    const log = (await takeLog(page)).filter((e) => e[0] >= c.sent && e[2].includes(':r'));
    const load1 = loadavg()[0];
    const stateRequests = requests.filter((r) => r.kind === 'state').length;
    const pageRequests = requests.filter((r) => r.kind === 'messages').length;
    // Judged from 5 s after the command (entering: the state at the clock, then paging) to the end.
    const tStart = c.sent + 5000;
    const c0 = Math.floor(clockAt(tStart));
    const c1 = Math.floor(clockAt(tEnd));
    // What was recorded in that window.
    const recorded = new Map<string, number[]>();
    let cursor: string | null = null;
    do {
      const url = `${hub.url}/api/v1/recordings/messages?from=${c0}&to=${c1}&topics=${topics}&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
      const pageOf = RecordingMessagesSchema.parse(await (await fetch(url, { headers: auth })).json());
      for (const e of pageOf.envelopes) {
        const xs = recorded.get(e.topic) ?? [];
        xs.push(e.time);
        recorded.set(e.topic, xs);
      }
      cursor = pageOf.next;
    } while (cursor);
    const perTopic: Record<string, object> = {};
    const tickSpan = RATE * 100; // recording ms per player tick (100 ms)
    for (const topic of topics.split(',').map(decodeURIComponent)) {
      const mine = log.filter((e) => e[1] === topic);
      const times = recorded.get(topic) ?? [];
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      const lags: number[] = [];
      const behind: number[] = [];
      for (let t = tStart; t <= tEnd; t += 250) {
        let newest: number | null = null;
        for (const e of mine) if (e[0] <= t) newest = e[4];
        if (newest === null) continue;
        const clock = clockAt(t);
        lags.push(clock - newest);
        // Behind: the newest envelope recorded by the clock, minus the newest shown (0: up to date).
        let due: number | null = null;
        for (const r of times) if (r <= clock) due = r;
        if (due !== null) behind.push(Math.max(0, due - newest));
      }
      const applied = mine.filter((e) => e[0] >= tStart && e[0] <= tEnd).length;
      const ticks = new Set(times.map((t) => Math.floor((t - at0) / tickSpan))).size;
      perTopic[topic] = {
        recordedIntervalS: gaps.length ? round(quantile(gaps, 0.5) / 1000, 1) : null,
        due: times.length,
        dueAtMostOnePerTick: ticks,
        applied,
        lagS: lags.length ? { p50: round(quantile(lags, 0.5) / 1000, 1), p95: round(quantile(lags, 0.95) / 1000, 1) } : null,
        behindS: behind.length ? { p50: round(quantile(behind, 0.5) / 1000, 1), p95: round(quantile(behind, 0.95) / 1000, 1), max: round(Math.max(...behind) / 1000, 1) } : null,
      };
    }
    const totalDue = [...recorded.values()].reduce((a, xs) => a + xs.length, 0);
    const totalApplied = log.filter((e) => e[0] >= tStart && e[0] <= tEnd).length;
    return {
      name: 'playback',
      recording: { hours: HOURS, vehicles: VEHICLES, bytes: fileBytes, buildS: prepared.buildS, from: range.from, to: range.to, messages: index.topics.reduce((a, t) => a + t.messages, 0) },
      viewport: '1920x1080',
      animated: false,
      wallTopics: topics.split(',').map(decodeURIComponent),
      seek: {
        seeks: SEEKS,
        landed: landed.length,
        commandToStoreMs: stats(landed),
        commandAckMs: stats(seeks.map((x) => x.ackMs)),
        each: seeks,
      },
      rate60: {
        rate: RATE,
        wallSeconds: round((tEnd - tStart) / 1000, 1),
        replayedFrom: c0,
        replayedTo: c1,
        requests: { state: stateRequests, messages: pageRequests },
        recordedInWindow: totalDue,
        appliedInWindow: totalApplied,
        perTopic,
        loadavg1: [round(load0), round(load1)],
      },
      target: { seekMs: '<= 1000 (command to store)', rate60: 'the recorded topics at full rate, the wall not falling behind' },
      pageErrors: errors.slice(0, 10),
    };
  } finally {
    socket?.close();
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}

if (process.argv[2] === '--prepare') console.log(await prepareRecording());
