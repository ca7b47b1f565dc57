import { ColumnLayer, GeoJsonLayer } from '@deck.gl/layers';
import { scaleSqrt } from 'd3-scale';
import type { DistrictFeature, DistrictsResponse } from '../../../hub/contract.ts';
import type { PovertyDistrict, PovertyDistricts } from '../../../hub/topics/poverty.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import { shortName } from '../../district-names.ts';
import { SELECTED, formatWan, householdColorScale } from '../style.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

/** Tallest column (the district with the most households lifted), in metres. */
export const MAX_COLUMN_M = 42_000;
export const COLUMN_RADIUS_M = 5500;

/** A district's column: carries districtCode, so tapping it selects the district. */
export interface ColumnDatum extends PovertyDistrict {
  districtCode: string;
  name: string;
  nameEn: string;
  position: [number, number];
}

interface Derived {
  columns: ColumnDatum[];
  byCode: Map<string, ColumnDatum>;
  maxHouseholds: number;
}

/** Columns at district centres: through the layer's memo, once per topic value and geometry. */
export function columnData(value: PovertyDistricts, districts: DistrictsResponse): Derived {
  const figures = new Map(value.districts.map((d) => [d.code, d]));
  const columns: ColumnDatum[] = [];
  for (const f of districts.features) {
    const d = figures.get(f.properties.code);
    if (!d) continue;
    columns.push({ ...d, districtCode: d.code, name: f.properties.name, nameEn: f.properties.nameEn, position: f.properties.center });
  }
  return {
    columns,
    byCode: new Map(columns.map((c) => [c.code, c])),
    maxHouseholds: Math.max(1, ...columns.map((c) => c.households)),
  };
}

/** Label priority, within [-1000, 1000]: key counties first, then by households. */
export function labelPriority(c: ColumnDatum, maxHouseholds: number): number {
  return (c.keyCounty ? 500 : 0) + Math.sqrt(c.households / Math.max(1, maxHouseholds)) * 400;
}

export function columnScales(maxHouseholds: number) {
  return {
    height: scaleSqrt().domain([0, maxHouseholds]).range([0, MAX_COLUMN_M]).clamp(true),
    color: householdColorScale(maxHouseholds),
  };
}

const NO_COLUMNS: ColumnDatum[] = [];
const KEY_FILL: Rgba = [63, 208, 255, 34];
const KEY_LINE: Rgba = [63, 208, 255, 200];
const CLEAR: Rgba = [0, 0, 0, 0];
const DIM: Rgba = [4, 8, 16, 170];
const SELECTED_LINE = toRgba(SELECTED, 255);

export interface DistrictColumnsInput {
  id: string;
  districts: DistrictsResponse;
  value: PovertyDistricts;
  seq: number;
  selected: string | null;
  scale: number;
  labels: boolean;
  /** The scene layer's memo (ctx.memo): the derived columns are kept in it. */
  memo: LayerMemo;
}

/**
 * Households lifted as columns at the district centres over a flat district layer: key counties
 * tinted and outlined, and, when a district is selected, the others dimmed so its villages stand out.
 */
export function buildDistrictColumns({ id, districts, value, seq, selected, scale, labels, memo }: DistrictColumnsInput) {
  const data = memo(columnData, value, districts);
  const { height, color } = columnScales(data.maxHouseholds);
  const isKey = (code: string) => data.byCode.get(code)?.keyCounty ?? false;
  const triggers = [seq, selected];

  const base = new GeoJsonLayer({
    id: `${id}-districts`,
    data: districts as unknown as GeoJSON.FeatureCollection,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 40],
    getFillColor: (f) => {
      const code = (f as unknown as DistrictFeature).properties.code;
      if (selected && code !== selected) return DIM;
      return isKey(code) ? KEY_FILL : CLEAR;
    },
    getLineColor: (f) => {
      const code = (f as unknown as DistrictFeature).properties.code;
      if (code === selected) return SELECTED_LINE;
      return isKey(code) && !selected ? KEY_LINE : CLEAR;
    },
    getLineWidth: (f) => ((f as unknown as DistrictFeature).properties.code === selected ? 3 : 1.5),
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    updateTriggers: { getFillColor: triggers, getLineColor: triggers, getLineWidth: selected },
  });

  const columns = new ColumnLayer<ColumnDatum>({
    id: `${id}-columns`,
    data: data.columns,
    diskResolution: 16,
    radius: COLUMN_RADIUS_M,
    extruded: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 209, 102, 140],
    material: { ambient: 0.55, diffuse: 0.6, shininess: 24, specularColor: [60, 90, 120] },
    getPosition: (c) => c.position,
    getElevation: (c) => height(c.households),
    getFillColor: (c) => {
      if (c.code === selected) return toRgba(SELECTED, 120);
      const rgba = toRgba(color(c.households), 235);
      if (selected) rgba[3] = 60;
      return rgba;
    },
    updateTriggers: { getElevation: seq, getFillColor: triggers },
    transitions: { getElevation: 600 },
  });

  if (!labels) return [base, columns];
  const names = new PlacedLabelsLayer<ColumnDatum>({
    id: `${id}-labels`,
    // With a district selected the names give way to its villages' (the card and panel name it).
    data: selected ? NO_COLUMNS : data.columns,
    getText: (c) => shortName(c.name),
    getPosition: (c) => [c.position[0], c.position[1], height(c.households) + 2500],
    getSize: (c) => (c.keyCounty ? 17 : 15),
    sizeScale: scale,
    getColor: (c) => (c.keyCounty ? [235, 245, 255, 255] : [190, 210, 230, 230]),
    getPriority: (c) => labelPriority(c, data.maxHouseholds),
    parameters: { depthCompare: 'always' },
    updateTriggers: { getPosition: seq, getPriority: seq },
  });
  return [base, columns, names];
}

/** Tooltip lines for a district (its column or its area): plain text. */
export function describePovertyDistrict(c: ColumnDatum): string[] {
  const h = formatWan(c.households, '户');
  const p = formatWan(c.people, '人', 2);
  return [
    `${c.name} ${c.nameEn}${c.keyCounty ? ' · 重点区县 Key county' : ''}`,
    `脱贫户 ${h.value} ${h.unit} · Households lifted`,
    `脱贫人口 ${p.value} ${p.unit} · People lifted`,
    `脱贫村 ${c.villages} 个 · Villages lifted`,
    `今日平台使用 ${c.usesToday.toLocaleString('zh-CN')} 次`,
  ];
}
