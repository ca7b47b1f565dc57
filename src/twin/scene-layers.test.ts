import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineLayerKind, type Registry } from '../core/module-api.ts';
import type { Scene } from '../hub/contract.ts';
import { SceneLayerStates, buildSceneFrame, contextFor, type SceneFrameInput } from './scene-layers.ts';

const kind = defineLayerKind({
  kind: 'test.dots',
  title: '点',
  titleEn: 'Dots',
  style: z.strictObject({ opacity: z.number().min(0).max(1).default(0.5).describe('Opacity') }),
  build: () => [],
});
const registry: Registry = { modules: [], layerKinds: new Map([[kind.kind, kind]]), panelKinds: new Map(), moduleIds: new Set(['test']) };
const scene = (style: Record<string, number>) =>
  ({ id: 's', layers: [{ id: 'dots', kind: 'test.dots', visible: true, style }], panels: [], modules: ['test'] }) as unknown as Scene;
const input = (s: Scene, layerStates?: SceneLayerStates): SceneFrameInput => ({
  scene: s,
  registry,
  topics: { values: {} },
  districts: null,
  overview: null,
  selectedDistrict: null,
  scale: 1,
  now: 0,
  animate: false,
  layerStates,
});

const derive = (a: number) => ({ a });

describe('scene layer states', () => {
  it('parse the style once per scene layer, with defaults filled', () => {
    const states = new SceneLayerStates();
    const s = scene({});
    const a = contextFor(kind, s.layers[0], input(s, states));
    expect(a.style).toEqual({ opacity: 0.5 });
    expect(contextFor(kind, s.layers[0], input(s, states)).style).toBe(a.style);
    const s2 = scene({ opacity: 0.9 });
    expect(contextFor(kind, s2.layers[0], input(s2, states)).style).toEqual({ opacity: 0.9 });
  });

  it('keep a memo per scene layer, dropped with the layer', () => {
    const states = new SceneLayerStates();
    const s = scene({});
    const memo = () => contextFor(kind, s.layers[0], input(s, states)).memo;
    expect(memo()(derive, 1)).toBe(memo()(derive, 1));
    expect(memo()(derive, 2)).not.toBe(memo()(derive, 1));
    const first = memo()(derive, 1);
    states.retain({ ...s, layers: [] });
    states.retain(s);
    expect(memo()(derive, 1)).not.toBe(first);
  });

  it('a refused style is reported and the layer draws with its defaults', () => {
    const errors: string[] = [];
    const s = scene({ opacity: 7 });
    const frame = buildSceneFrame(input(s, new SceneLayerStates()), (id, err) => errors.push(`${id}: ${(err as Error).message}`));
    expect(errors).toEqual([expect.stringMatching(/^dots: style\.opacity: /)]);
    expect(frame.ready).toBe(true);
  });
});
