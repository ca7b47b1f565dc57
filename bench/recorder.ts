// The time machine's recorder (npm run bench -- recorder; Node only, no build):
//  1. Seek: a 24-hour recording is made with the record script's code (mock-server/recorder/
//     simulate.ts: every simulator on a virtual clock, default reduced rates), then stateAt (the
//     newest envelope of every topic, decoded and checked against the contract) is timed at 200
//     random moments: p50/p95/max ms. Also: opening the file (its index), and one page of 200
//     messages at random moments. The fleet is RECORDER_BENCH_VEHICLES cars (default 2,000, not the
//     hub's 20,000: a day of full frames is 3 GB more file for the same index shape).
//  2. Recorder CPU: two processes side by side, each running the hub's topic engine with every
//     simulator at its normal rate and sizes (20,000 cars), one with the recorder tapping it (default
//     settings), one without; each measures its own process CPU time (process.cpuUsage) over
//     RECORDER_BENCH_SECONDS (default 30) after a warm-up. The ratio is the recorder's cost.
// RECORDER_BENCH_HOURS (24) sets the recording's span; RECORDER_BENCH_KEEP=1 keeps the file in the
// temp directory and reuses it next time (building a day takes minutes: the simulators' own cost).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRecording } from '../mock-server/recorder/reader.ts';
import { recordSimulated } from '../mock-server/recorder/simulate.ts';
import { createRandom } from '../mock-server/sim/random.ts';
import { quantile, round } from './stats.ts';

const HOURS = Number(process.env.RECORDER_BENCH_HOURS ?? 24);
const VEHICLES = Number(process.env.RECORDER_BENCH_VEHICLES ?? 2000);
const SECONDS = Number(process.env.RECORDER_BENCH_SECONDS ?? 30);
const KEEP = process.env.RECORDER_BENCH_KEEP === '1';
const END = Date.UTC(2026, 11, 7, 16, 0); // midnight in Chongqing: the span is one local day
const SEED = 20180830;

const stats = (xs: number[]) => ({ p50ms: round(quantile(xs, 0.5), 2), p95ms: round(quantile(xs, 0.95), 2), maxms: round(Math.max(...xs), 2) });

async function seek() {
  const file = join(tmpdir(), `onescreen-bench-recorder-${HOURS}h-${VEHICLES}v-${SEED}.mcap`);
  let buildS: number | null = null;
  if (!KEEP || !existsSync(file)) {
    rmSync(file, { force: true });
    const t = performance.now();
    await recordSimulated({
      out: file,
      startTime: END - HOURS * 3_600_000,
      endTime: END,
      seed: SEED,
      env: { HUB_TRAFFIC_VEHICLES: String(VEHICLES) },
      progress: (at) => console.error(`[recorder] recording … ${new Date(at).toISOString()}`),
    });
    buildS = round((performance.now() - t) / 1000, 1);
  }
  try {
    let t = performance.now();
    const rec = await openRecording(file, { log: (m) => console.error(`[recorder] ${m}`) });
    const openMs = round(performance.now() - t, 1);
    const range = rec.range()!;
    const counts = rec.counts();
    const rng = createRandom(7);
    const moment = () => Math.round(range.from + rng.next() * (range.to - range.from));

    // The first query pays for zod's schema compilation: warm up on a few, then time.
    for (let i = 0; i < 5; i++) await rec.stateAt(moment(), null);
    const all: number[] = [];
    const one: number[] = [];
    let envelopes = 0;
    for (let i = 0; i < 200; i++) {
      t = performance.now();
      const s = await rec.stateAt(moment(), null);
      all.push(performance.now() - t);
      envelopes += s.envelopes.length;
      t = performance.now();
      await rec.stateAt(moment(), ['traffic.roads']);
      one.push(performance.now() - t);
    }
    const pages: number[] = [];
    for (let i = 0; i < 50; i++) {
      const from = moment();
      t = performance.now();
      await rec.messages({ from, to: range.to, topics: null, limit: 200, maxBytes: 4 * 1024 * 1024 });
      pages.push(performance.now() - t);
    }
    await rec.close();
    return {
      hours: HOURS,
      vehicles: VEHICLES,
      file: { bytes: statSync(file).size, messages: [...counts.values()].reduce((a, b) => a + b, 0), topics: counts.size, buildS },
      openMs,
      stateAtAllTopics: { ...stats(all), envelopesPerAnswer: round(envelopes / 200, 1) },
      stateAtOneSlowTopic: { topic: 'traffic.roads (every 10 min)', ...stats(one) },
      messagesPageOf200: stats(pages),
    };
  } finally {
    if (!KEEP) rmSync(file, { force: true });
  }
}

/** One side of the CPU comparison, in a process of its own. */
function engineProcess(record: boolean): Promise<{ cpuMs: number; wallMs: number; recorded: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--engine', record ? 'on' : 'off', String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`engine process (record ${record}) exited ${code}`))));
  });
}

async function cpu() {
  const [off, on] = await Promise.all([engineProcess(false), engineProcess(true)]);
  const perS = (x: { cpuMs: number; wallMs: number }) => round(x.cpuMs / (x.wallMs / 1000), 1);
  return {
    seconds: SECONDS,
    withoutRecorder: { cpuMsPerS: perS(off) },
    withRecorder: { cpuMsPerS: perS(on), recordedEnvelopes: on.recorded },
    ratio: round(on.cpuMs / on.wallMs / (off.cpuMs / off.wallMs), 2),
    recorderCpuMsPerS: round(perS(on) - perS(off), 1),
  };
}

/** The child: the topic engine (and the recorder) for `seconds`, its CPU time on stdout. */
async function engine(record: boolean, seconds: number) {
  const { startTopicEngine } = await import('../mock-server/topic-engine.ts');
  const { startRecorder } = await import('../mock-server/recorder/recorder.ts');
  const { recorderSettings } = await import('../mock-server/recorder/settings.ts');
  const { loadDistricts } = await import('../mock-server/geo.ts');
  const { SIM_MODULES } = await import('../mock-server/sim/index.ts');
  const { overviewSimModule } = await import('../mock-server/sim/overview-sim.ts');
  const room = { emit: () => true, volatile: { emit: () => true } };
  const live = { local: { to: () => room } } as never;
  const dir = mkdtempSync(join(tmpdir(), 'onescreen-bench-rec-'));
  const recorder = record ? await startRecorder({ settings: recorderSettings({ HUB_RECORD_DIR: dir, HUB_RECORD_MIN_FREE_MB: '0' })!, log: () => {} }) : null;
  const districts = loadDistricts();
  const engine = startTopicEngine(
    live,
    { seed: SEED, districts, districtProps: districts.features.map((f) => f.properties), startTime: Date.now(), env: {} },
    () => {},
    [overviewSimModule(1000), ...SIM_MODULES],
    { onPublish: recorder?.tap },
  );
  await new Promise((r) => setTimeout(r, 3000));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const c = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  engine.stop();
  const recorded = recorder?.status().written ?? 0;
  await recorder?.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ cpuMs: (c.user + c.system) / 1000, wallMs, recorded }));
}

export async function run() {
  console.error('[recorder] recorder CPU: two engine processes side by side …');
  const cpuCost = await cpu();
  console.error(`[recorder] seek: a ${HOURS}-hour recording …`);
  return { seek: await seek(), cpu: cpuCost };
}

if (process.argv[2] === '--engine') await engine(process.argv[3] === 'on', Number(process.argv[4]));
