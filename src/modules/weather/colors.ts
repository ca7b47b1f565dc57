/**
 * Colours and names of the weather module. The rain ramp is the CMA/NEXRAD radar palette placed on
 * rain rate (Marshall–Palmer Z = 200 R^1.6 maps 10–55 dBZ to about 0.15–100 mm/h), so duty
 * forecasters read it as they read a radar mosaic.
 */
import { interpolateRgb } from 'd3-interpolate';
import { rgb } from 'd3-color';
import type { WarningLevel, WarningType } from '../../hub/topics/weather.ts';
import { rainRateOf } from '../../hub/topics/weather.ts';
import { type Rgba } from '../../core/colour.ts';

/** Rain-rate stops (mm/h), log-spaced so that the legend's ticks sit at 0.1, 1, 10 and 100. */
export const RAIN_STOPS: ReadonlyArray<[mmh: number, color: string]> = [
  [0.1, '#01a0f6'],
  [0.25, '#00ecec'],
  [0.5, '#00d800'],
  [1, '#019000'],
  [2.5, '#ffff00'],
  [5, '#e7c000'],
  [10, '#ff9000'],
  [25, '#ff0000'],
  [50, '#c00000'],
  [100, '#ff00f0'],
];

/** Below this the radar shows nothing: drizzle under 0.1 mm/h reads as dry. */
export const RAIN_MIN_MMH = 0.1;


/** RGBA for a rain rate: interpolated in log rate between the stops; light rain is translucent. */
export function rainColor(mmh: number): Rgba {
  if (!(mmh >= RAIN_MIN_MMH)) {
    // Transparent, but with the first stop's colour: linear texture filtering then fades the
    // rain's edge into nothing instead of into black.
    const c = rgb(RAIN_STOPS[0][1]);
    return [c.r, c.g, c.b, 0];
  }
  const x = Math.log10(mmh);
  let i = 0;
  while (i < RAIN_STOPS.length - 2 && x > Math.log10(RAIN_STOPS[i + 1][0])) i++;
  const [r0, c0] = RAIN_STOPS[i];
  const [r1, c1] = RAIN_STOPS[i + 1];
  const f = Math.min(1, Math.max(0, (x - Math.log10(r0)) / (Math.log10(r1) - Math.log10(r0))));
  const c = rgb(interpolateRgb(c0, c1)(f));
  // Light rain is a veil; from 1 mm/h on the colour is nearly solid.
  const alpha = Math.round(255 * Math.min(0.9, 0.45 + 0.45 * Math.min(1, Math.log10(mmh / RAIN_MIN_MMH))));
  return [c.r, c.g, c.b, alpha];
}

/** RGBA of every radar byte value (q → (q/25)² mm/h), 256 × 4 bytes. */
export const RAIN_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let q = 0; q < 256; q++) lut.set(rainColor(rainRateOf(q)), q * 4);
  return lut;
})();

/** China's warning signal colours and names, in their order. */
export const WARNING_LEVEL_STYLE: Record<WarningLevel, { color: string; name: string; short: string; en: string }> = {
  blue: { color: '#3d8bff', name: '蓝色', short: '蓝', en: 'Blue' },
  yellow: { color: '#ffd23f', name: '黄色', short: '黄', en: 'Yellow' },
  orange: { color: '#ff8c1a', name: '橙色', short: '橙', en: 'Orange' },
  red: { color: '#ff3b30', name: '红色', short: '红', en: 'Red' },
};

export const WARNING_TYPE_NAME: Record<WarningType, { name: string; en: string }> = {
  rainstorm: { name: '暴雨', en: 'Rainstorm' },
  gale: { name: '大风', en: 'Gale' },
  heat: { name: '高温', en: 'Heat' },
  fog: { name: '大雾', en: 'Fog' },
};

export const warningTitle = (type: WarningType, level: WarningLevel) => `${WARNING_TYPE_NAME[type].name}${WARNING_LEVEL_STYLE[level].name}预警`;

/** Station temperature: a cool-to-warm sequential ramp (lightness rises with temperature). */
export const TEMPERATURE_RAMP = ['#3b6fd6', '#3fb8d9', '#7fe0c0', '#e8e6a0', '#f5c27a'] as const;

/** Eight-point wind direction, as a Chinese forecast names it ("from" direction). */
export function windName(fromDeg: number): string {
  const names = ['北风', '东北风', '东风', '东南风', '南风', '西南风', '西风', '西北风'];
  return names[Math.round((((fromDeg % 360) + 360) % 360) / 45) % 8];
}

/** Heading a rain area moves toward, as a compass word. */
export function headingName(towardDeg: number): string {
  const names = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
  return names[Math.round((((towardDeg % 360) + 360) % 360) / 45) % 8];
}

