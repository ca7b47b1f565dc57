/**
 * Air pollution over Chongqing as a pure function of (seed, time, place). Season (winter PM2.5,
 * summer ozone), multi-day episodes, the day (morning and evening traffic, the evening build-up of
 * particles under a shallow boundary layer, the afternoon ozone peak, its titration by traffic at
 * night), the place (the urban core and industrial parks dirtier, the basin west hazier than the
 * mountain counties) and the weather (rain from the weather module's own rain cells washes
 * particles out; wind disperses). Levels follow the city's published monthly means, rounded.
 */
import { createRandom, hashSeed } from '../random.ts';
import { clockBump, dayWeather, localDate, localDayIndex, localHour, monthly } from '../weather/climate.ts';
import { reliefM, toKm } from '../weather/relief.ts';
import { liveCells, rateAt, type LiveCell } from '../weather/storms.ts';
import type { Concentrations } from '../../../src/hub/topics/environment.ts';

/** Monthly mean PM2.5 at the main urban area's sites, μg/m³. */
export const PM25_MONTHLY = [66, 53, 42, 34, 29, 23, 20, 21, 25, 32, 45, 60] as const;
/** Typical afternoon 1-hour O3 peak at urban sites, μg/m³. */
export const O3_PEAK_MONTHLY = [55, 74, 110, 145, 172, 190, 200, 196, 160, 108, 70, 50] as const;
/** Monthly mean NO2 at urban sites, μg/m³. */
export const NO2_MONTHLY = [44, 38, 36, 33, 30, 27, 26, 27, 31, 37, 42, 46] as const;

const YUZHONG = toKm(106.577, 29.557);
const INDUSTRIAL_PARKS: ReadonlyArray<[number, number, number]> = [
  [107.03, 29.82, 1], // Changshou chemical park
  [107.3, 29.77, 0.8], // Fuling Lidu
  [106.3, 29.39, 0.6], // Jiangjin Shuangfu
  [108.37, 30.76, 0.6], // Wanzhou
  [106.68, 29.06, 0.7], // Qijiang
  [106.35, 30.0, 0.5], // Hechuan
  [107.13, 29.18, 0.6], // Nanchuan
  [106.42, 29.46, 0.4], // Jiulongpo / Dadukou industry
];

export interface PlaceFactors {
  /** 1 in the urban core, falling off over ~18 km. */
  urban: number;
  /** 0..1 near an industrial park. */
  industrial: number;
  /** 0 on the basin floor, 1 at 1,500 m and above (generated relief). */
  relief: number;
  /** 1 on the Sichuan-basin side in the west, 0 in the eastern mountains. */
  basin: number;
}

export function placeFactors(lon: number, lat: number): PlaceFactors {
  const [x, y] = toKm(lon, lat);
  const urban = Math.exp(-Math.hypot(x - YUZHONG[0], y - YUZHONG[1]) / 18);
  let industrial = 0;
  for (const [plon, plat, w] of INDUSTRIAL_PARKS) {
    const [px, py] = toKm(plon, plat);
    industrial = Math.max(industrial, w * Math.exp(-((Math.hypot(x - px, y - py) / 10) ** 2)));
  }
  const relief = Math.min(1, Math.max(0, (reliefM(lon, lat) - 300) / 1200));
  const basin = 1 / (1 + Math.exp((lon - 107.3) / 0.35));
  return { urban, industrial, relief, basin };
}

const spatialPm = (f: PlaceFactors) => 0.62 + 0.3 * f.urban + 0.35 * f.industrial + 0.22 * f.basin - 0.42 * f.relief;

const episodeCache = new Map<string, number>();

/** Episodes: slow multi-day swings of the particle load (and, for ozone, hot spells). */
function episode(seed: number, t: number, salt: string, sd: number): number {
  const hour = localHour(t);
  const day = localDayIndex(t);
  const draw = (d: number) => {
    const key = `${seed}:${salt}:${d}`;
    let v = episodeCache.get(key);
    if (v === undefined) {
      const z = (k: number) => createRandom(hashSeed(`${salt}:${d - k}`, seed)).gauss();
      v = 0.6 * z(0) + 0.45 * z(1) + 0.3 * z(2) + 0.15 * z(3);
      if (episodeCache.size > 5000) episodeCache.clear();
      episodeCache.set(key, v);
    }
    return v;
  };
  // Blend today's draw with tomorrow's through the day so nothing jumps at midnight.
  const z = draw(day) * (1 - hour / 24) + draw(day + 1) * (hour / 24);
  return Math.exp(sd * z);
}

const LATTICE_MS = 30 * 60_000;
const cellsCache = new Map<number, LiveCell[]>();
let cellsSeed = NaN;

function cellsAt(seed: number, t: number): LiveCell[] {
  if (seed !== cellsSeed) {
    cellsCache.clear();
    cellsSeed = seed;
  }
  let cells = cellsCache.get(t);
  if (!cells) {
    cells = liveCells(seed, t);
    if (cellsCache.size > 256) cellsCache.clear();
    cellsCache.set(t, cells);
  }
  return cells;
}

/** Rain of the last three hours at a place, mm (sampled every 30 minutes from the rain cells). */
export function recentRainMm(seed: number, t: number, lon: number, lat: number): { rain3h: number; rateNow: number } {
  const [x, y] = toKm(lon, lat);
  const base = Math.floor(t / LATTICE_MS) * LATTICE_MS;
  let rain3h = 0;
  let rateNow = 0;
  for (let k = 0; k < 6; k++) {
    const rate = rateAt(cellsAt(seed, base - k * LATTICE_MS), x, y);
    if (k === 0) rateNow = rate;
    rain3h += rate * 0.5;
  }
  return { rain3h, rateNow };
}

export interface Weathering {
  rain3h: number;
  rateNow: number;
}

export const PM_EPISODE_SD = 0.45;
export const O3_EPISODE_SD = 0.2;

const trafficAt = (hour: number) => clockBump(hour, 8, 1.6) + 0.9 * clockBump(hour, 18.5, 2);

/** Everything about an hour that does not depend on the place: season, day, episodes. */
export interface HourContext {
  traffic: number;
  winter: number;
  dispersion: number;
  diurnalPm: number;
  photochem: number;
  pmBase: number;
  o3Base: number;
  no2Base: number;
  no2Episode: number;
}

export function hourContext(seed: number, t: number): HourContext {
  const doy = localDate(t).dayOfYear;
  const hour = localHour(t);
  const day = dayWeather(seed, localDayIndex(t));
  const traffic = trafficAt(hour);
  const photochem = clockBump(hour, 15, 4.2);
  const cloud = Math.min(1, Math.max(0, (day.wetness - 0.4) / 1.4));
  const pmEpisode = episode(seed, t, 'pm', PM_EPISODE_SD);
  return {
    traffic,
    winter: monthly(PM25_MONTHLY, doy) / 40,
    dispersion: 1.2 - 0.12 * day.windMs,
    // Particles build up overnight under a shallow boundary layer and thin out in the afternoon.
    diurnalPm: 1 + 0.1 * clockBump(hour, 8.5, 2) + 0.2 * clockBump(hour, 22, 3.5) - 0.2 * clockBump(hour, 15, 3),
    photochem,
    pmBase: monthly(PM25_MONTHLY, doy) * pmEpisode,
    o3Base: monthly(O3_PEAK_MONTHLY, doy) * episode(seed, t, 'o3', O3_EPISODE_SD) * Math.exp(0.07 * day.tempAnomalyC) * (1 - 0.3 * cloud),
    no2Base: monthly(NO2_MONTHLY, doy),
    no2Episode: Math.sqrt(pmEpisode),
  };
}

/** Hourly concentrations at a place without station noise (the smooth field). */
export function concentrationsAt(h: HourContext, f: PlaceFactors, w: Weathering): Concentrations {
  const washout = Math.exp(-0.045 * Math.min(60, w.rain3h));
  const pm25 = h.pmBase * spatialPm(f) * h.diurnalPm * washout * h.dispersion;
  const pm10 = pm25 * (1.42 + 0.22 * h.traffic * f.urban + 0.3 * f.industrial + 0.1 * f.basin) * (0.85 + 0.15 * washout);
  const o3 =
    h.o3Base *
    (0.22 + 0.78 * h.photochem) *
    (1 - 0.4 * f.urban * (1 - h.photochem)) *
    (1 + 0.15 * f.relief) *
    Math.exp(-0.04 * Math.min(30, w.rateNow));
  const no2 = h.no2Base * (0.3 + 0.7 * f.urban + 0.35 * f.industrial) * (0.7 + 0.45 * h.traffic + 0.15 * (1 - h.photochem)) * h.no2Episode * (0.8 + 0.2 * washout);
  const so2 = (5 + 3 * f.urban + 14 * f.industrial) * (0.75 + 0.25 * h.winter) * (0.9 + 0.2 * h.traffic);
  const co = (0.45 + 0.35 * f.urban + 0.25 * f.industrial) * (0.7 + 0.3 * h.winter) * (0.9 + 0.2 * h.traffic);
  return { pm25, pm10, o3, no2, so2, co };
}

export function fieldConcentrations(seed: number, t: number, f: PlaceFactors, w: Weathering): Concentrations {
  return concentrationsAt(hourContext(seed, t), f, w);
}

/** Station noise: each site deviates from the smooth field in its own slow way. */
const noiseCache = new Map<string, [number, number, number]>();

export function siteNoise(seed: number, siteId: string, t: number): number {
  const key = `${seed}:${siteId}`;
  let params = noiseCache.get(key);
  if (!params) {
    const r = createRandom(hashSeed(`air-site:${siteId}`, seed));
    params = [r.next() * Math.PI * 2, r.next() * Math.PI * 2, 0.12 * r.gauss()];
    if (noiseCache.size > 2000) noiseCache.clear();
    noiseCache.set(key, params);
  }
  const [p1, p2, bias] = params;
  return Math.exp(bias + 0.08 * Math.sin((2 * Math.PI * t) / (5.3 * 3_600_000) + p1) + 0.05 * Math.sin((2 * Math.PI * t) / (1.7 * 3_600_000) + p2));
}

export const roundConcentrations = (c: Concentrations): Concentrations => ({
  pm25: Math.max(1, Math.round(c.pm25)),
  pm10: Math.max(1, Math.round(c.pm10)),
  o3: Math.max(1, Math.round(c.o3)),
  no2: Math.max(1, Math.round(c.no2)),
  so2: Math.max(1, Math.round(c.so2)),
  co: Math.max(0.1, Math.round(c.co * 10) / 10),
});

/** Concentrations a site reports at t: the field, the weather at the site and the site's noise. */
export function siteConcentrations(
  seed: number,
  t: number,
  site: { id: string; position: [number, number] },
  f: PlaceFactors,
  hour: HourContext = hourContext(seed, t),
): Concentrations {
  const w = recentRainMm(seed, t, site.position[0], site.position[1]);
  const field = concentrationsAt(hour, f, w);
  const n = siteNoise(seed, site.id, t);
  const n2 = siteNoise(seed, `${site.id}:gas`, t);
  return roundConcentrations({ pm25: field.pm25 * n, pm10: field.pm10 * n, o3: field.o3 * n2, no2: field.no2 * n2, so2: field.so2 * n, co: field.co * n2 });
}
