// Headless Chromium for tests, screenshots and benchmarks: Debian's /usr/bin/chromium driven by
// playwright-core (no browser download works here), with software WebGL.
//
// WebGL runs on Mesa's llvmpipe through ANGLE's GL/EGL back end by default (Debian's libegl-mesa0
// and libgl1-mesa-dri): multithreaded, several times faster than SwiftShader here, and it keeps
// several WebGL pages of one browser drawing. With SwiftShader, Chromium's default, a third
// wall page in one browser stalled for minutes (no animation frame, a new Worker silent, CPU idle)
// and the control tests failed in cascade. `ONESCREEN_GL=swiftshader` selects it anyway.
import { chromium, type Page } from 'playwright-core';

const COMMON_ARGS = [
  '--no-sandbox',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const GL_ARGS: Record<string, string[]> = {
  llvmpipe: ['--use-gl=angle', '--use-angle=gl-egl'],
  swiftshader: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
};

/** The software WebGL in use: `llvmpipe` (default) or `swiftshader`. */
export const SOFTWARE_GL = process.env.ONESCREEN_GL === 'swiftshader' ? 'swiftshader' : 'llvmpipe';

export const CHROMIUM_ARGS = [...COMMON_ARGS, ...GL_ARGS[SOFTWARE_GL]];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Waits until the twin reports a real frame with districts drawn (see src/twin/twin-status.ts). */
export async function waitForTwin(page: Page, timeout = 90_000) {
  await page.waitForFunction(() => document.documentElement.dataset.twinReady === '1', null, { timeout, polling: 200 });
  // Two more animation frames so that the frame after the ready signal is on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The WebGL renderer a page gets (benchmarks record it beside their figures). */
export function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
  });
}

/** Collects uncaught page errors: a wall test fails on any of them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
