// Render cost: the wall's traffic scene against a bare deck.gl page (bench/bare-deck/) drawing the
// same vehicles the plain way, in the same headless Chromium at 1920×1080, with 10,000 and then
// 100,000 vehicles from the hub at 1 Hz. Counters, not frame rates (software WebGL caps and distorts
// those): main-thread CPU ms a frame (CDP Performance.getMetrics TaskDuration over frames drawn),
// deck's own cpuTimePerFrame/gpuTimePerFrame where deck reports them, attribute rebuilds a frame,
// WebGL draw calls a frame and bytes uploaded (bench/gl-counters.ts). Ratios ours/bare in one run.
//   npm run bench -- render        (RENDER_SECONDS=30 a page; RENDER_VEHICLES=10000,100000)
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import { io } from 'socket.io-client';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, collectPageErrors } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';
import { LIVE_EVENTS, LIVE_NAMESPACE } from '../src/hub/contract.ts';
import { enrolDisplay } from '../mock-server/control-test-kit.ts';
import { TrafficVehiclesSchema } from '../src/hub/topics/traffic.ts';
import { GL_COUNTERS_SCRIPT } from './gl-counters.ts';
import { round } from './stats.ts';

const SECONDS = Number(process.env.RENDER_SECONDS ?? 30);
const COUNTS = (process.env.RENDER_VEHICLES ?? '10000,100000').split(',').map(Number);
const BARE_DIR = `/tmp/onescreen-bare-deck-${process.pid}`;

/** One vehicle frame from the hub, through the display handshake and the contract's schema. */
async function oneFrame(hubUrl: string) {
  const { token } = await enrolDisplay(hubUrl, 'bench-render', 'reference');
  const socket = io(`${hubUrl}${LIVE_NAMESPACE}`, { auth: { role: 'display', wall: 'bench-render', display: 'reference', token }, transports: ['websocket'] });
  try {
    return await new Promise<ReturnType<typeof TrafficVehiclesSchema.parse>>((resolve, reject) => {
      socket.on('connect', () => socket.emit(LIVE_EVENTS.subscribe, { topics: ['traffic.vehicles'] }));
      socket.on('traffic.vehicles', (e: { data: unknown }) => {
        const parsed = TrafficVehiclesSchema.safeParse(e.data);
        if (parsed.success) resolve(parsed.data);
        else reject(new Error(`vehicle frame refused: ${parsed.error.message}`));
      });
      setTimeout(() => reject(new Error('no vehicle frame in 30 s')), 30_000).unref();
    });
  } finally {
    socket.close();
  }
}

async function bareServer(port: number) {
  await mkdir(BARE_DIR, { recursive: true });
  await build({ entryPoints: ['bench/bare-deck/main.ts'], bundle: true, format: 'esm', target: 'es2022', outfile: `${BARE_DIR}/main.js`, logLevel: 'warning' });
  await copyFile('bench/bare-deck/index.html', `${BARE_DIR}/index.html`);
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', json: 'application/json' };
  const server = createServer(async (req, res) => {
    const name = (req.url ?? '/').split('?')[0].replace(/^\/$/, '/index.html').slice(1);
    if (!/^[a-z.]+$/.test(name)) return void res.writeHead(404).end();
    try {
      const body = await readFile(`${BARE_DIR}/${name}`);
      res.writeHead(200, { 'content-type': types[name.split('.').pop()!] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

interface Reading {
  frames: number;
  attributeUpdates: number;
  drawCalls: number;
  bufferBytes: number;
  deck: Record<string, number> | null;
}

/** Counters of one page over SECONDS, after it has drawn a few frames. */
async function measure(page: Page, read: () => Promise<Reading>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])).TaskDuration;
  const a = await read();
  const t0 = await task();
  const load = loadavg()[0];
  await page.waitForTimeout(SECONDS * 1000);
  const b = await read();
  const t1 = await task();
  const frames = b.frames - a.frames;
  return {
    frames,
    cpuMsPerFrame: round(((t1 - t0) * 1000) / Math.max(1, frames), 1),
    deckCpuMsPerFrame: b.deck ? round(b.deck.cpuTimePerFrame ?? 0, 1) : null,
    deckGpuMsPerFrame: b.deck ? round(b.deck.gpuTimePerFrame ?? 0, 1) : null,
    attributeRebuildsPerFrame: round((b.attributeUpdates - a.attributeUpdates) / Math.max(1, frames), 3),
    attributeRebuilds: b.attributeUpdates - a.attributeUpdates,
    drawCallsPerFrame: round((b.drawCalls - a.drawCalls) / Math.max(1, frames), 1),
    uploadKBPerSecond: round((b.bufferBytes - a.bufferBytes) / 1024 / SECONDS, 0),
    loadavg1: round(load),
  };
}

async function ours(browser: Browser, clientUrl: string) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const errors = collectPageErrors(page);
  await page.addInitScript({ content: GL_COUNTERS_SCRIPT });
  await page.goto(`${clientUrl}/wall?scene=traffic`);
  await page.waitForFunction(() => document.documentElement.dataset.sceneReady === 'traffic', null, { timeout: 180_000 });
  await page.waitForFunction(() => window.__onescreenTwin!.deckFrames > 5, null, { timeout: 180_000 });
  const read = () =>
    page.evaluate(() => {
      const t = window.__onescreenTwin!;
      const gl = window.__glCounters!;
      return { frames: t.deckFrames, attributeUpdates: t.attributeUpdates, drawCalls: gl.drawCalls, bufferBytes: gl.bufferBytes, deck: t.deckMetrics?.() ?? null };
    });
  const wall = await measure(page, read);
  // The same drawing as the bare page: the vehicles only (base map, city, roads, incidents and
  // panels hidden; the panels' charts still take the hub's updates on the main thread).
  await page.evaluate(() => {
    const t = window.__onescreenTwin!;
    t.setOnlyLayers!(['vehicles']);
    t.setCityHidden!(true);
  });
  await page.addStyleTag({ content: '.panel { visibility: hidden !important; }' });
  await page.waitForTimeout(2000);
  const vehiclesOnly = await measure(page, read);
  await page.close();
  return { wall, vehiclesOnly, pageErrors: errors.slice(0, 10) };
}

async function bare(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const errors = collectPageErrors(page);
  await page.addInitScript({ content: GL_COUNTERS_SCRIPT });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bare?: { frames: number } }).__bare!.frames > 5, null, { timeout: 180_000 });
  const result = await measure(page, () =>
    page.evaluate(() => {
      const b = (window as unknown as { __bare: { frames: number; attributeUpdates: number; metrics: Record<string, number> } }).__bare;
      const gl = window.__glCounters!;
      return { frames: b.frames, attributeUpdates: b.attributeUpdates, drawCalls: gl.drawCalls, bufferBytes: gl.bufferBytes, deck: b.metrics };
    }),
  );
  await page.close();
  return { ...result, pageErrors: errors.slice(0, 10) };
}

export async function run() {
  const server = await bareServer(15279);
  const results = [];
  try {
    for (const vehicles of COUNTS) {
      const hub = testHub(18897, { HUB_TRAFFIC_VEHICLES: String(vehicles) });
      await hub.start();
      const client = await startClient(15277, hub.url);
      const browser = await launchBrowser();
      try {
        const frame = await oneFrame(hub.url);
        await writeFile(`${BARE_DIR}/vehicles.json`, JSON.stringify({ positions: Array.from(frame.positions), speeds: Array.from(frame.speeds) }));
        const o = await ours(browser, client.url);
        const b = await bare(browser, server.url);
        const ratio = (x: number | null, y: number | null) => (x !== null && y ? round(x / y, 2) : null);
        const ratios = (o: { cpuMsPerFrame: number; drawCallsPerFrame: number }) => ({
          cpuMsPerFrame: ratio(o.cpuMsPerFrame, b.cpuMsPerFrame),
          drawCallsPerFrame: ratio(o.drawCallsPerFrame, b.drawCallsPerFrame),
        });
        results.push({
          vehicles,
          wall: o.wall,
          vehiclesOnly: o.vehiclesOnly,
          bare: b,
          ratios: { wall: ratios(o.wall), vehiclesOnly: ratios(o.vehiclesOnly) },
          pageErrors: [...o.pageErrors, ...b.pageErrors],
        });
        console.error(`[render] ${JSON.stringify(results.at(-1))}`);
      } finally {
        await browser.close();
        await client.stop();
        await hub.stop();
      }
    }
  } finally {
    await server.close();
    await rm(BARE_DIR, { recursive: true, force: true });
  }
  return { name: 'render', viewport: '1920x1080', seconds: SECONDS, results, target: { attributeRebuildsPerFrameBetweenUpdates: 0, cpuRatio: '<= 1.1' } };
}
