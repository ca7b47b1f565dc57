// The traffic scene, module-specific checks: congestion panels agree with the hub, roads draw where
// the network is and name themselves on hover, the fleet travels as binary frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { regionStats } from './pixels.ts';
import { sceneWall } from './scene-wall.ts';
import { TEST_SIZES } from './servers.ts';

const wall = sceneWall({
  scene: 'traffic',
  beforeGoto: (page) => page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => typeof payload !== 'string' && binaryFrames.push(payload.length))),
});
const hub = wall.hub;
let page: Page;
let errors: string[];
/** Sizes of binary websocket frames the page received. */
const binaryFrames: number[] = [];

type Road = { id: string; name: string; class: string; path: [number, number][] };
type Congestion = { city: { index: number; vehiclesOnline: number }; top: { name: string }[]; incidents: { position: [number, number] }[] };
const rest = async <T>(topic: string): Promise<{ status: number; body: { data: T } }> => {
  const res = await fetch(`${hub.url}/api/v1/topics/${topic}`);
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  ({ page, errors } = await wall.open());
});

afterAll(() => wall.close());

describe('traffic scene', () => {
  it('serves the network and congestion as snapshots, the fleet live only', async () => {
    const roads = await rest<{ roads: Road[] }>('traffic.roads');
    expect(roads.status).toBe(200);
    expect(roads.body.data.roads.length).toBeGreaterThan(300);
    expect((await rest('traffic.vehicles')).status).toBe(404);
  });

  it('shows the hub’s city index and worst road, and the fleet size', async () => {
    // Congestion moves every 2 s: compare the panel with snapshots until they agree.
    const deadline = Date.now() + 30_000;
    let shown = '';
    let expected = '';
    for (;;) {
      const { body } = await rest<Congestion>('traffic.congestion');
      expected = body.data.city.index.toFixed(1);
      shown = (await page.textContent('[data-testid=traffic-city-index]'))?.trim() ?? '';
      const top = (await page.textContent('[data-testid=traffic-top-roads]')) ?? '';
      if (shown === expected && top.includes(body.data.top[0].name)) break;
      if (Date.now() > deadline) throw new Error(`panel ${shown} vs hub ${expected}; top ${body.data.top[0].name} not in "${top}"`);
      await new Promise((r) => setTimeout(r, 300));
    }
    await expect(page.textContent('[data-testid=traffic-vehicles-online] .kpi__value')).resolves.toContain(
      Number(TEST_SIZES.HUB_TRAFFIC_VEHICLES).toLocaleString('zh-CN'),
    );
    const chart = (await page.locator('[data-testid=chart-traffic-trend]').boundingBox())!;
    expect((await regionStats(page, chart, [16, 30, 58])).distinctColours).toBeGreaterThan(6);
  });

  it('receives the fleet as binary frames: float32 lon/lat pairs and a uint8 speed column', async () => {
    const vehicles = Number(TEST_SIZES.HUB_TRAFFIC_VEHICLES);
    const deadline = Date.now() + 20_000;
    while (!(binaryFrames.includes(vehicles * 8) && binaryFrames.includes(vehicles)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(binaryFrames).toContain(vehicles * 8);
    expect(binaryFrames).toContain(vehicles);
    const ids = await page.evaluate(() => window.__onescreenTwin!.layerIds);
    expect(ids).toEqual(expect.arrayContaining(['roads-paths', 'vehicles-points', 'incidents-markers']));
  });

  it('draws a main road where the network has it, and names it on hover as text', async () => {
    const { body } = await rest<{ roads: Road[] }>('traffic.roads');
    const incidents = (await rest<Congestion>('traffic.congestion')).body.data.incidents;
    const names = new Set(body.data.roads.map((r) => r.name));
    // A main-road vertex in the open middle of the screen, away from incident markers.
    let target: { x: number; y: number } | null = null;
    const candidates = body.data.roads.filter((r) => r.class !== 'local').flatMap((r) => r.path.slice(1, -1));
    for (const p of candidates) {
      const s = await page.evaluate((lonLat) => window.__onescreenTwin!.project!(lonLat), p);
      if (s.x < 380 || s.x > 900 || s.y < 160 || s.y > 520) continue;
      let clear = true;
      for (const x of incidents) {
        const q = await page.evaluate((lonLat) => window.__onescreenTwin!.project!(lonLat), x.position);
        if (Math.hypot(q.x - s.x, q.y - s.y) < 30) clear = false;
      }
      if (clear) {
        target = s;
        break;
      }
    }
    expect(target).not.toBeNull();
    const { x, y } = target!;
    // With the layers hidden the spot is (nearly) background; with them, road colour is there.
    const clip = { x: x - 6, y: y - 6, width: 12, height: 12 };
    await page.evaluate(() => window.__onescreenTwin!.setLayersHidden!(true));
    const start = await page.evaluate(() => window.__onescreenTwin!.deckFrames);
    await page.waitForFunction((s) => window.__onescreenTwin!.deckFrames > s, start, { timeout: 30_000 });
    const bare = await regionStats(page, clip);
    await page.evaluate(() => window.__onescreenTwin!.setLayersHidden!(false));
    const again = await page.evaluate(() => window.__onescreenTwin!.deckFrames);
    await page.waitForFunction((s) => window.__onescreenTwin!.deckFrames > s + 1, again, { timeout: 30_000 });
    const drawn = await regionStats(page, clip);
    expect(drawn.nonBackground).toBeGreaterThan(bare.nonBackground);

    await page.mouse.move(x, y);
    const tooltip = page.locator('.twin-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await tooltip.innerText();
    const [first, second] = text.split('\n');
    expect(names.has(first.split('  ')[0])).toBe(true);
    expect(first).toMatch(/ {2}(快速路|主干路|支路)/);
    expect(second).toMatch(/^拥堵指数 \d+\.\d (畅通|基本畅通|轻度拥堵|中度拥堵|严重拥堵)$/);
    // Text only: deck turns line breaks into <br>, nothing else may be markup.
    expect((await tooltip.innerHTML()).replace(/<br>/g, '')).not.toContain('<');
    await page.mouse.move(5, 700);
  });

  it('has legends with units for roads, vehicles and incidents, and raised no page errors', async () => {
    const legends = await page.locator('[data-testid=legends]').innerText();
    expect(legends).toContain('严重拥堵 8–10');
    expect(legends).toContain('km/h');
    expect(legends).toContain('交通事故');
    expect(errors).toEqual([]);
  });
});
