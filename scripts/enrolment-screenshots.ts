// Screenshots of enrolment outside demo mode: the pairing card of a new screen at 1920×1080 and
// 3840×2160, and the console's Displays view with screens waiting and one approved.
//   npx tsx scripts/enrolment-screenshots.ts      (E2E_SKIP_BUILD=1 to reuse the build)
import { mkdirSync } from 'node:fs';
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
setup();
const PASSWORD = 'screenshots-password';
const h = harness({ hubEnv: { HUB_DEMO: '0', HUB_OPERATOR_PASSWORD: PASSWORD, HUB_DESIGNER_PASSWORD: `${PASSWORD}-designer` } });
try {
  await h.start();
  const screens = [
    { size: { width: 1920, height: 1080 }, query: 'wall=lobby&display=left&grid=2x1&col=0&row=0', file: 'pairing-1920x1080.png' },
    { size: { width: 3840, height: 2160 }, query: 'wall=lobby&display=right&grid=2x1&col=1&row=0', file: 'pairing-3840x2160.png' },
    { size: { width: 1280, height: 720 }, query: 'wall=ops&display=0', file: null },
  ];
  const codes: string[] = [];
  for (const screen of screens) {
    const page = await h.newPage(screen.size);
    await page.goto(`${h.client.url}/wall?anim=0&${screen.query}`);
    const code = await page.waitForSelector('[data-testid=pairing-code]', { timeout: 60_000 });
    codes.push(((await code.textContent()) ?? '').replace(' ', ''));
    if (screen.file) await page.screenshot({ path: `${OUT}${screen.file}` });
  }

  const consolePage = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
  await consolePage.goto(`${h.client.url}/console`);
  await consolePage.fill('[data-testid=user]', 'operator');
  await consolePage.fill('[data-testid=password]', PASSWORD);
  await consolePage.click('[data-testid=sign-in-submit]');
  await consolePage.click('[data-testid=console-tab-displays]');
  // The third screen is approved into a new wall, the two of the lobby wall still wait.
  await consolePage.click(`[data-testid=pending-pick-${codes[2]}]`, { timeout: 30_000 });
  await consolePage.selectOption('[data-testid=approve-wall]', '+new');
  await consolePage.fill('[data-testid=approve-new-wall]', 'ops');
  await consolePage.fill('[data-testid=approve-display]', '0');
  await consolePage.click('[data-testid=approve-layout-single]');
  await consolePage.click('[data-testid=approve-submit]');
  await consolePage.waitForSelector('[data-testid^=enrolled-row-][data-wall=ops][data-online=true]', { timeout: 180_000 });
  await consolePage.click(`[data-testid=pending-pick-${codes[0]}]`);
  await consolePage.mouse.move(0, 0);
  await consolePage.evaluate(() => document.querySelector('.console')?.scrollTo(0, 0));
  await consolePage.screenshot({ path: `${OUT}console-displays.png` });
} finally {
  await h.stop();
}
