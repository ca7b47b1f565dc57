// The layers a wall shows and the topics it subscribes to are decided in one place
// (src/core/scene-view.ts): a layer its scene hides and the console shows gets its data.
import { describe, expect, it } from 'vitest';
import { shownLayers, sceneTopics } from '../core/scene-view.ts';
import { REGISTRY } from '../modules/registry.ts';
import { loadBundledScenes } from './bundled-scenes.ts';

const { scenes } = loadBundledScenes();

/** Topics only this layer brings (no other layer or panel of the scene reads them). */
function ownTopics(sceneId: string, layerId: string): string[] {
  const scene = scenes.find((s) => s.id === sceneId)!;
  const without = sceneTopics({ ...scene, layers: scene.layers.filter((l) => l.id !== layerId) }, REGISTRY, undefined);
  return sceneTopics(scene, REGISTRY, undefined).filter((t) => !without.includes(t));
}

describe('shown layers and their topics', () => {
  const cases = scenes.flatMap((scene) => scene.layers.map((layer) => ({ scene, layer, own: ownTopics(scene.id, layer.id) })));

  it('some bundled layer brings a topic of its own (the case below is not empty)', () => {
    expect(cases.filter((c) => c.own.length).length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.filter((c) => c.own.length).map((c) => [`${c.scene.id}/${c.layer.id}`, c] as const))(
    '%s: hidden by the scene, shown by the console, it is drawn and its topics are subscribed',
    (_name, { scene, layer, own }) => {
      const hiddenScene = { ...scene, layers: scene.layers.map((l) => (l.id === layer.id ? { ...l, visible: false } : l)) };
      expect(shownLayers(hiddenScene, REGISTRY, undefined).map((s) => s.layer.id)).not.toContain(layer.id);
      for (const t of own) expect(sceneTopics(hiddenScene, REGISTRY, undefined)).not.toContain(t);

      const consoleShows = { [layer.id]: true };
      expect(shownLayers(hiddenScene, REGISTRY, consoleShows).map((s) => s.layer.id)).toContain(layer.id);
      for (const t of own) expect(sceneTopics(hiddenScene, REGISTRY, consoleShows)).toContain(t);

      const consoleHides = { [layer.id]: false };
      expect(shownLayers(scene, REGISTRY, consoleHides).map((s) => s.layer.id)).not.toContain(layer.id);
      for (const t of own) expect(sceneTopics(scene, REGISTRY, consoleHides)).not.toContain(t);
    },
  );
});
