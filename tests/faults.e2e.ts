import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { regionStats } from './pixels.ts';

// The hub is stopped and started again below: on the same port, so the wall reconnects by itself.
const h = useHarness();
const { hub } = h;
let page: Page;
let errors: string[];

const TWIN_REGION = { x: 320, y: 80, width: 640, height: 560 };
const text = (id: string) => page.locator(`[data-testid=${id}]`).textContent();
const badgeStatus = (status: string, timeout = 30_000) =>
  page.waitForSelector(`[data-testid=connection-badge][data-status=${status}]`, { timeout });

async function inject(kind: string) {
  const res = await fetch(`${hub.url}/api/v1/sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
  expect(res.status).toBe(202);
}

beforeAll(async () => {
  ({ page, errors } = await h.openPage('/wall?anim=0&diag=1'));
  await waitForTwin(page);
  await badgeStatus('live');
});

describe('faults', () => {
  it('counts malformed hub messages in diagnostics, names the field, and keeps the last good picture', async () => {
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=diag-accepted]')?.textContent) > 0);
    expect(await text('diag-rejected')).toBe('0');
    const usersBefore = await text('kpi-gov-users');

    // After each fault the hub keeps the topic quiet for a few intervals, so the wall reads it even
    // when a slow frame holds its main thread.
    await inject('malformed-overview');
    await page.waitForFunction(() => document.querySelector('[data-testid=diag-rejected]')?.textContent === '1', null, {
      timeout: 10_000,
    });
    expect(await text('diag-last-error')).toMatch(/live\/overview: data\.(systemsConnected|govMattersToday)/);

    // One at a time: two bad events of one topic within one apply would be one read, one shed.
    await inject('wrong-shape-overview');
    await page.waitForFunction(() => document.querySelector('[data-testid=diag-rejected]')?.textContent === '2', null, {
      timeout: 10_000,
    });
    await inject('oversized-overview');
    await page.waitForFunction(() => document.querySelector('[data-testid=diag-rejected]')?.textContent === '3', null, {
      timeout: 10_000,
    });
    // The wall kept its picture and its figures, and still takes good data.
    expect(await text('kpi-gov-users')).toBe(usersBefore);
    expect(await page.getAttribute('[data-testid=connection-badge]', 'data-status')).toBe('live');
    const accepted = Number(await text('diag-accepted'));
    await page.waitForFunction((a) => Number(document.querySelector('[data-testid=diag-accepted]')?.textContent) > a, accepted, {
      timeout: 10_000,
    });
    expect((await regionStats(page, TWIN_REGION)).nonBackground).toBeGreaterThan(0.25);
  });

  it('sheds a flood: reads the newest event, counts the rest, says so on the badge, and stays live', async () => {
    const rejected = await text('diag-rejected');
    expect(await page.locator('[data-testid=shedding]').count()).toBe(0);
    await inject('flood-overview');
    await page.waitForSelector('[data-testid=shedding]', { timeout: 10_000 });
    // Thousands let go unread, none refused, and the link never dropped.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=diag-shed]')?.textContent) > 1000, null, { timeout: 10_000 });
    expect(await text('diag-rejected')).toBe(rejected);
    expect(await page.getAttribute('[data-testid=connection-badge]', 'data-status')).toBe('live');
    // The flood over, the wall is not behind: the mark goes and ordinary events are applied again.
    await page.waitForSelector('[data-testid=shedding]', { state: 'detached', timeout: 15_000 });
    const accepted = Number(await text('diag-accepted'));
    await page.waitForFunction((a) => Number(document.querySelector('[data-testid=diag-accepted]')?.textContent) > a, accepted, { timeout: 10_000 });
  });

  it('shows offline with the data age when the hub stops, keeps the picture, and comes back live by itself', async () => {
    await hub.stop();
    await badgeStatus('offline');
    // The picture stays: panels keep their figures, the twin keeps drawing the city.
    expect(await text('kpi-gov-users')).toMatch(/\d/);
    expect((await regionStats(page, TWIN_REGION)).nonBackground).toBeGreaterThan(0.25);
    // The age of the newest data keeps counting while offline.
    await page.waitForFunction(() => /秒前|分钟前/.test(document.querySelector('[data-testid=data-age]')?.textContent ?? ''));

    await hub.start();
    await badgeStatus('live', 60_000);
    // A restarted hub cannot recover the socket's state: the wall refetched a snapshot and is fresh again.
    await page.waitForFunction(() => /刚刚|[1-5] 秒前/.test(document.querySelector('[data-testid=data-age]')?.textContent ?? ''), null, {
      timeout: 30_000,
    });
    const accepted = Number(await text('diag-accepted'));
    await page.waitForFunction((a) => Number(document.querySelector('[data-testid=diag-accepted]')?.textContent) > a + 2, accepted, {
      timeout: 15_000,
    });
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
