import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { weatherModule } from './index.ts';

const scene = JSON.parse(readFileSync(new URL('../../../scenes/02-weather.json', import.meta.url), 'utf8'));

describe('the weather scene', () => {
  it('passes checkScene', () => {
    const result = checkScene(scene);
    expect(result.ok ? 'ok' : result.error).toBe('ok');
  });

  it('shows rain, warnings and stations with the module panels, over the whole municipality', () => {
    const kinds = scene.layers.map((l: { kind: string }) => l.kind).sort();
    expect(kinds).toEqual(['weather.rain', 'weather.stations', 'weather.warnings']);
    for (const p of scene.panels) expect(weatherModule.panels.some((k) => k.kind === p.kind)).toBe(true);
    expect(scene.camera.zoom).toBeLessThan(7.5);
    const result = checkScene(scene);
    if (result.ok) expect(sceneTopics(result.scene)).toEqual(['weather.forecast', 'weather.radar', 'weather.stations', 'weather.warnings']);
  });

  it('every layer kind has a legend and documents its style keys', () => {
    for (const kind of weatherModule.layers) {
      expect(kind.legend, kind.kind).toBeDefined();
      expect(Object.keys(kind.style.shape).length).toBeGreaterThan(0);
      expect(kind.kind.startsWith('weather.')).toBe(true);
    }
    expect(weatherModule.layers.find((l) => l.kind === 'weather.rain')!.animated).toBe(true);
  });

  it('rejects a style key the kind does not know', () => {
    const bad = structuredClone(scene);
    bad.layers[0].style = { colour: 'red' };
    const result = checkScene(bad);
    expect(result.ok).toBe(false);
  });
});
