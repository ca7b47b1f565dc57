import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { DistrictFeature, DistrictsResponse } from '../../../hub/contract.ts';
import { WARNING_LEVELS, type DistrictRain, type Warning, type WeatherWarnings } from '../../../hub/topics/weather.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import { shortName } from '../../district-names.ts';
import { WARNING_LEVEL_STYLE, WARNING_TYPE_NAME, warningTitle } from '../colors.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';
import { formatHm } from '../../../core/format.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

const NONE: Rgba = [0, 0, 0, 0];
/** Districts smaller than this carry a name label only while a warning is in force. */
export const LABEL_MIN_AREA_KM2 = 400;
const SELECTED: Rgba = [255, 209, 102, 255];
const RANK = Object.fromEntries(WARNING_LEVELS.map((l, i) => [l, i])) as Record<Warning['level'], number>;

export interface DistrictWarnings {
  /** The most severe warning in force (rainstorm first on a tie), or null. */
  top: Warning | null;
  all: Warning[];
  rain: DistrictRain | null;
}

/** Warnings and rain per district code: through the layer's memo, once per topic value. */
export function warningsByDistrict(value: WeatherWarnings): ReadonlyMap<string, DistrictWarnings> {
  const map = new Map<string, DistrictWarnings>();
  for (const r of value.districts) map.set(r.code, { top: null, all: [], rain: r });
  for (const w of value.active) {
    let entry = map.get(w.districtCode);
    if (!entry) map.set(w.districtCode, (entry = { top: null, all: [], rain: null }));
    entry.all.push(w);
    if (!entry.top || RANK[w.level] > RANK[entry.top.level]) entry.top = w;
  }
  return map;
}

/**
 * Districts that carry a label (byDistrict: warningsByDistrict of the topic value): through the
 * layer's memo, once per topic value and geometry (stable data: no re-layout per frame).
 */
export function labelledDistricts(districts: DistrictsResponse, byDistrict: ReadonlyMap<string, DistrictWarnings>): DistrictFeature[] {
  return districts.features.filter((f) => f.properties.areaKm2 >= LABEL_MIN_AREA_KM2 || byDistrict.get(f.properties.code)?.top);
}

export interface WarningLayerInput {
  id: string;
  districts: DistrictsResponse;
  warnings: WeatherWarnings;
  /** The topic value's sequence number: drives updateTriggers. */
  version: number;
  selected: string | null;
  scale: number;
  opacity: number;
  labels: boolean;
  /** The scene layer's memo (ctx.memo): warnings by district and the labelled districts are kept in it. */
  memo: LayerMemo;
}

/** Districts filled with the colour of their most severe warning, outlined, and named. */
export function buildWarningLayers({ id, districts, warnings, version, selected, scale, opacity, labels, memo }: WarningLayerInput): Layer[] {
  const byDistrict = memo(warningsByDistrict, warnings);
  const top = (code: string) => byDistrict.get(code)?.top ?? null;
  const fill = (code: string): Rgba => {
    const w = top(code);
    return w ? toRgba(WARNING_LEVEL_STYLE[w.level].color, Math.round(255 * opacity)) : NONE;
  };
  const line = (code: string): Rgba => {
    if (code === selected) return SELECTED;
    const w = top(code);
    return w ? toRgba(WARNING_LEVEL_STYLE[w.level].color, 255) : NONE;
  };
  const layers: Layer[] = [
    new GeoJsonLayer({
      id: `${id}-fill`,
      data: districts as unknown as GeoJSON.FeatureCollection,
      filled: true,
      stroked: true,
      extruded: false,
      // Transparent districts stay pickable: their tooltip tells the rain without a warning.
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 40],
      lineWidthUnits: 'pixels',
      getLineWidth: (f) => ((f as unknown as DistrictFeature).properties.code === selected ? 3 : 2) * scale,
      getFillColor: (f) => fill((f as unknown as DistrictFeature).properties.code),
      getLineColor: (f) => line((f as unknown as DistrictFeature).properties.code),
      updateTriggers: { getFillColor: [version, opacity], getLineColor: [version, selected], getLineWidth: [selected, scale] },
    }),
  ];
  if (labels) {
    layers.push(
      new PlacedLabelsLayer<DistrictFeature>({
        id: `${id}-labels`,
        // The small core districts crowd the centre: they are named only when warned.
        data: memo(labelledDistricts, districts, byDistrict),
        getText: (f) => {
          const w = top(f.properties.code);
          const name = shortName(f.properties.name);
          return w ? `${name} ${WARNING_TYPE_NAME[w.type].name}${WARNING_LEVEL_STYLE[w.level].short}` : name;
        },
        getPosition: (f) => f.properties.center,
        getSize: (f) => (top(f.properties.code) ? 17 : 14),
        sizeScale: scale,
        getColor: (f) => (top(f.properties.code) ? [255, 255, 255, 255] : [200, 216, 238, 200]),
        // Warned districts first, the most severe warning first; then the larger districts.
        getPriority: (f) => {
          const w = top(f.properties.code);
          return (w ? 100 + 10 * RANK[w.level] : 0) + Math.log10(f.properties.areaKm2);
        },
        parameters: { depthCompare: 'always' },
        updateTriggers: { getText: version, getSize: version, getColor: version, getPriority: version },
      }),
    );
  }
  return layers;
}

/** Tooltip lines for a district: its warnings and rain, as plain text. */
export function describeDistrictWarnings(feature: DistrictFeature, entry: DistrictWarnings | undefined): string[] {
  const p = feature.properties;
  const lines = [`${p.name} ${p.nameEn}`];
  const all = [...(entry?.all ?? [])].sort((a, b) => RANK[b.level] - RANK[a.level]);
  if (!all.length) lines.push('无生效预警 · No warning in force');
  for (const w of all) lines.push(`${warningTitle(w.type, w.level)} · ${formatHm(w.issuedAt)} 发布`);
  const r = entry?.rain;
  if (r) lines.push(`雨量 1小时 ${r.rain1hMm} mm · 3小时 ${r.rain3hMm} mm · 今日 ${r.rainTodayMm} mm`);
  return lines;
}

/** The legend: the four signal colours in their order, with their Chinese names. */
export const WARNING_LEGEND_ITEMS = WARNING_LEVELS.map((l) => ({ label: `${WARNING_LEVEL_STYLE[l].name}预警`, color: WARNING_LEVEL_STYLE[l].color }));
