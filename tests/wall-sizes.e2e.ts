import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { districtRings, measureFraming, overlappingLabels, relativeGap, type Framing, type Rings } from './framing.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
let rings: Rings;

beforeAll(async () => {
  rings = await districtRings(h.hub.url);
});

/**
 * One wall page per size at a time: an open 7680-px page redraws with every hub update and would
 * starve the next one of the two cores. The layout test opens it, the framing test reuses and closes it.
 */
const walls = new Map<string, { page: Page; errors: string[] }>();
async function wallPage(width: number, height: number, query = '') {
  const key = `${width}x${height}${query}`;
  if (!walls.has(key)) {
    const { page, errors } = await h.openPage(`/wall?anim=0${query}`, { width, height });
    await waitForTwin(page, 110_000);
    walls.set(key, { page, errors });
  }
  return walls.get(key)!;
}
async function closeWall(width: number, height: number, query = '') {
  const key = `${width}x${height}${query}`;
  await walls.get(key)?.page.close();
  walls.delete(key);
}

/** Where the panels and the canvas land on a wall of this size. */
async function measure(width: number, height: number) {
  const { page, errors } = await wallPage(width, height);
  const m = await page.evaluate(() => {
    const rect = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
    const canvas = document.querySelector('.twin canvas') as HTMLCanvasElement;
    const panels = [...document.querySelectorAll('.panel')].map((p) => p.getBoundingClientRect());
    return {
      canvas: [canvas.width, canvas.height],
      dom: rect('.wall-dom'),
      wide: document.querySelector('.wall-dom')!.classList.contains('wall-dom--wide'),
      header: rect('.wall-header'),
      panels: panels.map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width })),
      kpiFontPx: parseFloat(getComputedStyle(document.querySelector('.kpi__value')!).fontSize),
      labels: window.__onescreenTwin!.labels!(),
    };
  });
  return { ...m, errors };
}

const SIZES = [
  [1920, 1080],
  [3840, 2160],
  [7680, 2160],
] as const;

describe('wall sizes', () => {
  for (const [width, height] of SIZES.slice(1)) {
    it(`fills ${width}×${height} with no letterbox, panels inside, canvas at native resolution`, async () => {
      const m = await measure(width, height);
      expect(m.errors).toEqual([]);
      expect(m.canvas).toEqual([width, height]);
      // The district names are placed at this size too, none over another.
      expect(m.labels.length).toBeGreaterThan(5);
      expect(overlappingLabels(m.labels)).toEqual([]);
      // The scaled DOM covers the whole window: no bands left or right, top or bottom.
      expect(Math.round(m.dom.width)).toBe(width);
      expect(Math.round(m.dom.height)).toBe(height);
      expect(m.header.width).toBeCloseTo(width, 0);
      for (const p of m.panels) {
        expect(p.left).toBeGreaterThanOrEqual(0);
        expect(p.right).toBeLessThanOrEqual(width);
        expect(p.bottom).toBeLessThanOrEqual(height);
        // Panels are scaled with the wall (420 design px at scale 2), not stretched.
        expect(p.width).toBeCloseTo(840, -1);
      }
      // 32:9 gets its own arrangement: two columns a side, twice as many panel slots across.
      expect(m.wide).toBe(width / height > 3);
      const columnsAcross = new Set(m.panels.map((p) => Math.round(p.left))).size;
      expect(columnsAcross).toBe(width / height > 3 ? 4 : 2);
      // Framed once its layout is checked, then closed (src/twin/framing.ts).
      framings.push(await frameScenes(`${width}×${height}`, width, height));
      await closeWall(width, height);
    }, 300_000);
  }
});

const SCENES = readdirSync('scenes')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => (JSON.parse(readFileSync(`scenes/${f}`, 'utf8')) as { id: string }).id);
const YUZHONG = '500103';
/** The same area on every wall: within 10 % (the rule), measured against 1920×1080. */
const SAME = 0.1;

interface WallFraming {
  label: string;
  wide: boolean;
  scenes: Record<string, { scene: Framing; home: Framing; district: Framing }>;
}

/** Every scene's camera, its home flight and a fly-to-district (Yuzhong), on one wall page. */
async function frameScenes(label: string, width: number, height: number, query = ''): Promise<WallFraming> {
  const { page, errors } = await wallPage(width, height, query);
  // Only the camera counts here: draw the base map alone, so a 7680-px canvas switches scenes quickly.
  await page.evaluate(() => (window.__onescreenTwin!.setLayersHidden!(true), window.__onescreenTwin!.setCityHidden!(true)));
  const out: WallFraming = { label, wide: false, scenes: {} };
  for (const [i, scene] of SCENES.entries()) {
    await page.keyboard.press(String(i + 1));
    await page.waitForSelector(`.wall[data-scene=${scene}]`);
    const atScene = await measureFraming(page, rings);
    expect(await page.evaluate((code) => window.__onescreenTwin!.flyToDistrict!(code), YUZHONG)).toBe(true);
    const district = await measureFraming(page, rings, [YUZHONG]);
    await page.evaluate(() => window.__onescreenTwin!.flyHome!());
    const home = await measureFraming(page, rings);
    out.scenes[scene] = { scene: atScene, home, district };
  }
  out.wide = await page.evaluate(() => document.querySelector('.wall-dom')!.classList.contains('wall-dom--wide'));
  expect(errors).toEqual([]);
  return out;
}

const framings: WallFraming[] = [];

describe('framing: a scene frames the same area at every wall size', () => {
  it('for every scene camera, home and fly-to-district at 1920×1080, 3840×2160, 7680×2160 and on a 3×1 wall', async () => {
    const reference = await frameScenes('1920×1080', 1920, 1080);
    await closeWall(1920, 1080);
    // The middle display of a 3×1 wall of 640×360 displays: a 1920×360 virtual canvas.
    const sliced = '&wall=framing&display=m&grid=3x1&col=1&row=0';
    const others = [...framings, await frameScenes('3×1 of 640×360', 640, 360, sliced)];
    await closeWall(640, 360, sliced);
    expect(others.map((o) => o.label)).toEqual(['3840×2160', '7680×2160', '3×1 of 640×360']);
    const rows: string[] = [];
    for (const scene of SCENES) {
      const ref = reference.scenes[scene];
      // Home is the scene camera again (a zero-length flight: equal to within float rounding).
      expect(relativeGap(ref.home.centreScale, ref.scene.centreScale)).toBeLessThan(1e-3);
      for (const wall of others) {
        const got = wall.scenes[scene];
        rows.push(`${scene} ${wall.label}: scale ${(got.scene.centreScale / ref.scene.centreScale).toFixed(3)} box-h ${(got.scene.box.height / ref.scene.box.height).toFixed(3)} box-w ${(got.scene.box.width / ref.scene.box.width).toFixed(3)} district-h ${(got.district.box.height / ref.district.box.height).toFixed(3)}`);
        // Where districts run off the canvas (a scene close in over the core), their box is the
        // canvas's cut of them, different for each aspect: only the scale at the centre compares.
        const clipped = !ref.scene.whole || !got.scene.whole;
        for (const kind of ['scene', 'home'] as const) {
          expect(relativeGap(got[kind].centreScale, ref[kind].centreScale), `${scene} ${kind} at ${wall.label}`).toBeLessThan(SAME);
          if (!clipped) expect(relativeGap(got[kind].box.height, ref[kind].box.height), `${scene} ${kind} box at ${wall.label}`).toBeLessThan(SAME);
        }
        // A district fly-to fits the district between the panel columns: its height share holds.
        expect(relativeGap(got.district.centreScale, ref.district.centreScale), `${scene} district scale at ${wall.label}`).toBeLessThan(SAME);
        if (ref.district.whole && got.district.whole) expect(relativeGap(got.district.box.height, ref.district.box.height), `${scene} district at ${wall.label}`).toBeLessThan(SAME);
        else expect.unreachable(`Yuzhong is not whole on screen after flying to it (${scene} at ${wall.label})`);
        // Walls of the design's shape (16:9) frame the same share across as well.
        if (!clipped && !wall.wide && wall.label.startsWith('3840')) expect(relativeGap(got.scene.box.width, ref.scene.box.width), `${scene} width at ${wall.label}`).toBeLessThan(SAME);
      }
    }
    if (process.env.E2E_FIGURES) console.info(rows.join('\n'));
  }, 300_000);
});

afterAll(async () => {
  for (const { page } of walls.values()) await page.close();
});
