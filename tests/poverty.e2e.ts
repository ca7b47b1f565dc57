// Poverty scene (脱贫攻坚), module-specific checks: the totals agree with the hub, and tapping a key
// county drills down to its villages on the map and in the panel, and back out again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pointInGeometry } from '../scripts/lib/geo-utils.mjs';
import type { DistrictsResponse } from '../src/hub/contract.ts';
import type { PovertyDistricts, PovertyVillages } from '../src/hub/topics/poverty.ts';
import { changedShare, waitFrames } from './pixels.ts';
import { sceneWall } from './scene-wall.ts';

const wall = sceneWall({ scene: 'poverty' });
const hub = wall.hub;
let page: Page;
let errors: string[];

const topic = wall.topic;

const CHENGKOU = '500229';

beforeAll(async () => {
  ({ page, errors } = await wall.open());
});

afterAll(() => wall.close());

describe('poverty scene', () => {
  it('shows the hub totals and prompts for a tap', async () => {
    await page.waitForSelector('[data-testid=kpi-poverty-households] .kpi__value');
    const snap = await topic<PovertyDistricts>('poverty.districts');
    await expect(page.textContent('[data-testid=kpi-poverty-households] .kpi__value')).resolves.toBe(`${(snap.totals.households / 1e4).toFixed(1)}万户`);
    await expect(page.textContent('[data-testid=kpi-poverty-villages] .kpi__value')).resolves.toBe(`${snap.totals.villages.toLocaleString('zh-CN')}个`);
    await expect(page.textContent('[data-testid=poverty-villages-prompt]')).resolves.toContain('点击区县查看脱贫村');
    const ids = await page.evaluate(() => window.__onescreenTwin!.layerIds);
    expect(ids).toEqual(expect.arrayContaining(['households-districts', 'households-columns', 'pairs-arcs', 'villages-points']));
  });

  it('tapping Chengkou drills down to its villages on the map and in the panel, and back out', async () => {
    const villages = (await topic<PovertyVillages>('poverty.villages')).villages.filter((v) => v.districtCode === CHENGKOU);
    expect(villages.length).toBeGreaterThanOrEqual(15);
    const largest = [...villages].sort((a, b) => b.households - a.households)[0];

    // A point of the county east of its column (the pairing arc comes in from the south-west).
    const districts = (await (await fetch(`${hub.url}/api/v1/districts`)).json()) as DistrictsResponse;
    const chengkou = districts.features.find((f) => f.properties.code === CHENGKOU)!;
    const [cx, cy] = chengkou.properties.center;
    const spot = [0.12, 0.1, 0.08, 0.15].map((d) => [cx + d, cy] as [number, number]).find((p) => pointInGeometry(p, chengkou.geometry));
    expect(spot).toBeDefined();
    // The area around the county, before and after the tap.
    const at = await page.evaluate((p) => window.__onescreenTwin!.project!(p), spot!);
    const clip = { x: Math.max(0, at.x - 90), y: Math.max(0, at.y - 70), width: 180, height: 140 };
    const before = await page.screenshot({ clip });
    await page.mouse.click(at.x, at.y);
    const panel = page.locator('[data-testid=poverty-villages]');
    await panel.waitFor({ timeout: 20_000 });
    await expect(panel.getAttribute('data-district')).resolves.toBe(CHENGKOU);
    await expect(panel.locator('.poverty-villages__head strong').textContent()).resolves.toBe('城口县');
    await expect(panel.locator('li').first().locator('.poverty-villages__name').textContent()).resolves.toBe(largest.name);
    await expect(panel.locator('li').first().textContent()).resolves.toContain(`${largest.households} 户`);
    await expect(page.locator('[data-testid=legend-villages]').textContent()).resolves.toContain('特色产业');

    await waitFrames(page, 2);
    const after = await page.screenshot({ clip });
    // The villages appear and the rest of the city dims: the county's surroundings change.
    expect(await changedShare(page, before, after)).toBeGreaterThan(0.05);

    await page.locator('[data-testid=district-card] button').click();
    await page.waitForSelector('[data-testid=poverty-villages-prompt]', { timeout: 10_000 });
    await expect(page.locator('[data-testid=legend-villages]').count()).resolves.toBe(0);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
