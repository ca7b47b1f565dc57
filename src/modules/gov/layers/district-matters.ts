import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { DistrictFeature, DistrictsResponse } from '../../../hub/contract.ts';
import type { DistrictServices, GovServices } from '../../../hub/topics/gov.ts';
import { per10kScale } from '../scales.ts';
import { toRgba } from '../../../core/colour.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

export interface DistrictMattersInput {
  id: string;
  districts: DistrictsResponse;
  value: GovServices;
  seq: number;
  selected: string | null;
  opacity?: number;
  /** The scene layer's memo (ctx.memo): derived figures are kept once per topic value. */
  memo: LayerMemo;
}

/** District figures by code and the largest per-10k value: through the layer's memo, once per topic value. */
export function districtFigures(value: GovServices): { byCode: Map<string, DistrictServices>; max: number } {
  return { byCode: new Map(value.districts.map((x) => [x.code, x])), max: Math.max(1, ...value.districts.map((x) => x.per10k)) };
}

/** A choropleth of matters handled today per 10,000 residents. */
export function buildDistrictMatters({ id, districts, value, seq, selected, opacity = 0.7, memo }: DistrictMattersInput): Layer[] {
  const { byCode, max } = memo(districtFigures, value);
  const color = per10kScale(max);
  return [
    new GeoJsonLayer({
      id: `${id}-fill`,
      data: districts as unknown as GeoJSON.FeatureCollection,
      filled: true,
      stroked: true,
      getFillColor: (f) => {
        const code = (f as unknown as DistrictFeature).properties.code;
        const v = byCode.get(code);
        return v ? toRgba(color(v.per10k), 220) : [40, 50, 70, 120];
      },
      getLineColor: (f) => ((f as unknown as DistrictFeature).properties.code === selected ? [255, 209, 102, 255] : [90, 190, 255, 110]),
      getLineWidth: (f) => ((f as unknown as DistrictFeature).properties.code === selected ? 3 : 1),
      lineWidthUnits: 'pixels',
      opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 209, 102, 80],
      parameters: { depthCompare: 'always' },
      updateTriggers: { getFillColor: seq, getLineColor: selected, getLineWidth: selected },
    }),
  ];
}

export function describeDistrictMatters(feature: DistrictFeature, v: DistrictServices | undefined): string[] {
  const lines = [`${feature.properties.name} ${feature.properties.nameEn}`];
  if (v) {
    lines.push(`今日办件 ${v.mattersToday.toLocaleString('zh-CN')} 件`);
    lines.push(`每万人 ${v.per10k.toFixed(1)} 件 · 常住人口 ${(v.population / 1e4).toFixed(1)} 万人`);
  }
  return lines;
}
