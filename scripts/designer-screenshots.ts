// Screenshots of the scene designer at 1920×1080: the scene list, a scene being edited (a layer's
// generated style form, the panel board, the live preview), its version history with a diff, and
// the generic layers' example scene in the preview.
//   npx tsx scripts/designer-screenshots.ts      (E2E_SKIP_BUILD=1 to reuse the build)
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';
import { API_PREFIX } from '../src/hub/contract.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
setup();
const h = harness();

/** The preview has drawn its scene: the iframe's twin reports the scene ready. */
async function previewReady(page: Page, scene: string) {
  const frame = page.frameLocator('[data-testid=designer-preview]');
  await frame.locator(`html[data-scene-ready="${scene}"]`).waitFor({ state: 'attached', timeout: 240_000 });
  await page.waitForTimeout(1500);
}

try {
  await h.start();
  // The kit's example scene, made through the API as a designer would import it.
  const token = ((await (await fetch(`${h.hub.url}${API_PREFIX}/auth/designer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'designer', password: 'onescreen' }) })).json()) as { token: string }).token;
  const example = JSON.parse(readFileSync(new URL('../src/modules/kit/example-scene.json', import.meta.url), 'utf8'));
  await fetch(`${h.hub.url}${API_PREFIX}/designer/scenes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ scene: example, message: 'imported the example' }) });

  const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
  await page.goto(`${h.client.url}/designer?anim=0`);
  await page.fill('[data-testid=designer-signin-user]', 'designer');
  await page.fill('[data-testid=designer-signin-password]', 'onescreen');
  await page.click('[data-testid=designer-signin-submit]');
  await page.waitForSelector('[data-testid=designer-scene-weather]');
  await page.screenshot({ path: `${OUT}designer-list.png` });

  await page.click('[data-testid=designer-scene-weather]');
  await page.waitForSelector('[data-testid=designer-editor]');
  await page.click('[data-testid=designer-layer-rain]');
  await page.fill('[data-testid=designer-style-opacity]', '0.6');
  await previewReady(page, 'weather');
  await page.screenshot({ path: `${OUT}designer-edit.png` });

  await page.click('[data-testid=designer-save]');
  await page.fill('[data-testid=designer-save-message]', 'softer rain');
  await page.click('[data-testid=designer-save-confirm]');
  await page.waitForSelector('[data-testid=designer-saved]', { timeout: 30_000 });
  await page.click('[data-testid=designer-versions]');
  await page.click('[data-testid=designer-version-2]');
  await page.screenshot({ path: `${OUT}designer-versions.png` });

  await page.click('[data-testid=designer-back]');
  await page.click('[data-testid=designer-scene-generic]');
  await page.waitForSelector('[data-testid=designer-editor]');
  await previewReady(page, 'generic');
  await page.screenshot({ path: `${OUT}designer-generic-layers.png` });
} finally {
  await h.stop();
}
