// npm run record -- --hours 2 [--out file.mcap] [--end <ISO time>] [--seed N] [--vehicles N]
// A recording of the simulated city without a running hub: the hub's simulators stepped on a
// virtual clock over the span ending at --end (default now), written as one MCAP file as fast as
// the CPU goes (mock-server/recorder/simulate.ts). Play it with HUB_REPLAY=<file> npm run hub.
// The reduced rates (HUB_RECORD_MAX_HZ, HUB_RECORD_BINARY_MAX_HZ) and simulator sizes
// (HUB_TRAFFIC_VEHICLES, HUB_WEATHER_GRID, …) come from the environment, as for the hub.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { recordSimulated } from '../mock-server/recorder/simulate.ts';

const USAGE = `npm run record -- --hours H [--out FILE.mcap] [--end ISO-TIME] [--seed N] [--vehicles N]
  --hours H      span to simulate, 0.001 to 168 (required)
  --out FILE     where to write (default data/recordings/sim-<start>-<H>h-seed<N>.mcap); never overwritten
  --end TIME     the span's end, an ISO time like 2026-01-05T18:00:00+08:00 (default now)
  --seed N       the simulated city's seed (default HUB_SEED, else 20180830)
  --vehicles N   the floating-car fleet (default HUB_TRAFFIC_VEHICLES, else 20000)`;

export class UsageError extends Error {}

export interface RecordRun {
  out: string;
  startTime: number;
  endTime: number;
  seed: number;
  env: Record<string, string | undefined>;
}

/** The run the arguments ask for; UsageError naming the argument when they are wrong. */
export function parseRecordArgs(argv: string[], env: Record<string, string | undefined>, now = Date.now()): RecordRun {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        hours: { type: 'string' },
        out: { type: 'string' },
        end: { type: 'string' },
        seed: { type: 'string' },
        vehicles: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.hours === undefined) throw new UsageError('--hours is required');
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours < 0.001 || hours > 168) throw new UsageError(`--hours must be a number from 0.001 to 168, not "${values.hours}"`);
  const endTime = values.end === undefined ? now : Date.parse(values.end);
  if (!Number.isFinite(endTime) || endTime <= 0) throw new UsageError(`--end must be an ISO time like 2026-01-05T18:00:00+08:00, not "${values.end}"`);
  const seedText = values.seed ?? env.HUB_SEED ?? '20180830';
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number, not "${seedText}"`);
  const runEnv = { ...env };
  if (values.vehicles !== undefined) {
    const n = Number(values.vehicles);
    if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new UsageError(`--vehicles must be a whole number from 0 to 100000, not "${values.vehicles}"`);
    runEnv.HUB_TRAFFIC_VEHICLES = String(n);
  }
  const startTime = Math.round(endTime - hours * 3_600_000);
  const stamp = new Date(startTime).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const out = resolve(values.out ?? `data/recordings/sim-${stamp}-${hours}h-seed${seed}.mcap`);
  return { out, startTime, endTime: Math.round(endTime), seed, env: runEnv };
}

/** Runs the recording and prints where it went and what is in it. */
export async function record(run: RecordRun, print: (line: string) => void = console.log) {
  mkdirSync(dirname(run.out), { recursive: true });
  const t0 = performance.now();
  print(`Recording the simulated city from ${new Date(run.startTime).toISOString()} to ${new Date(run.endTime).toISOString()} (seed ${run.seed})…`);
  const result = await recordSimulated({
    out: run.out,
    startTime: run.startTime,
    endTime: run.endTime,
    seed: run.seed,
    env: run.env,
    tickMs: Number(run.env.HUB_TICK_MS ?? 1000),
    progress: (t) => print(`  … ${new Date(t).toISOString()}`),
  });
  const total = [...result.messages.values()].reduce((a, b) => a + b, 0);
  print(`Wrote ${run.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${total} messages`);
  for (const [topic, n] of [...result.messages].sort(([a], [b]) => a.localeCompare(b))) print(`  ${topic.padEnd(24)} ${n}`);
  print(`Play it: HUB_REPLAY=${run.out} npm run hub`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await record(parseRecordArgs(process.argv.slice(2), process.env));
  } catch (err) {
    console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : `record failed: ${(err as Error).message}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  }
}
