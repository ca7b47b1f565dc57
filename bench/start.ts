// Start: time from navigation to the first frame with districts and buildings drawn, and the
// JavaScript each screen loads (gzip), with scenario modules loaded lazily.
//   npm run bench -- start           (BENCH_START_RUNS=3 cold loads a screen by default)
// Production build (vite preview over dist/, or E2E_OUT_DIR) and the mock hub at test sizes
// (Chromium here draws with software WebGL: a GPU wall is faster, never slower). Each run is a
// fresh browser context: nothing cached.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** gzip -9 size of a built file, by its URL path (what a compressing server would send). */
function gzipBytes(path: string): number {
  return gzipSync(readFileSync(new URL(`../${OUT_DIR}${path}`, import.meta.url)), { level: 9 }).length;
}

/**
 * Records the first animation frame at which the twin shows districts and buildings. A string, not
 * a function: tsx's transform adds helpers to named inner functions that the page does not have.
 */
const FIRST_FRAME_PROBE = `(() => {
  const tick = () => {
    const t = window.__onescreenTwin;
    const drawn = document.documentElement.dataset.twinReady === '1' && ((t && t.cityStats && t.cityStats().instances) || 0) > 0;
    if (drawn) window.__firstFrameMs = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Counts attribute rebuilds over the next `frames` deck frames (a string for the same reason). */
const MOTION_PROBE = (frames: number) => `new Promise((resolve) => {
  const t = window.__onescreenTwin;
  let last = t.attributeUpdates, lastDeck = t.deckFrames, seen = 0, withRebuilds = 0, rebuilds = 0;
  const t0 = performance.now();
  const tick = () => {
    if (t.deckFrames !== lastDeck) {
      const d = t.attributeUpdates - last;
      seen += t.deckFrames - lastDeck;
      if (d > 0) withRebuilds += 1;
      rebuilds += d;
      last = t.attributeUpdates;
      lastDeck = t.deckFrames;
    }
    if (seen >= ${frames}) resolve({ frames: seen, framesWithRebuilds: withRebuilds, rebuilds, seconds: +((performance.now() - t0) / 1000).toFixed(1) });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

async function jsLoaded(page: Page, load: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const transferred = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && urls.set(e.requestId, new URL(e.response.url).pathname));
  cdp.on('Network.loadingFinished', (e) => urls.has(e.requestId) && transferred.set(e.requestId, e.encodedDataLength));
  await load();
  const chunks = [...urls.entries()]
    .filter(([, path]) => path.startsWith('/assets/'))
    .map(([id, path]) => ({ chunk: path.replace('/assets/', ''), gzipBytes: gzipBytes(path), transferredBytes: transferred.get(id) ?? 0 }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    jsGzipBytes: chunks.reduce((a, c) => a + c.gzipBytes, 0),
    jsTransferredBytes: chunks.reduce((a, c) => a + c.transferredBytes, 0),
    chunks,
  };
}

export async function run(ports = { hub: 18884, client: 15264 }) {
  const hub = testHub(ports.hub);
  await hub.start();
  const client = await startClient(ports.client, hub.url);
  const browser = await launchBrowser();
  try {
    const wallRuns = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.addInitScript({ content: FIRST_FRAME_PROBE });
      const js = await jsLoaded(page, async () => {
        await page.goto(`${client.url}/wall?anim=0`);
        await page.waitForFunction(() => (window as unknown as { __firstFrameMs?: number }).__firstFrameMs !== undefined, null, { timeout: 180_000 });
      });
      const firstFrameMs = Math.round(await page.evaluate(() => (window as unknown as { __firstFrameMs: number }).__firstFrameMs));
      const scene = await page.evaluate(() => document.documentElement.dataset.sceneReady ?? null);
      wallRuns.push({ firstFrameMs, scene, ...js });
      await context.close();
    }
    // Attribute rebuilds while the fleet moves (GPU transitions, ?anim on): frames between hub
    // updates should rebuild nothing; the frames that take a hub update rebuild what changed.
    const motion = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const mpage = await motion.newPage();
    await mpage.goto(`${client.url}/wall?scene=traffic`);
    await mpage.waitForFunction(() => document.documentElement.dataset.sceneReady === 'traffic', null, { timeout: 180_000 });
    const attributeUpdates = (await mpage.evaluate(MOTION_PROBE(Number(process.env.BENCH_START_FRAMES ?? 60)))) as {
      frames: number;
      framesWithRebuilds: number;
      rebuilds: number;
      seconds: number;
    };
    await motion.close();

    // The operator console (if this build has one): its JS until the page has rendered and settled.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const consoleJs = await jsLoaded(page, async () => {
      await page.goto(`${client.url}/console`);
      await page.waitForFunction(() => (document.getElementById('root')?.children.length ?? 0) > 0, null, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    });
    const consoleTitle = await page.evaluate(() => document.querySelector('h1')?.textContent ?? null);
    await context.close();

    const first = wallRuns[0];
    const result = {
      benchmark: 'start',
      runs: RUNS,
      viewport: '1920×1080',
      wall: {
        firstFrameMs: { median: median(wallRuns.map((r) => r.firstFrameMs)), all: wallRuns.map((r) => r.firstFrameMs) },
        firstScene: first.scene,
        jsGzipBytes: first.jsGzipBytes,
        jsTransferredBytes: first.jsTransferredBytes,
        chunks: first.chunks,
      },
      trafficMotion: attributeUpdates,
      console: { heading: consoleTitle, jsGzipBytes: consoleJs.jsGzipBytes, jsTransferredBytes: consoleJs.jsTransferredBytes, chunks: consoleJs.chunks },
      targets: { firstFrameMs: 3000, initialJsGzipBytes: 1.5 * 2 ** 20 },
    };
    console.error(
      `start: first frame ${result.wall.firstFrameMs.median} ms (${result.wall.firstFrameMs.all.join(', ')}), ` +
        `/wall JS ${(first.jsGzipBytes / 1024).toFixed(0)} KB gzip in ${first.chunks.length} chunks, /console ${(consoleJs.jsGzipBytes / 1024).toFixed(0)} KB`,
    );
    return result;
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}
