// 100+ scene switches on one wall page (whole cycles through every scene, so the first and last
// samples show the same scene): does memory stay flat? Reports JS heap after forced GC,
// DOM nodes, deck.gl layers and three.js geometries at the start and the end, as JSON.
//   npm run bench -- scene-switch-memory
import { readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 100);
const SCENES = readdirSync(new URL('../scenes/', import.meta.url)).filter((f) => f.endsWith('.json')).length;
/** At least SWITCHES, rounded up to whole cycles, so that the first and last samples show the same scene. */
const CYCLED = Math.ceil(SWITCHES / SCENES) * SCENES;

async function sample(page: Page, cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const twin = await page.evaluate(() => ({
    layers: window.__onescreenTwin!.layerIds.length,
    geometries: window.__onescreenTwin!.cityStats?.().geometries ?? 0,
  }));
  return { heapMB: +(m.JSHeapUsedSize / 2 ** 20).toFixed(2), domNodes: m.Nodes, listeners: m.JSEventListeners, ...twin };
}

export async function run(ports = { hub: 18796, client: 15186 }) {
  const hub = testHub(ports.hub);
  await hub.start();
  const client = await startClient(ports.client, hub.url);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${client.url}/wall?anim=0`);
    await page.waitForFunction(() => document.documentElement.dataset.sceneReady === 'overview', null, { timeout: 120_000 });
    const next = async () => {
      const before = await page.evaluate(() => document.querySelector('.wall')!.getAttribute('data-scene'));
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((b) => document.querySelector('.wall')!.getAttribute('data-scene') !== b, before);
      await page.waitForFunction(
        () => document.documentElement.dataset.sceneReady === document.querySelector('.wall')!.getAttribute('data-scene'),
        null,
        { timeout: 120_000 },
      );
    };
    // One full warm-up cycle so that every scene's code and glyph atlases are loaded once.
    for (let i = 0; i < SCENES; i++) await next();
    const start = await sample(page, cdp);
    const t0 = Date.now();
    for (let i = 0; i < CYCLED; i++) await next();
    const end = await sample(page, cdp);
    return {
      name: 'scene-switch-memory',
      switches: CYCLED,
      scene: await page.evaluate(() => document.querySelector('.wall')!.getAttribute('data-scene')),
      seconds: Math.round((Date.now() - t0) / 1000),
      start,
      end,
      heapGrowthMB: +(end.heapMB - start.heapMB).toFixed(2),
      domGrowth: end.domNodes - start.domNodes,
    };
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}
