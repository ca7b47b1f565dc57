import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Incident, TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { INCIDENT_STYLE } from '../scales.ts';
import { toRgba } from '../../../core/colour.ts';
import { formatHm } from '../../../core/format.ts';

export interface IncidentLayerInput {
  id: string;
  congestion: TrafficCongestion;
  seq: number;
  scale: number;
  /** Wall clock (ms) for the pulse; 0 when animation is off. */
  now: number;
  animate: boolean;
}

export const PULSE_MS = 1800;
export const INCIDENT_RADIUS_PX = 7;

const colorOf = (x: Incident) => toRgba(INCIDENT_STYLE[x.kind].color);

/**
 * Incidents as a marker with a ring that pulses outward: motion where something needs attention.
 * The pulse changes only uniforms (radiusScale, opacity), so an animation frame rebuilds nothing.
 */
export function buildIncidentLayers({ id, congestion, seq, scale, now, animate }: IncidentLayerInput): Layer[] {
  const data = congestion.incidents;
  const phase = animate ? (now % PULSE_MS) / PULSE_MS : 0.45;
  const layers: Layer[] = [
    new ScatterplotLayer<Incident>({
      id: `${id}-pulse`,
      data,
      getPosition: (x) => x.position,
      getRadius: INCIDENT_RADIUS_PX,
      radiusUnits: 'pixels',
      radiusScale: scale * (1 + 2.2 * phase),
      stroked: true,
      filled: false,
      getLineColor: colorOf,
      lineWidthUnits: 'pixels',
      getLineWidth: 2 * scale,
      opacity: 1 - phase,
      parameters: { depthCompare: 'always' },
      updateTriggers: { getPosition: seq, getLineColor: seq },
    }),
    new ScatterplotLayer<Incident>({
      id: `${id}-markers`,
      data,
      getPosition: (x) => x.position,
      getRadius: INCIDENT_RADIUS_PX,
      radiusUnits: 'pixels',
      radiusScale: scale,
      stroked: true,
      getFillColor: colorOf,
      getLineColor: [7, 13, 26, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2 * scale,
      pickable: true,
      parameters: { depthCompare: 'always' },
      updateTriggers: { getPosition: seq, getFillColor: seq },
    }),
  ];
  return layers;
}

export function describeIncident(x: Incident, now: number): string[] {
  const style = INCIDENT_STYLE[x.kind];
  const minutes = Math.max(0, Math.round((now - x.since) / 60_000));
  return [`${style.name} ${style.nameEn}`, x.roadName, `发生于 ${formatHm(x.since)} · 已持续 ${minutes} 分钟`];
}
