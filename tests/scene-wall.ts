// The setup most browser tests share: a hub, the built wall and one page showing a scene, all
// started before a file's tests and stopped after them.
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './browser.ts';
import { startClient, testHub } from './servers.ts';

export interface SceneWallOptions {
  hubPort: number;
  clientPort: number;
  scene: string;
  viewport?: { width: number; height: number };
  /** Called with the page before it navigates (to listen to its traffic, for example). */
  beforeGoto?: (page: Page) => void;
}

export interface SceneWall {
  client: { url: string };
  browser: Browser;
  page: Page;
  /** Uncaught page errors so far: a wall test fails on any of them. */
  errors: string[];
}

export function sceneWall(options: SceneWallOptions) {
  const hub = testHub(options.hubPort);
  let client: Awaited<ReturnType<typeof startClient>> | null = null;
  let browser: Browser | null = null;
  return {
    hub,
    /** Starts everything and waits until the scene has drawn (for beforeAll). */
    async open(): Promise<SceneWall> {
      await hub.start();
      client = await startClient(options.clientPort, hub.url);
      browser = await launchBrowser();
      const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 720 }, deviceScaleFactor: 1 });
      const errors = collectPageErrors(page);
      options.beforeGoto?.(page);
      await page.goto(`${client.url}/wall?scene=${options.scene}&anim=0`);
      await page.waitForFunction((id) => document.documentElement.dataset.sceneReady === id, options.scene, { timeout: 90_000 });
      return { client: { url: client.url }, browser, page, errors };
    },
    /** Stops what open() started (for afterAll). */
    async close() {
      await browser?.close();
      await client?.stop();
      await hub.stop();
    },
  };
}
