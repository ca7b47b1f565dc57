// The scene designer end to end: a designer builds a scene from a template in /designer, adds a
// layer, moves a panel and takes the move back, saves and publishes; a wall showing the scene takes
// each newly published version live, without a reload. A second designer whose save is stale gets
// the conflict with what the first one changed, never a silent overwrite.
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
  await page.click('[data-testid=designer-publish]');
  await page.waitForSelector('[data-testid=designer-notice]:has-text("发布")', { timeout: 30_000 });
}

/** Which panel kind each slot of the editor's board holds now. */
const slotKind = (page: Page, slot: string) => page.getAttribute(`[data-testid=designer-slot-${slot}]`, 'data-kind');

describe('the scene designer', () => {
  it('builds a scene from a template: a layer added, a panel moved and moved back, saved and published', async () => {
    ({ page: designer, errors: designerErrors } = await h.openPage('/designer', { width: 1920, height: 1080 }));
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
    await designer.waitForSelector('[data-testid^=designer-layer-kit-heatmap]');

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
    await waitForTwin(wall, 180_000);
    await wall.waitForSelector('[data-testid=scene-title]:has-text("夜间值守")', { timeout: 60_000 });
    await wall.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await designer.fill('[data-testid=designer-title]', '夜间值守二');
    await saveAndPublish(designer, 'renamed');
    await wall.waitForSelector('[data-testid=scene-title]:has-text("夜间值守二")', { timeout: 10_000 });
    expect(await wall.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(wallErrors).toEqual([]);
  });

  it("a second designer's stale save gets the conflict, with what the first changed", async () => {
    const { page: second, errors: secondErrors } = await h.openPage('/designer', { width: 1920, height: 1080 });
    await signIn(second);
    await second.click(`[data-testid=designer-scene-${SCENE}]`);
    await second.waitForSelector('[data-testid=designer-editor]');

    // The first designer saves while the second has the scene open.
    await designer.fill('[data-testid=designer-description]', 'Duty officers at night');
    await designer.click('[data-testid=designer-save]');
    await designer.fill('[data-testid=designer-save-message]', 'described');
    await designer.click('[data-testid=designer-save-confirm]');
    await designer.waitForSelector('[data-testid=designer-dirty]', { state: 'detached', timeout: 30_000 });

    await second.fill('[data-testid=designer-title]', '夜班');
    await second.click('[data-testid=designer-save]');
    await second.fill('[data-testid=designer-save-message]', 'mine');
    await second.click('[data-testid=designer-save-confirm]');
    const conflict = await second.waitForSelector('[data-testid=designer-conflict]', { timeout: 30_000 });
    expect(await conflict.textContent()).toMatch(/description/);
    expect(secondErrors).toEqual([]);
    expect(designerErrors).toEqual([]);
  });
});
