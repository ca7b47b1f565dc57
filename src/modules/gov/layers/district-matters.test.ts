import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import { CONTRACT_VERSION, type DistrictFeature, type DistrictsResponse } from '../../../hub/contract.ts';
import type { GovServices } from '../../../hub/topics/gov.ts';
import { PER10K_RAMP } from '../scales.ts';
import { createLayerMemo } from '../../../core/module-api.ts';
import { buildDistrictMatters, describeDistrictMatters, districtFigures } from './district-matters.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

function feature(code: string, name: string, nameEn: string): DistrictFeature {
  return {
    type: 'Feature',
    properties: { code, name, nameEn, center: [106.5, 29.5], areaKm2: 100 },
    geometry: { type: 'Polygon', coordinates: [[[106, 29], [107, 29], [107, 30], [106, 30], [106, 29]]] },
  };
}
const DISTRICTS: DistrictsResponse = {
  contractVersion: CONTRACT_VERSION,
  datum: 'WGS84',
  type: 'FeatureCollection',
  features: [feature('500103', '渝中区', 'Yuzhong'), feature('500229', '城口县', 'Chengkou'), feature('500230', '丰都县', 'Fengdu')],
};
const value = {
  districts: [
    { code: '500103', mattersToday: 3000, population: 589_000, per10k: 50.9 },
    { code: '500229', mattersToday: 300, population: 198_000, per10k: 15.2 },
  ],
} as unknown as GovServices;
const props = (layer: { props: unknown }) => layer.props as Record<string, unknown> & { updateTriggers: Record<string, unknown> };

describe('buildDistrictMatters', () => {
  it('one fill layer with a stable id; recolours by seq, outlines by selection', () => {
    const [a] = buildDistrictMatters({ id: 'm', districts: DISTRICTS, value, seq: 1, selected: null, memo });
    const [b] = buildDistrictMatters({ id: 'm', districts: DISTRICTS, value, seq: 2, selected: '500103', memo });
    expect(a.id).toBe('m-fill');
    expect(b.id).toBe('m-fill');
    expect(props(a).updateTriggers.getFillColor).toBe(1);
    expect(props(b).updateTriggers.getFillColor).toBe(2);
    expect(props(b).updateTriggers.getLineColor).toBe('500103');
  });

  it('colours run from the first ramp stop at 0 to the last at the maximum; missing districts are neutral', () => {
    const [layer] = buildDistrictMatters({ id: 'm', districts: DISTRICTS, value, seq: 1, selected: null, memo });
    const fill = props(layer).getFillColor as (f: DistrictFeature) => number[];
    const last = rgb(PER10K_RAMP[PER10K_RAMP.length - 1]);
    expect(fill(DISTRICTS.features[0]).slice(0, 3)).toEqual([last.r, last.g, last.b]);
    const mid = fill(DISTRICTS.features[1]);
    expect(mid[0] + mid[1] + mid[2]).toBeLessThan(last.r + last.g + last.b);
    expect(fill(DISTRICTS.features[2])).toEqual([40, 50, 70, 120]);
  });

  it('memoises the lookup per topic value, through the layer memo', () => {
    expect(memo(districtFigures, value)).toBe(memo(districtFigures, value));
    expect(memo(districtFigures, value).max).toBe(50.9);
    const other = { districts: [...value.districts] } as GovServices;
    expect(memo(districtFigures, other)).not.toBe(memo(districtFigures, value));
  });

  it('describes a district as text', () => {
    expect(describeDistrictMatters(DISTRICTS.features[0], value.districts[0])).toEqual([
      '渝中区 Yuzhong',
      '今日办件 3,000 件',
      '每万人 50.9 件 · 常住人口 58.9 万人',
    ]);
    expect(describeDistrictMatters(DISTRICTS.features[2], undefined)).toEqual(['丰都县 Fengdu']);
  });
});
