// One-screen control end to end: the real hub, the built client, a console page and the display
// pages of wall `main` in headless Chromium; intruders as socket.io clients in Node.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { createTokenService, memoryRevocations } from '../mock-server/control/auth.ts';
import { DistrictsResponseSchema } from '../src/hub/contract.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema } from '../src/hub/control.ts';
import { EnrolAnswerSchema } from '../src/hub/enrolment.ts';

/** Fixed so tokens outlive a hub restart (and so the test can mint an expired one). */
const SECRET = 'control-e2e-secret-not-for-production';
const DISPLAY_TOKEN_TTL_S = 8;
// The hub is stopped and started again below: on the same port, so the displays reconnect by themselves.
// HUB_RECORD=0: the past moments set below predate this hub; a recording hub would refuse them
// (playback only inside the recorded range: tests/playback.e2e.ts, playback-rules.test.ts).
const h = useHarness({ hubEnv: { HUB_TOKEN_SECRET: SECRET, HUB_DISPLAY_TOKEN_TTL_S: String(DISPLAY_TOKEN_TTL_S), HUB_ACK_TIMEOUT_MS: '60000', HUB_RECORD: '0' } });
const { hub } = h;
let consolePage: Page;
const displays: Record<string, Page> = {};
const errors: string[] = [];
const YUZHONG = '500103';

async function openDisplay(id: string) {
  // Small windows: three software-WebGL displays and a console share two cores.
  const page = await h.newPage({ width: 640, height: 360 });
  page.on('pageerror', (e) => errors.push(`${id}: ${e.message}`));
  await page.goto(`${h.client.url}/wall?anim=0&display=${id}`);
  await waitForTwin(page, 180_000);
  await synced(page, '1');
  displays[id] = page;
  return page;
}

/** Waits for an attribute of <html> (polled: a busy software-WebGL page draws few frames). */
const htmlData = (page: Page, key: string, value: string, timeout = 60_000) =>
  page.waitForFunction(([k, v]) => document.documentElement.dataset[k] === v, [key, value] as const, { timeout, polling: 200 });
const synced = (page: Page, value: '0' | '1') => htmlData(page, 'wallSynced', value);
const rev = (page: Page) => page.evaluate(() => document.documentElement.dataset.wallRev);
const stats = (page: Page) => page.evaluate(() => window.__onescreenTwin!.wallControl!());
const camera = (page: Page) => page.evaluate(() => window.__onescreenTwin!.camera!());
const consoleRev = async () => Number(await consolePage.locator('[data-testid=wall-rev]').textContent());
const waitRev = (page: Page, value: number, timeout = 30_000) => htmlData(page, 'wallRev', String(value), timeout);

/** Clicks a console control and waits until the command is in the log as applied by every display named. */
async function command(testId: string, acks: string[]) {
  const next = (await consoleRev()) + 1;
  await consolePage.click(`[data-testid=${testId}]`);
  await consolePage.waitForSelector(`[data-testid=log-row][data-rev="${next}"][data-status=applied]`, { timeout: 90_000 }).catch(async (err: Error) => {
    // Say what the console saw instead: the newest log rows (status, acks, message).
    const rows = await consolePage.locator('[data-testid=log-row]').allTextContents();
    throw new Error(`${err.message}\nconsole log rows (newest first): ${JSON.stringify(rows.slice(0, 3))}`);
  });
  const row = consolePage.locator(`[data-testid=log-row][data-rev="${next}"]`);
  for (const d of acks) expect(await row.locator(`[data-testid=ack-${d}]`).getAttribute('data-state')).toBe('ok');
  return next;
}

async function signIn(password = 'onescreen') {
  await consolePage.fill('[data-testid=user]', 'operator');
  await consolePage.fill('[data-testid=password]', password);
  await consolePage.click('[data-testid=sign-in-submit]');
}

/** Signs the console in unless it already is (every test starts from a console that can command). */
async function signedIn() {
  if (await consolePage.locator('[data-testid=sign-in-submit]').isVisible()) await signIn();
  await consolePage.waitForSelector('[data-testid=console-link][data-status=live]');
}

const pressed = async (testId: string) => (await consolePage.locator(`[data-testid=${testId}]`).getAttribute('aria-pressed')) === 'true';
const openDisplays = () => Object.keys(displays);

/** The wall shows `scene` (commanded when it does not yet): a test never relies on an earlier one. */
async function onScene(scene: string) {
  if (!(await pressed(`scene-${scene}`))) await command(`scene-${scene}`, openDisplays());
  for (const page of Object.values(displays)) await page.waitForSelector(`.wall[data-scene=${scene}]`, { timeout: 60_000 });
}

/** A layer of the wall's scene is shown or hidden (toggled when it is not yet). */
async function layerShown(layer: string, visible: boolean) {
  if ((await pressed(`layer-${layer}`)) !== visible) await command(`layer-${layer}`, openDisplays());
}

async function restJson(path: string, body: unknown, token?: string) {
  const res = await fetch(`${hub.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as unknown) };
}

/** A socket.io client in Node; resolves connected, or rejects with the hub's refusal. */
function nodeSocket(auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(`${hub.url}/live`, { auth, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => (socket.close(), reject(err)));
  });
}
const sendCommand = async (socket: Socket, command: unknown) =>
  CommandReceiptSchema.parse(await socket.timeout(5000).emitWithAck(CONTROL_EVENTS.command, { id: `intruder-${Date.now()}`, wall: 'main', command }));

beforeAll(async () => {
  consolePage = await h.newPage({ width: 1280, height: 900 });
  consolePage.on('pageerror', (e) => errors.push(`console: ${e.message}`));
  await openDisplay('a');
  await openDisplay('b');
}, 300_000);

describe('one-screen control', { timeout: 240_000 }, () => {
  it('signs an operator in (a wrong password is refused) and lists both displays of the wall online', async () => {
    await consolePage.goto(`${h.client.url}/console`);
    await signIn('wrong-password');
    expect(await consolePage.locator('[data-testid=sign-in-error]').textContent()).toMatch(/Wrong user or password/);
    await signIn();
    await consolePage.waitForSelector('[data-testid=console-link][data-status=live]');
    await consolePage.waitForSelector('[data-testid=display-row-a]');
    await consolePage.waitForSelector('[data-testid=display-row-b]');
    // The token is in the tab's session storage and the socket handshake, never in a URL.
    expect(consolePage.url()).toBe(`${h.client.url}/console`);
    expect(await consolePage.evaluate(() => location.href)).not.toMatch(/token|eyJ/);
  });

  it('switches the scene: both displays show it and the console shows both acknowledgements', async () => {
    await signedIn();
    const r = await command('scene-weather', ['a', 'b']);
    for (const page of Object.values(displays)) {
      await page.waitForSelector('.wall[data-scene=weather]', { timeout: 60_000 });
      expect(await rev(page)).toBe(String(r));
    }
    expect(await consolePage.locator('[data-testid=display-row-a]').getAttribute('data-ack-rev')).toBe(String(r));
  });

  it('hides a layer on every display', async () => {
    await signedIn();
    await onScene('weather');
    await layerShown('stations', true);
    const hasStations = (page: Page) => page.evaluate(() => window.__onescreenTwin!.layerIds.some((id) => id === 'stations' || id.startsWith('stations-')));
    for (const page of Object.values(displays))
      await page.waitForFunction(() => window.__onescreenTwin!.layerIds.some((id) => id === 'stations' || id.startsWith('stations-')), null, { timeout: 90_000, polling: 250 });
    await command('layer-stations', ['a', 'b']);
    for (const page of Object.values(displays)) {
      await page.waitForFunction(() => !window.__onescreenTwin!.layerIds.some((id) => id === 'stations' || id.startsWith('stations-')));
      expect(await hasStations(page)).toBe(false);
      // The scene's other layers stay.
      expect(await page.evaluate(() => window.__onescreenTwin!.layerIds.some((id) => id.startsWith('warnings')))).toBe(true);
    }
  });

  it('flies both displays to a district: both cameras end centred on it', async () => {
    const body = DistrictsResponseSchema.parse(await (await fetch(`${hub.url}/api/v1/districts`)).json());
    const feature = body.features.find((f) => f.properties.code === YUZHONG)!;
    const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates[0][0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const [cx, cy] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];

    await signedIn();
    const flightsBefore = await Promise.all(Object.values(displays).map(async (p) => (await stats(p)).flights));
    await consolePage.selectOption('[data-testid=district-select]', YUZHONG);
    await command('fly-district', ['a', 'b']);
    const cams = [];
    for (const [i, page] of Object.values(displays).entries()) {
      await page.waitForFunction(() => !window.__onescreenTwin!.wallControl!().flying);
      expect((await stats(page)).flights).toBe(flightsBefore[i] + 1);
      const cam = await camera(page);
      cams.push(cam);
      expect(Math.abs(cam.center[0] - cx)).toBeLessThan(0.01);
      expect(Math.abs(cam.center[1] - cy)).toBeLessThan(0.01);
      expect(cam.zoom).toBeGreaterThan(10); // Yuzhong is small: close in
    }
    expect(cams[0]).toEqual(cams[1]);
  });

  it('sets a past moment: the displays show the playback badge', async () => {
    await signedIn();
    await consolePage.fill('[data-testid=time-at]', '2026-11-20T21:30');
    await command('time-playback', ['a', 'b']);
    for (const page of Object.values(displays)) {
      const badge = page.locator('[data-testid=playback-badge]');
      await badge.waitFor();
      expect(await badge.textContent()).toMatch(/回放.*Playback.*2026/);
    }
  });

  it('highlights a district (its card) and then a labelled point (a marker) on every display', async () => {
    await signedIn();
    await consolePage.selectOption('[data-testid=district-select]', YUZHONG);
    await command('highlight-district', ['a', 'b']);
    for (const page of Object.values(displays)) await page.waitForSelector('[data-testid=district-card]');
    await consolePage.fill('[data-testid=point-lon]', '106.5770');
    await consolePage.fill('[data-testid=point-lat]', '29.5590');
    await consolePage.fill('[data-testid=point-label]', '解放碑 Jiefangbei');
    await command('highlight-point', ['a', 'b']);
    for (const page of Object.values(displays)) {
      expect(await page.locator('[data-testid=wall-marker]').textContent()).toBe('解放碑 Jiefangbei');
      expect(await page.locator('[data-testid=district-card]').count()).toBe(0);
    }
  });

  it('a display joining late shows the current state at once, from the snapshot, without a flight', async () => {
    // The state it must find: a scene, a hidden layer, a past moment and a labelled point.
    await signedIn();
    await onScene('weather');
    await layerShown('stations', false);
    await consolePage.fill('[data-testid=time-at]', '2026-11-20T21:30');
    await command('time-playback', openDisplays());
    await consolePage.fill('[data-testid=point-lon]', '106.5770');
    await consolePage.fill('[data-testid=point-lat]', '29.5590');
    await consolePage.fill('[data-testid=point-label]', '解放碑 Jiefangbei');
    await command('highlight-point', openDisplays());
    const c = await openDisplay('c');
    expect(await rev(c)).toBe(String(await consoleRev()));
    await c.waitForSelector('.wall[data-scene=weather]');
    expect(await stats(c)).toMatchObject({ flights: 0, jumps: 1, flying: false, marker: '解放碑 Jiefangbei' });
    expect(await c.locator('[data-testid=playback-badge]').count()).toBe(1);
    const [camA, camC] = [await camera(displays.a), await camera(c)];
    expect(camC.center[0]).toBeCloseTo(camA.center[0], 6);
    expect(camC.center[1]).toBeCloseTo(camA.center[1], 6);
    expect(camC.zoom).toBeCloseTo(camA.zoom, 6);
    expect(await c.evaluate(() => window.__onescreenTwin!.layerIds.some((id) => id.startsWith('stations')))).toBe(false);
    await consolePage.waitForSelector('[data-testid=display-row-c]');
  }, 300_000);

  it('a display that reconnects replays nothing: a blip changes nothing, a missed command arrives as a jump', async () => {
    await signedIn();
    const a = displays.a;
    const before = { rev: await rev(a), stats: await stats(a), camera: await camera(a) };
    const drop = async () => {
      await a.evaluate(() => window.__onescreenControl!.dropConnection());
      await synced(a, '0');
    };
    const restore = async () => {
      await a.evaluate(() => window.__onescreenControl!.restoreConnection());
      await synced(a, '1');
    };
    await drop();
    await restore();
    expect(await rev(a)).toBe(before.rev);
    expect(await stats(a)).toEqual(before.stats);
    expect(await camera(a)).toEqual(before.camera);

    // A command while it is away: applied by the others; on return it lands at once, not as a flight.
    await drop();
    const flightsB = (await stats(displays.b)).flights;
    await consolePage.fill('[data-testid=point-lon]', '106.5300');
    await consolePage.fill('[data-testid=point-lat]', '29.5500');
    await consolePage.fill('[data-testid=point-zoom]', '12');
    const r = await command('fly-point', openDisplays().filter((d) => d !== 'a'));
    expect((await stats(displays.b)).flights).toBe(flightsB + 1);
    await restore();
    await waitRev(a, r);
    const after = await stats(a);
    expect(after.flights).toBe(before.stats.flights);
    expect(after.jumps).toBe(before.stats.jumps + 1);
    const cam = await camera(a);
    expect(cam.center[0]).toBeCloseTo(106.53, 6);
    expect(cam.zoom).toBeCloseTo(12, 6);
    // And it does not apply the missed delta afterwards either (a replay, dropped).
    expect(await a.evaluate(() => document.documentElement.dataset.wallRev)).toBe(String(r));
  });

  it('refuses commands with a tampered, expired or revoked token or from a display, and nothing reaches the walls', async () => {
    await signedIn();
    const revBefore = await consoleRev();
    const sceneBefore = await displays.a.locator('.wall').getAttribute('data-scene');
    const login = TokenResponseSchema.parse((await restJson('/auth/operator', { user: 'operator', password: 'onescreen' })).body);

    const tampered = login.token.slice(0, -4) + (login.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(nodeSocket({ role: 'operator', token: tampered })).rejects.toThrow(/^unauthorised/);

    const past = createTokenService({ secret: SECRET, operatorTtlS: 60, displayTtlS: 60, revocations: memoryRevocations(), now: () => Date.now() - 3_600_000 });
    const expired = await past.issueOperator('operator');
    await expect(nodeSocket({ role: 'operator', token: expired.token })).rejects.toThrow(/^token-expired/);

    const operator = await nodeSocket({ role: 'operator', token: login.token });
    const cutOff = new Promise<void>((resolve) => operator.once('disconnect', () => resolve()));
    expect((await restJson('/auth/revoke', {}, login.token)).status).toBe(204);
    // Revoked: its socket is disconnected at once, and it cannot connect again.
    await cutOff;
    await expect(nodeSocket({ role: 'operator', token: login.token })).rejects.toThrow(/^unauthorised: token revoked/);
    operator.close();

    // An enrolled display (the hub is in demo mode: loopback displays are enrolled at once).
    const enrolled = EnrolAnswerSchema.parse((await restJson('/enrol', { hint: { wall: 'main', display: 'intruder', grid: null } })).body);
    if (enrolled.status !== 'approved') throw new Error(`expected a demo-mode enrolment, got ${enrolled.status}`);
    const displayToken = TokenResponseSchema.parse((await restJson('/auth/display', { credential: enrolled.credential })).body);
    const display = await nodeSocket({ role: 'display', wall: 'main', display: 'intruder', token: displayToken.token });
    expect(await sendCommand(display, { type: 'scene', scene: 'traffic' })).toMatchObject({ ok: false, error: 'unauthorised' });
    // Nor may a display token pose as an operator.
    await expect(nodeSocket({ role: 'operator', token: displayToken.token })).rejects.toThrow(/^unauthorised/);
    display.close();

    for (const page of Object.values(displays)) {
      expect(await rev(page)).toBe(String(revBefore));
      expect(await page.locator('.wall').getAttribute('data-scene')).toBe(sceneBefore);
    }
    expect(await consoleRev()).toBe(revBefore);
  });

  it('sends the console back to sign-in, saying why, when its session is revoked', async () => {
    await signedIn();
    const token = await consolePage.evaluate(() => JSON.parse(sessionStorage.getItem('onescreen.console.session')!).token as string);
    expect((await restJson('/auth/revoke', {}, token)).status).toBe(204);
    const revBefore = await consoleRev();
    await consolePage.click('[data-testid=time-live]');
    const message = await consolePage.waitForSelector('[data-testid=sign-in-message]');
    expect(await message.textContent()).toMatch(/登录已失效|revoked/);
    for (const page of Object.values(displays)) expect(await rev(page)).toBe(String(revBefore));
    await signIn();
    await consolePage.waitForSelector('[data-testid=display-row-a]');
  });

  it('a display whose token expired during a hub outage comes back by itself', async () => {
    await signedIn();
    await hub.stop();
    await displays.a.waitForSelector('[data-testid=connection-badge][data-status=offline]', { timeout: 30_000 });
    // The outage outlives every display token (issued at the last connect, at most a few seconds ago).
    await new Promise((r) => setTimeout(r, (DISPLAY_TOKEN_TTL_S + 1) * 1000));
    await hub.start();
    // The restarted hub holds a fresh wall (its state lives in memory): rev 0, taken from the snapshot.
    for (const page of Object.values(displays)) {
      await page.waitForSelector('[data-testid=connection-badge][data-status=live]', { timeout: 120_000 });
      await waitRev(page, 0, 30_000);
    }
    await consolePage.waitForSelector('[data-testid=display-row-a]', { timeout: 30_000 });
    for (const d of openDisplays()) await consolePage.waitForSelector(`[data-testid=display-row-${d}]`, { timeout: 30_000 });
    // And obeys again.
    await signedIn();
    await command('time-live', openDisplays());
  }, 300_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
