// Soak: one wall on the traffic scene for SOAK_MINUTES (default 30) with the hub stepping every
// simulator at 10× the normal rate (HUB_RATE_SCALE=10: vehicle frames at 10 Hz), animation on, at
// 1920×1080. Every minute: forced GC (CDP HeapProfiler.collectGarbage, twice), then JS heap, DOM
// nodes, event listeners, deck.gl layers, three.js geometries and the WebGL objects alive (buffers,
// textures, framebuffers, vertex arrays, programs; counted by bench/gl-counters.ts). Reports the
// growth from the first sample (after one minute of warm-up) to the last, and the trend.
//   SOAK_MINUTES=2 npm run bench -- soak
import { cp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, collectPageErrors } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';
import { GL_COUNTERS_SCRIPT } from './gl-counters.ts';
import { slope } from './stats.ts';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const VEHICLES = process.env.SOAK_VEHICLES ?? '10000';
const RATE_SCALE = '10';

async function sample(page: Page, cdp: CDPSession, t0: number) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const page_ = await page.evaluate(() => {
    const twin = window.__onescreenTwin!;
    const gl = window.__glCounters!;
    return {
      deckLayers: twin.layerIds.length,
      cityGeometries: twin.cityStats?.().geometries ?? 0,
      deckFrames: twin.deckFrames,
      attributeUpdates: twin.attributeUpdates,
      gl: { ...gl.live },
    };
  });
  return {
    minute: +((Date.now() - t0) / 60_000).toFixed(2),
    heapMB: +(m.JSHeapUsedSize / 2 ** 20).toFixed(2),
    domNodes: m.Nodes,
    listeners: m.JSEventListeners,
    ...page_,
    loadavg1: +loadavg()[0].toFixed(2),
  };
}

export async function run(ports = { hub: 18892, client: 15272 }) {
  // The wall is served from a private copy of the build: another build of dist/ during a long
  // soak would otherwise replace the lazy chunks the running page still loads.
  const outDir = `/tmp/onescreen-soak-dist-${process.pid}`;
  await cp(process.env.E2E_OUT_DIR ?? 'dist', outDir, { recursive: true });
  process.env.E2E_OUT_DIR = outDir;
  const hub = testHub(ports.hub, { HUB_TRAFFIC_VEHICLES: VEHICLES, HUB_RATE_SCALE: RATE_SCALE, HUB_TICK_MS: '100' });
  await hub.start();
  const client = await startClient(ports.client, hub.url);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const errors = collectPageErrors(page);
    await page.addInitScript({ content: GL_COUNTERS_SCRIPT });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${client.url}/wall?scene=traffic`);
    await page.waitForFunction(() => document.documentElement.dataset.sceneReady === 'traffic', null, { timeout: 180_000 });
    const t0 = Date.now();
    // One minute of warm-up (code tiers up, glyph atlases fill), then the first sample.
    const samples = [];
    for (let minute = 1; minute <= MINUTES; minute++) {
      await page.waitForTimeout(Math.max(0, t0 + minute * 60_000 - Date.now()));
      samples.push(await sample(page, cdp, t0));
      console.error(`[soak] ${JSON.stringify(samples.at(-1))}`);
    }
    const first = samples[0];
    const last = samples.at(-1)!;
    const secondHalf = samples.slice(Math.floor(samples.length / 2)).map((s) => s.heapMB);
    return {
      name: 'soak',
      minutes: MINUTES,
      vehicles: Number(VEHICLES),
      rateScale: Number(RATE_SCALE),
      viewport: '1920x1080',
      heapGrowthMB: +(last.heapMB - first.heapMB).toFixed(2),
      heapMaxMB: Math.max(...samples.map((s) => s.heapMB)),
      secondHalfHeapSlopeMBPerMinute: +slope(secondHalf).toFixed(4),
      domGrowth: last.domNodes - first.domNodes,
      listenerGrowth: last.listeners - first.listeners,
      glGrowth: Object.fromEntries(Object.entries(last.gl).map(([k, v]) => [k, v - first.gl[k as keyof typeof first.gl]])),
      deckFramesDrawn: last.deckFrames - first.deckFrames,
      attributeUpdates: last.attributeUpdates - first.attributeUpdates,
      pageErrors: errors.slice(0, 20),
      samples,
      target: { heapGrowthMB: '< 5' },
    };
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
    await rm(outDir, { recursive: true, force: true });
  }
}
