// The center's loop end to end, in headless Chromium against the real hub (PGlite in a data
// directory): a sensor reading crosses a threshold → an alert and an event on the wall (beacon,
// ticker, list, the camera flies there and back) → the console dispatches, handles, verifies and
// closes it → the wall shows each state → the hub restarts and all of it is still there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { regionStats } from './pixels.ts';

const KEY = 'events-e2e-ingest-key-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'onescreen-events-'));
// No simulated sources: this test's reading is the only thing that happens. The hub restarts on the same port.
const h = useHarness({ hubEnv: { HUB_DATA_DIR: dataDir, HUB_EVENTS_RATE: '0', HUB_INGEST_KEY: KEY } });
let wall: Page;
let desk: Page;
const errors: string[] = [];
const PLACE = { kind: 'site', id: 'lp-e2e-1', name: '测试下穿道', district: '500103', position: [106.5772, 29.5574] as [number, number] };
let eventId = '';

afterAll(async () => {
  await h.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeAll(async () => {
  const w = await h.openPage('/wall?scene=events&anim=0');
  wall = w.page;
  await waitForTwin(wall, 180_000);
  await wall.waitForSelector('.wall[data-scene=events]', { timeout: 60_000 });
  await wall.waitForSelector('[data-testid=connection-badge][data-status=live]', { timeout: 60_000 });
  const c = await h.openPage('/console#events', { width: 1280, height: 800 });
  desk = c.page;
  await desk.fill('[data-testid=user]', 'operator');
  await desk.fill('[data-testid=password]', 'onescreen');
  await desk.click('[data-testid=sign-in-submit]');
  await desk.waitForSelector('[data-testid=events-desk]', { timeout: 30_000 });
  errors.push(...w.errors, ...c.errors);
  wall.on('pageerror', (e) => errors.push(e.message));
  desk.on('pageerror', (e) => errors.push(e.message));
}, 300_000);

const camera = () => wall.evaluate(() => window.__onescreenTwin!.camera!());
const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

async function postReadings(values: { value: number; agoS: number }[]) {
  const readings = values.map((v) => ({ metric: 'waterlogging', place: PLACE, value: v.value, time: Date.now() - v.agoS * 1000 }));
  const res = await fetch(`${h.hub.url}/api/v1/readings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ingest-key': KEY },
    body: JSON.stringify({ readings }),
  });
  expect(res.status).toBe(202);
}

/** One step at the console: the action's button, its form, confirm; then the detail shows the new status. */
async function step(action: string, status: string, fill?: () => Promise<void>) {
  await desk.click(`[data-testid=event-action-${action}]`);
  await fill?.();
  await desk.click('[data-testid=event-submit]');
  await desk.waitForSelector(`[data-testid=event-detail][data-status=${status}]`, { timeout: 30_000 });
  // The wall got the change through its board: its detail card follows the event.
  await wall.waitForSelector(`[data-testid=events-detail][data-event="${eventId}"][data-status=${status}]`, { timeout: 30_000 });
}

describe('events: early warning → dispatch → closed, on the wall and at the console', () => {
  it('a reading past the red threshold raises an alert and opens an event: beacon, ticker, list, and the camera flies there and back', async () => {
    const home = await camera();
    // Held above 50 cm for longer than the rule's minimum duration.
    await postReadings([
      { value: 55, agoS: 200 },
      { value: 58, agoS: 0 },
    ]);
    await wall.waitForFunction((name) => document.querySelector('[data-testid=events-ticker]')?.textContent?.includes(name), PLACE.name, { timeout: 30_000 });
    const row = await wall.waitForSelector('[data-testid=events-list] [data-id][data-level=red]', { timeout: 30_000 });
    eventId = (await row.getAttribute('data-id'))!;
    expect(eventId).toMatch(/^EV-\d{8}-\d{5}$/);

    // Attention: the camera goes to the place, then home again.
    await wall.waitForFunction(
      ([lon, lat]) => {
        const c = window.__onescreenTwin!.camera!().center;
        return Math.hypot(c[0] - lon, c[1] - lat) < 0.01;
      },
      PLACE.position,
      { timeout: 30_000, polling: 200 },
    );
    await wall.waitForFunction(
      ([lon, lat]) => {
        const c = window.__onescreenTwin!.camera!().center;
        return Math.hypot(c[0] - lon, c[1] - lat) < 0.001;
      },
      home.center,
      { timeout: 60_000, polling: 200 },
    );
    expect(distance((await camera()).center, home.center)).toBeLessThan(0.001);

    // The beacon is drawn at the place: only the alerts layer, pixels around its point.
    await wall.evaluate(() => window.__onescreenTwin!.setOnlyLayers!(['alerts']));
    const p = await wall.evaluate((pos) => window.__onescreenTwin!.project!(pos), PLACE.position);
    const frames = await wall.evaluate(() => window.__onescreenTwin!.deckFrames);
    await wall.waitForFunction((f) => window.__onescreenTwin!.deckFrames > f + 1, frames, { timeout: 30_000 });
    const near = await regionStats(wall, { x: Math.round(p.x) - 20, y: Math.round(p.y) - 20, width: 40, height: 40 });
    await wall.evaluate(() => window.__onescreenTwin!.setOnlyLayers!(null));
    expect(near.nonBackground).toBeGreaterThan(0.05);
  });

  it('the console takes the event through every step; the wall shows each state', async () => {
    await desk.waitForSelector(`[data-testid=event-row][data-id="${eventId}"]`, { timeout: 30_000 });
    await desk.click(`[data-testid=event-row][data-id="${eventId}"]`);
    await desk.waitForSelector(`[data-testid=event-detail][data-id="${eventId}"][data-status=reported]`);
    // Show on wall: every display of the wall flies there and highlights it; the detail card shows it.
    await desk.click('[data-testid=event-show-on-wall]');
    await wall.waitForSelector(`[data-testid=events-detail][data-event="${eventId}"][data-status=reported]`, { timeout: 30_000 });

    await step('accept', 'accepted');
    await step('dispatch', 'dispatched', async () => {
      const options = await desk.locator('[data-testid=event-department] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      await desk.selectOption('[data-testid=event-department]', options[0]);
    });
    await step('start', 'in-progress');
    await step('handle', 'handled', () => desk.fill('[data-testid=event-feedback]', '已抽排积水，恢复通行'));
    await step('verify', 'verified');
    await step('close', 'closed');
    const actions = await desk.locator('[data-testid=timeline-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['report', 'accept', 'dispatch', 'start', 'handle', 'verify', 'close']);
    // Today's figures on the wall count it closed.
    await wall.waitForFunction(() => /结案|Closed/.test(document.querySelector('[data-testid=events-figures]')?.textContent ?? ''), null, { timeout: 30_000 });
  });

  it('the hub restarts and all of it is still there: the event closed with its timeline, the alert, the audit log', async () => {
    await h.hub.stop();
    await wall.waitForSelector('[data-testid=connection-badge][data-status=offline]', { timeout: 60_000 });
    await h.hub.start();
    await wall.waitForSelector('[data-testid=connection-badge][data-status=live]', { timeout: 90_000 });
    await wall.waitForSelector(`[data-testid=events-detail][data-event="${eventId}"][data-status=closed]`, { timeout: 60_000 });
    expect(await wall.locator('[data-testid=events-ticker]').textContent()).toContain(PLACE.name);

    await desk.reload();
    // The restarted hub may or may not take the old session: wait for whichever screen comes.
    await desk.waitForSelector('[data-testid=sign-in-submit], [data-testid=events-desk]', { timeout: 30_000 });
    if (await desk.locator('[data-testid=sign-in-submit]').isVisible()) {
      await desk.fill('[data-testid=user]', 'operator');
      await desk.fill('[data-testid=password]', 'onescreen');
      await desk.click('[data-testid=sign-in-submit]');
    }
    await desk.waitForSelector('[data-testid=events-desk]');
    await desk.click('[data-testid=filter-open]');
    await desk.waitForSelector(`[data-testid=event-row][data-id="${eventId}"][data-status=closed]`, { timeout: 30_000 });
    await desk.click(`[data-testid=event-row][data-id="${eventId}"]`);
    await desk.waitForSelector('[data-testid=timeline-row][data-action=close]');
    await desk.click('[data-testid=desk-tab-audit]');
    await desk.waitForSelector('[data-testid=audit-row][data-action="event.close"]', { timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
