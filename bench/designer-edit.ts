// The scene designer with a scene of 100 layers and 12 panels: how long one keystroke in a style
// field takes to reach the live preview. Each keystroke is real (Chromium's keyboard into the
// generated style form); the time runs from its keydown to the preview's "scene shown" message,
// which it sends once it has checked the draft like any wall scene and put it in its store. The
// preview is an iframe of the same origin, so this is the main thread's whole bill for an edit:
// the editor's action, history and check, React's update, the message, the preview's own check.
//   npm run bench -- designer-edit          (DESIGNER_KEYS=40 keystrokes)
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { collectPageErrors, launchBrowser } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';
import { API_PREFIX } from '../src/hub/contract.ts';
import { quantile, round } from './stats.ts';

const KEYS = Number(process.env.DESIGNER_KEYS ?? 40);
const LAYERS = 100;
const SHOWN = 12;
const SCENE_ID = 'bench-hundred';
/** The layer whose style is typed into, and its field: a heatmap's radius, 5 to 100 px. */
const TYPED = { layer: 'layer-0', kind: 'kit.heatmap', field: 'radius' };

/** A scene of 100 layers (12 shown, the rest hidden as designers keep them) and 12 panels, from the shipped scenes' kinds. */
function hundredLayerScene() {
  const dir = new URL('../scenes/', import.meta.url);
  const shipped = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
  const kinds = [TYPED.kind, ...new Set(shipped.flatMap((s) => s.layers.map((l: { kind: string }) => l.kind)))];
  const panels = [...new Set(shipped.flatMap((s) => s.panels.map((p: { kind: string }) => p.kind)))].slice(0, 12);
  const slots = [1, 2, 3, 4, 5, 6].flatMap((n) => [`left-${n}`, `right-${n}`]).sort();
  const layers = Array.from({ length: LAYERS }, (_, i) => ({ id: `layer-${i}`, kind: kinds[i % kinds.length], visible: i < SHOWN, style: {} }));
  const modules = [...new Set([...layers.map((l) => l.kind), ...panels].map((k) => k.split('.')[0]))];
  return {
    schemaVersion: 2,
    id: SCENE_ID,
    title: '百层场景',
    titleEn: 'A hundred layers',
    description: 'The designer benchmark: 100 layers, 12 panels.',
    modules,
    camera: { center: [106.55, 29.57], zoom: 9, pitch: 30, bearing: 0 },
    layers,
    panels: panels.map((kind, i) => ({ kind, slot: slots[i] })),
  };
}

async function designerToken(hubUrl: string): Promise<string> {
  const res = await fetch(`${hubUrl}${API_PREFIX}/auth/designer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'designer', password: 'onescreen' }),
  });
  if (!res.ok) throw new Error(`designer sign-in: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function run() {
  const hub = testHub(18911);
  await hub.start();
  const client = await startClient(15291, hub.url);
  const browser = await launchBrowser();
  try {
    const token = await designerToken(hub.url);
    const created = await fetch(`${hub.url}${API_PREFIX}/designer/scenes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ scene: hundredLayerScene(), message: 'benchmark' }),
    });
    if (created.status !== 201) throw new Error(`creating the scene: HTTP ${created.status} ${await created.text()}`);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const errors = collectPageErrors(page);
    await page.goto(`${client.url}/designer`);
    await page.fill('[data-testid=designer-signin-user]', 'designer');
    await page.fill('[data-testid=designer-signin-password]', 'onescreen');
    await page.click('[data-testid=designer-signin-submit]');
    await page.click(`[data-testid=designer-scene-${SCENE_ID}]`);
    await page.waitForSelector('[data-testid=designer-editor]');
    await page.click(`[data-testid=designer-layer-${TYPED.layer}]`);
    const input = page.locator(`[data-testid=designer-style-${TYPED.field}]`);
    // Each keystroke's keydown and the preview's answer to it, on the page's clock.
    await page.evaluate(() => {
      const w = window as unknown as { keys: number[]; shown: number[] };
      w.keys = [];
      w.shown = [];
      addEventListener('keydown', () => w.keys.push(performance.now()), { capture: true });
      addEventListener('message', (e) => {
        if ((e.data as { type?: string })?.type === 'onescreen:scene-shown') w.shown.push(performance.now());
      });
    });
    // The preview shows the scene first (its first draft): wait for it before typing.
    await page.waitForFunction(() => (window as unknown as { shown: number[] }).shown !== undefined);
    await page.waitForTimeout(3000);
    await input.fill('5');
    await page.waitForTimeout(1000);
    const latencies: number[] = [];
    const load = loadavg()[0];
    for (let i = 0; i < KEYS; i++) {
      // 5 → 50 → 5 …: every keystroke leaves a valid radius, so every one reaches the preview.
      const before = await page.evaluate(() => (window as unknown as { shown: number[] }).shown.length);
      await input.press(i % 2 === 0 ? '0' : 'Backspace');
      await page.waitForFunction((n) => (window as unknown as { shown: number[] }).shown.length > n, before, { timeout: 10_000 });
      latencies.push(
        await page.evaluate(() => {
          const w = window as unknown as { keys: number[]; shown: number[] };
          return w.shown.at(-1)! - w.keys.at(-1)!;
        }),
      );
      await page.waitForTimeout(150);
    }
    return {
      name: 'designer-edit',
      scene: { layers: LAYERS, shown: SHOWN, panels: 12 },
      keystrokes: KEYS,
      keyToPreviewP50ms: round(quantile(latencies, 0.5)),
      keyToPreviewP95ms: round(quantile(latencies, 0.95)),
      keyToPreviewMaxms: round(Math.max(...latencies)),
      // A 60 Hz frame: under it, the preview has the edit by its next frame.
      p95OfA60HzFrame: round(quantile(latencies, 0.95) / (1000 / 60)),
      loadavg1: round(load),
      pageErrors: errors.slice(0, 10),
    };
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}
