// Hub-to-screen latency: the hub re-publishes a small live topic (environment.summary, under 1 KB)
// at 1,000 and then 10,000 messages/s (HUB_BENCH_RATE, bench-only); the wall, on the scene whose
// panels show that topic, validates and applies every message as it would any other, and its
// latency probe (src/app/latency-probe.ts, `?latency=<topic>`) times each applied value from the
// hub's emit time to the painted frame after it. Reports p50/p90/p99/max and how many arrived,
// the latency to the store apply (before a frame), and the gap between painted frames. The hub
// conflates each topic to HUB_TOPIC_MAX_HZ (default 30); LATENCY_MAX_HZ sets it for the run.
//   npm run bench -- latency        (LATENCY_SECONDS=10 a rate; LATENCY_ANIM=1 animates the wall)
import { loadavg } from 'node:os';
import { launchBrowser, collectPageErrors } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';
import { quantile, round } from './stats.ts';

const RATES = (process.env.LATENCY_RATES ?? '1000,10000').split(',').map(Number);
const SECONDS = Number(process.env.LATENCY_SECONDS ?? 10);
const TOPIC = 'environment.summary';
const SCENE = 'environment';

async function measure(rate: number, ports: { hub: number; client: number }) {
  const maxHz: Record<string, string> = process.env.LATENCY_MAX_HZ ? { HUB_TOPIC_MAX_HZ: process.env.LATENCY_MAX_HZ } : {};
  const hub = testHub(ports.hub, { HUB_BENCH_RATE: String(rate), HUB_BENCH_TOPIC: TOPIC, ...maxHz });
  await hub.start();
  const client = await startClient(ports.client, hub.url);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const errors = collectPageErrors(page);
    const anim = process.env.LATENCY_ANIM === '1' ? '' : '&anim=0';
    await page.goto(`${client.url}/wall?scene=${SCENE}&latency=${TOPIC}${anim}`);
    await page.waitForFunction((s) => document.documentElement.dataset.sceneReady === s, SCENE, { timeout: 180_000 });
    // Warm-up: the first messages also pay for code tiering up and the panels' first charts.
    await page.waitForFunction(() => (window.__onescreenLatency?.applied ?? 0) > 100, null, { timeout: 60_000 });
    await page.waitForTimeout(2000);
    await page.evaluate(() => window.__onescreenLatency!.reset());
    const load = loadavg()[0];
    await page.waitForTimeout(SECONDS * 1000);
    const { applied, latencies, toStore, paintGaps } = await page.evaluate(() => {
      const p = window.__onescreenLatency!;
      const n = Math.min(p.applied, p.ring.length);
      return {
        applied: p.applied,
        latencies: Array.from(p.ring.subarray(0, n)),
        toStore: Array.from(p.appliedRing.subarray(0, n)),
        paintGaps: Array.from(p.frameRing.subarray(0, Math.min(p.frames, p.frameRing.length))),
      };
    });
    return {
      rate,
      seconds: SECONDS,
      sent: rate * SECONDS,
      applied,
      appliedPerSecond: round(applied / SECONDS, 0),
      p50ms: quantile(latencies, 0.5),
      p90ms: quantile(latencies, 0.9),
      p99ms: quantile(latencies, 0.99),
      maxms: Math.max(...latencies),
      // The same values up to their apply (validated, in the store), before waiting for a frame.
      appliedP50ms: quantile(toStore, 0.5),
      appliedP99ms: quantile(toStore, 0.99),
      // Time between painted frames that showed a new value: on software WebGL, the floor of the above.
      paintGapP50ms: quantile(paintGaps, 0.5),
      loadavg1: round(load),
      pageErrors: errors.slice(0, 10),
    };
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}

export async function run() {
  const results = [];
  for (const [i, rate] of RATES.entries()) {
    results.push(await measure(rate, { hub: 18893 + i, client: 15273 + i }));
    console.error(`[latency] ${JSON.stringify(results.at(-1))}`);
  }
  return {
    name: 'latency',
    topic: TOPIC,
    scene: SCENE,
    viewport: '1920x1080',
    animated: process.env.LATENCY_ANIM === '1',
    topicMaxHz: Number(process.env.LATENCY_MAX_HZ ?? 30),
    results,
    target: { p99msAt10000: '<= 100' },
  };
}
