import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { FilterContext, Layer } from '@deck.gl/core';
import type { AirStation, AirStations } from '../../../hub/topics/environment.ts';
import { AQI_STYLE, POLLUTANT_STYLE, toRgba } from '../colors.ts';

export interface AqiStationInput {
  id: string;
  stations: AirStations;
  version: number;
  scale: number;
  labels: boolean;
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';
/** Sites whose AQI is written beside them at any zoom: the worst few. */
export const TOP_AQI_LABELS = 8;
/**
 * Labelled sites keep this far apart in longitude or latitude (degrees): a dot with its AQI is
 * ~35 × 20 px, about 0.22° × 0.13° at the city-wide zoom, so labels never overlap there.
 */
export const LABEL_GAP_DEG: [lon: number, lat: number] = [0.24, 0.14];
/** From this zoom on every site carries its AQI. */
export const LABEL_ZOOM = 8.5;

/** A text layer that only draws from a zoom on (its sublayers are filtered per viewport). */
export class ZoomGatedTextLayer<D> extends TextLayer<D, { minZoom?: number }> {
  static layerName = 'AqiZoomGatedTextLayer';
  static defaultProps = { ...TextLayer.defaultProps, minZoom: { type: 'number', value: 0 } };
  filterSubLayer({ viewport }: FilterContext) {
    return viewport.zoom >= (this.props.minZoom ?? 0);
  }
}

const split = new WeakMap<AirStations, { worst: AirStation[]; others: AirStation[] }>();

/** The worst sites (labelled always) and the rest (labelled when zoomed in), once per value. */
export function labelSplit(stations: AirStations): { worst: AirStation[]; others: AirStation[] } {
  let hit = split.get(stations);
  if (!hit) {
    // Worst first, skipping sites crowded by one already labelled (the core is dense).
    const worst: AirStation[] = [];
    for (const s of [...stations.stations].sort((a, b) => b.aqi - a.aqi || a.id.localeCompare(b.id))) {
      if (worst.length >= TOP_AQI_LABELS) break;
      const crowded = worst.some((w) => Math.abs(w.position[0] - s.position[0]) < LABEL_GAP_DEG[0] && Math.abs(w.position[1] - s.position[1]) < LABEL_GAP_DEG[1]);
      if (!crowded) worst.push(s);
    }
    hit = { worst, others: stations.stations.filter((s) => !worst.includes(s)) };
    split.set(stations, hit);
  }
  return hit;
}

/** Monitoring sites as dots in their AQI category's colour, with the AQI beside the worst ones. */
export function buildAqiStationLayers({ id, stations, version, scale, labels }: AqiStationInput): Layer[] {
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
  const { worst, others } = labelSplit(stations);
  const text = {
    characterSet: '0123456789',
    fontFamily: FONT,
    fontWeight: 700,
    fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 12 },
    getText: (s: AirStation) => String(s.aqi),
    getPosition: (s: AirStation) => s.position,
    getSize: 15,
    sizeScale: scale,
    sizeUnits: 'pixels' as const,
    getColor: [235, 245, 255, 255] as [number, number, number, number],
    outlineWidth: 4,
    outlineColor: [7, 13, 26, 235] as [number, number, number, number],
    getTextAnchor: 'start' as const,
    getAlignmentBaseline: 'center' as const,
    getPixelOffset: [10 * scale, 0] as [number, number],
    parameters: { depthCompare: 'always' as const },
    updateTriggers: { getText: version },
  };
  layers.push(
    new TextLayer<AirStation>({ ...text, id: `${id}-labels`, data: worst }),
    new ZoomGatedTextLayer<AirStation>({ ...text, id: `${id}-labels-zoomed`, data: others, minZoom: LABEL_ZOOM + Math.log2(scale) }), // design-space zoom (src/twin/framing.ts)
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
