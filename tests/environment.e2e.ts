// Environment scene (生态环境), module-specific checks: the PM2.5 surface tints the municipality, the
// panels agree with the hub's REST snapshots, and sites explain their AQI in tooltips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Pm25GridSchema, type AirStations, type AirSummary, type Pm25GridWire } from '../src/hub/topics/environment.ts';
import { meanColour, regionStats } from './pixels.ts';
import { sceneWall } from './scene-wall.ts';

const VIEW = { width: 1280, height: 720 };
const wall = sceneWall({ scene: 'environment', viewport: VIEW });
let page: Page;
let errors: string[];
const { inMiddle, project, topic } = wall;

beforeAll(async () => {
  ({ page, errors } = await wall.open());
});

afterAll(() => wall.close());

describe('environment scene', () => {
  it('draws the PM2.5 surface and the sites, with legends in μg/m³ and the six AQI categories', async () => {
    const ids = await page.evaluate(() => window.__onescreenTwin!.layerIds);
    expect(ids).toEqual(expect.arrayContaining(['pm25-image', 'aqi-points', 'aqi-labels']));
    await expect(page.locator('[data-testid=legend-pm25]').textContent()).resolves.toContain('μg/m³');
    const cats = (await page.locator('[data-testid=legend-aqi] .legend__items').innerText()).replace(/\s+/g, ' ');
    expect(cats).toMatch(/优 0–50.*良 51–100.*轻度污染.*中度污染.*重度污染.*严重污染/);
  });

  it('the surface tints the municipality where the hub’s grid has data, away from the sites', async () => {
    const grid = Pm25GridSchema.parse(await topic<Pm25GridWire>('environment.pm25'));
    const sites = await topic<AirStations>('environment.stations');
    const { bbox, cols, rows } = grid.grid;
    const lonLatOf = (i: number): [number, number] => [bbox[0] + ((i % cols) + 0.5) * ((bbox[2] - bbox[0]) / cols), bbox[3] - (Math.floor(i / cols) + 0.5) * ((bbox[3] - bbox[1]) / rows)];
    const far = (ll: [number, number]) => sites.stations.every((s) => Math.hypot(s.position[0] - ll[0], s.position[1] - ll[1]) > 0.2);
    const cells = [...grid.values.keys()].filter((i) => grid.values[i] > 0 && far(lonLatOf(i))).sort((a, b) => grid.values[b] - grid.values[a]);
    expect(cells.length).toBeGreaterThan(50);
    let checked = 0;
    for (const i of cells) {
      const p = await project(lonLatOf(i));
      if (!inMiddle(p)) continue;
      // The land base is #0c1628 (12, 22, 40); even the cleanest air's teal lifts green and blue.
      const [, g, b] = await meanColour(page, p.x, p.y);
      expect(b, `at ${lonLatOf(i)}`).toBeGreaterThan(47);
      expect(g, `at ${lonLatOf(i)}`).toBeGreaterThan(28);
      if (++checked === 3) break;
    }
    expect(checked).toBe(3);
  });

  it('panels show the hub’s good-air days and the city AQI', async () => {
    await page.waitForSelector('[data-testid=kpi-good-days] .kpi__value');
    const summary = await topic<AirSummary>('environment.summary');
    await expect(page.textContent('[data-testid=kpi-good-days] .kpi__value')).resolves.toBe(`${summary.goodDays}天`);
    await expect(page.textContent('[data-testid=kpi-good-days]')).resolves.toContain(`of ${summary.daysElapsed} days`);
    // The city AQI is refreshed every minute: wait for the panel to show the snapshot's value.
    await page.waitForFunction((aqi) => document.querySelector('[data-testid=kpi-city-aqi]')?.textContent === String(aqi), summary.today.aqi, { timeout: 70_000 });
    for (const id of ['chart-environment-aqi-ranking', 'chart-environment-pm25-trend', 'chart-environment-good-days']) {
      const box = (await page.locator(`[data-testid=${id}]`).boundingBox())!;
      expect((await regionStats(page, box, [16, 30, 58])).distinctColours, id).toBeGreaterThan(8);
    }
    const counts = await page.locator('[data-testid=environment-categories] b').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe((await topic<AirStations>('environment.stations')).stations.length);
  });

  it('hovering a site names its AQI, category and pollutants, as text', async () => {
    const sites = await topic<AirStations>('environment.stations');
    for (const s of sites.stations.filter((x) => x.kind !== 'urban')) {
      const p = await project(s.position);
      if (!inMiddle(p)) continue;
      const tooltip = await wall.hoverTooltip(p);
      if (!tooltip) continue;
      const text = await tooltip.innerText();
      expect(text).toMatch(/AQI \d+ (优|良|轻度污染|中度污染|重度污染|严重污染) · 首要污染物 /);
      expect(text).toContain('μg/m³');
      expect(text).toContain('mg/m³');
      return;
    }
    throw new Error('no site could be hovered');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
