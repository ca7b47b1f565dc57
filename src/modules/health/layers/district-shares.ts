import { GeoJsonLayer } from '@deck.gl/layers';
import type { DistrictFeature, DistrictsResponse } from '../../../hub/contract.ts';
import type { HealthDistrict, HealthDistricts } from '../../../hub/topics/health.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import { shortName } from '../../district-names.ts';
import { LEVEL_NAMES, SHARE_MAX, formatPeople, percent, shareColor } from '../scales.ts';
import type { LayerMemo } from '../../../core/module-api.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';
import { formatSince } from '../../../core/format.ts';

/** The topic's districts by code: through the layer's memo, once per topic value. */
export function districtsByCode(value: HealthDistricts): Map<string, HealthDistrict> {
  return new Map(value.districts.map((d) => [d.code, d]));
}

/**
 * Label priority, within [-1000, 1000]: districts in alert first, then those with the most
 * non-green codes.
 */
export function labelPriority(d: HealthDistrict | undefined): number {
  if (!d) return -1000;
  return (d.alert ? 500 : 0) + Math.min(1, d.nonGreenShare / SHARE_MAX) * 400;
}

const NO_DATA: Rgba = [40, 52, 72, 120];
const SELECTED_LINE: Rgba = [255, 209, 102, 255];
/** District borders over the fill: the base map's lines are under it. */
const BORDER: Rgba = [120, 190, 255, 90];

export interface DistrictSharesInput {
  id: string;
  districts: DistrictsResponse;
  value: HealthDistricts;
  seq: number;
  selected: string | null;
  scale: number;
  opacity: number;
  labels: boolean;
  memo: LayerMemo;
}

/**
 * Districts filled by the share of non-green codes (sequential), with their names. Fill colours
 * follow the topic's seq through updateTriggers: polygons are tessellated once.
 */
export function buildDistrictShares({ id, districts, value, seq, selected, scale, opacity, labels, memo }: DistrictSharesInput) {
  const byCode = memo(districtsByCode, value);
  const fill = (f: DistrictFeature): Rgba => {
    const d = byCode.get(f.properties.code);
    return d ? toRgba(shareColor(d.nonGreenShare), 255) : NO_DATA;
  };
  const layers = [];
  layers.push(
    new GeoJsonLayer({
      id: `${id}-fill`,
      data: districts as unknown as GeoJSON.FeatureCollection,
      filled: true,
      stroked: true,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 50],
      opacity,
      getFillColor: (f) => fill(f as unknown as DistrictFeature),
      getLineColor: (f) => ((f as unknown as DistrictFeature).properties.code === selected ? SELECTED_LINE : BORDER),
      getLineWidth: (f) => ((f as unknown as DistrictFeature).properties.code === selected ? 3 : 1),
      lineWidthUnits: 'pixels',
      lineWidthScale: scale,
      updateTriggers: { getFillColor: seq, getLineColor: selected, getLineWidth: selected },
      // No `transitions`: a GPU transition of a polygon attribute reads the old buffer back
      // synchronously on every update (see overview's district columns).
    }),
  );
  if (labels) {
    layers.push(
      new PlacedLabelsLayer<DistrictFeature>({
        id: `${id}-labels`,
        data: districts.features,
        getText: (f) => shortName(f.properties.name),
        getPosition: (f) => f.properties.center,
        getSize: 16,
        sizeScale: scale,
        // Districts in alert, then those with more non-green codes, keep their names first.
        getPriority: (f) => labelPriority(byCode.get(f.properties.code)),
        parameters: { depthCompare: 'always' },
        updateTriggers: { getPriority: seq },
      }),
    );
  }
  return layers;
}

/** Tooltip and card lines for a district: plain text. */
export function describeHealthDistrict(feature: DistrictFeature, d: HealthDistrict | undefined, now: number): string[] {
  const p = feature.properties;
  const lines = [`${p.name} ${p.nameEn}`];
  if (!d) return [...lines, '暂无健康码数据 · no data'];
  const g = formatPeople(d.green);
  const y = formatPeople(d.yellow);
  const r = formatPeople(d.red);
  lines.push(`绿码 ${g.value} ${g.unit} · 黄码 ${y.value} ${y.unit} · 红码 ${r.value} ${r.unit}`);
  lines.push(`非绿码占比 ${percent(d.nonGreenShare)} · Non-green share`);
  lines.push(`今日扫码 ${(d.scansToday / 1e4).toFixed(1)} 万次 · ${(d.scannedToday / 1e4).toFixed(1)} 万人`);
  if (d.alert) lines.push(`${LEVEL_NAMES[d.alert.level]} · 自 ${formatSince(d.alert.since, now)} 起`);
  return lines;
}
