/**
 * The air-quality hub of the simulated city: ~60 monitoring sites with hourly AQI after HJ 633,
 * a PM2.5 surface made from them (the smooth model field corrected towards every site by
 * inverse-distance weighting of the sites' log-ratios), and the year's good-air days counted
 * from the same model, day by day since 1 January.
 */
import type { DistrictsResponse, GridSpec } from '../../../src/hub/contract.ts';
import {
  aqiCategoryOf,
  pm25QuantOf,
  type AirStation,
  type AirStations,
  type AirSummary,
  type Concentrations,
  type Pm25GridWire,
  type Pollutant,
} from '../../../src/hub/topics/environment.ts';
import { localDate, localMidnight } from '../weather/climate.ts';
import { districtRaster } from '../weather/district-raster.ts';
import { RADAR_BBOX } from '../weather/simulator.ts';
import { dailyAqi, hourlyAqi } from './aqi.ts';
import { concentrationsAt, hourContext, placeFactors, recentRainMm, siteConcentrations, type PlaceFactors } from './air-model.ts';
import { buildAirSites, type AirSite } from './sites.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export const CADENCE_MS = {
  'environment.stations': 30_000,
  'environment.pm25': 10_000,
  'environment.summary': 60_000,
} as const;
type Topic = keyof typeof CADENCE_MS;

export interface EnvironmentSimOptions {
  seed: number;
  districts: DistrictsResponse;
  cols?: number;
  rows?: number;
}

interface DayStats {
  aqi: number;
  primaryPollutant: Pollutant | null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const POLLUTANT_KEYS: Pollutant[] = ['pm25', 'pm10', 'o3', 'no2', 'so2', 'co'];

function meanConcentrations(list: Concentrations[]): Concentrations {
  const out = { pm25: 0, pm10: 0, o3: 0, no2: 0, so2: 0, co: 0 };
  for (const k of POLLUTANT_KEYS) out[k] = mean(list.map((c) => c[k]));
  return out;
}

export class EnvironmentSimulator {
  readonly seed: number;
  readonly sites: AirSite[];
  readonly grid: GridSpec;
  private readonly siteFactors: PlaceFactors[];
  private readonly urbanSites: number[];
  private readonly cellFactors: Array<PlaceFactors | null>;
  private readonly cellLonLat: Float64Array;
  private readonly lastEmit = new Map<Topic, number>();
  private readonly latestValues = new Map<Topic, unknown>();
  private readonly hourCache = new Map<number, Concentrations>();
  private readonly dayCache = new Map<number, DayStats>();

  constructor(opts: EnvironmentSimOptions) {
    this.seed = opts.seed;
    this.sites = buildAirSites(opts.districts.features);
    this.siteFactors = this.sites.map((s) => placeFactors(...s.position));
    this.urbanSites = this.sites.flatMap((s, i) => (s.kind === 'urban' ? [i] : []));
    const cols = opts.cols ?? 96;
    const rows = opts.rows ?? 80;
    this.grid = { bbox: [...RADAR_BBOX], cols, rows };
    const raster = districtRaster(opts.districts, RADAR_BBOX, cols, rows);
    const [w, s, e, n] = RADAR_BBOX;
    this.cellLonLat = new Float64Array(cols * rows * 2);
    this.cellFactors = Array.from({ length: cols * rows }, (_, i) => {
      const lon = w + ((i % cols) + 0.5) * ((e - w) / cols);
      const lat = n - (Math.floor(i / cols) + 0.5) * ((n - s) / rows);
      this.cellLonLat[2 * i] = lon;
      this.cellLonLat[2 * i + 1] = lat;
      return raster.cellDistrict[i] >= 0 ? placeFactors(lon, lat) : null;
    });
  }

  private readings(t: number): Concentrations[] {
    const hour = hourContext(this.seed, t);
    return this.sites.map((site, i) => siteConcentrations(this.seed, t, site, this.siteFactors[i], hour));
  }

  private urbanMean(t: number): Concentrations {
    const hour = hourContext(this.seed, t);
    return meanConcentrations(this.urbanSites.map((i) => siteConcentrations(this.seed, t, this.sites[i], this.siteFactors[i], hour)));
  }

  stations(t: number, readings = this.readings(t)): AirStations {
    const stations = this.sites.map((site, i): AirStation => {
      const c = readings[i];
      const { aqi, primaryPollutant } = hourlyAqi(c);
      return {
        id: site.id,
        name: site.name,
        nameEn: site.nameEn,
        districtCode: site.districtCode,
        position: site.position,
        kind: site.kind,
        aqi,
        category: aqiCategoryOf(aqi),
        primaryPollutant,
        ...c,
      };
    });
    return { time: t, stations };
  }

  pm25(t: number, readings = this.readings(t)): Pm25GridWire {
    // Log-ratio of each site to the smooth field at the site: the surface honours the sites.
    const hour = hourContext(this.seed, t);
    const sx: number[] = [];
    const sy: number[] = [];
    const sr: number[] = [];
    this.sites.forEach((site, i) => {
      const w = recentRainMm(this.seed, t, ...site.position);
      const field = concentrationsAt(hour, this.siteFactors[i], w).pm25;
      sx.push(site.position[0] * 0.836); // cos(33°)-ish: degrees of longitude are shorter
      sy.push(site.position[1]);
      sr.push(Math.log(Math.max(1, readings[i].pm25) / Math.max(1, field)));
    });
    const n = this.grid.cols * this.grid.rows;
    const q = new Uint8Array(n);
    let max = 0;
    let sum = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const f = this.cellFactors[i];
      if (!f) continue;
      const lon = this.cellLonLat[2 * i];
      const lat = this.cellLonLat[2 * i + 1];
      const field = concentrationsAt(hour, f, recentRainMm(this.seed, t, lon, lat)).pm25;
      let wsum = 0;
      let rsum = 0;
      const x = lon * 0.836;
      for (let k = 0; k < sx.length; k++) {
        const d2 = (x - sx[k]) ** 2 + (lat - sy[k]) ** 2 + 0.0004;
        // Power-2 weights with a 0.4° range: far sites fade, the field takes over between them.
        const wk = Math.exp(-d2 / 0.16) / d2;
        wsum += wk;
        rsum += wk * sr[k];
      }
      const value = field * Math.exp(wsum > 0 ? rsum / (wsum + 2) : 0);
      q[i] = pm25QuantOf(value);
      max = Math.max(max, value);
      sum += value;
      inside += 1;
    }
    return {
      time: t,
      grid: { bbox: [...this.grid.bbox], cols: this.grid.cols, rows: this.grid.rows },
      encoding: 'linear2-u8',
      cells: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'),
      maxUgm3: Math.round(max),
      meanUgm3: Math.round(sum / Math.max(1, inside)),
      method: 'idw-residual',
    };
  }

  /** The main urban area's mean concentrations for the hour ending at `hourEnd` (cached). */
  private cityHour(hourEnd: number): Concentrations {
    const hit = this.hourCache.get(hourEnd);
    if (hit) return hit;
    const t = hourEnd - HOUR / 2;
    const value = this.urbanMean(t);
    if (this.hourCache.size > 200) this.hourCache.clear();
    this.hourCache.set(hourEnd, value);
    return value;
  }

  /** Daily AQI of the city for the local day starting at `midnight`. */
  dayStats(midnight: number): DayStats {
    const hit = this.dayCache.get(midnight);
    if (hit) return hit;
    const hours: Concentrations[] = [];
    for (let h = 1; h <= 24; h++) {
      const t = midnight + h * HOUR - HOUR / 2;
      hours.push(this.urbanMean(t));
    }
    let o3_8h = 0;
    for (let end = 8; end <= 24; end++) o3_8h = Math.max(o3_8h, mean(hours.slice(end - 8, end).map((c) => c.o3)));
    const { aqi, primaryPollutant } = dailyAqi({ ...meanConcentrations(hours), o3_8h });
    const stats = { aqi, primaryPollutant };
    if (this.dayCache.size > 800) this.dayCache.clear();
    this.dayCache.set(midnight, stats);
    return stats;
  }

  summary(t: number, readings = this.readings(t)): AirSummary {
    const { year, dayOfYear } = localDate(t);
    const today = localMidnight(t);
    let goodDays = 0;
    let excellentDays = 0;
    const primaryDays = { pm25: 0, pm10: 0, o3: 0, no2: 0, so2: 0, co: 0 };
    for (let d = dayOfYear; d >= 1; d--) {
      const s = this.dayStats(today - d * DAY);
      if (s.aqi <= 100) goodDays += 1;
      if (s.aqi <= 50) excellentDays += 1;
      if (s.primaryPollutant) primaryDays[s.primaryPollutant] += 1;
    }
    const city = meanConcentrations(this.urbanSites.map((i) => readings[i]));
    const rounded = {
      pm25: Math.round(city.pm25),
      pm10: Math.round(city.pm10),
      o3: Math.round(city.o3),
      no2: Math.round(city.no2),
      so2: Math.round(city.so2),
      co: Math.round(city.co * 10) / 10,
    };
    const { aqi, primaryPollutant } = hourlyAqi(rounded);
    const lastHour = Math.floor(t / HOUR) * HOUR;
    const pm25History: [number, number][] = [];
    for (let k = 23; k >= 0; k--) {
      const end = lastHour - k * HOUR;
      pm25History.push([end, Math.round(this.cityHour(end).pm25 * 10) / 10]);
    }
    return {
      time: t,
      year,
      daysElapsed: dayOfYear,
      goodDays,
      excellentDays,
      goodRate: dayOfYear ? Math.round((goodDays / dayOfYear) * 1000) / 1000 : 1,
      today: { aqi, category: aqiCategoryOf(aqi), primaryPollutant, ...rounded },
      primaryDays,
      pm25History,
    };
  }

  step(time: number): Array<[string, unknown]> {
    const due = (topic: Topic) => {
      const last = this.lastEmit.get(topic);
      return last === undefined || time - last >= CADENCE_MS[topic] || time < last;
    };
    const out: Array<[string, unknown]> = [];
    const emit = (topic: Topic, value: unknown) => {
      this.lastEmit.set(topic, time);
      this.latestValues.set(topic, value);
      out.push([topic, value]);
    };
    if (!due('environment.stations') && !due('environment.pm25') && !due('environment.summary')) return out;
    const readings = this.readings(time);
    if (due('environment.stations')) emit('environment.stations', this.stations(time, readings));
    if (due('environment.pm25')) emit('environment.pm25', this.pm25(time, readings));
    if (due('environment.summary')) emit('environment.summary', this.summary(time, readings));
    return out;
  }

  latest(topic: string): unknown {
    return this.latestValues.get(topic as Topic);
  }
}
