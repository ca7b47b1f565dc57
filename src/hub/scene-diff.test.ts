import { describe, expect, it } from 'vitest';
import type { Scene } from './contract.ts';
import { diffScenes, isEmptyDiff } from './scene-diff.ts';

const base: Scene = {
  schemaVersion: 2,
  id: 'weather',
  title: '智慧气象',
  titleEn: 'Smart Weather',
  description: '',
  modules: ['weather'],
  camera: { center: [107.75, 30.15], zoom: 6.75, pitch: 30, bearing: 0 },
  city: { buildings: true },
  layers: [
    { id: 'warnings', kind: 'weather.warnings', visible: true, style: { opacity: 0.38 } },
    { id: 'rain', kind: 'weather.rain', visible: true, style: { opacity: 0.85 } },
    { id: 'stations', kind: 'weather.stations', visible: true, style: {} },
  ],
  panels: [
    { kind: 'weather.four-day', slot: 'left-1' },
    { kind: 'weather.forecast', slot: 'left-2' },
  ],
};

describe('a scene diff', () => {
  it('is empty between a scene and itself', () => {
    expect(isEmptyDiff(diffScenes(base, structuredClone(base)))).toBe(true);
  });

  it('names layers added, removed and the fields of each that changed', () => {
    const after: Scene = {
      ...base,
      title: '气象',
      layers: [
        { ...base.layers[0], style: { opacity: 0.5 } },
        { ...base.layers[1], visible: false, style: { opacity: 0.85, scale: 2 } },
        { id: 'heat', kind: 'kit.heatmap', topic: 'traffic.vehicles', visible: true, style: {} },
      ],
    };
    const d = diffScenes(base, after);
    expect(d.fields).toEqual(['title']);
    expect(d.layers).toEqual({
      added: ['heat'],
      removed: ['stations'],
      changed: { warnings: ['style.opacity'], rain: ['visible', 'style.scale'] },
      reordered: false,
    });
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('tells a reorder of the layers both scenes have from adds and removes', () => {
    const swapped = { ...base, layers: [base.layers[1], base.layers[0], base.layers[2]] };
    expect(diffScenes(base, swapped).layers.reordered).toBe(true);
    const dropped = { ...base, layers: [base.layers[0], base.layers[2]] };
    expect(diffScenes(base, dropped).layers.reordered).toBe(false);
  });

  it('names panels added, removed and moved between slots', () => {
    const after: Scene = {
      ...base,
      panels: [
        { kind: 'weather.four-day', slot: 'right-1' },
        { kind: 'weather.extremes', slot: 'left-3' },
      ],
    };
    expect(diffScenes(base, after).panels).toEqual({
      added: ['weather.extremes @ left-3'],
      removed: ['weather.forecast @ left-2'],
      moved: { 'weather.four-day': 'left-1 → right-1' },
    });
  });
});
