/**
 * Topics of the weather module: Chongqing's "four-day" weather system (智能监测 detection,
 * 精准预报 forecast, 普惠服务 service, 防灾减灾 disaster prevention). docs/topics/weather.md
 * documents each field with its unit.
 */
import { z } from 'zod';
import {
  DistrictCodeSchema,
  GridSpecSchema,
  LonLatSchema,
  count,
  defineTopic,
  epochMs,
  finite,
  ratio,
  text,
  type GridSpec,
  type TopicSpec,
} from '../schema-kit.ts';

// --- Quantised grids (shared with the environment module's PM2.5 surface) ---------------------

/**
 * Grids travel as one byte a cell, base64 in JSON: a 96×80 grid is 10 KB of text, fits the REST
 * snapshot (a fresh wall draws at once, which binary socket frames could not give it) and
 * decodes to a Uint8Array at the edge. 256 levels are finer than any colour ramp shows.
 */
export const MAX_GRID_CELLS = 256 * 256;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes a base64 string decodes to, without decoding it. */
export function base64ByteLength(b64: string): number {
  if (b64.length % 4 !== 0) return -1;
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The cells string of a grid payload: base64 of cols×rows bytes, row-major from the north-west. */
export const gridCellsSchema = () => z.string().max(Math.ceil(MAX_GRID_CELLS / 3) * 4).regex(BASE64, 'base64');

/** Refinement shared by grid topics: the cells decode to exactly cols × rows bytes. */
export function checkGridCells(v: { grid: GridSpec; cells: string }, ctx: z.RefinementCtx) {
  const n = v.grid.cols * v.grid.rows;
  if (n > MAX_GRID_CELLS) ctx.addIssue({ code: 'custom', path: ['grid'], message: `grid has ${n} cells, at most ${MAX_GRID_CELLS}` });
  else if (base64ByteLength(v.cells) !== n) ctx.addIssue({ code: 'custom', path: ['cells'], message: `expected ${n} bytes of base64` });
  const [w, s, e, nn] = v.grid.bbox;
  if (!(w < e && s < nn)) ctx.addIssue({ code: 'custom', path: ['grid', 'bbox'], message: 'bbox must be [west, south, east, north]' });
}

/** Radar cells store sqrt-scaled rain rate: mm/h = (q / 25)². 0 is dry, 255 is ≥ 104 mm/h. */
export const RAIN_Q_SCALE = 25;
export const rainRateOf = (q: number) => (q / RAIN_Q_SCALE) ** 2;
export const rainQuantOf = (mmh: number) => (mmh < 0.05 ? 0 : Math.min(255, Math.round(RAIN_Q_SCALE * Math.sqrt(mmh))));

// --- weather.radar ------------------------------------------------------------------------------

export const StormMotionSchema = z.object({
  /** Direction the rain moves toward, degrees clockwise from north. */
  towardDeg: finite().min(0).max(360),
  speedKmh: finite().min(0).max(200),
});

const RadarWireSchema = z.object({
  /** Valid time of the frame, epoch ms. */
  time: epochMs(),
  grid: GridSpecSchema,
  encoding: z.literal('sqrt25-u8'),
  cells: gridCellsSchema(),
  /** Strongest rain rate on the frame, mm/h. */
  maxRateMmh: finite().min(0).max(500),
  /** Share of cells inside the municipality with rain ≥ 0.1 mm/h. */
  wetShare: ratio(),
  /** Mean motion of the rain cells, weighted by intensity; null when dry. */
  motion: StormMotionSchema.nullable(),
});

export const RadarSchema = RadarWireSchema.superRefine(checkGridCells).transform(({ cells, ...rest }) => ({
  ...rest,
  /** Decoded cells, cols × rows, row-major from the north-west corner. */
  values: decodeBase64(cells),
}));
export type RadarWire = z.input<typeof RadarSchema>;
export type Radar = z.output<typeof RadarSchema>;

// --- weather.stations ---------------------------------------------------------------------------

export const StationReadingSchema = z.object({
  id: z.string().regex(/^[A-Z]{2}\d{5}$/),
  name: text(20),
  nameEn: text(40),
  districtCode: DistrictCodeSchema,
  position: LonLatSchema,
  elevationM: finite().min(-50).max(4000),
  /** An offline station keeps its last readings, with their observation time. */
  online: z.boolean(),
  observedAt: epochMs(),
  temperatureC: finite().min(-40).max(50),
  /** Rain of the last hour, mm (from the radar grid at the station). */
  rain1hMm: finite().min(0).max(300),
  windSpeedMs: finite().min(0).max(75),
  windGustMs: finite().min(0).max(100),
  /** Direction the wind blows from, degrees clockwise from north. */
  windFromDeg: finite().min(0).max(360),
  humidityPct: finite().min(0).max(100),
  visibilityKm: finite().min(0).max(50),
});
export type StationReading = z.infer<typeof StationReadingSchema>;

export const WeatherStationsSchema = z
  .object({
    time: epochMs(),
    stations: z.array(StationReadingSchema).max(300),
  })
  .refine((v) => new Set(v.stations.map((s) => s.id)).size === v.stations.length, { message: 'station ids must be unique', path: ['stations'] });
export type WeatherStations = z.infer<typeof WeatherStationsSchema>;

// --- weather.warnings ---------------------------------------------------------------------------

/** China's warning signal levels, in order: 蓝色 < 黄色 < 橙色 < 红色. */
export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_TYPES = ['rainstorm', 'gale', 'heat', 'fog'] as const;
export type WarningType = (typeof WARNING_TYPES)[number];

export const WarningSchema = z.object({
  id: z.string().regex(/^\d{6}-[a-z]+-\d+$/),
  districtCode: DistrictCodeSchema,
  type: z.enum(WARNING_TYPES),
  level: z.enum(WARNING_LEVELS),
  /** When this level was issued (an upgrade or downgrade reissues). */
  issuedAt: epochMs(),
  /** The observation or short-range forecast that met the threshold. */
  basis: z.object({
    metric: z.enum(['rain3h', 'rain6h', 'rain12h', 'gust', 'tmax', 'visibility']),
    value: finite().min(0).max(100_000),
    unit: z.enum(['mm', 'm/s', '°C', 'm']),
  }),
});
export type Warning = z.infer<typeof WarningSchema>;

/** Rain at a district: the wettest grid cell inside it (as the densest gauge network would see). */
export const DistrictRainSchema = z.object({
  code: DistrictCodeSchema,
  rain1hMm: finite().min(0).max(500),
  rain3hMm: finite().min(0).max(1000),
  rain12hMm: finite().min(0).max(2000),
  rainTodayMm: finite().min(0).max(2000),
});
export type DistrictRain = z.infer<typeof DistrictRainSchema>;

export const WeatherWarningsSchema = z
  .object({
    time: epochMs(),
    /** Warnings in force, newest first. */
    active: z.array(WarningSchema).max(200),
    issuedToday: count(),
    liftedToday: count(),
    districts: z.array(DistrictRainSchema).max(64),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.active.forEach((w, i) => {
      const key = `${w.districtCode}:${w.type}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['active', i], message: `two ${w.type} warnings for ${w.districtCode}` });
      seen.add(key);
    });
  });
export type WeatherWarnings = z.infer<typeof WeatherWarningsSchema>;

// --- weather.forecast ---------------------------------------------------------------------------

export const ForecastHourSchema = z.object({
  /** Start of the hour, epoch ms. */
  time: epochMs(),
  temperatureC: finite().min(-40).max(50),
  precipProbability: ratio(),
  precipMm: finite().min(0).max(300),
  windSpeedMs: finite().min(0).max(75),
});
export type ForecastHour = z.infer<typeof ForecastHourSchema>;

export const WeatherForecastSchema = z.object({
  /** Top of the hour the forecast was issued. */
  issuedAt: epochMs(),
  location: text(20),
  locationEn: text(40),
  hours: z.array(ForecastHourSchema).min(1).max(72),
  /** Figures of the service side of the weather system. */
  service: z.object({
    /** Forecast products issued since local midnight (city and district forecasts, nowcasts). */
    productsToday: count(),
    /** Share of 24-hour temperature forecasts within ±2 °C over the last 30 days. */
    accuracy30d: ratio(),
    /** People reached by weather services today (apps, SMS, broadcast), person-times. */
    reachToday: count(),
  }),
});
export type WeatherForecast = z.infer<typeof WeatherForecastSchema>;

export const weatherTopics: TopicSpec[] = [
  defineTopic('weather.radar', RadarSchema, { intervalMs: 5000 }),
  defineTopic('weather.stations', WeatherStationsSchema, { intervalMs: 10_000 }),
  defineTopic('weather.warnings', WeatherWarningsSchema, { intervalMs: 30_000 }),
  defineTopic('weather.forecast', WeatherForecastSchema, { intervalMs: 60_000 }),
];
