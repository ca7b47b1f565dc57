import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { regionStats } from './pixels.ts';

const h = useHarness();
const { hub } = h;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await h.openPage('/wall?anim=0'));
  await waitForTwin(page);
});

describe('the wall', () => {
  it('draws Chongqing: the twin between the columns is neither blank nor flat', async () => {
    // The middle of the screen, between the two panel columns (420 design px at scale 2/3).
    const stats = await regionStats(page, { x: 320, y: 80, width: 640, height: 560 });
    expect(stats.nonBackground).toBeGreaterThan(0.25);
    // Extruded, shaded, colour-ramped districts plus labels: many colours, not a flat fill.
    expect(stats.distinctColours).toBeGreaterThan(40);
    const status = await page.evaluate(() => window.__onescreenTwin);
    expect(status?.sceneReady).toBe('overview');
    expect(status?.deckFrames).toBeGreaterThan(1);
  });

  it('renders the WebGL canvas at native resolution while the DOM is scaled', async () => {
    const sizes = await page.evaluate(() => {
      const canvas = document.querySelector('.twin canvas') as HTMLCanvasElement;
      const dom = document.querySelector('.wall-dom') as HTMLElement;
      return { canvasWidth: canvas.width, canvasHeight: canvas.height, scale: Number(dom.dataset.scale) };
    });
    expect(sizes.canvasWidth).toBe(1280);
    expect(sizes.canvasHeight).toBe(720);
    expect(sizes.scale).toBeCloseTo(720 / 1080, 2);
  });

  it('shows the frame: title, a ticking clock and a live badge with the data age', async () => {
    await expect(page.textContent('h1')).resolves.toContain('城市运行管理中心');
    const before = await page.textContent('[data-testid=clock] strong');
    await page.waitForFunction((b) => document.querySelector('[data-testid=clock] strong')?.textContent !== b, before, {
      timeout: 5000,
    });
    await page.waitForSelector('[data-testid=connection-badge][data-status=live]');
    await expect(page.textContent('[data-testid=data-age]')).resolves.toMatch(/刚刚|秒前/);
  });

  it('fills the panels from the hub and keeps them moving', async () => {
    for (const kind of ['systems', 'data-calls', 'cloud', 'gov', 'district-ranking']) {
      await page.waitForSelector(`[data-testid="panel-overview.${kind}"] .panel__body :not(.panel__waiting)`);
    }
    expect(await page.locator('[data-testid=chart-systems] canvas').count()).toBe(1);
    // Figures from the hub, not placeholders: the hub snapshot and the panel agree.
    const snapshot = await (await fetch(`${hub.url}/api/v1/topics/overview`)).json();
    const users = await page.textContent('[data-testid=kpi-gov-users] .kpi__value');
    expect(users).toContain(String(Math.round(snapshot.data.govServiceUsers / 1e4)));
    const total = await page.textContent('[data-testid=kpi-data-calls-total] .kpi__value');
    expect(total).toMatch(/^\d+\.\d\d亿次$/);
    // Every chart panel drew something on its canvas.
    for (const id of ['chart-systems', 'chart-data-calls', 'chart-cloud', 'chart-district-ranking']) {
      const box = (await page.locator(`[data-testid=${id}]`).boundingBox())!;
      const stats = await regionStats(page, box, [16, 30, 58]);
      expect(stats.distinctColours, id).toBeGreaterThan(8);
    }
    // Live: the matters-handled figure changes as the hub pushes new overview events.
    const matters = () => page.locator('[data-testid="panel-overview.gov"] .kpi__value').nth(1).textContent();
    const first = await matters();
    await page.waitForFunction(
      (f) => document.querySelectorAll('[data-testid="panel-overview.gov"] .kpi__value')[1]?.textContent !== f,
      first,
      { timeout: 30_000 },
    );
  });

  it('names the districts in a hover tooltip and a tap card, as text', async () => {
    // 渝北区 (Yubei), a large district north of the core.
    const point = await page.evaluate(() => window.__onescreenTwin!.project!([106.73, 29.78]));
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.twin-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(tooltip.innerText()).resolves.toMatch(/(区|县) .+\n今日数据调用 [\d.]+ 万次/);
    await page.mouse.click(point.x, point.y);
    const card = page.locator('[data-testid=district-card]');
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('h3').textContent()).resolves.toMatch(/(区|县)/);
    await expect(card.innerHTML()).resolves.not.toContain('<script');
    await card.locator('button').click();
    await card.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
