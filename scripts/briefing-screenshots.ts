// Screenshots of a briefing: a tour step's caption on a wall at 3840×2160 (legible from the back of
// the room, clear of the panels), the console's presenter view at 1920×1080, and the time machine:
// the console's timeline and the wall replaying a recorded moment at 60×.
//   npx tsx scripts/briefing-screenshots.ts      (E2E_SKIP_BUILD=1 to reuse the build)
import { mkdirSync } from 'node:fs';
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';
import { waitForTwin } from '../tests/browser.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
setup();
// Short segments so what the hub records is readable within seconds.
const h = harness({ hubEnv: { HUB_RECORD_SEGMENT_MIN: '0.1' } });

try {
  await h.start();
  const wall = await h.browser.newPage({ viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
  await wall.goto(`${h.client.url}/wall?anim=0&display=a`);
  await waitForTwin(wall, 240_000);

  const presenter = await h.browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
  // Its miniature of the wall renders with software WebGL here, beside a 4K wall: be patient.
  presenter.setDefaultTimeout(180_000);
  await presenter.goto(`${h.client.url}/console?anim=0#briefing`);
  await presenter.fill('[data-testid=user]', 'operator');
  await presenter.fill('[data-testid=password]', 'onescreen');
  await presenter.click('[data-testid=sign-in-submit]');
  await presenter.click('[data-testid=wall-tab-main]');
  await presenter.click('[data-testid=tour-start-city-briefing]');
  await presenter.click('[data-testid=tour-step-2]');
  await presenter.click('[data-testid=tour-pause]');
  await presenter.waitForSelector('[data-testid=presenter][data-step="2"][data-paused=true]');

  await wall.waitForSelector('[data-testid=tour-caption][data-step="2"][data-paused="1"]', { timeout: 120_000 });
  await wall.waitForFunction(() => window.__onescreenTwin?.wallControl?.().tourStep === 'overview/city-briefing#2', null, { timeout: 120_000, polling: 500 });
  await waitForTwin(wall, 240_000);
  await wall.waitForTimeout(3000);
  await wall.screenshot({ path: `${OUT}tour-caption-3840x2160.png` });
  // The presenter's miniature of the wall shows the same step.
  await presenter.frameLocator('[data-testid=wall-mirror-frame]').locator('[data-testid=tour-caption][data-step="2"]').waitFor({ timeout: 120_000 });
  await presenter.waitForTimeout(3000);
  await presenter.screenshot({ path: `${OUT}console-briefing-1920x1080.png` });

  // The time machine: stop the tour, replay what the hub recorded meanwhile at 60×.
  await presenter.click('[data-testid=tour-stop]');
  await presenter.click('[data-testid=console-tab-wall]');
  await presenter.reload(); // the timeline asks the hub for its recorded range at once
  await presenter.waitForFunction(() => document.querySelector('[data-testid=playback-timeline]')?.getAttribute('data-from'), null, { timeout: 120_000 });
  await presenter.click('[data-testid=playback-rate-60]');
  await wall.waitForSelector('[data-testid=playback-badge]', { timeout: 60_000 });
  await wall.waitForFunction(() => Number(document.documentElement.dataset.replayedTopics ?? 0) > 0, null, { timeout: 60_000 });
  await waitForTwin(wall, 240_000);
  await wall.waitForTimeout(3000);
  await wall.screenshot({ path: `${OUT}playback-3840x2160.png` });
  await presenter.locator('[data-testid=playback-timeline]').scrollIntoViewIfNeeded();
  await presenter.screenshot({ path: `${OUT}console-playback-1920x1080.png` });
} finally {
  await h.stop();
}
