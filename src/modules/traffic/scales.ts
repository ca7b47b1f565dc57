import { rgb } from 'd3-color';
import { interpolateRgbBasis } from 'd3-interpolate';
import { CONGESTION_LEVELS, congestionLevel, type RoadClass } from '../../hub/topics/traffic.ts';
import { toRgba, type Rgba } from '../../core/colour.ts';

export { CONGESTION_LEVELS, congestionLevel };


/** The five traffic-index levels as RGBA, in level order (畅通 … 严重拥堵). */
export const LEVEL_RGBA: Rgba[] = CONGESTION_LEVELS.map((l) => toRgba(l.color));

export function levelRgba(index: number): Rgba {
  return LEVEL_RGBA[Math.min(LEVEL_RGBA.length - 1, Math.max(0, Math.floor(index / 2)))];
}

/** Shown before congestion for the current network version has arrived. */
export const NO_DATA_RGBA: Rgba = [90, 120, 160, 160];

/** Line widths, design px: expressways read first, streets are texture. */
export const ROAD_WIDTH_PX: Record<RoadClass, number> = { expressway: 4.5, arterial: 3, local: 1.8 };

export const ROAD_CLASS_NAMES: Record<RoadClass, string> = { expressway: '快速路', arterial: '主干路', local: '支路' };

/**
 * Floating-car speed, sequential and light: queued vehicles grey-blue and fainter, free-moving ones
 * white. Light on purpose: the points sit on the roads and must not hide the congestion colour
 * beneath them (the roads say how congested; the points say where the cars are and that they move).
 */
export const SPEED_RAMP = ['#8ea3c4', '#a9d6f2', '#dff6ff', '#ffffff'] as const;
export const SPEED_MAX_KMH = 80;

/** 256-entry RGBA lookup by speed in km/h (the frame's uint8 speed column indexes it). */
export const SPEED_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 4);
  const ramp = interpolateRgbBasis([...SPEED_RAMP]);
  for (let v = 0; v < 256; v++) {
    const c = rgb(ramp(Math.min(1, v / SPEED_MAX_KMH)));
    lut.set([c.r, c.g, c.b, Math.round(150 + 90 * Math.min(1, v / SPEED_MAX_KMH))], v * 4);
  }
  return lut;
})();

export const INCIDENT_STYLE = {
  accident: { name: '交通事故', nameEn: 'Accident', color: '#ff4d5e' },
  breakdown: { name: '故障车辆', nameEn: 'Breakdown', color: '#ff9f43' },
  works: { name: '道路施工', nameEn: 'Road works', color: '#ffd166' },
} as const;


/** District names without the 区 suffix, for tight lists. */
export function shortDistrict(name: string | undefined): string {
  if (!name) return '';
  return name.length > 2 ? name.replace(/区$/, '') : name;
}
