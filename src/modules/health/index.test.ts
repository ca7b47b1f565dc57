import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { REGISTRY } from '../registry.ts';
import { SceneLayerStates, buildSceneFrame, contextFor } from '../../twin/scene-layers.ts';
import type { Scene } from '../../hub/contract.ts';
import { HEALTH_TOPICS } from '../../hub/topics/health.ts';
import type { TopicState } from '../../store/topic-store.ts';
import { healthModule } from './index.ts';
import { CHECKPOINTS, DISTRICTS, T0, checkpoint, district, healthDistricts } from './test-fixtures.ts';
import { ALERT_ROWS, alertRows } from './panels/AlertsPanel.tsx';
import { watchRows } from './panels/CheckpointWatchPanel.tsx';
import { codesRingOption } from './panels/CodesPanel.tsx';
import { topDistrictRows, topDistrictsOption } from './panels/TopDistrictsPanel.tsx';
import { trendOption } from './panels/TrendPanel.tsx';
import { LEVEL_COLORS, formatPeople } from './scales.ts';
import { formatSince } from '../../core/format.ts';

const raw = JSON.parse(readFileSync(new URL('../../../scenes/03-health.json', import.meta.url), 'utf8'));

// What the scene driver keeps per scene layer between draws (parsed style, memo).
const layerStates = new SceneLayerStates();

function frameInput(scene: Scene, values: TopicState['values'], animate = false) {
  return { scene, registry: REGISTRY, topics: { values }, districts: DISTRICTS, overview: null, selectedDistrict: null, scale: 1, now: animate ? T0 : 0, animate, layerStates };
}

describe('the health scene', () => {
  it('passes checkScene and subscribes to exactly the health topics', () => {
    const r = checkScene(raw);
    expect(r.ok ? 'ok' : r.error).toBe('ok');
    if (!r.ok) return;
    expect(r.scene.id).toBe('health');
    expect(r.scene.title).toBe('健康码');
    expect(sceneTopics(r.scene)).toEqual([HEALTH_TOPICS.checkpoints, HEALTH_TOPICS.districts, HEALTH_TOPICS.trend]);
    expect(r.scene.panels.length).toBe(6);
  });

  it('is refused with a style key the kind does not have', () => {
    const bad = structuredClone(raw);
    bad.layers[0].style = { colour: 'red' };
    const r = checkScene(bad);
    expect(r.ok ? '' : r.error).toMatch(/^layers\.0\.style\.colour:/);
  });
});

describe('healthModule', () => {
  it('names every kind with the module prefix and documents every style key', () => {
    expect(healthModule.id).toBe('health');
    for (const k of [...healthModule.layers, ...healthModule.panels]) expect(k.kind.startsWith('health.')).toBe(true);
    for (const p of healthModule.panels) expect(p.topics.every((t) => Object.values(HEALTH_TOPICS).includes(t as never))).toBe(true);
    const shares = healthModule.layers.find((l) => l.kind === 'health.district-shares')!;
    expect(Object.keys(shares.style.shape).sort()).toEqual(['labels', 'opacity']);
    expect(healthModule.layers.find((l) => l.kind === 'health.alert-outlines')!.animated).toBe(true);
  });

  it('layers wait for their data, then build with ids prefixed by the scene layer id', () => {
    const scene = checkScene(raw);
    if (!scene.ok) throw new Error(scene.error);
    const values = {
      [HEALTH_TOPICS.districts]: { seq: 4, time: T0, data: healthDistricts() },
      [HEALTH_TOPICS.checkpoints]: { seq: 9, time: T0, data: CHECKPOINTS },
    };
    for (const entry of scene.scene.layers) {
      const kind = healthModule.layers.find((l) => l.kind === entry.kind)!;
      const empty = contextFor(kind, entry, frameInput(scene.scene, {}));
      expect(kind.ready ? kind.ready(empty) : empty.topic !== undefined && empty.value(empty.topic) !== undefined).toBe(false);
      const ctx = contextFor(kind, entry, frameInput(scene.scene, values));
      const layers = kind.build(ctx);
      expect(layers.length).toBeGreaterThan(0);
      for (const l of layers) expect(l.id.startsWith(`${entry.id}-`)).toBe(true);
      // Every coloured layer has a legend, with units.
      const legend = kind.legend!(ctx)!;
      expect(legend.title.length).toBeGreaterThan(0);
      if (legend.type === 'ramp') expect(legend.unit).toBe('%');
      else expect(legend.items.length).toBe(4);
    }
  });

  it('legends: the ramp shows % ticks; alerts list the four warning levels in order', () => {
    const [shares, alerts, checkpoints] = healthModule.layers;
    const ctx = {} as never;
    const ramp = shares.legend!(ctx)!;
    expect(ramp.type === 'ramp' && ramp.ticks).toEqual(['0', '0.5%', '≥2%']);
    const levels = alerts.legend!(ctx)!;
    expect(levels.type === 'categories' && levels.items.map((i) => i.label)).toEqual(['蓝色预警', '黄色预警', '橙色预警', '红色预警']);
    expect(levels.type === 'categories' && levels.items.map((i) => i.color)).toEqual(['#3d8bff', '#ffd23f', '#ff8c1a', '#ff3b30']);
    const status = checkpoints.legend!(ctx)!;
    expect(status.type === 'categories' && status.items.map((i) => i.label)).toEqual(['正常 <1%', '关注 1%–2%', '警示 2%–4%', '报警 ≥4%']);
  });

  it('tooltips: districts through the choropleth, checkpoints by name; other objects none', () => {
    const scene = checkScene(raw);
    if (!scene.ok) throw new Error(scene.error);
    const values = { [HEALTH_TOPICS.districts]: { seq: 1, time: T0, data: healthDistricts() } };
    const [shares, , points] = healthModule.layers;
    const ctx = contextFor(shares, scene.scene.layers[0], frameInput(scene.scene, values));
    expect(shares.tooltip!(DISTRICTS.features[1], ctx)![0]).toBe('城口县 Chengkou');
    expect(shares.tooltip!({ foo: 1 }, ctx)).toBeNull();
    const cpCtx = contextFor(points, scene.scene.layers[2], frameInput(scene.scene, values));
    expect(points.tooltip!(checkpoint('cp-z', 10, 0), cpCtx)![1]).toBe('医院 · 渝北区');
  });
});

describe('health beacons in the 3D city', () => {
  it('orange and red alerts raise one 3D element with a beacon each; the same element while nothing changes', () => {
    const scene = checkScene(raw);
    if (!scene.ok) throw new Error(scene.error);
    const frameOf = (alert: Parameters<typeof healthDistricts>[0]) =>
      buildSceneFrame(frameInput(scene.scene, { [HEALTH_TOPICS.districts]: { seq: 1, time: T0, data: healthDistricts(alert) } }, true), (id, err) => {
        throw new Error(`${id}: ${err}`);
      });
    expect(frameOf({ level: 'yellow', since: T0, reason: 'yellow-share' }).city3d).toEqual([]);
    const red = frameOf({ level: 'red', since: T0, reason: 'red-count' });
    expect(red.city3d.length).toBe(1);
    const [element] = red.city3d;
    expect(element.animated).toBe(true);
    expect(element.counts).toEqual({ beacons: 1 });
    expect(element.key).toBe(scene.scene.layers.find((l) => l.kind === 'health.alert-outlines')!.id);
    // A redraw with the same alerts hands the city the same object: nothing re-renders.
    expect(frameOf({ level: 'red', since: T0, reason: 'red-count' }).city3d[0]).toBe(element);
    expect(frameOf({ level: 'orange', since: T0, reason: 'red-count' }).city3d[0]).not.toBe(element);
  });
});

describe('health panels (what they show)', () => {
  const names = new Map(DISTRICTS.features.map((f) => [f.properties.code, f.properties.name]));

  it('alerts: highest level first, then longest running; the empty city has none', () => {
    const v = healthDistricts({ level: 'blue', since: T0 - 1000, reason: 'red-count' });
    v.districts[1].alert = { level: 'orange', since: T0, reason: 'yellow-share' };
    v.districts[2].alert = { level: 'blue', since: T0 - 5000, reason: 'yellow-share' };
    expect(alertRows(v.districts).map((d) => d.code)).toEqual(['500229', '500240', '500112']);
    expect(alertRows(healthDistricts(null).districts)).toEqual([]);
    expect(ALERT_ROWS).toBeGreaterThanOrEqual(3);
  });

  it('top districts: by non-green share, short names, alert districts in their level colour', () => {
    const v = healthDistricts();
    const rows = topDistrictRows(v.districts, names);
    expect(rows.map((r) => r.name)).toEqual(['渝北区', '石柱县', '城口县']);
    expect(rows[0]).toMatchObject({ value: 1.31, color: LEVEL_COLORS.yellow });
    const option = topDistrictsOption(rows) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['城口县', '石柱县', '渝北区']);
  });

  it('watch list: most non-green scans first (count, not share)', () => {
    const rows = watchRows([checkpoint('quiet', 10, 0.5), checkpoint('busy', 10_000, 0.02), checkpoint('mid', 1000, 0.05)]);
    expect(rows.map((c) => c.id)).toEqual(['busy', 'mid', 'quiet']);
  });

  it('the code ring shows the green rate and keeps yellow and red visible', () => {
    const o = codesRingOption(990, 9, 1) as { title: { text: string }; series: { minAngle: number; data: { value: number }[] }[] };
    expect(o.title.text).toBe('99.00%');
    expect(o.series[0].data.map((d) => d.value)).toEqual([990, 9, 1]);
    expect(o.series[0].minAngle).toBeGreaterThan(0);
    expect(formatPeople(33_638_000)).toEqual({ value: '3363.8', unit: '万人' });
    expect(formatPeople(220)).toEqual({ value: '220', unit: '人' });
  });

  it('the trend plots yellow in 万人 on the left axis and red in 人 on the right', () => {
    const o = trendOption({ bucketMinutes: 10, points: [{ time: T0, yellow: 91_234, red: 210, scans: 5 }] }) as {
      series: { yAxisIndex: number; data: number[][] }[];
      yAxis: { name: string }[];
    };
    expect(o.yAxis.map((a) => a.name)).toEqual(['黄码 万人', '红码 人']);
    expect(o.series[0].data[0]).toEqual([T0, 9.12]);
    expect(o.series[1]).toMatchObject({ yAxisIndex: 1, data: [[T0, 210]] });
  });

  it('since-times read in Chongqing time, with the date when not today', () => {
    expect(formatSince(T0, T0)).toBe('14:20');
    expect(formatSince(T0 - 24 * 3_600_000, T0)).toBe('5月19日 14:20');
    expect(district('500112', 100, 1, 1).nonGreenShare).toBe(0.02);
  });
});
