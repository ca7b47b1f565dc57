/**
 * The weather hub of the simulated city: a radar grid of moving rain cells, the station network,
 * district warnings after the CMA thresholds, and the 24-hour city forecast. Rain accumulates per
 * grid cell in 5-minute buckets (12 h kept), so warnings and station rainfall read the same radar.
 * A new hub replays from the previous evening, so it starts with today's counts and warnings.
 */
import type { DistrictsResponse, GridSpec } from '../../../src/hub/contract.ts';
import {
  rainQuantOf,
  type DistrictRain,
  type ForecastHour,
  type RadarWire,
  type StationReading,
  type WarningType,
  type WeatherForecast,
  type WeatherStations,
  type WeatherWarnings,
} from '../../../src/hub/topics/weather.ts';
import { activityAt } from '../day-profile.ts';
import { createRandom, hashSeed } from '../random.ts';
import { CONVECTION, dayWeather, localDate, localDayIndex, localHour, localMidnight, monthly } from './climate.ts';
import { OUTFLOW_FACTOR, baseGustMs, expectedMaxTodayC, expectedTemperatureC, fogAt, observe, stationDraw, visibilityKm, type Place } from './observe.ts';
import { toKm } from './relief.ts';
import { districtRaster } from './district-raster.ts';
import { buildStationSites, type StationSite } from './stations.ts';
import { GUST_PER_SQRT_MMH, birthRate, fillRainGrid, liveCells, meanGustiness, meanMotion, rateAt, type LiveCell } from './storms.ts';
import { WarningBoard, assessFog, assessGale, assessHeat, assessRain, worse, type Assessment } from './warnings.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const BUCKET_MS = 5 * MINUTE;
const BUCKETS = 144; // 12 h
const WINDOWS = [12, 24, 36, 60, 72, 132, 144] as const; // 1, 2, 3, 5, 6, 11, 12 h
type Window = (typeof WINDOWS)[number];

/** The radar mosaic covers the municipality: 105.2–110.3 E, 28.1–32.3 N. */
export const RADAR_BBOX: [number, number, number, number] = [105.2, 28.1, 110.3, 32.3];

export const CADENCE_MS = {
  'weather.radar': 5000,
  'weather.stations': 10_000,
  'weather.warnings': 30_000,
  'weather.forecast': 60_000,
} as const;
type Topic = keyof typeof CADENCE_MS;

export interface WeatherSimOptions {
  seed: number;
  districts: DistrictsResponse;
  startTime: number;
  cols?: number;
  rows?: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export class WeatherSimulator {
  readonly seed: number;
  readonly grid: GridSpec;
  readonly sites: StationSite[];
  private readonly districts: DistrictsResponse;
  private readonly n: number;
  /** District index of each grid cell, −1 outside the municipality. */
  private readonly cellDistrict: Int16Array;
  /** Grid cells of each district (its nearest cell when it is smaller than one). */
  private readonly districtCells: number[][];
  private readonly insideCount: number;
  private readonly sitesByDistrict: StationSite[][];
  private ring: Float32Array[] = [];
  private acc = new Map<Window, Float64Array>();
  private accToday!: Float64Array;
  private bucketIndex = 0;
  private lastBucketEnd = 0;
  private countsDay = 0;
  private board!: WarningBoard;
  private issuedToday = 0;
  private liftedToday = 0;
  private reachAtBucket = 0;
  private boardChanged = false;
  private readonly rateGrid: Float32Array;
  private readonly scratch: Float32Array;
  private readonly lastEmit = new Map<Topic, number>();
  private readonly latestValues = new Map<Topic, unknown>();
  private readonly lastReadings = new Map<string, StationReading>();
  private forecastCache: { issuedAt: number; hours: ForecastHour[] } | null = null;
  private readonly accuracyCache = new Map<number, number>();
  private readonly cityPlace: Place;

  constructor(opts: WeatherSimOptions) {
    this.seed = opts.seed;
    this.districts = opts.districts;
    const cols = opts.cols ?? 96;
    const rows = opts.rows ?? 80;
    this.grid = { bbox: [...RADAR_BBOX], cols, rows };
    this.n = cols * rows;
    this.sites = buildStationSites(opts.districts.features);
    const seat = this.sites.find((s) => s.districtCode === '500106' && s.kind === 'seat') ?? this.sites[0];
    this.cityPlace = { id: seat.id, position: seat.position, elevationM: seat.elevationM };

    const raster = districtRaster(opts.districts, RADAR_BBOX, cols, rows);
    this.cellDistrict = raster.cellDistrict;
    this.districtCells = raster.districtCells;
    this.insideCount = raster.insideCount;
    this.sitesByDistrict = opts.districts.features.map((f) => this.sites.filter((s) => s.districtCode === f.properties.code));
    this.rateGrid = new Float32Array(this.n);
    this.scratch = new Float32Array(this.n);
    this.warmUp(opts.startTime);
  }

  /** Replays from 12 h before the previous local midnight, so accumulations and "today" are complete. */
  private warmUp(time: number) {
    this.ring = Array.from({ length: BUCKETS }, () => new Float32Array(this.n));
    for (const k of WINDOWS) this.acc.set(k, new Float64Array(this.n));
    this.accToday = new Float64Array(this.n);
    this.board = new WarningBoard();
    this.issuedToday = 0;
    this.liftedToday = 0;
    this.reachAtBucket = 0;
    const from = Math.floor((localMidnight(time) - 12 * HOUR) / BUCKET_MS) * BUCKET_MS;
    this.bucketIndex = Math.floor(from / BUCKET_MS);
    this.lastBucketEnd = from;
    this.countsDay = localDayIndex(from);
    this.advanceTo(time);
  }

  private advanceTo(time: number) {
    if (time - this.lastBucketEnd > 36 * HOUR) return this.warmUp(time);
    while (this.lastBucketEnd + BUCKET_MS <= time) this.completeBucket(this.lastBucketEnd + BUCKET_MS);
    // "Today" restarts at local midnight, not at the end of the first bucket after it.
    this.startDayIfNew(time);
  }

  private startDayIfNew(t: number) {
    const day = localDayIndex(t);
    if (day === this.countsDay) return;
    this.countsDay = day;
    this.accToday.fill(0);
    this.issuedToday = 0;
    this.liftedToday = 0;
    this.reachAtBucket = 0;
  }

  /** Adds the rain of the 5 minutes ending at `end` (midpoint rule) and re-assesses warnings. */
  private completeBucket(end: number) {
    const mid = end - BUCKET_MS / 2;
    fillRainGrid(liveCells(this.seed, mid), RADAR_BBOX, this.grid.cols, this.grid.rows, this.scratch);
    this.bucketIndex += 1;
    const m = this.bucketIndex;
    const slot = m % BUCKETS;
    this.startDayIfNew(mid);
    for (const k of WINDOWS) {
      const acc = this.acc.get(k)!;
      const leaving = this.ring[(m - k + BUCKETS * 4) % BUCKETS];
      for (let i = 0; i < this.n; i++) {
        const v = acc[i] + this.scratch[i] * (BUCKET_MS / HOUR) - leaving[i];
        acc[i] = v > 1e-6 ? v : 0;
      }
    }
    const bucket = this.ring[slot];
    for (let i = 0; i < this.n; i++) {
      const mm = this.scratch[i] * (BUCKET_MS / HOUR);
      bucket[i] = mm;
      this.accToday[i] += mm;
    }
    this.lastBucketEnd = end;
    this.assessWarnings(end);
    this.reachAtBucket += this.reachPerMinute(end) * (BUCKET_MS / MINUTE);
  }

  /** People reached per minute: the day's rhythm, more when warnings are out. */
  private reachPerMinute(t: number): number {
    const active = this.board.active().length;
    return 4200 * activityAt(t) + 700 + 150 * Math.min(40, active);
  }

  private assessWarnings(t: number) {
    const cells = liveCells(this.seed, t);
    fillRainGrid(cells, RADAR_BBOX, this.grid.cols, this.grid.rows, this.scratch);
    const c = monthly(CONVECTION, localDate(t).dayOfYear);
    const hour = localHour(t);
    const a = (k: Window) => this.acc.get(k)!;
    this.districts.features.forEach((f, d) => {
      const code = f.properties.code;
      let rain: Assessment = { level: null, basis: { metric: 'rain12h', value: 0, unit: 'mm' } };
      let gust = 0;
      for (const i of this.districtCells[d]) {
        const rate = this.scratch[i];
        rain = worse(rain, assessRain({ acc2h: a(24)[i], acc3h: a(36)[i], acc5h: a(60)[i], acc6h: a(72)[i], acc11h: a(132)[i], acc12h: a(144)[i], rateMmh: rate }));
        if (rain.level === null && rain.basis.value < a(144)[i]) rain = { level: null, basis: { metric: 'rain12h', value: round1(a(144)[i]), unit: 'mm' } };
        if (rate > 5) gust = Math.max(gust, OUTFLOW_FACTOR * meanGustiness(c) * GUST_PER_SQRT_MMH * Math.sqrt(rate));
      }
      let baseGust = 0;
      let visM = 50_000;
      let tmax = -99;
      for (const s of this.sitesByDistrict[d]) {
        baseGust = Math.max(baseGust, baseGustMs(this.seed, t, s));
        visM = Math.min(visM, 1000 * visibilityKm(fogAt(this.seed, t, s), 97, 0));
        if (s.kind === 'seat') tmax = expectedMaxTodayC(this.seed, t, s);
      }
      this.apply(code, 'rainstorm', rain, t);
      this.apply(code, 'gale', assessGale(baseGust + gust), t);
      // Heat signals are issued for the day in the morning and stand until the evening.
      this.apply(code, 'heat', hour >= 8 && hour < 19 ? assessHeat(tmax) : { level: null, basis: { metric: 'tmax', value: round1(Math.max(0, tmax)), unit: '°C' } }, t);
      this.apply(code, 'fog', assessFog(visM), t);
    });
  }

  private apply(code: string, type: WarningType, a: Assessment, t: number) {
    const event = this.board.update(code, type, a, t);
    if (!event) return;
    this.boardChanged = true;
    if (event.kind === 'issued') this.issuedToday += 1;
    else this.liftedToday += 1;
  }

  // --- topics ---------------------------------------------------------------------------------

  private bilinear(values: ArrayLike<number>, lon: number, lat: number): number {
    const [w, s, e, nn] = RADAR_BBOX;
    const { cols, rows } = this.grid;
    const fx = Math.min(cols - 1, Math.max(0, ((lon - w) / (e - w)) * cols - 0.5));
    const fy = Math.min(rows - 1, Math.max(0, ((nn - lat) / (nn - s)) * rows - 0.5));
    const i = Math.min(cols - 2, Math.floor(fx));
    const j = Math.min(rows - 2, Math.floor(fy));
    const u = fx - i;
    const v = fy - j;
    const at = (ii: number, jj: number) => values[jj * cols + ii];
    return (at(i, j) * (1 - u) + at(i + 1, j) * u) * (1 - v) + (at(i, j + 1) * (1 - u) + at(i + 1, j + 1) * u) * v;
  }

  radar(time: number, cells: readonly LiveCell[]): RadarWire {
    fillRainGrid(cells, RADAR_BBOX, this.grid.cols, this.grid.rows, this.rateGrid);
    const q = new Uint8Array(this.n);
    let wet = 0;
    let max = 0;
    for (let i = 0; i < this.n; i++) {
      const r = this.rateGrid[i];
      q[i] = rainQuantOf(r);
      if (this.cellDistrict[i] >= 0) {
        if (r >= 0.1) wet += 1;
        if (r > max) max = r;
      }
    }
    return {
      time,
      grid: { bbox: [...this.grid.bbox], cols: this.grid.cols, rows: this.grid.rows },
      encoding: 'sqrt25-u8',
      cells: toBase64(q),
      maxRateMmh: round1(max),
      wetShare: Math.round((wet / this.insideCount) * 1000) / 1000,
      motion: meanMotion(cells.filter((c) => c.rateMmh >= 0.5)),
    };
  }

  stations(time: number, cells: readonly LiveCell[]): WeatherStations {
    const acc1h = this.acc.get(12)!;
    const stations = this.sites.map((s): StationReading => {
      // A few stations drop out for a two-hour window now and then (power, link): they keep
      // their last readings with the time those were taken.
      const window = Math.floor(time / (2 * HOUR));
      const online = stationDraw(this.seed, s.id, `offline:${window}`) >= 0.03;
      const last = this.lastReadings.get(s.id);
      if (!online && last) return { ...last, online: false };
      const rate = Math.max(0, rateAt(cells, ...toKm(...s.position)));
      const rain1h = Math.max(0, this.bilinear(acc1h, ...s.position));
      const obs = observe(this.seed, time, s, rate, rain1h, cells);
      const reading: StationReading = {
        id: s.id,
        name: s.name,
        nameEn: s.nameEn,
        districtCode: s.districtCode,
        position: s.position,
        elevationM: s.elevationM,
        online,
        observedAt: time,
        rain1hMm: round1(rain1h),
        ...obs,
      };
      this.lastReadings.set(s.id, reading);
      return reading;
    });
    return { time, stations };
  }

  warnings(time: number): WeatherWarnings {
    const a = (k: Window) => this.acc.get(k)!;
    const districts: DistrictRain[] = this.districts.features.map((f, d) => {
      let r1 = 0;
      let r3 = 0;
      let r12 = 0;
      let today = 0;
      for (const i of this.districtCells[d]) {
        r1 = Math.max(r1, a(12)[i]);
        r3 = Math.max(r3, a(36)[i]);
        r12 = Math.max(r12, a(144)[i]);
        today = Math.max(today, this.accToday[i]);
      }
      return { code: f.properties.code, rain1hMm: round1(r1), rain3hMm: round1(r3), rain12hMm: round1(r12), rainTodayMm: round1(today) };
    });
    return { time, active: this.board.active(), issuedToday: this.issuedToday, liftedToday: this.liftedToday, districts };
  }

  forecast(time: number): WeatherForecast {
    const issuedAt = Math.floor(time / HOUR) * HOUR;
    if (this.forecastCache?.issuedAt !== issuedAt) this.forecastCache = { issuedAt, hours: this.forecastHours(issuedAt) };
    const minutes = (time - localMidnight(time)) / MINUTE;
    const reach = this.reachAtBucket + this.reachPerMinute(time) * ((time - this.lastBucketEnd) / MINUTE);
    return {
      issuedAt,
      location: '重庆主城',
      locationEn: 'Central Chongqing',
      hours: this.forecastCache.hours,
      service: {
        // City and 38 district forecasts refreshed hourly, a nowcast every 6 minutes, and each warning.
        productsToday: 39 * (Math.floor(minutes / 60) + 1) + Math.floor(minutes / 6) + this.issuedToday,
        accuracy30d: this.accuracy30d(time),
        reachToday: Math.floor(reach),
      },
    };
  }

  /** Forecast error of one issue, growing with lead time (°C). */
  private forecastError(issuedAt: number, leadH: number): number {
    const r = createRandom(hashSeed(`forecast:${issuedAt}`, this.seed));
    const g1 = r.gauss();
    const g2 = r.gauss();
    return (leadH / 24) * 2.3 * g1 + 0.6 * Math.sin(leadH / 5 + 3 * g2);
  }

  private forecastHours(issuedAt: number): ForecastHour[] {
    const place = this.cityPlace;
    const [cx, cy] = toKm(...place.position);
    const points: [number, number][] = [[cx, cy]];
    for (let k = 0; k < 6; k++) points.push([cx + 15 * Math.cos((k * Math.PI) / 3), cy + 15 * Math.sin((k * Math.PI) / 3)]);
    const hours: ForecastHour[] = [];
    for (let h = 1; h <= 24; h++) {
      const start = issuedAt + h * HOUR;
      // Rain of the cells already on the radar, carried forward (a nowcast) ...
      let sum = 0;
      let wet = 0;
      let samples = 0;
      for (const minute of [7, 22, 37, 52]) {
        const cells = liveCells(this.seed, start + minute * MINUTE, issuedAt);
        for (const [x, y] of points) {
          const r = rateAt(cells, x, y);
          sum += r;
          if (r >= 0.1) wet += 1;
          samples += 1;
        }
      }
      const existingMm = sum / samples;
      const pExisting = wet / samples;
      // ... plus the chance of cells not born yet, from the climatology of the hour.
      const c = monthly(CONVECTION, localDate(start).dayOfYear);
      const expectedHits = birthRate(this.seed, start) * Math.min(h, 3) * 0.045;
      const pNew = 1 - Math.exp(-expectedHits);
      const probability = 1 - (1 - pExisting) * (1 - pNew);
      const precipMm = existingMm + pNew * (0.4 + 2.6 * c);
      const temperature = expectedTemperatureC(this.seed, start + 30 * MINUTE, place) + this.forecastError(issuedAt, h) - Math.min(3, 0.8 * Math.sqrt(existingMm));
      const day = dayWeather(this.seed, localDayIndex(start));
      const hour = localHour(start);
      hours.push({
        time: start,
        temperatureC: round1(temperature),
        precipProbability: Math.round(probability * 10) / 10,
        precipMm: round1(precipMm),
        windSpeedMs: round1(day.windMs * (1 + 0.45 * Math.exp(-(((hour - 15) / 4) ** 2)))),
      });
    }
    return hours;
  }

  /** Share of 24-hour temperature forecasts within ±2 °C at the city station over the last 30 days. */
  private accuracy30d(time: number): number {
    const today = localDayIndex(time);
    const hit = this.accuracyCache.get(today);
    if (hit !== undefined) return hit;
    let good = 0;
    let all = 0;
    const place = this.cityPlace;
    for (let d = 1; d <= 30; d++) {
      const midnight = localMidnight(time) - d * 86_400_000;
      for (const issueHour of [2, 8, 14, 20]) {
        const issuedAt = midnight + issueHour * HOUR;
        for (const lead of [6, 12, 18, 24]) {
          const t = issuedAt + lead * HOUR;
          const cells = liveCells(this.seed, t);
          const rate = rateAt(cells, ...toKm(...place.position));
          const observed = observe(this.seed, t, place, rate, rate, cells).temperatureC;
          const forecast = expectedTemperatureC(this.seed, t, place) + this.forecastError(issuedAt, lead);
          if (Math.abs(observed - forecast) <= 2) good += 1;
          all += 1;
        }
      }
    }
    const value = Math.round((good / all) * 1000) / 1000;
    if (this.accuracyCache.size > 8) this.accuracyCache.clear();
    this.accuracyCache.set(today, value);
    return value;
  }

  /** Advances to `time` and returns the topics due (each on its own cadence). */
  step(time: number): Array<[string, unknown]> {
    this.advanceTo(time);
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
    const needCells = due('weather.radar') || due('weather.stations');
    const cells = needCells ? liveCells(this.seed, time) : [];
    if (due('weather.radar')) emit('weather.radar', this.radar(time, cells));
    if (due('weather.stations')) emit('weather.stations', this.stations(time, cells));
    if (due('weather.warnings') || this.boardChanged) {
      this.boardChanged = false;
      emit('weather.warnings', this.warnings(time));
    }
    if (due('weather.forecast')) emit('weather.forecast', this.forecast(time));
    return out;
  }

  latest(topic: string): unknown {
    return this.latestValues.get(topic as Topic);
  }
}
