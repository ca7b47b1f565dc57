/**
 * Topics of the ecological environment module: air quality after China's HJ 633-2012 (环境空气质量
 * 指数 AQI 技术规定). docs/topics/environment.md documents each field with its unit.
 */
import { z } from 'zod';
import { DistrictCodeSchema, GridSpecSchema, LonLatSchema, count, defineTopic, epochMs, finite, ratio, text, type TopicSpec } from '../schema-kit.ts';
import { checkGridCells, decodeBase64, gridCellsSchema } from './weather.ts';

/** HJ 633 categories, from 优 (0–50) to 严重污染 (> 300). */
export const AQI_CATEGORIES = ['excellent', 'good', 'light', 'moderate', 'heavy', 'severe'] as const;
export type AqiCategory = (typeof AQI_CATEGORIES)[number];
/** Upper AQI bound of each category (the last is open). */
export const AQI_CATEGORY_MAX = [50, 100, 150, 200, 300, Infinity] as const;

export function aqiCategoryOf(aqi: number): AqiCategory {
  return AQI_CATEGORIES[AQI_CATEGORY_MAX.findIndex((max) => aqi <= max)];
}

export const POLLUTANTS = ['pm25', 'pm10', 'o3', 'no2', 'so2', 'co'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Concentrations: μg/m³ except CO in mg/m³, as China reports them. */
export const ConcentrationsSchema = z.object({
  pm25: finite().min(0).max(1000),
  pm10: finite().min(0).max(2000),
  o3: finite().min(0).max(1200),
  no2: finite().min(0).max(4000),
  so2: finite().min(0).max(3000),
  co: finite().min(0).max(150),
});
export type Concentrations = z.infer<typeof ConcentrationsSchema>;

const aqiValue = () => z.number().int().min(0).max(500);

/** AQI with its category and primary pollutant (none when AQI ≤ 50), consistent with each other. */
const AqiFields = {
  aqi: aqiValue(),
  category: z.enum(AQI_CATEGORIES),
  primaryPollutant: z.enum(POLLUTANTS).nullable(),
};
function checkAqi(v: { aqi: number; category: AqiCategory; primaryPollutant: Pollutant | null }, ctx: z.RefinementCtx) {
  if (aqiCategoryOf(v.aqi) !== v.category) ctx.addIssue({ code: 'custom', path: ['category'], message: `AQI ${v.aqi} is not "${v.category}"` });
  if (v.aqi <= 50 && v.primaryPollutant !== null) ctx.addIssue({ code: 'custom', path: ['primaryPollutant'], message: 'no primary pollutant when AQI ≤ 50' });
  if (v.aqi > 50 && v.primaryPollutant === null) ctx.addIssue({ code: 'custom', path: ['primaryPollutant'], message: 'AQI > 50 names its primary pollutant' });
}

// --- environment.stations -----------------------------------------------------------------------

export const AirStationSchema = z
  .object({
    id: z.string().regex(/^AQ\d{5}$/),
    name: text(20),
    nameEn: text(40),
    districtCode: DistrictCodeSchema,
    position: LonLatSchema,
    /** urban: national control site of the main urban area; background: a clean reference site. */
    kind: z.enum(['urban', 'county', 'industrial', 'background']),
    ...AqiFields,
    ...ConcentrationsSchema.shape,
  })
  .superRefine(checkAqi);
export type AirStation = z.infer<typeof AirStationSchema>;

export const AirStationsSchema = z
  .object({
    /** The hour the readings stand for ends at this time (hourly means, refreshed as they roll). */
    time: epochMs(),
    stations: z.array(AirStationSchema).max(300),
  })
  .refine((v) => new Set(v.stations.map((s) => s.id)).size === v.stations.length, { message: 'station ids must be unique', path: ['stations'] });
export type AirStations = z.infer<typeof AirStationsSchema>;

// --- environment.pm25 ---------------------------------------------------------------------------

/** PM2.5 cells: μg/m³ = 2 × q; 0 marks cells outside the municipality (no data). */
export const PM25_Q_STEP = 2;
export const pm25Of = (q: number) => q * PM25_Q_STEP;
export const pm25QuantOf = (ugm3: number) => Math.min(255, Math.max(1, Math.round(ugm3 / PM25_Q_STEP)));

const Pm25GridWireSchema = z.object({
  time: epochMs(),
  grid: GridSpecSchema,
  encoding: z.literal('linear2-u8'),
  cells: gridCellsSchema(),
  /** Highest and mean PM2.5 over the municipality, μg/m³. */
  maxUgm3: finite().min(0).max(1000),
  meanUgm3: finite().min(0).max(1000),
  /** How the surface was made from the stations. */
  method: z.literal('idw-residual'),
});

export const Pm25GridSchema = Pm25GridWireSchema.superRefine(checkGridCells).transform(({ cells, ...rest }) => ({
  ...rest,
  values: decodeBase64(cells),
}));
export type Pm25GridWire = z.input<typeof Pm25GridSchema>;
export type Pm25Grid = z.output<typeof Pm25GridSchema>;

// --- environment.summary ------------------------------------------------------------------------

export const AirSummarySchema = z
  .object({
    time: epochMs(),
    year: z.number().int().min(2000).max(2200),
    /** Whole days of this year before today (local time): the base of the good-air rate. */
    daysElapsed: z.number().int().min(0).max(366),
    /** Days with daily AQI ≤ 100 (优良天数), and ≤ 50 (优). */
    goodDays: count(),
    excellentDays: count(),
    goodRate: ratio(),
    /** The city now: hourly AQI of the main urban area's national sites. */
    today: z.object({ ...AqiFields, ...ConcentrationsSchema.shape }).superRefine(checkAqi),
    /** Days this year each pollutant was the primary one (days with AQI > 50). */
    primaryDays: z.object({ pm25: count(), pm10: count(), o3: count(), no2: count(), so2: count(), co: count() }),
    /** City PM2.5, hourly means of the last 24 hours, oldest first: [hour end epoch ms, μg/m³]. */
    pm25History: z.array(z.tuple([epochMs(), finite().min(0).max(1000)])).max(72),
  })
  .superRefine((v, ctx) => {
    if (v.goodDays > v.daysElapsed) ctx.addIssue({ code: 'custom', path: ['goodDays'], message: 'more good days than days elapsed' });
    if (v.excellentDays > v.goodDays) ctx.addIssue({ code: 'custom', path: ['excellentDays'], message: 'more excellent than good days' });
    const polluted = Object.values(v.primaryDays).reduce((a, b) => a + b, 0);
    if (polluted > v.daysElapsed - v.excellentDays) ctx.addIssue({ code: 'custom', path: ['primaryDays'], message: 'more primary-pollutant days than days above 50' });
  });
export type AirSummary = z.infer<typeof AirSummarySchema>;

export const environmentTopics: TopicSpec[] = [
  defineTopic('environment.stations', AirStationsSchema, { intervalMs: 30_000 }),
  defineTopic('environment.pm25', Pm25GridSchema, { intervalMs: 10_000 }),
  defineTopic('environment.summary', AirSummarySchema, { intervalMs: 60_000 }),
];
