import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { REGISTRY } from '../registry.ts';
import { contextFor, districtCodeOf } from '../../twin/scene-layers.ts';
import type { Scene } from '../../hub/contract.ts';
import { POVERTY_TOPICS } from '../../hub/topics/poverty.ts';
import type { TopicState } from '../../store/topic-store.ts';
import { povertyModule } from './index.ts';
import { DISTRICTS, PAIRS, T0, VILLAGES, povertyDistricts } from './test-fixtures.ts';
import { keyCountiesOption, keyCountyRows } from './panels/KeyCountiesPanel.tsx';
import { topPairs } from './panels/PairsPanel.tsx';
import { industriesOption } from './panels/IndustriesPanel.tsx';
import { industriesOf } from './layers/villages.ts';
import { formatFunds, formatGrowth, formatWan } from './style.ts';

const raw = JSON.parse(readFileSync(new URL('../../../scenes/05-poverty.json', import.meta.url), 'utf8'));
const scene = (() => {
  const r = checkScene(raw);
  if (!r.ok) throw new Error(r.error);
  return r.scene;
})();

const VALUES: TopicState['values'] = {
  [POVERTY_TOPICS.districts]: { seq: 2, time: T0, data: povertyDistricts() },
  [POVERTY_TOPICS.pairs]: { seq: 3, time: T0, data: PAIRS },
  [POVERTY_TOPICS.villages]: { seq: 1, time: T0, data: VILLAGES },
};

function ctxFor(kindName: string, selected: string | null, values = VALUES, s: Scene = scene) {
  const kind = povertyModule.layers.find((l) => l.kind === kindName)!;
  const entry = s.layers.find((l) => l.kind === kindName)!;
  return { kind, ctx: contextFor(kind, entry, { scene: s, registry: REGISTRY, topics: { values }, districts: DISTRICTS, overview: null, selectedDistrict: selected, scale: 1, now: 0, animate: false }) };
}

describe('the poverty scene', () => {
  it('passes checkScene and subscribes to exactly the poverty topics', () => {
    expect(scene.id).toBe('poverty');
    expect(scene.title).toBe('脱贫攻坚');
    expect(sceneTopics(scene)).toEqual([POVERTY_TOPICS.districts, POVERTY_TOPICS.pairs, POVERTY_TOPICS.villages]);
    expect(scene.panels.length).toBe(6);
  });

  it('is refused when a layer reads a topic its kind does not accept', () => {
    const bad = structuredClone(raw);
    bad.layers[1].topic = POVERTY_TOPICS.villages;
    const r = checkScene(bad);
    expect(r.ok ? '' : r.error).toMatch(/^layers\.1\.topic:/);
  });
});

describe('povertyModule', () => {
  it('prefixes its kinds and builds every layer with ids under the scene layer id', () => {
    for (const k of [...povertyModule.layers, ...povertyModule.panels]) expect(k.kind.startsWith('poverty.')).toBe(true);
    for (const entry of scene.layers) {
      const { kind, ctx } = ctxFor(entry.kind, '500229');
      for (const l of kind.build(ctx)) expect(l.id.startsWith(`${entry.id}-`)).toBe(true);
    }
  });

  it('waits for data: columns and arcs need the topic and the districts', () => {
    const { kind, ctx } = ctxFor('poverty.district-columns', null, {});
    expect(kind.ready!(ctx)).toBe(false);
    expect(kind.build(ctx)).toEqual([]);
    expect(ctxFor('poverty.district-columns', null).kind.ready!(ctxFor('poverty.district-columns', null).ctx)).toBe(true);
  });

  it('tapping a column or a district area selects the district; the tooltip describes it', () => {
    const { kind, ctx } = ctxFor('poverty.district-columns', null);
    const [, columns] = kind.build(ctx);
    const column = (columns.props as unknown as { data: object[] }).data[1];
    expect(districtCodeOf(column)).toBe('500229');
    expect(districtCodeOf(DISTRICTS.features[1])).toBe('500229');
    expect(kind.tooltip!(column, ctx)![0]).toBe('城口县 Chengkou · 重点区县 Key county');
    expect(kind.tooltip!(DISTRICTS.features[2], ctx)![0]).toBe('开州区 Kaizhou · 重点区县 Key county');
    expect(kind.tooltip!({ nothing: true }, ctx)).toBeNull();
  });

  it('legends: households ramp in 户, arcs with funds, industries only during a drill-down', () => {
    const columns = ctxFor('poverty.district-columns', null);
    const ramp = columns.kind.legend!(columns.ctx)!;
    expect(ramp).toMatchObject({ type: 'ramp', unit: '户', ticks: ['0', '1.6 万户', '6.4 万户'] });
    const arcs = ctxFor('poverty.pair-arcs', null);
    const arcLegend = arcs.kind.legend!(arcs.ctx)!;
    expect(arcLegend.type === 'categories' && arcLegend.titleEn).toContain('2.63 亿元');
    const none = ctxFor('poverty.villages', null);
    expect(none.kind.legend!(none.ctx)).toBeNull();
    const some = ctxFor('poverty.villages', '500229');
    const legend = some.kind.legend!(some.ctx)!;
    expect(legend.type === 'categories' && legend.items.map((i) => i.label)).toEqual(['生猪', '茶叶', '中药材']);
  });
});

describe('poverty panels (what they show)', () => {
  const names = new Map(DISTRICTS.features.map((f) => [f.properties.code, f.properties.name]));
  it('key counties ranked by people lifted, in 万人', () => {
    const rows = keyCountyRows(povertyDistricts().districts, names);
    expect(rows).toEqual([
      { code: '500154', name: '开州区', value: 16.9 },
      { code: '500229', name: '城口县', value: 5.2 },
    ]);
    expect((keyCountiesOption(rows) as { yAxis: { data: string[] } }).yAxis.data).toEqual(['城口县', '开州区']);
  });

  it('pairs by funds; industries as bars in their colours', () => {
    expect(topPairs(PAIRS.pairs, 2).map((p) => p.id)).toEqual(['pair-500103-500229', 'pair-500103-500154']);
    const o = industriesOption(industriesOf(VILLAGES.villages)) as { yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(['柑橘', '茶叶', '生猪', '中药材']);
  });

  it('formats figures with their units', () => {
    expect(formatWan(623_625, '户')).toEqual({ value: '62.4', unit: '万户' });
    expect(formatWan(229, '人')).toEqual({ value: '229', unit: '人' });
    expect(formatFunds(6564.5)).toBe('6,565 万元');
    expect(formatFunds(26_258)).toBe('2.63 亿元');
    expect(formatGrowth(0.123)).toBe('+12.3%');
    expect(formatGrowth(-0.02)).toBe('-2.0%');
  });
});
