// The time machine end to end: a hub records a short window; the console switches a wall to
// playback at 60×, the wall's badge shows the replayed time moving and its topics come from the
// recording; a paused seek lands on the wall; a seek outside the recording is refused with the
// wall's picture kept; 实时 Live returns the wall to live data.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema } from '../src/hub/control.ts';
import { RecordingsIndexSchema } from '../src/hub/recording.ts';
import { io } from 'socket.io-client';

// Short segments so the recording is readable (indexed) within seconds; JSON topics at 2 Hz.
const h = useHarness({ hubEnv: { HUB_RECORD_SEGMENT_MIN: '0.05', HUB_RECORD_MAX_HZ: '2' } });
let wall: Page;
let consolePage: Page;
const errors: string[] = [];

const data = (page: Page, key: string) => page.evaluate((k) => document.documentElement.dataset[k], key);
const badgeAt = async () => Number(await wall.locator('[data-testid=playback-badge]').getAttribute('data-at'));

async function operatorToken() {
  const res = await fetch(`${h.hub.url}/api/v1/auth/operator`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'operator', password: 'onescreen' }),
  });
  return TokenResponseSchema.parse(await res.json()).token;
}

async function recordedRange(token: string) {
  const res = await fetch(`${h.hub.url}/api/v1/recordings`, { headers: { authorization: `Bearer ${token}` } });
  return RecordingsIndexSchema.parse(await res.json()).range;
}

beforeAll(async () => {
  wall = await h.newPage({ width: 640, height: 360 });
  wall.on('pageerror', (e) => errors.push(`wall: ${e.message}`));
  await wall.goto(`${h.client.url}/wall?anim=0&display=a`);
  await waitForTwin(wall, 180_000);
  consolePage = await h.newPage({ width: 1280, height: 900 });
  consolePage.on('pageerror', (e) => errors.push(`console: ${e.message}`));
  await consolePage.goto(`${h.client.url}/console`);
  await consolePage.fill('[data-testid=user]', 'operator');
  await consolePage.fill('[data-testid=password]', 'onescreen');
  await consolePage.click('[data-testid=sign-in-submit]');
  await consolePage.waitForSelector('[data-testid=console-link][data-status=live]');
}, 300_000);

describe('time machine', { timeout: 180_000 }, () => {
  it('plays a recorded window at 60×, seeks, refuses a moment outside the recording, and returns to live', async () => {
    const token = await operatorToken();
    // A few seconds of recording, readable.
    let range = await recordedRange(token);
    for (let i = 0; i < 60 && !(range && range.to - range.from >= 6_000); i++) {
      await new Promise((r) => setTimeout(r, 1000));
      range = await recordedRange(token);
    }
    expect(range).not.toBeNull();
    // The console's timeline knows the range (it asks every 30 s; a reload asks now).
    await consolePage.reload();
    await consolePage.waitForSelector('[data-testid=console-link][data-status=live]');
    await consolePage.waitForFunction(() => document.querySelector('[data-testid=playback-timeline]')?.getAttribute('data-from'), null, { timeout: 60_000 });

    await consolePage.click('[data-testid=playback-rate-60]');
    const badge = wall.locator('[data-testid=playback-badge]');
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.textContent()).toMatch(/回放.*Playback.*60×/);
    const first = await badgeAt();
    // Moving at 60× (a minute a second), until it catches up with the present, where it waits.
    await wall.waitForFunction((t) => Number(document.querySelector('[data-testid=playback-badge]')?.getAttribute('data-at')) > t + 5_000, first, { timeout: 30_000 });
    // The wall's topics now come from the recording.
    await wall.waitForFunction(() => Number(document.documentElement.dataset.replayedTopics ?? 0) > 0, null, { timeout: 30_000 });

    // Pause, then seek: the wall shows exactly the sought moment.
    await consolePage.click('[data-testid=playback-pause]');
    await consolePage.waitForSelector('[data-testid=playback-play]');
    const seek = consolePage.locator('[data-testid=playback-seek]');
    const target = Math.round((range!.from + range!.to) / 2);
    await seek.fill(String(target)); // sent on the change event (release); the scrubber snaps to whole seconds of the timeline
    await wall.waitForFunction((t) => Math.abs(Number(document.querySelector('[data-testid=playback-badge]')?.getAttribute('data-at')) - t) <= 1000, target, { timeout: 30_000 });
    const sought = await badgeAt();
    expect(await badge.getAttribute('data-paused')).toBe('true');

    // A moment outside the recording (an hour before it began): refused, naming the range; the wall stays where it was.
    const socket = io(`${h.hub.url}/live`, { auth: { role: 'operator', token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
    const receipt = CommandReceiptSchema.parse(
      await socket.timeout(5000).emitWithAck(CONTROL_EVENTS.command, { id: `e2e-outside-${Date.now()}`, wall: 'main', command: { type: 'time', time: { mode: 'playback', at: range!.from - 3600_000 } } }),
    );
    socket.close();
    expect(receipt).toMatchObject({ ok: false, error: 'invalid' });
    expect(receipt.ok ? '' : receipt.message).toMatch(/outside the recording/);
    expect(await badgeAt()).toBe(sought);

    // Live: the badge goes, live snapshots replace the replayed values.
    await consolePage.click('[data-testid=playback-live]');
    await badge.waitFor({ state: 'detached', timeout: 30_000 });
    await wall.waitForFunction(() => document.documentElement.dataset.replayedTopics === '0', null, { timeout: 30_000 });
    expect(await data(wall, 'wallSynced')).toBe('1');
    expect(errors).toEqual([]);
  });
});
