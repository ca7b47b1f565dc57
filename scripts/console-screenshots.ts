// Screenshots of the operator console (/console) at tablet and desktop sizes, steering a real hub
// with two displays of wall `main` connected.
//   npx tsx scripts/console-screenshots.ts      (E2E_SKIP_BUILD=1 to reuse the build)
import { mkdirSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { CONTROL_EVENTS, TokenResponseSchema, type WallDelta } from '../src/hub/control.ts';
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
setup();
// Hub, wall and browser on free loopback ports, as in the browser tests.
const h = harness({ hubEnv: { HUB_ACK_TIMEOUT_MS: '30000' } });
try {
  await h.start();
  const hub = h.hub;
  // The displays of wall `main` as socket.io clients speaking the display protocol (token, join,
  // an ack per delta): the console's picture does not need their WebGL, and the machine is small.
  const displaySockets: Socket[] = [];
  for (const [id, col] of [['a', 0], ['b', 1]] as const) {
    const res = await fetch(`${hub.url}/api/v1/auth/display`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ wall: 'main', display: id }) });
    const { token } = TokenResponseSchema.parse(await res.json());
    const socket = io(`${hub.url}/live`, { auth: { role: 'display', wall: 'main', display: id, token, grid: { cols: 2, rows: 1, col, row: 0 } }, transports: ['websocket'] });
    socket.on(CONTROL_EVENTS.delta, (d: WallDelta) => socket.emit(CONTROL_EVENTS.ack, { rev: d.rev, commandId: d.commandId, ok: true }));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await socket.emitWithAck(CONTROL_EVENTS.join);
    displaySockets.push(socket);
  }
  const consolePage = await h.browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
  await consolePage.goto(`${h.client.url}/console`);
  await consolePage.screenshot({ path: `${OUT}console-sign-in.png` });
  await consolePage.fill('[data-testid=user]', 'operator');
  await consolePage.fill('[data-testid=password]', 'onescreen');
  await consolePage.click('[data-testid=sign-in-submit]');
  await consolePage.waitForSelector('[data-testid=display-row-b]', { timeout: 120_000 });

  let rev = 0;
  const send = async (testId: string) => {
    rev++;
    await consolePage.click(`[data-testid=${testId}]`);
    await consolePage.waitForSelector(`[data-testid=log-row][data-rev="${rev}"][data-status=applied]`, { timeout: 90_000 });
  };
  await send('scene-weather');
  await send('layer-stations');
  await consolePage.selectOption('[data-testid=district-select]', '500103');
  await send('fly-district');
  await consolePage.fill('[data-testid=time-at]', '2026-11-20T21:30');
  await send('time-playback');
  await consolePage.fill('[data-testid=point-lon]', '106.5770');
  await consolePage.fill('[data-testid=point-lat]', '29.5590');
  await consolePage.fill('[data-testid=point-label]', '解放碑 Jiefangbei');
  await send('highlight-point');

  await consolePage.mouse.move(0, 0);
  await consolePage.evaluate(() => document.querySelector('.console')?.scrollTo(0, 0));
  await consolePage.screenshot({ path: `${OUT}console-1024x768.png` });
  await consolePage.setViewportSize({ width: 1920, height: 1080 });
  await consolePage.waitForTimeout(300); // one layout pass at the new size
  await consolePage.screenshot({ path: `${OUT}console-1920x1080.png` });
  for (const socket of displaySockets) socket.close();
} finally {
  await h.stop();
}
