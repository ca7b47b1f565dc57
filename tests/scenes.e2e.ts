// Every scene file, opened on the wall: its layers draw (pixels with and without them differ),
// its panels show hub data, its coloured layers have legends, and nothing throws.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectPageErrors } from './browser.ts';
import { overlappingLabels } from './framing.ts';
import { useHarness } from './harness.ts';
import { changedShare, waitFrames } from './pixels.ts';
import { LAYER_KINDS } from '../src/modules/registry.ts';

const SCENES_DIR = new URL('../scenes/', import.meta.url);
const scenes = readdirSync(SCENES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, SCENES_DIR), 'utf8')) as {
    id: string;
    title: string;
    layers: { id: string; kind: string; visible?: boolean }[];
    panels: { kind: string }[];
  });

const h = useHarness();

describe.each(scenes)('scene $id', (scene) => {
  it(`${scene.title}: layers draw, panels show hub data, legends present`, async () => {
    const page = await h.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${h.client.url}/wall?scene=${scene.id}&anim=0`);
      await page.waitForFunction((id) => document.documentElement.dataset.sceneReady === id, scene.id, { timeout: 90_000 });
      await expect(page.textContent('[data-testid=scene-title] strong')).resolves.toBe(scene.title);

      // The twin between the columns, with the scene's layers and without them.
      const clip = { x: 300, y: 70, width: 680, height: 570 };
      await waitFrames(page, 1);
      const withLayers = await page.screenshot({ clip });
      await page.evaluate(() => window.__onescreenTwin!.setLayersHidden!(true));
      await waitFrames(page, 1);
      const baseOnly = await page.screenshot({ clip });
      await page.evaluate(() => window.__onescreenTwin!.setLayersHidden!(false));
      // At least 1 % of the twin (the city scene's landmarks, framed as on a 1920×1080 wall, draw 1.7 %).
      expect(await changedShare(page, withLayers, baseOnly), 'share of the twin drawn by the scene layers').toBeGreaterThan(0.01);

      // Map labels are placed, never on top of each other.
      const labels = await page.evaluate(() => window.__onescreenTwin!.labels!());
      expect(overlappingLabels(labels), 'overlapping map labels').toEqual([]);

      const visibleLayers = scene.layers.filter((l) => l.visible !== false);
      const layerIds = await page.evaluate(() => window.__onescreenTwin!.layerIds);
      for (const l of visibleLayers) expect(layerIds.some((id) => id === l.id || id.startsWith(`${l.id}-`)), l.id).toBe(true);
      // Coloured data layers come with legends (models and tiles carry their own colours; some
      // legends appear only in a state, such as a drill-down).
      if (visibleLayers.some((l) => LAYER_KINDS.get(l.kind)?.legend)) {
        await page.locator('[data-testid=legends] .legend').first().waitFor({ timeout: 10_000 });
      }

      for (const p of scene.panels) {
        const panel = page.locator(`[data-testid="panel-${p.kind}"]`);
        await panel.waitFor({ timeout: 10_000 });
        await page.waitForFunction(
          (kind) => {
            const el = document.querySelector(`[data-testid="panel-${kind}"] .panel__body`);
            if (!el || el.querySelector('.panel__waiting, .panel__error')) return false;
            return (el.textContent ?? '').trim().length > 0 || !!el.querySelector('canvas');
          },
          p.kind,
          { timeout: 30_000 },
        );
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
