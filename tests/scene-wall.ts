// The setup most scene tests share: the file's harness (hub, built wall, browser on free ports) and
// one page showing a scene, opened before a file's tests and stopped after them.
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { collectPageErrors } from './browser.ts';
import { DEFAULT_VIEWPORT, harness, type HarnessOptions, type Viewport } from './harness.ts';

export interface SceneWallOptions extends HarnessOptions {
  scene: string;
  viewport?: Viewport;
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
  const h = harness(options);
  const view = options.viewport ?? DEFAULT_VIEWPORT;
  let opened: Page | null = null;
  const page = () => {
    if (!opened) throw new Error('sceneWall: open() first');
    return opened;
  };
  return {
    hub: h.hub,
    /** Starts everything and waits until the scene has drawn (for beforeAll). */
    async open(): Promise<SceneWall> {
      await h.start();
      const page = await h.newPage(options.viewport);
      const errors = collectPageErrors(page);
      options.beforeGoto?.(page);
      await page.goto(`${h.client.url}/wall?scene=${options.scene}&anim=0`);
      await page.waitForFunction((id) => document.documentElement.dataset.sceneReady === id, options.scene, { timeout: 90_000 });
      opened = page;
      return { client: h.client, browser: h.browser, page, errors };
    },
    /** Stops what open() started (for afterAll). */
    close: () => h.stop(),
    /** Where a place is on screen (the twin's projection). */
    project: (lonLat: [number, number]) => page().evaluate((p) => window.__onescreenTwin!.project!(p), lonLat),
    /** Whether a screen point is on the twin between the panel columns (420 design px a side at scale 2/3), with a margin. */
    inMiddle: (p: { x: number; y: number }) => p.x > 310 && p.x < view.width - 310 && p.y > 70 && p.y < view.height - 150,
    /** Hovers a screen point: the twin's tooltip once it shows, or null after 8 s (a neighbour's label may cover the point). */
    async hoverTooltip(p: { x: number; y: number }): Promise<Locator | null> {
      await page().mouse.move(p.x, p.y);
      const tooltip = page().locator('.twin-tooltip');
      try {
        await tooltip.waitFor({ state: 'visible', timeout: 8000 });
        return tooltip;
      } catch {
        return null;
      }
    },
    /** The hub's REST snapshot of a topic (its `data`), which must be served. */
    async topic<T>(name: string): Promise<T> {
      const res = await fetch(`${h.hub.url}/api/v1/topics/${name}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: T }).data;
    },
  };
}
