/**
 * Chongqing's climate as the simulators need it: season by day of year, local hours, and per-day
 * random weather (wetness, temperature anomaly, fog) that is the same for a seed and a date.
 * Figures are Shapingba's normals (1991–2020, rounded), the city's reference station.
 */
import { createRandom, hashSeed } from '../random.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const UTC8 = 8 * HOUR;

/** Local (UTC+8) hour of day, 0 ≤ h < 24, fractional. */
export const localHour = (t: number) => ((((t + UTC8) % DAY) + DAY) % DAY) / HOUR;
/** Days since 1970-01-01 in local time: one index per local calendar day. */
export const localDayIndex = (t: number) => Math.floor((t + UTC8) / DAY);
/** Epoch ms of the local midnight that starts the day of `t`. */
export const localMidnight = (t: number) => localDayIndex(t) * DAY - UTC8;

/** Local calendar date of `t`: year and 0-based day of the year. */
export function localDate(t: number): { year: number; dayOfYear: number } {
  const d = new Date(t + UTC8);
  const year = d.getUTCFullYear();
  const dayOfYear = Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / DAY);
  return { year, dayOfYear };
}

/** Interpolates a monthly table (values at mid-month) at a fractional day of the year. */
export function monthly(table: readonly number[], dayOfYear: number): number {
  const m = (dayOfYear + 0.5) / 30.44 - 0.5; // 0 = mid-January
  const i = Math.floor(m);
  const f = m - i;
  const a = table[((i % 12) + 12) % 12];
  const b = table[(((i + 1) % 12) + 12) % 12];
  return a + (b - a) * f;
}

/** Daily mean temperature, °C (Shapingba, 259 m). */
export const MEAN_TEMP_C = [7.9, 10.3, 14.2, 19.0, 22.8, 25.6, 28.6, 28.7, 24.3, 18.8, 14.1, 9.5] as const;
/** Half the mean daily temperature range, °C: Chongqing's cloudy winters barely warm by day. */
export const HALF_RANGE_C = [2.1, 2.8, 3.6, 4.1, 4.1, 3.8, 4.6, 5.0, 4.0, 3.0, 2.3, 1.9] as const;
/** Mean relative humidity, %. */
export const MEAN_RH = [82, 78, 75, 76, 76, 80, 75, 71, 77, 83, 84, 84] as const;
/** How convective the season is, 0..1: peak in June–August, almost none in winter. */
export const CONVECTION = [0.16, 0.2, 0.34, 0.58, 0.84, 1, 1, 0.95, 0.74, 0.45, 0.27, 0.17] as const;
/** How foggy the season is, 0..1: Chongqing, "the fog capital", from October to January. */
export const FOGGINESS = [0.85, 0.6, 0.35, 0.2, 0.1, 0.08, 0.05, 0.05, 0.2, 0.55, 0.85, 1] as const;

export const bump = (x: number, centre: number, width: number) => Math.exp(-(((x - centre) / width) ** 2));
/** Distance between two hours of the day on the clock, −12..12. */
export const hourDiff = (h: number, centre: number) => ((((h - centre) % 24) + 36) % 24) - 12;
export const clockBump = (h: number, centre: number, width: number) => Math.exp(-((hourDiff(h, centre) / width) ** 2));

export interface DayWeather {
  /** Multiplies the birth rate of rain cells: 0.3 (a dry day) .. 1.9 (a wet one). */
  wetness: number;
  /** Added to every station's temperature, °C. */
  tempAnomalyC: number;
  /** 0..1: whether the night and morning bring fog. */
  fog: number;
  /** Prevailing wind of the day: direction it blows from (deg) and strength (m/s). */
  windFromDeg: number;
  windMs: number;
}

const dayCache = new Map<string, DayWeather>();

function rawDay(seed: number, day: number) {
  const r = createRandom(hashSeed(`weather-day:${day}`, seed));
  return { w: r.gauss(), t: r.gauss(), f: r.next(), d: r.next(), s: r.next() };
}

/**
 * The weather of one local day, deterministic from the seed. Neighbouring days are correlated
 * (moving averages of daily draws), as synoptic spells last a few days.
 */
export function dayWeather(seed: number, day: number): DayWeather {
  const key = `${seed}:${day}`;
  const hit = dayCache.get(key);
  if (hit) return hit;
  const d0 = rawDay(seed, day);
  const d1 = rawDay(seed, day - 1);
  const d2 = rawDay(seed, day - 2);
  const doy = localDate(day * DAY).dayOfYear;
  const wetZ = 0.65 * d0.w + 0.35 * d1.w + 0.2 * d2.w;
  const tempZ = 0.6 * d0.t + 0.45 * d1.t + 0.3 * d2.t;
  const summer = monthly(CONVECTION, doy);
  // Winter winds come from the north-east down the Yangtze, summer ones from the south-west.
  const prevailing = summer > 0.6 ? 200 : 45;
  const weather: DayWeather = {
    wetness: Math.min(1.9, Math.max(0.3, Math.exp(0.45 * wetZ))),
    tempAnomalyC: 1.9 * tempZ - 0.6 * Math.max(0, wetZ),
    fog: monthly(FOGGINESS, doy) * (d0.f < 0.55 ? 0.4 + d0.f : 0.15 * d0.f) * (wetZ > 1 ? 0.5 : 1),
    windFromDeg: (prevailing + (d0.d - 0.5) * 120 + 360) % 360,
    windMs: 0.8 + 1.8 * d0.s * d0.s,
  };
  if (dayCache.size > 4000) dayCache.clear();
  dayCache.set(key, weather);
  return weather;
}
