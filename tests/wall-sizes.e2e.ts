import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchBrowser, waitForTwin } from './browser.ts';
import { startClient, testHub } from './servers.ts';

const hub = testHub(18789);
let client: Awaited<ReturnType<typeof startClient>>;
let browser: Browser;

beforeAll(async () => {
  await hub.start();
  client = await startClient(15175, hub.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await client?.stop();
  await hub.stop();
});

/** Where the panels and the canvas land on a wall of this size. */
async function measure(width: number, height: number) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const errors = collectPageErrors(page);
  await page.goto(`${client.url}/wall?anim=0`);
  await waitForTwin(page, 110_000);
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
    };
  });
  await page.close();
  return { ...m, errors };
}

describe('wall sizes', () => {
  for (const [width, height] of [
    [3840, 2160],
    [7680, 2160],
  ] as const) {
    it(`fills ${width}×${height} with no letterbox, panels inside, canvas at native resolution`, async () => {
      const m = await measure(width, height);
      expect(m.errors).toEqual([]);
      expect(m.canvas).toEqual([width, height]);
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
    });
  }
});
