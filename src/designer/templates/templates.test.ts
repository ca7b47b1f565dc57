import { describe, expect, it } from 'vitest';
import { checkScene } from '../../modules/scene-validation.ts';
import { TEMPLATES, sceneFromTemplate } from './index.ts';

describe('scene templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s passes checkScene as it is and under a designer’s names', (_, t) => {
    const own = checkScene(t.scene);
    expect(own.ok ? null : own.error).toBeNull();
    const named = checkScene(sceneFromTemplate(t, 'my-scene', '我的场景', 'My scene'));
    expect(named.ok ? null : named.error).toBeNull();
    if (named.ok) expect([named.scene.id, named.scene.title, named.scene.titleEn]).toEqual(['my-scene', '我的场景', 'My scene']);
  });

  it('offers a blank one, a map with four panels and a heat view, each with its own id', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['blank', 'map-four-panels', 'heat-view']);
    const four = TEMPLATES[1].scene as { panels: unknown[]; layers: unknown[] };
    expect(four.panels).toHaveLength(4);
    expect(four.layers.length).toBeGreaterThan(0);
    expect((TEMPLATES[0].scene as { layers: unknown[] }).layers).toEqual([]);
    expect((TEMPLATES[2].scene as { layers: { kind: string; topic: string }[] }).layers[0]).toMatchObject({ kind: 'kit.heatmap', topic: 'traffic.vehicles' });
  });

  it('a scene made from a template does not share the template’s objects', () => {
    const a = sceneFromTemplate(TEMPLATES[1], 'a', 'a', 'a') as { panels: { slot: string }[] };
    a.panels[0].slot = 'right-6';
    expect((TEMPLATES[1].scene as { panels: { slot: string }[] }).panels[0].slot).toBe('left-1');
  });
});
