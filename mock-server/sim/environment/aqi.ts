/**
 * Individual and overall air quality index after HJ 633-2012, table 1. Hourly AQI (实时报) uses
 * the 1-hour breakpoints of SO2, NO2, O3 and CO and the 24-hour breakpoints of PM2.5 and PM10
 * (which have no 1-hour ones); daily AQI (日报) uses 24-hour means and the O3 maximum 8-hour mean.
 */
import type { Concentrations, Pollutant } from '../../../src/hub/topics/environment.ts';

const IAQI = [0, 50, 100, 150, 200, 300, 400, 500] as const;

export const BREAKPOINTS = {
  so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  so2_1h: [0, 150, 500, 650, 800], // above 800 μg/m³ the 24-hour table applies
  no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
  co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 160, 215, 265, 800], // above 800 μg/m³ the 1-hour table applies
  pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
} as const;

/** IAQI of one concentration on one breakpoint table (linear between breakpoints, capped at 500). */
export function iaqi(c: number, table: readonly number[]): number {
  if (!(c > 0)) return 0;
  for (let i = 1; i < table.length; i++) {
    if (c <= table[i]) {
      const lo = table[i - 1];
      return IAQI[i - 1] + ((IAQI[i] - IAQI[i - 1]) * (c - lo)) / (table[i] - lo);
    }
  }
  return table.length === IAQI.length ? 500 : IAQI[table.length - 1];
}

export interface AqiResult {
  aqi: number;
  primaryPollutant: Pollutant | null;
  iaqi: Record<Pollutant, number>;
}

function combine(iaqis: Record<Pollutant, number>): AqiResult {
  let primary: Pollutant = 'pm25';
  for (const p of Object.keys(iaqis) as Pollutant[]) if (iaqis[p] > iaqis[primary]) primary = p;
  // HJ 633 rounds IAQI up to the next integer.
  const aqi = Math.min(500, Math.ceil(iaqis[primary] - 1e-9));
  return { aqi, primaryPollutant: aqi > 50 ? primary : null, iaqi: iaqis };
}

/** Hourly AQI from 1-hour concentrations. */
export function hourlyAqi(c: Concentrations): AqiResult {
  return combine({
    pm25: iaqi(c.pm25, BREAKPOINTS.pm25_24h),
    pm10: iaqi(c.pm10, BREAKPOINTS.pm10_24h),
    o3: iaqi(c.o3, BREAKPOINTS.o3_1h),
    no2: iaqi(c.no2, BREAKPOINTS.no2_1h),
    so2: c.so2 > 800 ? iaqi(c.so2, BREAKPOINTS.so2_24h) : iaqi(c.so2, BREAKPOINTS.so2_1h),
    co: iaqi(c.co, BREAKPOINTS.co_1h),
  });
}

/** Daily AQI from 24-hour means (O3 as its maximum 8-hour mean). */
export function dailyAqi(c: Concentrations & { o3_8h: number }): AqiResult {
  return combine({
    pm25: iaqi(c.pm25, BREAKPOINTS.pm25_24h),
    pm10: iaqi(c.pm10, BREAKPOINTS.pm10_24h),
    o3: c.o3_8h > 800 ? iaqi(c.o3, BREAKPOINTS.o3_1h) : iaqi(c.o3_8h, BREAKPOINTS.o3_8h),
    no2: iaqi(c.no2, BREAKPOINTS.no2_24h),
    so2: iaqi(c.so2, BREAKPOINTS.so2_24h),
    co: iaqi(c.co, BREAKPOINTS.co_24h),
  });
}
