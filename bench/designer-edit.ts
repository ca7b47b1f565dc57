// The scene designer with a scene of 100 layers (12 shown) and 12 panels: what one keystroke in a
// style field costs the main thread, and how soon the live preview shows it. Each keystroke is real
// (Chromium's keyboard into the generated style form). Two figures, each on one window's clock:
// the designer's part (keydown to the draft handed to the preview: the edit, its history step, the
// check of every layer, React's update), and the draft's arrival in the preview to its second
// painted frame after, also counted in the preview's own frame times (software WebGL here).
//   npm run bench -- designer-edit   (DESIGNER_KEYS=40 keystrokes, DESIGNER_TYPED=heat|rain, DESIGNER_PROFILE=1 prints where the main thread spends an edit)
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
/**
 * The layer whose style is typed into, its field, and the keystrokes: DESIGNER_TYPED=heat (the
 * default) types a heatmap's radius (5 ↔ 50 px: re-aggregating 20,000 vehicles on the GPU);
 * =rain types the radar rain's opacity (0.5 ↔ 0.55: a redraw only).
 */
const TYPINGS = {
  heat: { layer: 'layer-0', field: 'radius', start: '5', key: '0' },
  rain: { layer: 'layer-1', field: 'opacity', start: '0.5', key: '5' },
};
const TYPED = TYPINGS[(process.env.DESIGNER_TYPED ?? 'heat') as keyof typeof TYPINGS];

/** A scene of 100 layers (12 shown, the rest hidden as designers keep them) and 12 panels, from the shipped scenes' kinds. */
function hundredLayerScene() {
  const dir = new URL('../scenes/', import.meta.url);
  const shipped = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
  const kinds = ['kit.heatmap', 'weather.rain', ...new Set(shipped.flatMap((s) => s.layers.map((l: { kind: string }) => l.kind)))];
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
    const frame = page.frame({ url: /\/wall\?preview=1/ });
    if (!frame) throw new Error('no preview frame');
    await frame.waitForFunction(() => document.documentElement.dataset.sceneReady === 'bench-hundred', null, { timeout: 240_000 });
    await page.evaluate(() => {
      const w = window as unknown as { marks: { key: number; posted: number }[] };
      w.marks = [];
      addEventListener('keydown', () => w.marks.push({ key: performance.now(), posted: NaN }), { capture: true });
      // The designer hands each draft to the preview with postMessage: when it does, its part is done.
      const iframe = document.querySelector('[data-testid=designer-preview]') as HTMLIFrameElement;
      const target = iframe.contentWindow!;
      const post = target.postMessage.bind(target);
      target.postMessage = ((message: unknown, options: unknown) => {
        const last = w.marks.at(-1);
        if (last && Number.isNaN(last.posted) && (message as { type?: string })?.type === 'onescreen:scene') last.posted = performance.now();
        post(message, options as WindowPostMessageOptions);
      }) as typeof target.postMessage;
    });
    // As a string: a function here would be compiled with helpers (esbuild's __name) the page lacks.
    await frame.evaluate(`(() => {
      window.applies = [];
      window.frames = [];
      // The draft's arrival, and its second frame from the moment the preview's own listener ran.
      addEventListener('message', (e) => { if (e.data?.type === 'onescreen:scene') window.applies.push({ in: performance.now(), out: NaN, frame: NaN }); }, { capture: true });
      addEventListener('message', (e) => {
        const a = window.applies.at(-1);
        if (!a || e.data?.type !== 'onescreen:scene') return;
        a.out = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => (a.frame = performance.now())));
      });
      // The frames the twin rendered (deck.gl drew: a new draft, a hub update), apart from idle ticks.
      window.rendered = [];
      let drawn = 0;
      const tick = () => {
        window.frames.push(performance.now());
        if (window.frames.length > 2000) window.frames.splice(0, 1000);
        const count = window.__onescreenTwin?.deckFrames ?? 0;
        if (count !== drawn) (drawn = count), window.rendered.push(performance.now());
        if (window.rendered.length > 2000) window.rendered.splice(0, 1000);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await input.fill(TYPED.start);
    await page.waitForTimeout(2000);
    const load = loadavg()[0];
    for (let i = 0; i < KEYS; i++) {
      // 5 → 50 → 5 … (or 0.5 → 0.55 …): every keystroke leaves a valid value, so every one reaches the preview.
      const before = await frame.evaluate(() => (window as unknown as { applies: unknown[] }).applies.length);
      await input.press(i % 2 === 0 ? TYPED.key : 'Backspace');
      await frame.waitForFunction((n) => {
        const w = window as unknown as { applies: { frame: number; out: number }[]; rendered: number[] };
        const a = w.applies;
        return a.length > n && !Number.isNaN(a.at(-1)!.frame) && (w.rendered.at(-1) ?? 0) > a.at(-1)!.out;
      }, before, { timeout: 60_000 });
      await page.waitForTimeout(100);
    }
    if (process.env.DESIGNER_PROFILE === '1') await profileOneEdit(page, input, frame);
    const marks = await page.evaluate(() => (window as unknown as { marks: { key: number; posted: number }[] }).marks.slice(-40));
    const preview = (await frame.evaluate(`(() => ({
      applies: window.applies.slice(-40),
      gaps: window.frames.slice(1).map((t, i) => t - window.frames[i]),
      rendered: window.rendered,
    }))()`)) as { applies: { in: number; out: number; frame: number }[]; gaps: number[]; rendered: number[] };
    const designerMs = marks.map((m) => m.posted - m.key).filter(Number.isFinite);
    // From the draft's arrival in the preview to its second frame after applying it (the first
    // may have started before): what "shows within a frame" means, at the preview's own rate.
    const toFrameMs = preview.applies.map((a) => a.frame - a.in);
    const frameMs = quantile(preview.gaps, 0.5);
    // Each draft against the frames the twin renders: when the first rendered frame after the
    // draft was applied came, and how many frames the twin rendered between its arrival and that
    // one (0: the edit is in the first frame the preview renders after it arrives).
    const shown = preview.applies.map((a) => {
      const at = preview.rendered.find((t) => t > a.out) ?? NaN;
      return { ms: at - a.in, framesBefore: preview.rendered.filter((t) => t > a.in && t < at).length };
    }).filter((s) => Number.isFinite(s.ms));
    const renderGaps = preview.rendered.slice(1).map((t, i) => t - preview.rendered[i]);
    return {
      name: 'designer-edit',
      scene: { layers: LAYERS, shown: SHOWN, panels: 12 },
      keystrokes: KEYS,
      typed: `${TYPED.layer}.${TYPED.field}`,
      // The designer's main-thread share of an edit: keydown to the draft handed to the preview
      // (the edit, its history step, the check of all 100 layers, React's update of the editor).
      designerP50ms: round(quantile(designerMs, 0.5)),
      designerP95ms: round(quantile(designerMs, 0.95)),
      // Arrival to the second painted frame after, against the preview's frame time (software WebGL here).
      previewFrameP50ms: round(frameMs),
      arrivalToFramesP50ms: round(quantile(toFrameMs, 0.5)),
      arrivalToFramesInFrames: round(quantile(toFrameMs, 0.5) / frameMs),
      // The twin's own rendering: the interval between frames it rendered (hub updates and drafts).
      renderedFrameP50ms: round(quantile(renderGaps, 0.5)),
      arrivalToRenderedP50ms: round(quantile(shown.map((s) => s.ms), 0.5)),
      arrivalToRenderedP95ms: round(quantile(shown.map((s) => s.ms), 0.95)),
      renderedFramesBeforeShownMax: Math.max(...shown.map((s) => s.framesBefore)),
      loadavg1: round(load),
      pageErrors: errors.slice(0, 10),
    };
  } finally {
    await browser.close();
    await client.stop();
    await hub.stop();
  }
}

/** DESIGNER_PROFILE=1: the main thread's self time by function over a few edits, printed (where an edit's time goes). */
async function profileOneEdit(page: import('playwright-core').Page, input: import('playwright-core').Locator, frame: import('playwright-core').Frame) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 4; i++) {
    const before = (await frame.evaluate('window.applies.length')) as number;
    await input.press(i % 2 === 0 ? TYPED.key : 'Backspace');
    while (!(await frame.evaluate(`window.applies.length > ${before} && !Number.isNaN(window.applies.at(-1).frame)`))) await page.waitForTimeout(50);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.error('[designer-edit] main-thread self time over 4 edits (ms):');
  for (const [k, ms] of top) console.error(`  ${ms.toFixed(0).padStart(7)}  ${k}`);
}
