/**
 * What a station measures at a time: temperature, humidity, wind and visibility follow the season,
 * the hour, the day's weather, the station's height and the rain cells around it. Pure functions
 * of (seed, time, place, rain): the forecast and the heat and fog warnings read the same model.
 */
import { hashSeed } from '../random.ts';
import {
  HALF_RANGE_C,
  MEAN_RH,
  MEAN_TEMP_C,
  clockBump,
  dayWeather,
  localDate,
  localDayIndex,
  localHour,
  monthly,
} from './climate.ts';
import { outflowGustAt, type LiveCell } from './storms.ts';
import { toKm } from './relief.ts';

const REFERENCE_ELEVATION_M = 259;
const LAPSE_C_PER_KM = 6.0;
const YUZHONG = toKm(106.577, 29.557);

export interface Place {
  id: string;
  position: [number, number];
  elevationM: number;
}

/** Stable per-station draw in [0, 1). */
export const stationDraw = (seed: number, id: string, salt: string) => hashSeed(`${id}:${salt}`, seed) / 4294967296;

/** Shape of the day, −1 at dawn (06:30) to +1 at 15:00, asymmetric as real days are. */
export function diurnalShape(hour: number): number {
  const h = (hour - 6.5 + 24) % 24;
  return h <= 8.5 ? -Math.cos((Math.PI * h) / 8.5) : Math.cos((Math.PI * (h - 8.5)) / 15.5);
}

/** Share of the day's sky that is overcast, from the day's wetness: damps the diurnal range. */
const cloudiness = (wetness: number) => Math.min(1, Math.max(0, (wetness - 0.4) / 1.4));

/** Temperature without rain cooling or station noise: the expected value at a place. */
export function expectedTemperatureC(seed: number, t: number, place: Place): number {
  const doy = localDate(t).dayOfYear;
  const hour = localHour(t);
  const day = localDayIndex(t);
  const today = dayWeather(seed, day);
  // Day-to-day anomalies blend across midnight so temperature never jumps.
  const other = dayWeather(seed, hour < 12 ? day - 1 : day + 1);
  const f = hour < 12 ? 0.5 - hour / 24 : (hour - 12) / 24;
  const anomaly = today.tempAnomalyC * (1 - f) + other.tempAnomalyC * f;
  const range = monthly(HALF_RANGE_C, doy) * (1 - 0.5 * cloudiness(today.wetness));
  const [x, y] = toKm(...place.position);
  const urban = Math.exp(-Math.hypot(x - YUZHONG[0], y - YUZHONG[1]) / 20);
  const night = 1 - clockBump(hour, 15, 6);
  const uhi = urban * (0.5 + 0.9 * night);
  const lapse = (LAPSE_C_PER_KM * (place.elevationM - REFERENCE_ELEVATION_M)) / 1000;
  return monthly(MEAN_TEMP_C, doy) + anomaly + range * diurnalShape(hour) + uhi - lapse;
}

/** Today's expected maximum at a place (at 15:00), for heat warnings and the forecast. */
export function expectedMaxTodayC(seed: number, t: number, place: Place): number {
  const midnight = Math.floor((t + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000;
  return expectedTemperatureC(seed, midnight + 15 * 3_600_000, place);
}

export interface Observation {
  temperatureC: number;
  windSpeedMs: number;
  windGustMs: number;
  windFromDeg: number;
  humidityPct: number;
  visibilityKm: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Gusts run this much above the mean wind; a storm's outflow adds this share of its gust. */
export const GUST_RATIO = 1.55;
export const OUTFLOW_FACTOR = 0.8;

/** Mean wind at a place without storms, m/s: the day's flow, stronger in the afternoon and on heights. */
export function meanWindMs(seed: number, t: number, place: Place): number {
  const today = dayWeather(seed, localDayIndex(t));
  const relief = clamp((place.elevationM - 300) / 1500, 0, 1);
  const own = 0.7 + 0.6 * stationDraw(seed, place.id, 'wind');
  const phase = stationDraw(seed, place.id, 'phase') * Math.PI * 2;
  const wobble = 0.15 * Math.sin((2 * Math.PI * t) / (31 * 60_000) + phase);
  return today.windMs * (1 + 0.45 * clockBump(localHour(t), 15, 4)) * (1 + 0.8 * relief) * own * (1 + wobble);
}

/** A place's gust without storms, m/s. */
export const baseGustMs = (seed: number, t: number, place: Place) => meanWindMs(seed, t, place) * GUST_RATIO;

/** Fog intensity 0..1 at a place: foggy days, before noon, in valleys (mountain tops stand above it). */
export function fogAt(seed: number, t: number, place: Place): number {
  const hour = localHour(t);
  const day = dayWeather(seed, localDayIndex(hour < 12 ? t : t + 86_400_000 / 2));
  const valley = place.elevationM < 700 ? 1 : place.elevationM < 1200 ? 0.5 : 0.15;
  const own = 0.75 + 0.5 * stationDraw(seed, place.id, 'fog');
  return clamp(day.fog * clockBump(hour, 6.5, 3.6) * valley * own, 0, 1);
}

/** Visibility in km from fog, humidity and rain. */
export function visibilityKm(fog: number, humidityPct: number, rainMmh: number): number {
  let v = 6 + 20 * (1 - humidityPct / 100);
  if (fog > 0.05) v = Math.min(v, 0.03 + 3 * (1 - fog) ** 2.5);
  if (rainMmh > 0.1) v = Math.min(v, 15 / (1 + 0.5 * rainMmh));
  return v;
}

/**
 * A station's readings at t. `rainMmh` is the radar rain rate at the station now and `rain1hMm`
 * its last hour of rain; `cells` the live rain cells (their outflow gusts reach the station).
 */
export function observe(seed: number, t: number, place: Place, rainMmh: number, rain1hMm: number, cells: readonly LiveCell[]): Observation {
  const doy = localDate(t).dayOfYear;
  const hour = localHour(t);
  const today = dayWeather(seed, localDayIndex(t));
  const bias = (stationDraw(seed, place.id, 'bias') - 0.5) * 0.8;
  const phase = stationDraw(seed, place.id, 'phase') * Math.PI * 2;
  const noise = 0.25 * Math.sin((2 * Math.PI * t) / (47 * 60_000) + phase) + 0.12 * Math.sin((2 * Math.PI * t) / (13 * 60_000) + 2 * phase);
  const expected = expectedTemperatureC(seed, t, place);
  const rainCooling = Math.min(5, 0.9 * Math.sqrt(rainMmh) + 0.12 * Math.min(30, rain1hMm));
  const temperatureC = expected - rainCooling + bias + noise;

  const range = monthly(HALF_RANGE_C, doy);
  const rainBoost = rainMmh > 0.1 ? 18 * Math.min(1, rainMmh / 4) : 0;
  const fog = fogAt(seed, t, place);
  const humidityPct = clamp(
    monthly(MEAN_RH, doy) + 7 * (today.wetness - 1) - 2.6 * range * diurnalShape(hour) + rainBoost + 12 * fog + place.elevationM / 250 + 2 * noise,
    22,
    100,
  );

  let speed = meanWindMs(seed, t, place);
  const [x, y] = toKm(...place.position);
  const outflow = outflowGustAt(cells, x, y);
  speed += 0.35 * outflow;
  // Valleys channel the wind: each station turns the prevailing direction its own way.
  let from = today.windFromDeg + (stationDraw(seed, place.id, 'channel') - 0.5) * 60 + 20 * Math.sin((2 * Math.PI * t) / (83 * 60_000) + phase);
  if (outflow > speed) {
    // Inside a storm's outflow the wind blows from the storm.
    const nearest = nearestCell(cells, x, y);
    if (nearest) from = (Math.atan2(nearest.cx - x, nearest.cy - y) * 180) / Math.PI;
  }
  return {
    temperatureC: round1(temperatureC),
    windSpeedMs: round1(clamp(speed, 0, 60)),
    windGustMs: round1(clamp(speed * GUST_RATIO + outflow * OUTFLOW_FACTOR, 0, 90)),
    windFromDeg: Math.round(((from % 360) + 360) % 360) % 360,
    humidityPct: Math.round(humidityPct),
    visibilityKm: Math.max(0.02, Math.round(visibilityKm(fog, humidityPct, rainMmh) * 100) / 100),
  };
}

function nearestCell(cells: readonly LiveCell[], x: number, y: number): LiveCell | null {
  let best: LiveCell | null = null;
  let bestD = Infinity;
  for (const c of cells) {
    const d = Math.hypot(c.cx - x, c.cy - y) / Math.sqrt(c.rateMmh);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
