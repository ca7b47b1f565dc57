// Screenshots of the wall for the README and docs, taken from a real hub and the production build.
//   npm run screenshots            (builds first; E2E_SKIP_BUILD=1 to reuse dist/)
import { mkdirSync } from 'node:fs';
import setup from '../tests/global-setup.ts';
import { launchBrowser, waitForTwin } from '../tests/browser.ts';
import { startClient, testHub } from '../tests/servers.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const SHOTS = [
  { name: 'wall-1920x1080', width: 1920, height: 1080, path: '/wall?anim=0' },
  { name: 'wall-7680x2160', width: 7680, height: 2160, path: '/wall?anim=0' },
];

setup();
mkdirSync(OUT, { recursive: true });
const hub = testHub(18791);
await hub.start();
const client = await startClient(15181, hub.url);
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1 });
    await page.goto(`${client.url}${shot.path}`);
    await waitForTwin(page, 120_000);
    // Let the panels' entry animations settle; the twin itself is still (anim=0).
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `${OUT}${shot.name}.png` });
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await client.stop();
  await hub.stop();
}
