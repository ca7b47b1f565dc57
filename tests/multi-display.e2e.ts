// A wall of several browsers: three 640×540 displays form one 1920×540 virtual view. Each draws
// its slice; the slices must agree where they meet, match one browser of the whole wall's size,
// keep the DOM on the display that holds it, and animate in lock-step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { waitFrames } from './pixels.ts';
import { differingShare, seamStats, stitchRow } from './stitch.ts';
import { orbitBearing } from '../src/twin/orbit.ts';

// Overview figures drive the district columns: published once, so every page draws the same data.
const h = useHarness({ hubEnv: { HUB_TICK_MS: '600000' } });
const { hub } = h;

const W = 640;
const H = 540;
const COLS = 3;
/** Same scene, same sun (noon in Chongqing), animation off: pages differ only by their slice. */
const COMMON = `anim=0&scene=overview&time=${encodeURIComponent('2026-06-21T04:00:00Z')}`;

interface Opened {
  page: Page;
  errors: string[];
}
const displays: Opened[] = [];
let whole: Opened;
let analysis: Page;

const open = (path: string, width: number, height: number): Promise<Opened> => h.openPage(path, { width, height });

beforeAll(async () => {
  for (let col = 0; col < COLS; col++) displays.push(await open(`/wall?wall=e2e&display=d${col}&grid=${COLS}x1&col=${col}&row=0&${COMMON}`, W, H));
  whole = await open(`/wall?wall=e2e-whole&${COMMON}`, COLS * W, H);
  for (const d of [...displays, whole]) await waitForTwin(d.page, 300_000);
  // And each has its wall's state from the hub (enrolled, connected, joined): only then is its camera the scene's.
  for (const d of [...displays, whole])
    await d.page.waitForFunction(() => document.documentElement.dataset.wallSynced === '1', null, { timeout: 120_000, polling: 200 });
  analysis = await h.browser.newPage();
}, 900_000);

/**
 * One page after the other: on a loaded machine parallel screenshots of four software-WebGL pages
 * starve each other (the pages are still, ?anim=0, so the order does not change the picture).
 */
async function shootAll(pages: Page[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const page of pages) out.push(await page.screenshot({ animations: 'disabled', timeout: 120_000 }));
  return out;
}

async function districtCentres(): Promise<[number, number][]> {
  const res = await fetch(`${hub.url}/api/v1/districts`);
  const body = (await res.json()) as { features: { properties: { center: [number, number] } }[] };
  return body.features.map((f) => f.properties.center);
}

/** Where each point lands in the virtual view, seen from one page (its projection plus its slice's offset). */
function virtualPositions(page: Page, points: [number, number][]) {
  return page.evaluate((pts) => {
    const twin = window.__onescreenTwin!;
    const offset = twin.slice!().offset;
    return pts.map((p) => {
      const q = twin.project!(p);
      return { x: q.x + offset.x, y: q.y + offset.y };
    });
  }, points);
}

describe('multi-display wall (3 × 640×540 = 1920×540)', () => {
  it('each display draws a canvas for its slice and knows its place', async () => {
    const frames = await Promise.all(
      displays.map(({ page }) =>
        page.evaluate(() => {
          const canvas = document.querySelector('.twin canvas') as HTMLCanvasElement;
          return { slice: window.__onescreenTwin!.slice!(), canvas: [canvas.width, canvas.height] };
        }),
      ),
    );
    expect(frames.map((f) => f.slice.offset.x)).toEqual([0, 640, 1280]);
    expect(frames.every((f) => f.slice.virtual.width === 1920 && f.slice.virtual.height === 540)).toBe(true);
    // Edge displays widen their canvas to reach the wall's centre; the middle one is its window.
    expect(frames.map((f) => f.canvas)).toEqual([
      [960, 540],
      [640, 540],
      [960, 540],
    ]);
  });

  it('(a) district centres project to the same virtual position on every display, within 1 px', async () => {
    const centres = await districtCentres();
    expect(centres.length).toBeGreaterThan(30);
    const reference = await virtualPositions(whole.page, centres);
    const visible = reference.filter((p) => p.x >= 0 && p.x < COLS * W && p.y >= 0 && p.y < H).length;
    expect(visible).toBeGreaterThan(20); // the scene frames most of Chongqing
    for (const { page } of displays) {
      const seen = await virtualPositions(page, centres);
      seen.forEach((p, i) => {
        expect(Math.abs(p.x - reference[i].x), `centre ${i} x`).toBeLessThanOrEqual(1);
        expect(Math.abs(p.y - reference[i].y), `centre ${i} y`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('(a) a fly to a district frames the same view on every display as on the whole wall', async () => {
    const centres = await districtCentres();
    const all = [...displays, whole];
    const flown = await Promise.all(all.map(({ page }) => page.evaluate(() => window.__onescreenTwin!.flyToDistrict!('500101'))));
    expect(flown.every(Boolean)).toBe(true);
    await Promise.all(all.map(({ page }) => waitFrames(page, 1)));
    const reference = await virtualPositions(whole.page, centres);
    for (const { page } of displays) {
      const seen = await virtualPositions(page, centres);
      seen.forEach((p, i) => {
        expect(Math.abs(p.x - reference[i].x), `centre ${i} x`).toBeLessThanOrEqual(1);
        expect(Math.abs(p.y - reference[i].y), `centre ${i} y`).toBeLessThanOrEqual(1);
      });
    }
    await Promise.all(all.map(({ page }) => page.evaluate(() => window.__onescreenTwin!.flyHome!())));
    await Promise.all(all.map(({ page }) => waitFrames(page, 1)));
  }, 240_000);

  it('(b) stitched side by side, the content continues across each seam; panels and header parts sit on one display', async () => {
    // Close enough that districts, borders and names cross both seams (on this 1920×540 wall the
    // overview's own camera frames the municipality small, between the panel columns).
    const camera = { center: [107.4, 29.95] as [number, number], zoom: 8, pitch: 36, bearing: 0 };
    await Promise.all(displays.map(({ page }) => page.evaluate((c) => window.__onescreenTwin!.jumpTo!(c), camera)));
    await Promise.all(displays.map(({ page }) => waitFrames(page, 2)));
    const shots = await shootAll(displays.map((d) => d.page));
    // Back to the scene's camera, as the whole-wall page still shows it for (c).
    await Promise.all(displays.map(({ page }) => page.evaluate(() => window.__onescreenTwin!.flyHome!())));
    await Promise.all(displays.map(({ page }) => waitFrames(page, 2)));
    const stitched = await stitchRow(analysis, shots);
    mkdirSync('docs/screenshots', { recursive: true });
    writeFileSync('docs/screenshots/wall-3-displays.png', stitched);
    const seams = await seamStats(analysis, stitched, W, { top: 0, bottom: H });
    if (process.env.E2E_FIGURES) console.info('overview seams', JSON.stringify(seams));
    expect(seams).toHaveLength(COLS - 1);
    for (const s of seams) {
      // A seam looks like two neighbouring columns of one picture, not like a shifted one.
      expect(s.seam).toBeLessThan(s.inside * 1.5 + 2);
      expect(s.seam).toBeLessThan(s.shifted * 0.5);
    }

    // Every panel shows whole on exactly one display, and on that one only.
    const placed = await Promise.all(
      displays.map(({ page }, col) =>
        page.evaluate(
          ({ col, W }) => {
            const inView = (r: DOMRect) => r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
            const panels = [...document.querySelectorAll<HTMLElement>('.panel')]
              .map((p) => ({ id: p.dataset.slot!, r: p.getBoundingClientRect() }))
              .filter((p) => inView(p.r))
              .map((p) => ({ id: p.id, left: p.r.left + col * W, right: p.r.right + col * W, whole: p.r.left >= 0 && p.r.right <= innerWidth }));
            // The box of what is drawn (a header part's grid cell is wider than its text).
            const seen = (sel: string) => {
              const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
              const range = document.createRange();
              let r = new DOMRect(0, 0, 0, 0);
              let first = true;
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                range.selectNodeContents(n);
                const t = range.getBoundingClientRect();
                if (!t.width) continue;
                const left = first ? t.left : Math.min(r.left, t.left);
                const right = first ? t.right : Math.max(r.right, t.right);
                const top = first ? t.top : Math.min(r.top, t.top);
                const bottom = first ? t.bottom : Math.max(r.bottom, t.bottom);
                r = new DOMRect(left, top, right - left, bottom - top);
                first = false;
              }
              return inView(r) ? (r.left >= 0 && r.right <= innerWidth ? 'whole' : 'cut') : 'none';
            };
            return {
              panels,
              total: document.querySelectorAll('.panel').length,
              title: seen('.wall-header__title'),
              scene: seen('.wall-header__scene'),
              status: seen('.wall-header__status'),
              overlay: seen('.twin-overlay'),
            };
          },
          { col, W },
        ),
      ),
    );
    const total = placed[0].total;
    expect(total).toBeGreaterThanOrEqual(4);
    const shown = placed.flatMap((p) => p.panels);
    expect(shown.every((p) => p.whole)).toBe(true);
    expect(new Set(shown.map((p) => p.id)).size).toBe(total);
    expect(shown).toHaveLength(total);
    expect(placed[0].panels.length).toBeGreaterThan(0);
    expect(placed[1].panels).toHaveLength(0);
    expect(placed[2].panels.length).toBeGreaterThan(0);
    expect(placed.map((p) => p.title)).toEqual(['whole', 'none', 'none']);
    expect(placed.map((p) => p.scene)).toEqual(['none', 'whole', 'none']);
    expect(placed.map((p) => p.status)).toEqual(['none', 'none', 'whole']);
    expect(placed.map((p) => p.overlay)).toEqual(['none', 'whole', 'none']);
  }, 240_000);

  it('(c) the stitched slices match one browser of the whole wall in the map area', async () => {
    const [full, ...shots] = await shootAll([whole.page, ...displays.map((d) => d.page)]);
    const stitched = await stitchRow(analysis, shots);
    // Between the panel columns, below the header, above the legends (which the whole view centres).
    const mapArea = { x: 450, y: 45, width: 1020, height: 400 };
    const differ = await differingShare(analysis, stitched, full, mapArea);
    // Labels may be placed differently near a display's edge (collision is per canvas); the rest matches.
    expect(differ).toBeLessThan(0.03);
    // Control: the same comparison against the whole view shifted by 8 px finds a different picture
    // (the map area is mostly dark and even, so a small share is already a clear difference).
    const shifted = await differingShare(analysis, stitched, full, mapArea, 60, 8);
    if (process.env.E2E_FIGURES) console.info('overview vs whole', JSON.stringify({ differ, shifted }));
    expect(shifted).toBeGreaterThan(differ * 5);
  }, 240_000);

  it('(e) close in over Yuzhong, the 3D buildings continue across the seams and match the whole view', async () => {
    // The overview's district columns would wrap the camera at street zoom: the buildings and the
    // base map alone here (the data layers' continuity is (b) and (c)).
    const camera = { center: [106.565, 29.56] as [number, number], zoom: 14, pitch: 60, bearing: 20 };
    const all = [...displays, whole];
    await Promise.all(
      all.map(({ page }) =>
        page.evaluate((c) => {
          window.__onescreenTwin!.setLayersHidden!(true);
          window.__onescreenTwin!.jumpTo!(c);
        }, camera),
      ),
    );
    await Promise.all(all.map(({ page }) => waitFrames(page, 2)));
    // The three.js city draws in maplibre's frame: wait until every page has its buildings on screen.
    await Promise.all(all.map(({ page }) => page.waitForFunction(() => (window.__onescreenTwin?.cityStats?.().instances ?? 0) > 0, null, { timeout: 60_000 })));
    await Promise.all(all.map(({ page }) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))));
    const [full, ...shots] = await shootAll([whole.page, ...displays.map((d) => d.page)]);
    const stitched = await stitchRow(analysis, shots);
    writeFileSync('docs/screenshots/wall-3-displays-city.png', stitched);
    const seams = await seamStats(analysis, stitched, W, { top: 45, bottom: H });
    const mapArea = { x: 450, y: 45, width: 1020, height: 400 };
    const differ = await differingShare(analysis, stitched, full, mapArea);
    const shifted = await differingShare(analysis, stitched, full, mapArea, 60, 8);
    if (process.env.E2E_FIGURES) console.info('city', JSON.stringify({ seams, differ, shifted }));
    for (const s of seams) {
      expect(s.seam).toBeLessThan(s.inside * 1.5 + 2);
      expect(s.seam).toBeLessThan(s.shifted * 0.5);
    }
    expect(differ).toBeLessThan(0.03);
    expect(shifted).toBeGreaterThan(differ * 5);
  }, 240_000);

  it('no page errors on any display', async () => {
    for (const d of [...displays, whole]) expect(d.errors).toEqual([]);
    // Software WebGL on two cores: free them for the next pages.
    for (const d of [...displays, whole]) await d.page.close();
  });
});

describe('lock-step animation (2 × 960×540, orbiting)', () => {
  it('(d) both displays turn to the bearing of the wall clock, whenever each started', async () => {
    const orbiting: Opened[] = [];
    for (let col = 0; col < 2; col++) {
      orbiting.push(await open(`/wall?wall=e2e-orbit&display=o${col}&grid=2x1&col=${col}&row=0&orbit=1&scene=overview`, 960, H));
      // Started a few seconds apart: a clock of their own would put them at different bearings.
      await orbiting[col].page.waitForFunction(() => window.__onescreenTwin?.orbit !== undefined, null, { timeout: 120_000 });
    }
    const samples = await Promise.all(orbiting.map(({ page }) => page.evaluate(() => window.__onescreenTwin!.orbit!)));
    const now = Date.now();
    for (const s of samples) {
      // Hub time (the hub runs on this machine), not a page's time since load.
      expect(Math.abs(s.wall - now)).toBeLessThan(30_000);
      const expected = orbitBearing(s.wall);
      const diff = (((s.bearing - expected) % 360) + 540) % 360 - 180;
      expect(Math.abs(diff)).toBeLessThan(1e-6);
    }
    // At one wall moment, the same bearing on both: bearing differences are the clock differences.
    const [a, b] = samples;
    const apart = (((a.bearing - b.bearing - ((a.wall - b.wall) / 1000) * 3) % 360) + 540) % 360 - 180;
    expect(Math.abs(apart)).toBeLessThan(1e-6);
    for (const o of orbiting) {
      expect(o.errors).toEqual([]);
      await o.page.close();
    }
  }, 240_000);
});

describe('bad grid in the URL', () => {
  it('falls back to a single-display wall and says why', async () => {
    const page = await h.newPage({ width: W, height: H });
    const bad = { page, errors: collectPageErrors(page) };
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${h.client.url}/wall?grid=3x1&col=5&row=0&diag=1&${COMMON}`);
    await waitForTwin(bad.page, 150_000);
    const state = await bad.page.evaluate(() => ({
      slice: window.__onescreenTwin!.slice!(),
      canvas: [(document.querySelector('.twin canvas') as HTMLCanvasElement).width, (document.querySelector('.twin canvas') as HTMLCanvasElement).height],
    }));
    expect(state.slice.grid).toEqual({ cols: 1, rows: 1, col: 0, row: 0 });
    expect(state.canvas).toEqual([W, H]);
    expect(warnings.join('\n')).toMatch(/\?grid=3x1&col=5&row=0: cell outside the grid/);
    expect(bad.errors).toEqual([]);
    await bad.page.close();
  }, 240_000);
});
