// 100+ scene switches on one wall page (whole cycles through every scene, so every sample shows
// the same scene): does memory stay flat? Samples JS heap after forced GC, DOM nodes, listeners,
// deck.gl layers and three.js geometries after every cycle, and reports the heap's trend over
// the second half (a leak keeps climbing; caches level off), as JSON.
//   npm run bench -- scene-switch-memory        (BENCH_SWITCHES=320 for a longer run)
// With BENCH_HEAP_DIFF=1 it also takes heap snapshots at the start and the end and reports which
// kinds of heap objects grew (the answer to "what is it, if the heap grows?").
import { readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';
import { slope } from './stats.ts';

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

/** Heap snapshot summarised by kind: `type:constructor` for objects, the node type otherwise. */
async function heapByKind(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields: string[] = snap.snapshot.meta.node_fields;
  const types: string[] = snap.snapshot.meta.node_types[0];
  const [ti, ni, si] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const nodes: number[] = snap.nodes;
  const by = new Map<string, number>();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + ti]];
    const kind = ['object', 'closure', 'native'].includes(type) ? `${type}:${snap.strings[nodes[i + ni]]}`.slice(0, 80) : type;
    by.set(kind, (by.get(kind) ?? 0) + nodes[i + si]);
  }
  return by;
}

/** The kinds that grew most between two summaries, in KB. */
function heapGrowth(a: Map<string, number>, b: Map<string, number>, top = 12) {
  return [...b.entries()]
    .map(([kind, size]) => ({ kind, growthKB: +((size - (a.get(kind) ?? 0)) / 1024).toFixed(1) }))
    .sort((x, y) => y.growthKB - x.growthKB)
    .slice(0, top);
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
    if (process.env.BENCH_HEAP_DIFF === '1') await cdp.send('HeapProfiler.enable');
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
    const heapDiff = process.env.BENCH_HEAP_DIFF === '1';
    const kindsAtStart = heapDiff ? await heapByKind(cdp) : null;
    const t0 = Date.now();
    const heapByCycle = [start.heapMB];
    for (let i = 0; i < CYCLED; i++) {
      await next();
      if ((i + 1) % SCENES === 0) heapByCycle.push((await sample(page, cdp)).heapMB);
    }
    const end = await sample(page, cdp);
    const grewMost = kindsAtStart ? heapGrowth(kindsAtStart, await heapByKind(cdp)) : undefined;
    return {
      name: 'scene-switch-memory',
      switches: CYCLED,
      scene: await page.evaluate(() => document.querySelector('.wall')!.getAttribute('data-scene')),
      seconds: Math.round((Date.now() - t0) / 1000),
      start,
      end,
      heapGrowthMB: +(end.heapMB - start.heapMB).toFixed(2),
      heapByCycle,
      secondHalfSlopeMBPer100Switches: +((slope(heapByCycle.slice(Math.floor(heapByCycle.length / 2))) * 100) / SCENES).toFixed(3),
      domGrowth: end.domNodes - start.domNodes,
      grewMost,
    };
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}
