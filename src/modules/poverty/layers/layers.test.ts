import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rgb } from 'd3-color';
import { DISTRICTS, PAIRS, VILLAGES, povertyDistricts, village } from '../test-fixtures.ts';
import { HOUSEHOLD_RAMP, INDUSTRIES } from '../style.ts';
import { toRgba } from '../../../core/colour.ts';
import { MAX_COLUMN_M, buildDistrictColumns, columnData, columnScales, describePovertyDistrict, labelPriority, type ColumnDatum } from './district-columns.ts';
import { ARC_WIDTH_PX, arcData, arcWidth, buildPairArcs, describePair, type ArcDatum } from './pair-arcs.ts';
import { LABEL_SPACING_KM, buildVillages, describeVillage, industriesOf, labelledVillages, villageCharacters, villagesByDistrict, villagesOf } from './villages.ts';
import type { DistrictFeature } from '../../../hub/contract.ts';
import type { PovertyVillage } from '../../../hub/topics/poverty.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const VALUE = povertyDistricts();
const columnsInput = (seq: number, selected: string | null = null) => ({ id: 'households', districts: DISTRICTS, value: VALUE, seq, selected, scale: 1, labels: true, memo });
type Any = Record<string, unknown> & { updateTriggers: Record<string, unknown>; data: unknown };
const p = (l: { props: unknown }) => l.props as Any;

describe('buildDistrictColumns', () => {
  it('districts, columns and labels with stable ids', () => {
    expect(buildDistrictColumns(columnsInput(1)).map((l) => l.id)).toEqual(['households-districts', 'households-columns', 'households-labels']);
    expect(buildDistrictColumns(columnsInput(2, '500229')).map((l) => l.id)).toEqual(['households-districts', 'households-columns', 'households-labels']);
  });

  it('columns stand at district centres, carry districtCode, tallest for the most households', () => {
    const [, columns] = buildDistrictColumns(columnsInput(1));
    const data = p(columns).data as ColumnDatum[];
    expect(data.map((c) => c.districtCode)).toEqual(['500103', '500229', '500154']);
    expect(data[1].position).toEqual([108.71, 31.87]);
    const elevation = p(columns).getElevation as (c: ColumnDatum) => number;
    expect(elevation(data[2])).toBeCloseTo(MAX_COLUMN_M, 6);
    expect(elevation(data[1])).toBeCloseTo(MAX_COLUMN_M / 2, 6); // square root: a quarter of the households, half the height
    expect(p(columns).updateTriggers).toEqual({ getElevation: 1, getFillColor: [1, null] });
    expect(p(buildDistrictColumns(columnsInput(1))[1]).data).toBe(data);
  });

  it('a selection dims the other districts and columns and outlines the selected one', () => {
    const [base, columns, labels] = buildDistrictColumns(columnsInput(3, '500229'));
    const fill = p(base).getFillColor as (f: DistrictFeature) => number[];
    const line = p(base).getLineColor as (f: DistrictFeature) => number[];
    const [yuzhong, chengkou] = DISTRICTS.features;
    expect(fill(yuzhong)[3]).toBeGreaterThan(100);
    expect(fill(chengkou)).toEqual([63, 208, 255, 34]);
    expect(line(chengkou)).toEqual([255, 209, 102, 255]);
    const colour = p(columns).getFillColor as (c: ColumnDatum) => number[];
    const data = p(columns).data as ColumnDatum[];
    expect(colour(data[2])[3]).toBe(60);
    expect(colour(data[1])).toEqual(toRgba('#ffd166', 120));
    expect(p(labels).data).toEqual([]);
    // Without a selection key counties are tinted and outlined, the rest clear.
    const [base2] = buildDistrictColumns(columnsInput(3));
    expect((p(base2).getFillColor as (f: DistrictFeature) => number[])(yuzhong)).toEqual([0, 0, 0, 0]);
    expect((p(base2).getLineColor as (f: DistrictFeature) => number[])(chengkou)).toEqual([63, 208, 255, 200]);
  });

  it('colour ramp and height are monotonic in households, from the ramp start to its end', () => {
    const s = columnScales(64_000);
    expect(rgb(s.color(0)).formatHex()).toBe(HOUSEHOLD_RAMP[0]);
    expect(rgb(s.color(64_000)).formatHex()).toBe(HOUSEHOLD_RAMP[3]);
    fc.assert(
      fc.property(fc.nat(64_000), fc.nat(64_000), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(s.height(hi)).toBeGreaterThanOrEqual(s.height(lo));
      }),
    );
  });

  it('derives columns once per topic value and geometry; priorities stay in deck range', () => {
    const d = memo(columnData, VALUE, DISTRICTS);
    expect(memo(columnData, VALUE, DISTRICTS)).toBe(d);
    expect(p(buildDistrictColumns(columnsInput(4))[1]).data).toBe(d.columns);
    // New geometry: derived again.
    expect(memo(columnData, VALUE, { ...DISTRICTS })).not.toBe(d);
    expect(d.maxHouseholds).toBe(64_000);
    for (const c of d.columns) {
      expect(Math.abs(labelPriority(c, 64_000))).toBeLessThanOrEqual(1000);
    }
    expect(labelPriority(d.columns[1], 64_000)).toBeGreaterThan(labelPriority(d.columns[0], 64_000));
  });

  it('describes a district in plain text', () => {
    expect(describePovertyDistrict(columnData(VALUE, DISTRICTS).columns[1])).toEqual([
      '城口县 Chengkou · 重点区县 Key county',
      '脱贫户 1.6 万户 · Households lifted',
      '脱贫人口 5.20 万人 · People lifted',
      '脱贫村 85 个 · Villages lifted',
      '今日平台使用 900 次',
    ]);
  });
});

describe('buildPairArcs', () => {
  it('one arc per pairing whose districts are known, helper to helped, width by funds', () => {
    const [arcs] = buildPairArcs({ id: 'pairs', districts: DISTRICTS, value: PAIRS, seq: 1, selected: null, scale: 2, opacity: 0.8, memo });
    expect(arcs.id).toBe('pairs-arcs');
    const data = p(arcs).data as ArcDatum[];
    expect(data.map((a) => a.id)).toEqual(['pair-500103-500229', 'pair-500103-500154']);
    expect(data[0].source).toEqual([106.55, 29.56]);
    expect(data[0].target).toEqual([108.71, 31.87]);
    expect(p(arcs).widthScale).toBe(2);
    const width = p(arcs).getWidth as (a: ArcDatum) => number;
    expect(width(data[0])).toBe(ARC_WIDTH_PX.max);
    expect(width(data[1])).toBeCloseTo(ARC_WIDTH_PX.min + (ARC_WIDTH_PX.max - ARC_WIDTH_PX.min) * 0.5, 2);
    expect(memo(arcData, PAIRS, DISTRICTS)).toBe(memo(arcData, PAIRS, DISTRICTS));
    expect(memo(arcData, PAIRS, DISTRICTS).arcs).toBe(data);
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (f) => {
      const w = arcWidth(f, 1e7);
      expect(w).toBeGreaterThanOrEqual(ARC_WIDTH_PX.min);
      expect(w).toBeLessThanOrEqual(ARC_WIDTH_PX.max + 1e-9);
    }));
  });

  it('a selection keeps its own pairings bright and fades the rest', () => {
    const [arcs] = buildPairArcs({ id: 'pairs', districts: DISTRICTS, value: PAIRS, seq: 5, selected: '500229', scale: 1, opacity: 1, memo });
    const data = p(arcs).data as ArcDatum[];
    const src = p(arcs).getSourceColor as (a: ArcDatum) => number[];
    expect(src(data[0])[3]).toBe(235);
    expect(src(data[1])[3]).toBe(35);
    expect(p(arcs).updateTriggers.getSourceColor).toEqual([5, '500229']);
    expect(describePair(data[0])).toEqual(['渝中区 → 城口县', '结对帮扶 Paired assistance · 自 2017 年', '帮扶资金 2.63 亿元 · Funds', '帮扶项目 94 个 · Projects']);
  });
});

describe('buildVillages (the drill-down)', () => {
  it('keeps its layer ids with no selection, drawing nothing', () => {
    const layers = buildVillages({ id: 'villages', value: VILLAGES, seq: 1, selected: null, scale: 1, labels: true, memo });
    expect(layers.map((l) => l.id)).toEqual(['villages-points', 'villages-labels']);
    expect(p(layers[0]).data).toEqual([]);
  });

  it('shows the selected district villages, coloured by industry, largest first', () => {
    const [points, labels] = buildVillages({ id: 'villages', value: VILLAGES, seq: 1, selected: '500229', scale: 1, labels: true, memo });
    const data = p(points).data as PovertyVillage[];
    expect(data.map((v) => v.id)).toEqual(['v-500229-1', 'v-500229-2', 'v-500229-0']);
    expect((p(points).getFillColor as (v: PovertyVillage) => number[])(data[0])).toEqual(toRgba(INDUSTRIES.pigs.color, 250));
    // Two villages 1 km apart: only the larger is named.
    expect((p(labels).data as PovertyVillage[]).map((v) => v.id)).toEqual(['v-500229-1', 'v-500229-2']);
    const byDistrict = memo(villagesByDistrict, VILLAGES);
    expect(memo(villagesByDistrict, VILLAGES)).toBe(byDistrict);
    expect(villagesOf(byDistrict, '500229')).toBe(data);
    expect(villagesOf(byDistrict, '500103')).toEqual([]);
    // The same frame again: the same data for deck (no attribute rebuild).
    const [points2, labels2] = buildVillages({ id: 'villages', value: VILLAGES, seq: 2, selected: '500229', scale: 1, labels: true, memo });
    expect(p(points2).data).toBe(data);
    expect(p(labels2).data).toBe(p(labels).data);
  });

  it('labels only villages clear of each other, and the glyph atlas covers every name', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 108, max: 109, noNaN: true }), fc.double({ min: 31, max: 32, noNaN: true }), fc.nat(300)), { maxLength: 25 }), (pts) => {
        const list = pts.map(([x, y, h], i) => village(i, '500229', h, [x, y]));
        const chosen = labelledVillages(list);
        if (list.length) expect(chosen.length).toBeGreaterThan(0);
        for (let i = 0; i < chosen.length; i++) {
          for (let j = i + 1; j < chosen.length; j++) {
            const a = chosen[i].position;
            const b = chosen[j].position;
            const dx = Math.abs(a[0] - b[0]) * 111.2 * Math.cos((b[1] * Math.PI) / 180);
            const dy = Math.abs(a[1] - b[1]) * 111.2;
            expect(dx >= LABEL_SPACING_KM.x - 0.5 || dy >= LABEL_SPACING_KM.y).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
    const chars = villageCharacters(VILLAGES);
    for (const v of VILLAGES.villages) for (const ch of v.name) expect(chars).toContain(ch);
    expect(memo(villageCharacters, VILLAGES)).toBe(chars);
  });

  it('industries are counted most first; tooltips are text', () => {
    expect(industriesOf(VILLAGES.villages)).toEqual([
      { industry: 'herbs', count: 1 },
      { industry: 'pigs', count: 1 },
      { industry: 'tea', count: 1 },
      { industry: 'citrus', count: 1 },
    ]);
    expect(industriesOf([...VILLAGES.villages, village(9, '500229', 1, [108, 31], 'tea')])[0]).toEqual({ industry: 'tea', count: 2 });
    expect(describeVillage(VILLAGES.villages[1], '城口县')).toEqual([
      '青岩1村 · 城口县',
      '特色产业 生猪 · Pigs',
      '脱贫户 180 户 · Households lifted',
      '人均收入增长 +12.3% · Income growth',
    ]);
  });
});
