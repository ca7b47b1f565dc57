// The scene designer end to end: a designer builds a scene from a template in /designer, adds a
// layer, moves a panel and takes the move back, saves and publishes; a wall showing the scene takes
// each newly published version live, without a reload. When another designer saved meanwhile, the
// stale save gets the conflict with what they changed, never a silent overwrite.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTwin } from './browser.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const SCENE = 'night-watch';
let designer: Page;
let designerErrors: string[];
let wall: Page;
let wallErrors: string[];

async function signIn(page: Page) {
  await page.fill('[data-testid=designer-signin-user]', 'designer');
  await page.fill('[data-testid=designer-signin-password]', 'onescreen');
  await page.click('[data-testid=designer-signin-submit]');
}

async function saveAndPublish(page: Page, message: string) {
  await page.click('[data-testid=designer-save]');
  await page.fill('[data-testid=designer-save-message]', message);
  await page.click('[data-testid=designer-save-confirm]');
  await page.waitForSelector('[data-testid=designer-dirty]', { state: 'detached', timeout: 30_000 });
  const before = await page.locator('[data-testid=designer-notice]').textContent().catch(() => null);
  await page.click('[data-testid=designer-publish]');
  // The notice of this publish, not of an earlier one.
  await page.waitForFunction(
    (old) => {
      const text = document.querySelector('[data-testid=designer-notice]')?.textContent ?? '';
      return text !== old && /Published version \d+/.test(text);
    },
    before,
    { timeout: 30_000 },
  );
}

/** Another designer's session at the hub's REST API. */
async function designerApi() {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${h.hub.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const { token } = (await call('POST', '/auth/designer', { user: 'designer', password: 'onescreen' })).body as { token: string };
  return {
    get: async (path: string) => (await call('GET', path, undefined, token)).body,
    put: (path: string, body: unknown) => call('PUT', path, body, token),
  };
}

/** Which panel kind each slot of the editor's board holds now. */
const slotKind = (page: Page, slot: string) => page.getAttribute(`[data-testid=designer-slot-${slot}]`, 'data-kind');

describe('the scene designer', { timeout: 240_000 }, () => {
  it('builds a scene from a template: a layer added, a panel moved and moved back, saved and published', async () => {
    ({ page: designer, errors: designerErrors } = await h.openPage('/designer?anim=0', { width: 1920, height: 1080 }));
    await signIn(designer);
    await designer.click('[data-testid=designer-new]');
    await designer.click('[data-testid=designer-template-map-four-panels]');
    await designer.fill('[data-testid=designer-new-id]', SCENE);
    await designer.fill('[data-testid=designer-new-title]', '夜间值守');
    await designer.fill('[data-testid=designer-new-title-en]', 'Night Watch');
    await designer.click('[data-testid=designer-new-submit]');
    await designer.waitForSelector('[data-testid=designer-editor]', { timeout: 30_000 });

    await designer.click('[data-testid=designer-add-layer]');
    await designer.click('[data-testid=designer-layer-kind-kit\\.heatmap]');
    await designer.waitForSelector('[data-testid=designer-layer-heatmap]');

    expect(await slotKind(designer, 'left-1')).toBe('overview.systems');
    await designer.dragAndDrop('[data-testid=designer-slot-left-1]', '[data-testid=designer-slot-right-4]');
    expect(await slotKind(designer, 'right-4')).toBe('overview.systems');
    expect(await slotKind(designer, 'left-1')).toBeNull();
    await designer.click('[data-testid=designer-undo]');
    expect(await slotKind(designer, 'left-1')).toBe('overview.systems');
    expect(await slotKind(designer, 'right-4')).toBeNull();
    await designer.waitForSelector('[data-testid=designer-problems][data-count="0"]');

    await saveAndPublish(designer, 'first version');
  });

  it('a wall showing the scene takes its next published version live, without a reload', async () => {
    ({ page: wall, errors: wallErrors } = await h.openPage(`/wall?anim=0&wall=designer&display=0&scene=${SCENE}`));
    await wall.waitForSelector('[data-testid=scene-title]:has-text("夜间值守")', { timeout: 120_000 });
    // A wall that is up (its first frame drawn: on software WebGL, starting up holds its thread).
    await waitForTwin(wall, 180_000);
    await wall.waitForSelector('[data-testid=connection-badge][data-status=live]', { timeout: 60_000 });
    await wall.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await designer.fill('[data-testid=designer-title]', '夜间值守二');
    await saveAndPublish(designer, 'renamed');
    await wall.waitForSelector('[data-testid=scene-title]:has-text("夜间值守二")', { timeout: 30_000 });
    expect(await wall.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(wallErrors).toEqual([]);
  });

  it("a designer whose save is stale gets the conflict, with what the other designer changed", async () => {
    // Another designer (through the hub's API, as any tool of theirs would) saves while this one
    // has the scene open.
    const other = await designerApi();
    const head = (await other.get(`/designer/scenes/${SCENE}`)) as { head: { version: number }; scene: Record<string, unknown> };
    const saved = await other.put(`/designer/scenes/${SCENE}`, { baseVersion: head.head.version, scene: { ...head.scene, description: 'Duty officers at night' }, message: 'described' });
    expect(saved.status).toBe(200);

    await designer.fill('[data-testid=designer-title]', '夜班');
    await designer.click('[data-testid=designer-save]');
    await designer.fill('[data-testid=designer-save-message]', 'mine');
    await designer.click('[data-testid=designer-save-confirm]');
    const conflict = await designer.waitForSelector('[data-testid=designer-conflict]', { timeout: 30_000 });
    expect(await conflict.textContent()).toMatch(/description/);
    // Nothing was overwritten: the hub still has the other designer's version at its head.
    const after = (await other.get(`/designer/scenes/${SCENE}`)) as { head: { version: number }; scene: { description: string; title: string } };
    expect(after.head.version).toBe(head.head.version + 1);
    expect(after.scene).toMatchObject({ description: 'Duty officers at night', title: '夜间值守二' });
    expect(designerErrors).toEqual([]);
  });
});
