// What a browser-test file runs against: its own hub, the built wall (vite preview over
// E2E_OUT_DIR, default dist/) and one headless Chromium, started before the file's tests and
// stopped after them, each process by its own id. The hub and the preview listen on free loopback
// ports chosen at start (the browser talks to playwright over a pipe: no port), so files, scripts
// and benchmarks never collide. A file that restarts the hub (hub.stop(), hub.start()) gets the
// same port back: the wall reconnects to the URL it was given.
//
//   const h = useHarness({ hubEnv: { HUB_TICK_MS: '600000' } });   // registers beforeAll/afterAll
//   it('…', async () => { const { page, errors } = await h.openPage('/wall?anim=0'); … });
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './browser.ts';
import { startClient, testHub, type TestHub } from './servers.ts';

export interface HarnessOptions {
  /** The hub's environment for this file, over the test defaults (TEST_SIZES, HUB_SIM_FAULTS=1, HUB_TICK_MS=1000). */
  hubEnv?: Record<string, string>;
}

export type Viewport = { width: number; height: number };

/** The size browser tests use unless they are about size (docs: DESIGN.md, Testing). */
export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 720 };

export interface Harness {
  /** The file's hub: `url` once started; stop() and start() restart it on the same port. */
  readonly hub: TestHub;
  /** The built wall, told the hub's URL (after start). */
  readonly client: { url: string };
  /** The file's browser (after start). */
  readonly browser: Browser;
  /** Starts hub, wall and browser (side by side) and waits until each answers. */
  start(): Promise<void>;
  /** Stops what start() started, each by its own process; safe after a failed or partial start. */
  stop(): Promise<void>;
  /** A new page of the file's browser at device scale 1, 1280×720 unless given. */
  newPage(viewport?: Viewport): Promise<Page>;
  /** A new page that collects its uncaught errors, opened at `path` of the wall (e.g. `/wall?anim=0`). */
  openPage(path: string, viewport?: Viewport): Promise<{ page: Page; errors: string[] }>;
}

export function harness(options: HarnessOptions = {}): Harness {
  const hub = testHub(0, options.hubEnv);
  let client: Awaited<ReturnType<typeof startClient>> | null = null;
  let browser: Browser | null = null;
  const started = <T>(what: string, value: T | null): T => {
    if (!value) throw new Error(`harness: ${what} before start()`);
    return value;
  };
  const self: Harness = {
    hub,
    get client() {
      return { url: started('client', client).url };
    },
    get browser() {
      return started('browser', browser);
    },
    async start() {
      const hubUrl = await hub.reservePort();
      // The wall only needs the hub's URL, not the hub: all three come up side by side.
      const results = await Promise.allSettled([
        hub.start(),
        startClient(0, hubUrl).then((c) => (client = c)),
        launchBrowser().then((b) => (browser = b)),
      ]);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        await self.stop();
        throw failed.reason;
      }
    },
    async stop() {
      await browser?.close().catch(() => {});
      browser = null;
      await Promise.all([client?.stop(), hub.stop()]);
      client = null;
    },
    newPage(viewport = DEFAULT_VIEWPORT) {
      return self.browser.newPage({ viewport, deviceScaleFactor: 1 });
    },
    async openPage(path, viewport) {
      const page = await self.newPage(viewport);
      const errors = collectPageErrors(page);
      await page.goto(`${self.client.url}${path}`);
      return { page, errors };
    },
  };
  return self;
}

/** A harness for this test file: started in a beforeAll, stopped in an afterAll (hooks the file adds later run inside them). */
export function useHarness(options: HarnessOptions = {}): Harness {
  const h = harness(options);
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  return h;
}
