// Guided tours: the real hub, the built wall in headless Chromium and the console's briefing view,
// presented with its buttons and a clicker's keys (the presenter's camera comes from an operator's
// socket in Node). Checks what a display shows of a step (scene, camera, caption, highlight), the
// presenter's view, exploring and continuing, a display joining mid-tour in lock-step, a step
// ending by itself, blanking, and that the caption keeps clear of the panels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema } from '../src/hub/control.ts';

const h = useHarness();
const errors: string[] = [];
let operator: Socket;
let a: Page;
let presenter: Page;
let seq = 0;

async function openDisplay(id: string) {
  const page = await h.newPage();
  page.on('pageerror', (e) => errors.push(`${id}: ${e.message}`));
  await page.goto(`${h.client.url}/wall?anim=0&display=${id}`);
  await waitForTwin(page, 180_000);
  await page.waitForFunction(() => document.documentElement.dataset.wallSynced === '1', null, { timeout: 60_000, polling: 200 });
  return page;
}

async function send(command: unknown) {
  const receipt = CommandReceiptSchema.parse(await operator.timeout(10_000).emitWithAck(CONTROL_EVENTS.command, { id: `tour-e2e-${++seq}-${Date.now()}`, wall: 'main', command }));
  if (!receipt.ok) throw new Error(`${JSON.stringify(command)}: ${receipt.message}`);
  return receipt.rev;
}
const atRev = (page: Page, rev: number) =>
  page.waitForFunction((r) => Number(document.documentElement.dataset.wallRev) >= r, rev, { timeout: 60_000, polling: 200 });
/** Does something in the console (a click, a key) and waits until display `a` has applied the command. */
async function present(act: (console: Page) => Promise<void>) {
  const rev = Number(await a.evaluate(() => document.documentElement.dataset.wallRev)) + 1;
  await act(presenter);
  await atRev(a, rev);
  return rev;
}
const click = (testId: string) => present((p) => p.click(`[data-testid=${testId}]`));
const key = (name: string) => present((p) => p.keyboard.press(name));
const caption = (page: Page, step: number) => page.waitForSelector(`[data-testid=tour-caption][data-step="${step}"]`, { timeout: 60_000 });
const camera = (page: Page) => page.evaluate(() => window.__onescreenTwin!.camera!());

beforeAll(async () => {
  const res = await fetch(`${h.hub.url}/api/v1/auth/operator`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'operator', password: 'onescreen' }),
  });
  const { token } = TokenResponseSchema.parse(await res.json());
  operator = io(`${h.hub.url}/live`, { auth: { role: 'operator', token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => (operator.once('connect', () => resolve()), operator.once('connect_error', reject)));
  a = await openDisplay('a');
  presenter = await h.newPage({ width: 1280, height: 900 });
  presenter.on('pageerror', (e) => errors.push(`console: ${e.message}`));
  await presenter.goto(`${h.client.url}/console?anim=0#briefing`);
  await presenter.fill('[data-testid=user]', 'operator');
  await presenter.fill('[data-testid=password]', 'onescreen');
  await presenter.click('[data-testid=sign-in-submit]');
  await presenter.click('[data-testid=wall-tab-main]');
  await presenter.waitForSelector('[data-testid=tour-start-city-briefing]');
}, 300_000);

afterAll(() => {
  operator?.close();
});

describe('a guided tour on the wall', { timeout: 240_000 }, () => {
  it('starts: the step\'s scene, camera and caption, Chinese above English', async () => {
    await click('tour-start-city-briefing');
    await caption(a, 0);
    await click('tour-step-8');
    await caption(a, 8);
    // The presenter sees the step, its notes and the next one, against the planned time.
    await presenter.waitForSelector('[data-testid=presenter][data-step="8"]');
    // The presenter's live miniature is the wall's own screen: it shows the same step.
    await presenter.waitForSelector('[data-testid=wall-mirror-state][data-live="true"]', { timeout: 120_000 });
    await presenter.frameLocator('[data-testid=wall-mirror-frame]').locator('[data-testid=tour-caption][data-step="8"]').waitFor({ timeout: 60_000 });
    expect(await presenter.locator('[data-testid=presenter-current] .presenter__caption-zh').textContent()).toBe('三维城市：解放碑至朝天门的实景数字孪生');
    expect(await presenter.locator('[data-testid=presenter-notes]').count()).toBe(1);
    expect(await presenter.locator('[data-testid=presenter-next] .presenter__caption-zh').textContent()).toBeTruthy();
    expect(await presenter.locator('[data-testid=presenter-time]').textContent()).toMatch(/ \/ 5:00$/);
    await a.waitForSelector('.wall[data-scene=city]', { timeout: 60_000 });
    const el = a.locator('[data-testid=tour-caption]');
    expect(await el.locator('.tour-caption__zh').textContent()).toBe('三维城市：解放碑至朝天门的实景数字孪生');
    expect(await el.locator('.tour-caption__en').textContent()).toMatch(/^The 3D city/);
    expect(await el.locator('.tour-caption__count').textContent()).toBe('9 / 10');
    await a.waitForFunction(() => window.__onescreenTwin!.wallControl!().tourStep === 'overview/city-briefing#8', null, { timeout: 30_000, polling: 200 });
    const cam = await camera(a);
    expect(cam.center[0]).toBeCloseTo(106.5805, 3);
    expect(cam.center[1]).toBeCloseTo(29.5612, 3);
    expect(cam.zoom).toBeCloseTo(15.2, 1);
    // The step's point highlight, its label as text.
    expect(await a.locator('[data-testid=wall-marker]').textContent()).toBe('朝天门 Chaotianmen');
  });

  it('frames a district under the caption band and keeps the caption clear of the panels and legends', async () => {
    await click('tour-start-storm-review');
    await click('tour-step-1');
    // Held, so that its 25 s cannot run out on a busy machine before the next test has explored it.
    await click('tour-pause');
    await presenter.waitForSelector('[data-testid=presenter][data-paused=true]');
    await caption(a, 1);
    await a.waitForSelector('.wall[data-scene=weather]', { timeout: 60_000 });
    await a.waitForFunction(() => window.__onescreenTwin!.wallControl!().tourStep === 'weather/storm-review#1', null, { timeout: 30_000, polling: 200 });
    // The step's district highlight is a selection, as a tap makes it.
    expect(await a.locator('.district-card h3').textContent()).toMatch(/万州区/);
    const boxes = await a.evaluate(() => {
      const rect = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
      return {
        caption: rect(document.querySelector('[data-testid=tour-caption]')!),
        others: [...document.querySelectorAll('.panel, .legend, .district-card')].map(rect),
        height: innerHeight,
      };
    });
    expect(boxes.others.length).toBeGreaterThan(3);
    for (const p of boxes.others) {
      const apart = boxes.caption.right <= p.left || boxes.caption.left >= p.right || boxes.caption.bottom <= p.top || boxes.caption.top >= p.bottom;
      expect(apart).toBe(true);
    }
    // Below the band around the centre where the step's district is framed (180 of 1080 design px).
    expect(boxes.caption.top).toBeGreaterThanOrEqual(boxes.height / 2 + (180 * boxes.height) / 1080);
  });

  it('explores when the presenter takes the camera, and continues back to the step', async () => {
    const stepCamera = await camera(a);
    await atRev(a, await send({ type: 'fly', to: { center: [108.2, 30.6], zoom: 9 } }));
    await a.waitForSelector('[data-testid=tour-caption][data-exploring="1"]', { timeout: 30_000 });
    await a.waitForFunction(() => Math.abs(window.__onescreenTwin!.camera!().center[0] - 108.2) < 1e-3, null, { timeout: 30_000, polling: 200 });
    await presenter.waitForSelector('[data-testid=presenter][data-exploring=true]');
    await click('tour-continue');
    await a.waitForSelector('[data-testid=tour-caption][data-exploring="0"]', { timeout: 30_000 });
    await a.waitForFunction((x) => Math.abs(window.__onescreenTwin!.camera!().center[0] - x) < 1e-3, stepCamera.center[0], { timeout: 30_000, polling: 200 });
    expect(await a.evaluate(() => window.__onescreenTwin!.wallControl!().tourStep)).toBe('weather/storm-review#1');
  });

  it('a display joining mid-tour lands on the step the others show; a step ends by itself on both', async () => {
    await click('tour-start-city-briefing');
    // The clicker: PageDown twice to the third step, PageUp and PageDown again.
    await key('PageDown');
    await key('PageDown');
    await key('PageUp');
    await key('PageDown');
    await caption(a, 2);
    // Held while the second display starts (software WebGL takes a while): it must find step 3.
    await click('tour-pause');
    const b = await openDisplay('b');
    await b.waitForSelector('[data-testid=tour-caption][data-step="2"][data-paused="1"]', { timeout: 60_000 });
    await b.waitForSelector('.wall[data-scene=weather]', { timeout: 60_000 });
    await b.waitForFunction(() => window.__onescreenTwin!.wallControl!().tourStep === 'overview/city-briefing#2', null, { timeout: 30_000, polling: 200 });
    const [ca, cb] = [await camera(a), await camera(b)];
    expect(cb.center[0]).toBeCloseTo(ca.center[0], 4);
    expect(cb.zoom).toBeCloseTo(ca.zoom, 3);
    // Resumed, the step's 30 s run out on both displays: the traffic scene, step 4.
    await click('tour-resume');
    for (const page of [a, b]) {
      await caption(page, 3);
      await page.waitForSelector('.wall[data-scene=traffic]', { timeout: 60_000 });
    }
    // The clicker's `b` blanks every display of the wall, and brings it back.
    await key('b');
    for (const page of [a, b]) await page.waitForSelector('[data-testid=wall-blank]', { timeout: 30_000 });
    await presenter.frameLocator('[data-testid=wall-mirror-frame]').locator('[data-testid=wall-blank]').waitFor({ timeout: 30_000 });
    await key('b');
    for (const page of [a, b]) await page.waitForSelector('[data-testid=wall-blank]', { state: 'detached', timeout: 30_000 });
    await b.close();
  });

  it('pauses, and stops: the caption goes and the wall stays on the step\'s scene', async () => {
    await key(' ');
    await a.waitForSelector('[data-testid=tour-caption][data-paused="1"]', { timeout: 30_000 });
    await click('tour-stop');
    await presenter.waitForSelector('[data-testid=briefing-idle]');
    await a.waitForSelector('[data-testid=tour-caption]', { state: 'detached', timeout: 30_000 });
    expect(await a.getAttribute('.wall', 'data-scene')).toBe('traffic');
    expect(errors).toEqual([]);
  });
});
