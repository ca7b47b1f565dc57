import { GeoJsonLayer } from '@deck.gl/layers';
import { scaleSequential, scaleSqrt } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import { toRgba } from '../../../core/colour.ts';
import { shortName } from '../../district-names.ts';
import type { DistrictFeature, DistrictFigures, DistrictsResponse } from '../../../hub/contract.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';

/** Sequential cyan scale: low values deep teal, high values near white (reads on navy). */
export const DISTRICT_RAMP = ['#0a2f4d', '#1478a8', '#3fd0ff', '#dff8ff'] as const;
const rampInterpolator = interpolateRgbBasis([...DISTRICT_RAMP]);

/** Tallest column, in metres: tall enough to read from a pitched whole-city view. */
export const MAX_COLUMN_M = 16_000;
const HIGHLIGHT: [number, number, number, number] = [255, 209, 102, 255];

export interface DistrictLayerInput {
  /** Prefix of the deck.gl layer ids (the scene layer's id). */
  id: string;
  districts: DistrictsResponse;
  figures: Map<string, DistrictFigures>;
  /** Changes whenever figures change: drives updateTriggers, so geometry is not rebuilt. */
  version: number;
  selected: string | null;
  /** The wall's DOM scale, so labels keep their designed size at 4K and 8K. */
  scale: number;
  labels?: boolean;
  opacity?: number;
}

export function districtScales(figures: Map<string, DistrictFigures>) {
  let max = 1;
  for (const f of figures.values()) max = Math.max(max, f.dataCallsToday);
  return {
    max,
    color: scaleSequential(rampInterpolator).domain([0, max]),
    height: scaleSqrt().domain([0, max]).range([0, MAX_COLUMN_M]),
  };
}

/**
 * Districts extruded by today's data calls, with their names floating above. Stable layer ids
 * and updateTriggers: a live update recolours and re-heights without re-tessellating polygons.
 */
export function buildDistrictLayers({ id, districts, figures, version, selected, scale, labels = true, opacity = 0.85 }: DistrictLayerInput) {
  const scales = districtScales(figures);
  const value = (f: DistrictFeature) => figures.get(f.properties.code)?.dataCallsToday ?? 0;
  const height = (f: DistrictFeature) => scales.height(value(f));

  const columns = new GeoJsonLayer<DistrictFeature['properties']>({
    id: `${id}-columns`,
    data: districts as unknown as GeoJSON.FeatureCollection,
    extruded: true,
    wireframe: false,
    filled: true,
    stroked: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 209, 102, 120],
    opacity,
    material: { ambient: 0.55, diffuse: 0.6, shininess: 24, specularColor: [60, 90, 120] },
    getElevation: (f) => height(f as unknown as DistrictFeature),
    getFillColor: (f) => {
      const feature = f as unknown as DistrictFeature;
      return feature.properties.code === selected ? HIGHLIGHT : toRgba(scales.color(value(feature)), 235);
    },
    updateTriggers: { getElevation: version, getFillColor: [version, selected] },
    // No `transitions`: deck.gl starts a GPU transition of a polygon attribute by reading the old
    // buffer back synchronously (padBuffer with vertex start indices), a pipeline stall on every
    // hub update (seconds with software WebGL). Columns step to their new height instead.
  });

  if (!labels) return [columns];
  const names = new PlacedLabelsLayer<DistrictFeature>({
    id: `${id}-labels`,
    data: districts.features,
    getText: (f) => shortName(f.properties.name),
    getPosition: (f) => [f.properties.center[0], f.properties.center[1], height(f) + 400],
    getSize: 18,
    sizeScale: scale,
    // The selected district always keeps its name, then the busiest.
    getPriority: (f) => Math.sqrt(value(f)) + (f.properties.code === selected ? 1e6 : 0),
    padding: [8, 4],
    parameters: { depthCompare: 'always' },
    updateTriggers: { getPosition: version, getPriority: [version, selected] },
  });

  return [columns, names];
}

/** Tooltip and info-card lines for a district: plain text, never HTML. */
export function describeDistrict(feature: DistrictFeature, figures: DistrictFigures | undefined): string[] {
  const p = feature.properties;
  const lines = [`${p.name} ${p.nameEn}`];
  if (figures) {
    lines.push(`今日数据调用 ${(figures.dataCallsToday / 1e4).toFixed(1)} 万次`);
    lines.push(`未办结事件 ${figures.openEvents} 件`);
    lines.push(`在线感知设备 ${figures.devicesOnline.toLocaleString('zh-CN')} 台`);
  }
  lines.push(`面积 ${Math.round(p.areaKm2).toLocaleString('zh-CN')} km²`);
  return lines;
}
