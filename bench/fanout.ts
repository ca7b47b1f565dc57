// Fan-out: one hub process serving N wall displays (1, then 100) at the traffic rate with 20,000
// vehicles (a 180 KB binary frame a second to every display, plus congestion every 2 s). The
// displays are socket.io clients in a separate Node process (bench/fanout-clients.ts) with the
// wall's handshake and subscription. The hub measures itself (HUB_METRICS=1, GET /api/v1/metrics):
// event-loop lag p50/p99 and bytes written, over FANOUT_SECONDS (default 30) after all connected.
//   npm run bench -- fanout
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { testHub } from '../tests/servers.ts';
import { round } from './stats.ts';

const COUNTS = (process.env.FANOUT_CLIENTS ?? '1,100').split(',').map(Number);
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 30);
const VEHICLES = process.env.FANOUT_VEHICLES ?? '20000';

async function measure(clients: number, port: number) {
  const hub = testHub(port, { HUB_TRAFFIC_VEHICLES: VEHICLES, HUB_METRICS: '1' });
  await hub.start();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fanout-clients.ts', hub.url, String(clients)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = () => new Promise<Record<string, number>>((resolve) => lines.once('line', (l) => resolve(JSON.parse(l))));
  try {
    const ready = await next();
    if (ready.ready !== clients) throw new Error(`fan-out clients: ${JSON.stringify(ready)}`);
    const metrics = async (reset = false) => (await fetch(`${hub.url}/api/v1/metrics${reset ? '?reset=1' : ''}`)).json();
    await new Promise((r) => setTimeout(r, 3000)); // the first frames and roads snapshots settle
    await metrics(true);
    child.kill('SIGUSR2');
    const before = await next();
    const load = loadavg()[0];
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const m = await metrics();
    child.kill('SIGUSR2');
    const after = await next();
    return {
      clients,
      connected: after.connected,
      seconds: m.windowS,
      eventLoopLagMs: m.eventLoopLagMs,
      bytesOutPerSecond: Math.round(m.bytesOut / m.windowS),
      MBOutPerSecond: round(m.bytesOut / m.windowS / 2 ** 20),
      messagesPerSecondReceived: round((after.messages - before.messages) / m.windowS, 1),
      hubRssMB: m.rssMB,
      loadavg1: round(load),
    };
  } finally {
    child.kill('SIGTERM');
    await hub.stop();
  }
}

export async function run() {
  const results = [];
  for (const [i, clients] of COUNTS.entries()) {
    results.push(await measure(clients, 18895 + i));
    console.error(`[fanout] ${JSON.stringify(results.at(-1))}`);
  }
  return { name: 'fanout', vehicles: Number(VEHICLES), results };
}
