// The government-services scene, module-specific checks: KPIs agree with the hub, the halls layer
// names a hall on hover, the licence and timeliness panels show every category.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { regionStats } from './pixels.ts';
import { sceneWall } from './scene-wall.ts';

const wall = sceneWall({ scene: 'gov' });
const hub = wall.hub;
let page: Page;
let errors: string[];

type Gov = {
  usersTotal: number;
  licences: { name: string }[];
  categories: { name: string }[];
  halls: { id: string; name: string; position: [number, number] }[];
};
const snapshot = async () => ((await (await fetch(`${hub.url}/api/v1/topics/gov.services`)).json()) as { data: Gov }).data;

beforeAll(async () => {
  ({ page, errors } = await wall.open());
});

afterAll(() => wall.close());

describe('gov scene', () => {
  it('shows the hub’s registered users (万人) and a plausible online share', async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const expected = ((await snapshot()).usersTotal / 1e4).toFixed(1);
      const shown = (await page.textContent('[data-testid=gov-users] .kpi__value')) ?? '';
      if (shown.startsWith(expected)) break;
      if (Date.now() > deadline) throw new Error(`panel ${shown} vs hub ${expected}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await page.textContent('[data-testid=gov-users] .kpi__value')).toMatch(/万人$/);
    const share = Number((await page.textContent('[data-testid=gov-online-share] .kpi__value'))!.replace('%', ''));
    expect(share).toBeGreaterThan(50);
    expect(share).toBeLessThanOrEqual(100);
  });

  it('lists all twelve licence categories and charts handling time for every matter category', async () => {
    const g = await snapshot();
    const licences = await page.locator('[data-testid=gov-licences] li').allInnerTexts();
    expect(licences).toHaveLength(12);
    for (const l of g.licences) expect(licences.some((t) => t.startsWith(l.name))).toBe(true);
    const chart = (await page.locator('[data-testid=chart-gov-timeliness]').boundingBox())!;
    expect((await regionStats(page, chart, [16, 30, 58])).distinctColours).toBeGreaterThan(8);
    expect(g.categories).toHaveLength(10);
  });

  it('names a service hall on hover: Chengkou, alone in the far north', async () => {
    const hall = (await snapshot()).halls.find((h) => h.id === 'd500229')!;
    const point = await page.evaluate((p) => window.__onescreenTwin!.project!(p), hall.position);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.twin-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 20_000 });
    const lines = (await tooltip.innerText()).split('\n');
    expect(lines[0]).toBe(hall.name);
    expect(lines.at(-1)).toMatch(/^今日办结 [\d,]+ 件 · 好评率 \d+\.\d\d%$/);
    await page.mouse.move(5, 700);
  });

  it('has legends for the halls (wait bands) and the choropleth (件/万人), and raised no page errors', async () => {
    const legends = await page.locator('[data-testid=legends]').innerText();
    expect(legends).toContain('>30 分钟');
    expect(legends).toContain('件/万人');
    expect(errors).toEqual([]);
  });
});
