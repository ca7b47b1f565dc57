// Screenshots of the operator console (/console) at tablet and desktop sizes, steering a real hub
// with two displays of wall `main` open, and of a display obeying it (playback badge, marker).
//   npx tsx scripts/console-screenshots.ts      (E2E_SKIP_BUILD=1 to reuse the build)
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import setup from '../tests/global-setup.ts';
import { launchBrowser, waitForTwin } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
setup();
const hub = testHub(18861, { HUB_ACK_TIMEOUT_MS: '30000' });
let client: Awaited<ReturnType<typeof startClient>> | null = null;
const browser = await launchBrowser();
try {
  await hub.start();
  client = await startClient(15241, hub.url);
  const displays: Page[] = [];
  for (const id of ['a', 'b']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    await page.goto(`${client.url}/wall?anim=0&display=${id}`);
    // The console needs the displays connected and acknowledging, not yet drawn.
    await page.waitForFunction(() => document.documentElement.dataset.wallSynced === '1', null, { timeout: 180_000, polling: 250 });
    displays.push(page);
  }
  const consolePage = await browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
  await consolePage.goto(`${client.url}/console`);
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

  await consolePage.screenshot({ path: `${OUT}console-1024x768.png` });
  await consolePage.setViewportSize({ width: 1920, height: 1080 });
  await consolePage.waitForTimeout(300); // one layout pass at the new size
  await consolePage.screenshot({ path: `${OUT}console-1920x1080.png` });
  await displays[1].close(); // one display drawing is enough for its picture
  await waitForTwin(displays[0], 300_000);
  await displays[0].screenshot({ path: `${OUT}console-display-obeying.png` });
} finally {
  await browser.close();
  await client?.stop();
  await hub.stop();
}
