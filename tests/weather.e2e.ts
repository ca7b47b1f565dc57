// Weather scene (智慧气象), module-specific checks: the radar draws rain where the hub's grid has it,
// the panels agree with the hub's REST snapshots, stations and districts explain themselves in
// tooltips, and the rain layer keeps animating when animation is on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RadarSchema, rainRateOf, type RadarWire, type WeatherStations, type WeatherWarnings } from '../src/hub/topics/weather.ts';
import { EDGE_FADE_CELLS } from '../src/modules/weather/layers/rain.ts';
import { changedShare, meanColour, regionStats, waitFrames } from './pixels.ts';
import { sceneWall } from './scene-wall.ts';

const VIEW = { width: 1280, height: 720 };
const wall = sceneWall({ scene: 'weather', viewport: VIEW });
let client: { url: string };
let page: Page;
let errors: string[];
const { inMiddle, project, topic } = wall;

beforeAll(async () => {
  ({ client, page, errors } = await wall.open());
});

afterAll(() => wall.close());

describe('weather scene', () => {
  it('draws the warnings, the radar image and the stations, with their legends', async () => {
    const ids = await page.evaluate(() => window.__onescreenTwin!.layerIds);
    expect(ids).toEqual(expect.arrayContaining(['warnings-fill', 'rain-image', 'stations-points']));
    const warningLegend = await page.locator('[data-testid=legend-warnings] .legend__items').innerText();
    expect(warningLegend.replace(/\s+/g, ' ')).toMatch(/蓝色预警.*黄色预警.*橙色预警.*红色预警/);
    await expect(page.locator('[data-testid=legend-rain]').textContent()).resolves.toContain('mm/h');
    await expect(page.locator('[data-testid=legend-stations]').textContent()).resolves.toContain('°C');
  });

  it('paints rain where the hub’s radar grid has it', async () => {
    const wire = await topic<RadarWire>('weather.radar');
    const radar = RadarSchema.parse(wire);
    const { bbox, cols, rows } = radar.grid;
    // The wettest cell that is on screen between the columns, at least 1 mm/h.
    let best: { q: number; lonLat: [number, number]; p: { x: number; y: number } } | null = null;
    // Away from the grid's edge, where the picture fades out (the end of radar coverage).
    const inner = (i: number) => Math.min(i % cols, cols - 1 - (i % cols), Math.floor(i / cols), rows - 1 - Math.floor(i / cols)) >= EDGE_FADE_CELLS;
    const candidates = [...radar.values.keys()].filter((i) => inner(i) && rainRateOf(radar.values[i]) >= 1).sort((a, b) => radar.values[b] - radar.values[a]);
    for (const i of candidates.slice(0, 200)) {
      const lonLat: [number, number] = [bbox[0] + ((i % cols) + 0.5) * ((bbox[2] - bbox[0]) / cols), bbox[3] - (Math.floor(i / cols) + 0.5) * ((bbox[3] - bbox[1]) / rows)];
      const p = await project(lonLat);
      if (inMiddle(p)) {
        best = { q: radar.values[i], lonLat, p };
        break;
      }
    }
    if (!best) {
      console.warn(`weather.e2e: no rain ≥ 1 mm/h on screen right now (max ${wire.maxRateMmh} mm/h); skipping the pixel check`);
      return;
    }
    // Rain colours (cyan, greens, yellow, orange, red) are bright; the dark navy base is not.
    const [r, g, b] = await meanColour(page, best.p.x, best.p.y);
    expect(Math.max(r, g), `colour at ${best.lonLat} (${rainRateOf(best.q).toFixed(1)} mm/h): ${[r, g, b].map(Math.round)}`).toBeGreaterThan(90);
  });

  it('the four-day panel counts the stations online and the warnings as the hub does', async () => {
    await page.waitForSelector('[data-testid=kpi-stations-online]');
    const stations = await topic<WeatherStations>('weather.stations');
    const online = stations.stations.filter((s) => s.online).length;
    await expect(page.textContent('[data-testid=kpi-stations-online]')).resolves.toContain(`${online}/${stations.stations.length}`);
    const warnings = await topic<WeatherWarnings>('weather.warnings');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=kpi-active-warnings]')?.textContent?.startsWith(String(n)),
      warnings.active.length,
      { timeout: 40_000 },
    );
  });

  it('the warnings panel lists the signals in force, newest first, or says there are none', async () => {
    const warnings = await topic<WeatherWarnings>('weather.warnings');
    if (!warnings.active.length) {
      await expect(page.textContent('[data-testid=weather-no-warnings]')).resolves.toContain('当前无生效预警');
      return;
    }
    const rows = page.locator('[data-testid=weather-warning-list] li');
    await expect(rows.count()).resolves.toBe(Math.min(5, warnings.active.length));
    await expect(rows.first().getAttribute('data-level')).resolves.toBe(warnings.active[0].level);
    await expect(rows.first().textContent()).resolves.toMatch(/(暴雨|大风|高温|大雾)(蓝|黄|橙|红)色预警/);
  });

  it('the forecast chart draws, with °C and mm axes', async () => {
    const box = (await page.locator('[data-testid=chart-weather-forecast]').boundingBox())!;
    expect((await regionStats(page, box, [16, 30, 58])).distinctColours).toBeGreaterThan(8);
    await expect(page.textContent('[data-testid=forecast-summary]')).resolves.toMatch(/°C.*%.*mm/);
  });

  it('hovering a station shows its readings with units, as text', async () => {
    const stations = await topic<WeatherStations>('weather.stations');
    for (const s of stations.stations) {
      const p = await project(s.position);
      if (!inMiddle(p)) continue;
      const tooltip = await wall.hoverTooltip(p);
      if (!tooltip) continue; // covered by a neighbour's label: try the next station
      const text = await tooltip.innerText();
      if (!text.includes('气温')) continue;
      expect(text).toMatch(/海拔 \d+ m/);
      expect(text).toMatch(/气温 -?[\d.]+ °C · 相对湿度 \d+ %/);
      expect(text).toMatch(/1小时雨量 [\d.]+ mm/);
      expect(text).toMatch(/风 [\d.]+ m\/s/);
      // Plain text: the only markup is the line breaks innerText makes.
      await expect(tooltip.innerHTML()).resolves.not.toMatch(/<(?!br>)[a-z]/i);
      return;
    }
    throw new Error('no station could be hovered');
  });

  it('rain falls in 3D where the radar has it, and nowhere it is dry', async () => {
    const radar = RadarSchema.parse(await topic<RadarWire>('weather.radar'));
    const { bbox, cols, rows } = radar.grid;
    const cellCentre = (i: number): [number, number] => [
      bbox[0] + ((i % cols) + 0.5) * ((bbox[2] - bbox[0]) / cols),
      bbox[3] - (Math.floor(i / cols) + 0.5) * ((bbox[3] - bbox[1]) / rows),
    ];
    const inner = (i: number, margin: number) => Math.min(i % cols, cols - 1 - (i % cols), Math.floor(i / cols), rows - 1 - Math.floor(i / cols)) >= margin;
    /** Whether every cell within `r` cells of i is dry. */
    const dryAround = (i: number, r: number) => {
      const [c0, r0] = [i % cols, Math.floor(i / cols)];
      for (let dr = -r; dr <= r; dr++) for (let dc = -r; dc <= r; dc++) if (radar.values[(r0 + dr) * cols + c0 + dc] > 0) return false;
      return true;
    };
    const cells = [...radar.values.keys()];
    const wet = cells.filter((i) => inner(i, EDGE_FADE_CELLS + 2) && rainRateOf(radar.values[i]) >= 1).sort((a, b) => radar.values[b] - radar.values[a])[0];
    const dry = cells.find((i) => inner(i, 14) && dryAround(i, 12));
    expect(await page.evaluate(() => window.__onescreenTwin!.cityStats!().rain)).toBe(radar.values.some((q) => q > 0));
    // A close oblique view (as an operator would fly in), a region small enough to keep 2-px streaks.
    const region = { x: VIEW.width / 2 - 100, y: VIEW.height / 2 - 90, width: 200, height: 150 };
    const streakShare = async (centre: [number, number]) => {
      await page.evaluate((c) => window.__onescreenTwin!.jumpTo!({ center: c, zoom: 9.5, pitch: 55, bearing: 0 }), centre);
      await waitFrames(page, 2);
      const withRain = await page.screenshot({ clip: region });
      await page.evaluate(() => window.__onescreenTwin!.setEffectsHidden!(true));
      await waitFrames(page, 2);
      const without = await page.screenshot({ clip: region });
      await page.evaluate(() => window.__onescreenTwin!.setEffectsHidden!(false));
      return changedShare(page, withRain, without);
    };
    try {
      if (wet === undefined) console.warn('weather.e2e: no rain ≥ 1 mm/h inside the radar grid right now; skipping the wet check');
      else expect(await streakShare(cellCentre(wet)), `streaks over ${cellCentre(wet)}`).toBeGreaterThan(0.01);
      if (dry !== undefined) expect(await streakShare(cellCentre(dry)), `streaks over dry ${cellCentre(dry)}`).toBeLessThan(0.001);
    } finally {
      await page.evaluate(() => window.__onescreenTwin!.flyHome!());
      await waitFrames(page, 2);
    }
  });

  it('with animation on, the radar keeps drawing frames', async () => {
    await page.goto(`${client.url}/wall?scene=weather`);
    await page.waitForFunction(() => document.documentElement.dataset.sceneReady === 'weather', null, { timeout: 60_000 });
    const before = await page.evaluate(() => window.__onescreenTwin!.deckFrames);
    await page.waitForFunction((b) => window.__onescreenTwin!.deckFrames >= b + 3, before, { timeout: 30_000 });
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
