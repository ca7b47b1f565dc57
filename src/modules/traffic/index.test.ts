import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { createLayerMemo, type LayerContext } from '../../core/module-api.ts';
import { trafficModule } from './index.ts';

const scene = JSON.parse(readFileSync(new URL('../../../scenes/04-traffic.json', import.meta.url), 'utf8'));
const kind = (k: string) => trafficModule.layers.find((l) => l.kind === k)!;

function ctx(values: Record<string, unknown>, kindName: string): LayerContext {
  const k = kind(kindName);
  return {
    layer: { id: 'x', kind: kindName, visible: true, style: {} },
    style: k.style.parse({}),
    memo: createLayerMemo(),
    topic: k.topic,
    value: ((t: string) => (t in values ? { seq: 1, time: Date.UTC(2024, 4, 20, 10), data: values[t] } : undefined)) as LayerContext['value'],
    districts: null,
    overview: null,
    selectedDistrict: null,
    scale: 1,
    now: 0,
    animate: false,
  };
}

describe('traffic module', () => {
  it('its scene passes checkScene and subscribes to exactly the traffic topics', () => {
    const check = checkScene(scene);
    expect(check.ok, check.ok ? '' : check.error).toBe(true);
    if (check.ok) expect(sceneTopics(check.scene)).toEqual(['traffic.congestion', 'traffic.roads', 'traffic.vehicles']);
    expect(scene.camera).toMatchObject({ center: [106.55, 29.57], zoom: 11, pitch: 50 });
  });

  it('prefixes every kind with the module id', () => {
    for (const l of trafficModule.layers) expect(l.kind.startsWith('traffic.')).toBe(true);
    for (const p of trafficModule.panels) expect(p.kind.startsWith('traffic.')).toBe(true);
  });

  it('every layer kind has a legend: the five congestion levels in order, speed with units, incident kinds', () => {
    const roads = kind('traffic.roads').legend!(ctx({}, 'traffic.roads'))!;
    expect(roads.type).toBe('categories');
    if (roads.type === 'categories') {
      expect(roads.items.map((i) => i.label)).toEqual(['畅通 0–2', '基本畅通 2–4', '轻度拥堵 4–6', '中度拥堵 6–8', '严重拥堵 8–10']);
      expect(roads.items.map((i) => i.color)).toEqual(['#3ddc84', '#a6e05a', '#ffd166', '#ff9f43', '#ff4d5e']);
    }
    const vehicles = kind('traffic.vehicles').legend!(ctx({}, 'traffic.vehicles'))!;
    expect(vehicles.type === 'ramp' && vehicles.unit).toBe('km/h');
    const incidents = kind('traffic.incidents').legend!(ctx({}, 'traffic.incidents'))!;
    expect(incidents.type === 'categories' && incidents.items.map((i) => i.label)).toEqual(['交通事故', '故障车辆', '道路施工']);
  });

  it('roads are ready only with the network and its congestion; layers build nothing without data', () => {
    expect(kind('traffic.roads').ready!(ctx({ 'traffic.roads': { version: 1, roads: [] } }, 'traffic.roads'))).toBe(false);
    expect(kind('traffic.roads').ready!(ctx({ 'traffic.roads': { version: 1, roads: [] }, 'traffic.congestion': {} }, 'traffic.roads'))).toBe(true);
    for (const l of trafficModule.layers) expect(l.build(ctx({}, l.kind))).toEqual([]);
  });

  it('tooltips ignore objects that are not theirs', () => {
    for (const l of trafficModule.layers) {
      for (const junk of [null, undefined, 42, 'x', {}, { id: 'a' }]) expect(l.tooltip?.(junk, ctx({}, l.kind)) ?? null).toBeNull();
    }
  });
});
