import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { createLayerMemo, type LayerContext } from '../../core/module-api.ts';
import { govModule } from './index.ts';

const scene = JSON.parse(readFileSync(new URL('../../../scenes/07-gov.json', import.meta.url), 'utf8'));
const kind = (k: string) => govModule.layers.find((l) => l.kind === k)!;
const ctx = (k: string, data?: unknown): LayerContext => ({
  layer: { id: 'x', kind: k, visible: true, style: {} },
  style: kind(k).style.parse({}),
  memo: createLayerMemo(),
  topic: kind(k).topic,
  value: ((t: string) => (data && t === 'gov.services' ? { seq: 1, time: 1, data } : undefined)) as LayerContext['value'],
  districts: null,
  overview: null,
  selectedDistrict: null,
  scale: 1,
  now: 0,
  animate: false,
});

describe('gov module', () => {
  it('its scene passes checkScene and subscribes to gov.services only', () => {
    const check = checkScene(scene);
    expect(check.ok, check.ok ? '' : check.error).toBe(true);
    if (check.ok) expect(sceneTopics(check.scene)).toEqual(['gov.services']);
  });

  it('kinds are prefixed with the module id; every layer has a legend with units or named bands', () => {
    for (const x of [...govModule.layers, ...govModule.panels]) expect(x.kind.startsWith('gov.')).toBe(true);
    const halls = kind('gov.halls').legend!(ctx('gov.halls'))!;
    expect(halls.type === 'categories' && halls.items.map((i) => i.label)).toEqual(['≤10 分钟', '10–20 分钟', '20–30 分钟', '>30 分钟', '非办公时间']);
    const matters = kind('gov.district-matters').legend!(ctx('gov.district-matters', { districts: [{ code: '500103', mattersToday: 1, population: 1, per10k: 42 }] }))!;
    expect(matters.type === 'ramp' && matters.unit).toBe('件/万人');
    expect(matters.type === 'ramp' && matters.ticks.at(-1)).toBe('42 件/万人');
  });

  it('builds nothing without data and ignores foreign objects in tooltips', () => {
    for (const l of govModule.layers) {
      expect(l.build(ctx(l.kind))).toEqual([]);
      for (const junk of [null, 1, 'x', {}, { id: 'a' }, { properties: {} }]) expect(l.tooltip?.(junk, ctx(l.kind)) ?? null).toBeNull();
    }
  });
});
