// The 3D city: drawn in the map's camera by day and by night, and rebuilt after a lost WebGL context.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { changedShare, decodePng, regionStats, waitFrames } from './pixels.ts';
import { decodeBuildings } from '../src/hub/buildings.ts';

const h = useHarness();
const { hub } = h;

/** Yuzhong and its rivers from the south-west, pitched: a fixed camera for the city. */
const CITY_CAMERA = { center: [106.565, 29.56] as [number, number], zoom: 14, pitch: 60, bearing: 20 };
const CLIP = { x: 460, y: 100, width: 1000, height: 900 };

async function openCity(time: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await h.openPage(`/wall?anim=0&time=${encodeURIComponent(time)}`, { width: 1920, height: 1080 });
  await waitForTwin(page);
  await page.waitForFunction(() => (window.__onescreenTwin?.cityStats?.().instances ?? 0) > 0, null, { timeout: 60_000 });
  await page.evaluate((camera) => {
    window.__onescreenTwin!.setLayersHidden!(true); // the buildings alone, not the scene's data layers
    window.__onescreenTwin!.jumpTo!(camera);
  }, CITY_CAMERA);
  await waitFrames(page, 2);
  return { page, errors };
}

/** Mean brightness and the share of warm, bright pixels (lit windows) in a screenshot region. */
async function light(page: Page) {
  const { data: d } = await decodePng(page, await page.screenshot({ clip: CLIP }));
  let sum = 0;
  let warm = 0;
  for (let i = 0; i < d.length; i += 4) {
    sum += (d[i] + d[i + 1] + d[i + 2]) / 3;
    if (d[i] > 150 && d[i] > d[i + 2] + 40) warm++;
  }
  return { mean: sum / (d.length / 4), warm: warm / (d.length / 4) };
}

describe('the 3D city', () => {
  it('stands by day: the buildings draw a large part of the view, in many shades', async () => {
    const { page, errors } = await openCity('2026-11-21T14:00:00+08:00');
    const withCity = await page.screenshot({ clip: CLIP });
    const stats = await regionStats(page, CLIP);
    await page.evaluate(() => window.__onescreenTwin!.setCityHidden!(true));
    await waitFrames(page, 1);
    const without = await page.screenshot({ clip: CLIP });
    expect(await changedShare(page, withCity, without)).toBeGreaterThan(0.05);
    expect(stats.distinctColours).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lights up at night: darker overall, with lit windows', async () => {
    const day = await openCity('2026-11-21T14:00:00+08:00');
    const dayLight = await light(day.page);
    await day.page.close();
    const night = await openCity('2026-11-21T21:30:00+08:00');
    const nightLight = await light(night.page);
    expect(nightLight.warm).toBeGreaterThan(0.002);
    expect(nightLight.warm).toBeGreaterThan(dayLight.warm * 3);
    expect(nightLight.mean).toBeLessThan(dayLight.mean);
    expect(night.errors).toEqual([]);
    await night.page.close();
  });

  it('comes back by itself after the WebGL context is lost', async () => {
    const { page, errors } = await h.openPage('/wall?anim=0');
    await waitForTwin(page);
    const generation = await page.evaluate(() => window.__onescreenTwin!.generation);
    const lost = await page.evaluate(() => {
      const canvas = document.querySelector('.twin canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      const ext = gl?.getExtension('WEBGL_lose_context');
      ext?.loseContext();
      return Boolean(ext);
    });
    expect(lost).toBe(true);
    await page.waitForFunction((g) => window.__onescreenTwin!.generation > g, generation, { timeout: 30_000 });
    await page.waitForFunction(() => document.documentElement.dataset.sceneReady === 'overview', null, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__onescreenTwin!.contextLost)).toBeGreaterThan(0);
    const stats = await regionStats(page, { x: 300, y: 70, width: 680, height: 570 });
    expect(stats.nonBackground).toBeGreaterThan(0.2);
    expect(await page.locator('.twin canvas').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('flies to a district on a double tap, and home again with the Home key', async () => {
    const { page, errors } = await h.openPage('/wall?anim=0');
    await waitForTwin(page);
    const wanzhou: [number, number] = [108.43836, 30.74525]; // 万州区, far from the home view's centre
    const before = await page.evaluate((p) => window.__onescreenTwin!.project!(p), wanzhou);
    await page.mouse.dblclick(before.x, before.y);
    await page.waitForFunction(
      (p) => {
        const s = window.__onescreenTwin!.project!(p);
        return Math.abs(s.x - innerWidth / 2) < innerWidth * 0.12 && Math.abs(s.y - innerHeight / 2) < innerHeight * 0.2;
      },
      wanzhou,
      { timeout: 20_000 },
    );
    await page.locator('[data-testid=district-card] h3').waitFor();
    expect(await page.textContent('[data-testid=district-card] h3')).toContain('万州区');
    await page.keyboard.press('Home');
    await page.waitForFunction(
      (b) => {
        const s = window.__onescreenTwin!.project!([108.43836, 30.74525]);
        return Math.hypot(s.x - b.x, s.y - b.y) < 20;
      },
      before,
      { timeout: 20_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects a building on a tap close in: it lights up and the card gives its height', async () => {
    const res = await fetch(`${hub.url}/api/v1/city/buildings`);
    const decoded = decodeBuildings(await res.arrayBuffer());
    if (!decoded.ok) throw new Error(decoded.error);
    const b = decoded.buildings;
    // The tallest building, seen from straight above: its roof is what a tap at its centre hits.
    let i = 0;
    for (let k = 1; k < b.count; k++) if (b.height[k] > b.height[i]) i = k;
    const [lon0, lat0] = b.origin;
    const centre: [number, number] = [lon0 + b.x[i] / (111_320 * Math.cos((lat0 * Math.PI) / 180)), lat0 + b.y[i] / 110_540];
    const { page, errors } = await openCity('2026-06-21T12:00:00+08:00');
    await page.evaluate((c) => window.__onescreenTwin!.jumpTo!({ center: c, zoom: 16.5, pitch: 0, bearing: 0 }), centre);
    await waitFrames(page, 2);
    const p = await page.evaluate((c) => window.__onescreenTwin!.project!(c), centre);
    const spot = { x: p.x - 3, y: p.y - 3, width: 6, height: 6 };
    const before = await page.screenshot({ clip: spot });
    await page.mouse.click(p.x, p.y);
    await page.locator('[data-testid=building-card]').waitFor({ timeout: 20_000 });
    expect(await page.textContent('[data-testid=building-card]')).toContain(`高 Height ${Math.round(b.height[i])} m`);
    await waitFrames(page, 2);
    expect(await changedShare(page, before, await page.screenshot({ clip: spot })), 'the selected building is drawn lit').toBeGreaterThan(0.5);
    // Escape (or Home) lets go of the selection.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=building-card]').waitFor({ state: 'detached', timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws only when something changes: a still wall draws no frames while the hub feeds its panels', async () => {
    // The city scene's layers read no live topic; its panels do, and the hub keeps sending them.
    const { page, errors } = await h.openPage('/wall?anim=0&scene=city');
    await waitForTwin(page);
    const frames = () => page.evaluate(() => window.__onescreenTwin!.deckFrames);
    // Settled: models and tiles finish arriving, and the frames they asked for are drawn.
    let before = -1;
    for (let i = 0; i < 30 && before !== (before = await frames()); i++) await page.waitForTimeout(1_000);
    // A window in which the hub ticks several times (its simulators step every second).
    await page.waitForTimeout(3_000);
    expect(await frames()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
