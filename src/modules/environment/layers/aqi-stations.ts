import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import type { AirStation, AirStations } from '../../../hub/topics/environment.ts';
import { AQI_STYLE, POLLUTANT_STYLE } from '../colors.ts';
import { toRgba } from '../../../core/colour.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

export interface AqiStationInput {
  id: string;
  stations: AirStations;
  version: number;
  scale: number;
  labels: boolean;
  /** The scene layer's memo (ctx.memo): the label split is kept in it. */
  memo: LayerMemo;
}

/** Sites whose AQI is written beside them at any zoom: the worst few. */
export const TOP_AQI_LABELS = 8;
/**
 * Labelled sites keep this far apart in longitude or latitude (degrees): a dot with its AQI is
 * ~35 × 20 px, about 0.22° × 0.13° at the city-wide zoom, so labels never overlap there.
 */
export const LABEL_GAP_DEG: [lon: number, lat: number] = [0.24, 0.14];
/** From this zoom on every site carries its AQI. */
export const LABEL_ZOOM = 8.5;

/** The worst sites (labelled always) and the rest (labelled when zoomed in): through the layer's memo, once per value. */
export function labelSplit(stations: AirStations): { worst: AirStation[]; others: AirStation[] } {
  // Worst first, skipping sites crowded by one already labelled (the core is dense).
  const worst: AirStation[] = [];
  for (const s of [...stations.stations].sort((a, b) => b.aqi - a.aqi || a.id.localeCompare(b.id))) {
    if (worst.length >= TOP_AQI_LABELS) break;
    const crowded = worst.some((w) => Math.abs(w.position[0] - s.position[0]) < LABEL_GAP_DEG[0] && Math.abs(w.position[1] - s.position[1]) < LABEL_GAP_DEG[1]);
    if (!crowded) worst.push(s);
  }
  return { worst, others: stations.stations.filter((s) => !worst.includes(s)) };
}

/** Monitoring sites as dots in their AQI category's colour, with the AQI beside the worst ones. */
export function buildAqiStationLayers({ id, stations, version, scale, labels, memo }: AqiStationInput): Layer[] {
  const layers: Layer[] = [
    new ScatterplotLayer<AirStation>({
      id: `${id}-points`,
      data: stations.stations,
      getPosition: (s) => s.position,
      getRadius: (s) => (s.kind === 'urban' ? 5.5 : 7),
      radiusUnits: 'pixels',
      radiusScale: scale,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5 * scale,
      getLineColor: [235, 245, 255, 220],
      getFillColor: (s) => toRgba(AQI_STYLE[s.category].color),
      pickable: true,
      autoHighlight: true,
      highlightColor: [63, 208, 255, 255],
      parameters: { depthCompare: 'always' },
      updateTriggers: { getFillColor: version, getLineWidth: scale },
    }),
  ];
  if (!labels) return layers;
  // One placed label layer: the worst sites at any zoom and first, the rest close in, never overlapping.
  const { worst } = memo(labelSplit, stations);
  const isWorst = new Set(worst);
  layers.push(
    new PlacedLabelsLayer<AirStation>({
      id: `${id}-labels`,
      layerPriority: -1, // place names first: figures fit around them
      data: stations.stations,
      characterSet: '0123456789',
      fontWeight: 700,
      getText: (s) => String(s.aqi),
      getPosition: (s) => s.position,
      getPriority: (s) => (isWorst.has(s) ? 1000 : 0) + s.aqi,
      getMinZoom: (s) => (isWorst.has(s) ? 0 : LABEL_ZOOM + Math.log2(scale)), // a design-space zoom (src/twin/framing.ts)
      getSize: 15,
      sizeScale: scale,
      getTextAnchor: 'start',
      getPixelOffset: [10 * scale, 0],
      updateTriggers: { getText: version, getPriority: version, getMinZoom: [version, scale] },
    }),
  );
  return layers;
}

/** Tooltip lines for a site: AQI, category, primary pollutant and the six concentrations. */
export function describeAirStation(s: AirStation, districtName?: string): string[] {
  const p = (k: keyof typeof POLLUTANT_STYLE) => `${POLLUTANT_STYLE[k].name} ${s[k]} ${POLLUTANT_STYLE[k].unit}`;
  return [
    `${s.name} ${s.nameEn}${districtName ? ` · ${districtName}` : ''}`,
    `AQI ${s.aqi} ${AQI_STYLE[s.category].name} · 首要污染物 ${s.primaryPollutant ? POLLUTANT_STYLE[s.primaryPollutant].name : '无'}`,
    `${p('pm25')} · ${p('pm10')}`,
    `${p('o3')} · ${p('no2')}`,
    `${p('so2')} · ${p('co')}`,
  ];
}
