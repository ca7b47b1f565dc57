import { ScatterplotLayer } from '@deck.gl/layers';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import type { Layer } from '@deck.gl/core';
import { scaleLinear } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import type { StationReading, WeatherStations } from '../../../hub/topics/weather.ts';
import { TEMPERATURE_RAMP, windName } from '../colors.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';
import { formatHm } from '../../../core/format.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

/** Stations whose values are labelled at any zoom: the rainiest few. */
export const TOP_RAIN_LABELS = 5;
/**
 * Labelled stations keep this far apart in longitude or latitude (degrees): a "万州 12.3 mm" label
 * is ~80 × 20 px, about 0.5° × 0.12° at the city-wide zoom, so labels never overlap there.
 */
export const LABEL_GAP_DEG: [lon: number, lat: number] = [0.55, 0.14];
/** From this zoom on every station carries its temperature. */
export const LABEL_ZOOM = 8.5;

const OFFLINE: Rgba = [125, 147, 178, 150];

export interface StationsDerived {
  domain: [number, number];
  color: (c: number) => Rgba;
  topRain: StationReading[];
  /** Stations without a rain label: they carry their temperature when zoomed in. */
  others: StationReading[];
  /** The label layer's data: the rain figures first, then the rest. */
  labelled: StationReading[];
  /** The stations of topRain, for the label accessors. */
  rainy: ReadonlySet<StationReading>;
}

const interpolate = interpolateRgbBasis([...TEMPERATURE_RAMP]);

/**
 * Colour domain (whole degrees, at least 10 °C wide) and the rainiest stations: through the
 * layer's memo, once per topic value.
 */
export function deriveStations(value: WeatherStations): StationsDerived {
  const temps = value.stations.filter((s) => s.online).map((s) => s.temperatureC);
  let lo = temps.length ? Math.floor(Math.min(...temps)) : 0;
  let hi = temps.length ? Math.ceil(Math.max(...temps)) : 30;
  if (hi - lo < 10) {
    const mid = (hi + lo) / 2;
    lo = Math.floor(mid - 5);
    hi = lo + 10;
  }
  const scale = scaleLinear().domain([lo, hi]).range([0, 1]).clamp(true);
  const color = (c: number): Rgba => toRgba(interpolate(scale(c)));
  // Wettest first, skipping stations crowded by one already labelled (the core is dense).
  const topRain: StationReading[] = [];
  for (const s of value.stations.filter((x) => x.online && x.rain1hMm >= 0.1).sort((a, b) => b.rain1hMm - a.rain1hMm || a.id.localeCompare(b.id))) {
    if (topRain.length >= TOP_RAIN_LABELS) break;
    const crowded = topRain.some((t) => Math.abs(t.position[0] - s.position[0]) < LABEL_GAP_DEG[0] && Math.abs(t.position[1] - s.position[1]) < LABEL_GAP_DEG[1]);
    if (!crowded) topRain.push(s);
  }
  const others = value.stations.filter((s) => !topRain.includes(s));
  return { domain: [lo, hi], color, topRain, others, labelled: [...topRain, ...others], rainy: new Set(topRain) };
}

export interface StationLayerInput {
  id: string;
  stations: WeatherStations;
  version: number;
  scale: number;
  labels: boolean;
  /** The scene layer's memo (ctx.memo): the derived stations are kept in it. */
  memo: LayerMemo;
}

const fmt1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export function buildStationLayers({ id, stations, version, scale, labels, memo }: StationLayerInput): Layer[] {
  const d = memo(deriveStations, stations);
  const layers: Layer[] = [
    new ScatterplotLayer<StationReading>({
      id: `${id}-points`,
      data: stations.stations,
      getPosition: (s) => s.position,
      getRadius: 5,
      radiusUnits: 'pixels',
      radiusScale: scale,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5 * scale,
      getLineColor: [7, 13, 26, 230],
      getFillColor: (s) => (s.online ? d.color(s.temperatureC) : OFFLINE),
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 209, 102, 255],
      parameters: { depthCompare: 'always' },
      updateTriggers: { getFillColor: version, getLineWidth: scale },
    }),
  ];
  if (!labels) return layers;
  // One label layer, so rain figures and temperatures are placed against each other: the rain
  // figures (in dark chips, over the radar's colours) first, temperatures where room is left.
  const rain = d.rainy;
  layers.push(
    new PlacedLabelsLayer<StationReading>({
      id: `${id}-labels`,
      // Place names first: figures fit around them.
      layerPriority: -1,
      data: d.labelled,
      getText: (s) => (rain.has(s) ? `${s.name} ${fmt1(s.rain1hMm)} mm` : `${s.name} ${fmt1(s.temperatureC)}°`),
      getPosition: (s) => s.position,
      getPriority: (s) => (rain.has(s) ? 100 + s.rain1hMm : 0),
      getSize: (s) => (rain.has(s) ? 15 : 14),
      getColor: (s) => (rain.has(s) ? [255, 255, 255, 255] : [200, 216, 238, 255]),
      // Temperatures only close in; a design-space zoom, as cameras are (src/twin/framing.ts).
      getMinZoom: (s) => (rain.has(s) ? 0 : LABEL_ZOOM + Math.log2(scale)),
      background: true,
      getBackgroundColor: (s) => (rain.has(s) ? [10, 22, 44, 215] : [0, 0, 0, 0]),
      backgroundPadding: [5, 2],
      getAlignmentBaseline: 'bottom',
      getPixelOffset: [0, -9 * scale],
      sizeScale: scale,
      updateTriggers: { getText: version, getPriority: version, getSize: version, getColor: version, getMinZoom: [version, scale], getBackgroundColor: version },
    }),
  );
  return layers;
}

/** Tooltip lines for a station: every reading, with units, as plain text. */
export function describeStation(s: StationReading): string[] {
  return [
    `${s.name} ${s.nameEn} · 海拔 ${Math.round(s.elevationM)} m`,
    `${s.online ? '观测' : '离线 · 最后观测'} ${formatHm(s.observedAt)}`,
    `气温 ${fmt1(s.temperatureC)} °C · 相对湿度 ${Math.round(s.humidityPct)} %`,
    `1小时雨量 ${fmt1(s.rain1hMm)} mm`,
    `${windName(s.windFromDeg)} ${fmt1(s.windSpeedMs)} m/s（${Math.round(s.windFromDeg)}°）· 阵风 ${fmt1(s.windGustMs)} m/s`,
    `能见度 ${s.visibilityKm < 1 ? `${Math.round(s.visibilityKm * 1000)} m` : `${fmt1(s.visibilityKm)} km`}`,
  ];
}
