// Health scene (健康码), module-specific checks: the panels agree with the hub's REST snapshots, the
// alert list matches the districts in alert, and the twin's tooltips name districts and checkpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pointInGeometry } from '../scripts/lib/geo-utils.mjs';
import type { DistrictsResponse } from '../src/hub/contract.ts';
import type { HealthCheckpoints, HealthDistricts } from '../src/hub/topics/health.ts';
import { regionStats } from './pixels.ts';
import { sceneWall } from './scene-wall.ts';

const wall = sceneWall({ scene: 'health' });
const hub = wall.hub;
let page: Page;
let errors: string[];

const topic = wall.topic;

const kmBetween = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 96, (a[1] - b[1]) * 111);

beforeAll(async () => {
  ({ page, errors } = await wall.open());
});

afterAll(() => wall.close());

describe('health scene', () => {
  it('draws the choropleth, the alert outlines and the checkpoints', async () => {
    const ids = await page.evaluate(() => window.__onescreenTwin!.layerIds);
    expect(ids).toEqual(expect.arrayContaining(['shares-fill', 'shares-labels', 'alerts-glow', 'alerts-line', 'alerts-labels', 'checkpoints-points']));
    await expect(page.locator('[data-testid=legend-shares] .legend__ticks').textContent()).resolves.toContain('%');
    await expect(page.locator('[data-testid=legend-alerts]').textContent()).resolves.toContain('红色预警');
  });

  it('the code panel shows the hub totals in 万人, the trend chart draws', async () => {
    await page.waitForSelector('[data-testid=health-code-green] .kpi__value');
    const snap = await topic<HealthDistricts>('health.districts');
    const green = Number((await page.textContent('[data-testid=health-code-green] .kpi__value'))!.replace(/[^\d.]/g, ''));
    // Codes drift slowly between the snapshot and the panel's last push: within 0.1 %.
    expect(Math.abs(green - snap.totals.green / 1e4) / (snap.totals.green / 1e4)).toBeLessThan(0.001);
    await expect(page.textContent('[data-testid=health-code-green]')).resolves.toContain('万人');
    const box = (await page.locator('[data-testid=chart-health-trend]').boundingBox())!;
    expect((await regionStats(page, box, [16, 30, 58])).distinctColours).toBeGreaterThan(8);
  });

  it('the alert panel lists the districts in alert, or says there are none', async () => {
    await page.waitForSelector('[data-testid=health-alerts], [data-testid=health-alerts-empty]');
    const snap = await topic<HealthDistricts>('health.districts');
    const inAlert = snap.districts.filter((d) => d.alert);
    if (inAlert.length === 0) {
      await expect(page.textContent('[data-testid=health-alerts-empty]')).resolves.toContain('暂无预警');
    } else {
      const rows = page.locator('[data-testid=health-alerts] .health-alerts__row');
      await expect(rows.count()).resolves.toBe(Math.min(4, inAlert.length));
      const levels = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.level));
      for (const level of levels) expect(inAlert.map((d) => d.alert!.level)).toContain(level);
    }
  });

  it('hovering a district names it with its codes; hovering a checkpoint names the place', async () => {
    const districts = (await (await fetch(`${hub.url}/api/v1/districts`)).json()) as DistrictsResponse;
    const checkpoints = await topic<HealthCheckpoints>('health.checkpoints');
    // A point inside Youyang (酉阳) well away from any checkpoint, so the choropleth is picked.
    const youyang = districts.features.find((f) => f.properties.code === '500242')!;
    const [cx, cy] = youyang.properties.center;
    let spot: [number, number] | null = null;
    for (let i = 0; i < 400 && !spot; i++) {
      const p: [number, number] = [cx + ((i % 20) - 10) * 0.02, cy + (Math.floor(i / 20) - 10) * 0.02];
      if (pointInGeometry(p, youyang.geometry) && checkpoints.checkpoints.every((c) => kmBetween(c.position, p) > 8)) spot = p;
    }
    expect(spot).not.toBeNull();
    const at = await page.evaluate((p) => window.__onescreenTwin!.project!(p), spot!);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('.twin-tooltip');
    await page.waitForFunction(() => /酉阳/.test(document.querySelector('.twin-tooltip')?.textContent ?? ''), null, { timeout: 20_000 });
    await expect(tooltip.innerText()).resolves.toMatch(/^酉阳.+\n绿码 [\d.]+ 万人 · 黄码 [\d.,]+ (万人|人) · 红码 [\d.,]+ (万人|人)\n非绿码占比 [\d.]+%/);

    // The busiest checkpoint standing alone (nothing within 6 km), outside the dense core.
    const lone = checkpoints.checkpoints
      .filter((c) => checkpoints.checkpoints.every((o) => o === c || kmBetween(o.position, c.position) > 6))
      .sort((a, b) => b.scansLastHour - a.scansLastHour)[0];
    const pt = await page.evaluate((p) => window.__onescreenTwin!.project!(p), lone.position as [number, number]);
    await page.mouse.move(pt.x, pt.y);
    await page.waitForFunction((name) => (document.querySelector('.twin-tooltip')?.textContent ?? '').startsWith(name), lone.name, { timeout: 20_000 });
    await expect(tooltip.innerText()).resolves.toMatch(/近1小时扫码 [\d,]+ 次/);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
