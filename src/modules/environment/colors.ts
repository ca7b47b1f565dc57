/**
 * Colours and names of the environment module. AQI categories use the colours of HJ 633-2012
 * (优 green … 严重污染 maroon); the PM2.5 surface is a sequential ramp with its stops at the
 * HJ 633 PM2.5 breakpoints (35, 75, 115, 150 μg/m³), quieter than the station dots on top of it.
 */
import { interpolateRgb } from 'd3-interpolate';
import { rgb } from 'd3-color';
import { AQI_CATEGORIES, type AqiCategory, type Pollutant } from '../../hub/topics/environment.ts';
import { pm25Of } from '../../hub/topics/environment.ts';
import { type Rgba } from '../../core/colour.ts';

export const AQI_STYLE: Record<AqiCategory, { color: string; name: string; short: string; range: string; en: string }> = {
  excellent: { color: '#00e400', name: '优', short: '优', range: '0–50', en: 'Excellent' },
  good: { color: '#ffff00', name: '良', short: '良', range: '51–100', en: 'Good' },
  light: { color: '#ff7e00', name: '轻度污染', short: '轻度', range: '101–150', en: 'Lightly polluted' },
  moderate: { color: '#ff0000', name: '中度污染', short: '中度', range: '151–200', en: 'Moderately polluted' },
  heavy: { color: '#99004c', name: '重度污染', short: '重度', range: '201–300', en: 'Heavily polluted' },
  severe: { color: '#7e0023', name: '严重污染', short: '严重', range: '>300', en: 'Severely polluted' },
};

export const AQI_LEGEND_ITEMS = AQI_CATEGORIES.map((c) => ({ label: `${AQI_STYLE[c].name} ${AQI_STYLE[c].range}`, color: AQI_STYLE[c].color }));

export const POLLUTANT_STYLE: Record<Pollutant, { name: string; unit: string; color: string }> = {
  pm25: { name: 'PM2.5', unit: 'μg/m³', color: '#3fd0ff' },
  pm10: { name: 'PM10', unit: 'μg/m³', color: '#8fb8ff' },
  o3: { name: 'O₃', unit: 'μg/m³', color: '#b98cff' },
  no2: { name: 'NO₂', unit: 'μg/m³', color: '#4cd9a0' },
  so2: { name: 'SO₂', unit: 'μg/m³', color: '#e0c070' },
  co: { name: 'CO', unit: 'mg/m³', color: '#c8d8ee' },
};

/** PM2.5 stops (μg/m³) and colours: deep teal for clean air up to near-white at 150 and above. */
export const PM25_STOPS: ReadonlyArray<[ugm3: number, color: string]> = [
  [0, '#0b2f4a'],
  [35, '#17607e'],
  [75, '#2fa0b8'],
  [115, '#97dbe6'],
  [150, '#f2fcff'],
];


export function pm25Color(ugm3: number): Rgba {
  const v = Math.max(0, ugm3);
  let i = 0;
  while (i < PM25_STOPS.length - 2 && v > PM25_STOPS[i + 1][0]) i++;
  const [v0, c0] = PM25_STOPS[i];
  const [v1, c1] = PM25_STOPS[i + 1];
  const c = rgb(interpolateRgb(c0, c1)(Math.min(1, (v - v0) / (v1 - v0))));
  // Clean air recedes into the map; polluted air stands out.
  const alpha = Math.round(255 * Math.min(0.85, 0.42 + (0.43 * Math.min(v, 90)) / 90));
  return [c.r, c.g, c.b, alpha];
}

/** RGBA of every surface byte value (q → 2q μg/m³; 0 = no data, transparent). */
export const PM25_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 4);
  const first = rgb(PM25_STOPS[0][1]);
  lut.set([first.r, first.g, first.b, 0], 0);
  for (let q = 1; q < 256; q++) lut.set(pm25Color(pm25Of(q)), q * 4);
  return lut;
})();

