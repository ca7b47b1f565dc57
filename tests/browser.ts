// Headless Chromium for tests and screenshots: Debian's /usr/bin/chromium driven by playwright-core
// (no browser download works here). Software WebGL through SwiftShader.
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Waits until the twin reports a real frame with districts drawn (see src/twin/twin-status.ts). */
export async function waitForTwin(page: Page, timeout = 90_000) {
  await page.waitForFunction(() => document.documentElement.dataset.twinReady === '1', null, { timeout });
  // Two more animation frames so that the frame after the ready signal is on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Collects uncaught page errors: a wall test fails on any of them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
