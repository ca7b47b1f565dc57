import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rgb } from 'd3-color';
import { DISTRICTS, T0, district, healthDistricts } from '../test-fixtures.ts';
import { SHARE_MAX, SHARE_RAMP, shareColor } from '../scales.ts';
import { buildDistrictShares, describeHealthDistrict, districtsByCode, labelPriority } from './district-shares.ts';
import type { DistrictFeature } from '../../../hub/contract.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const input = (seq: number, selected: string | null = null, labels = true) => ({
  id: 'shares',
  districts: DISTRICTS,
  value: healthDistricts(),
  seq,
  selected,
  scale: 1.5,
  opacity: 0.7,
  labels,
  memo,
});
type Props = { updateTriggers: Record<string, unknown>; getFillColor: (f: DistrictFeature) => number[]; getLineColor: (f: DistrictFeature) => number[] };
const props = (l: { props: unknown }) => l.props as Props;

describe('buildDistrictShares', () => {
  it('makes a fill and a label layer with ids stable across updates and selections', () => {
    const a = buildDistrictShares(input(1));
    const b = buildDistrictShares(input(2, '500229'));
    expect(a.map((l) => l.id)).toEqual(['shares-fill', 'shares-labels']);
    expect(b.map((l) => l.id)).toEqual(a.map((l) => l.id));
    expect(buildDistrictShares(input(1, null, false)).map((l) => l.id)).toEqual(['shares-fill']);
  });

  it('colours follow seq through updateTriggers, the selection through the outline', () => {
    const [fill1] = buildDistrictShares(input(1));
    const [fill2] = buildDistrictShares(input(2, '500112'));
    expect(props(fill1).updateTriggers.getFillColor).toBe(1);
    expect(props(fill2).updateTriggers.getFillColor).toBe(2);
    expect(props(fill2).updateTriggers.getLineColor).toBe('500112');
    const [yubei, chengkou] = DISTRICTS.features;
    expect(props(fill2).getLineColor(yubei)).toEqual([255, 209, 102, 255]);
    expect(props(fill2).getLineColor(chengkou)[3]).toBeLessThan(255);
  });

  it('fills each district with the ramp colour of its non-green share; unknown districts grey', () => {
    const [fill] = buildDistrictShares(input(1));
    const value = healthDistricts();
    const [yubei] = DISTRICTS.features;
    const expected = rgb(shareColor(value.districts[0].nonGreenShare));
    expect(props(fill).getFillColor(yubei).slice(0, 3)).toEqual([expected.r, expected.g, expected.b].map(Math.round));
    const stranger = { ...yubei, properties: { ...yubei.properties, code: '500199' } };
    expect(props(fill).getFillColor(stranger)).toEqual([40, 52, 72, 120]);
  });

  it('the share scale runs from the first ramp colour at 0 to the last at SHARE_MAX and beyond', () => {
    expect(rgb(shareColor(0)).formatHex()).toBe(SHARE_RAMP[0]);
    expect(rgb(shareColor(SHARE_MAX)).formatHex()).toBe(SHARE_RAMP[SHARE_RAMP.length - 1]);
    expect(rgb(shareColor(0.5)).formatHex()).toBe(SHARE_RAMP[SHARE_RAMP.length - 1]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: SHARE_MAX, noNaN: true }), fc.double({ min: 0, max: SHARE_MAX, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        // Brighter with more non-green codes: luminance never falls.
        const lum = (x: number) => {
          const c = rgb(shareColor(x));
          return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
        };
        expect(lum(hi)).toBeGreaterThanOrEqual(lum(lo) - 1e-6);
      }),
    );
  });

  it('derives the by-code map once per topic value', () => {
    const value = healthDistricts();
    expect(memo(districtsByCode, value)).toBe(memo(districtsByCode, value));
    expect(memo(districtsByCode, value).get('500229')!.yellow).toBe(400);
    const other = memo(districtsByCode, healthDistricts());
    expect(other).not.toBe(memo(districtsByCode, value));
  });

  it('label priorities stay in deck.gl collision range, alert districts first', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (share, alert) => {
        const issued = 1_000_000;
        const yellow = Math.floor(share * issued);
        const d = district('500112', issued, yellow, 0, alert ? { level: 'red', since: T0, reason: 'red-count' } : null);
        const p = labelPriority(d);
        expect(p).toBeGreaterThanOrEqual(-1000);
        expect(p).toBeLessThanOrEqual(1000);
        if (alert) expect(p).toBeGreaterThanOrEqual(500);
        else expect(p).toBeLessThanOrEqual(400);
      }),
    );
    expect(labelPriority(undefined)).toBe(-1000);
  });
});

describe('describeHealthDistrict', () => {
  it('lists codes, share, scans and the alert, as plain text', () => {
    const value = healthDistricts();
    const lines = describeHealthDistrict(DISTRICTS.features[0], value.districts[0], T0);
    expect(lines).toEqual([
      '渝北区 Yubei',
      '绿码 227.0 万人 · 黄码 3.0 万人 · 红码 80 人',
      '非绿码占比 1.31% · Non-green share',
      '今日扫码 230.0 万次 · 115.0 万人',
      '黄色预警 · 自 13:20 起',
    ]);
    expect(describeHealthDistrict(DISTRICTS.features[1], undefined, T0)).toEqual(['城口县 Chengkou', '暂无健康码数据 · no data']);
  });

  it('passes markup through as text', () => {
    const f = { ...DISTRICTS.features[0], properties: { ...DISTRICTS.features[0].properties, name: '<img src=x onerror=alert(1)>' } };
    expect(describeHealthDistrict(f, undefined, T0)[0]).toBe('<img src=x onerror=alert(1)> Yubei');
  });
});
