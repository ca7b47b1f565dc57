/**
 * The overview: the hub's headline figures and per-district counts (the header, the overview
 * panels, district cards). An ordinary topic like every other; its snapshot carries a one-day
 * history of data calls per minute so the trend chart is full after a (re)start.
 */
import { z } from 'zod';
import { DistrictCodeSchema, count, defineTopic, finite, ratio } from '../schema-kit.ts';

/** At most this many districts (Chongqing has 38 districts and counties, plus new areas). */
const MAX_DISTRICTS = 64;

export const DistrictFiguresSchema = z.object({
  code: DistrictCodeSchema,
  /** Data-sharing calls served for this district today. */
  dataCallsToday: count(),
  /** City events (reports, incidents, service requests) open right now. */
  openEvents: count(),
  /** Connected IoT sensing devices online. */
  devicesOnline: count(),
});
export type DistrictFigures = z.infer<typeof DistrictFiguresSchema>;

export const OverviewSchema = z
  .object({
    /** Hub time of these figures, epoch milliseconds. */
    time: z.number().int().positive(),
    systemsPlanned: count(),
    systemsConnected: count(),
    departmentsConnected: count(),
    scenarios: count(),
    dataCallsTotal: count(),
    dataCallsPerMinute: count(),
    cloudSystems: count(),
    cloudRate: ratio(),
    govServiceUsers: count(),
    govMattersToday: count(),
    licenceCategories: count(),
    povertyPlatformUsers: count(),
    povertyPlatformUses: count(),
    povertyDailyActive: count(),
    basestations5g: count(),
    districts: z
      .array(DistrictFiguresSchema)
      .max(MAX_DISTRICTS)
      .refine((ds) => new Set(ds.map((d) => d.code)).size === ds.length, 'district codes must be unique'),
  })
  .refine((o) => o.systemsConnected <= o.systemsPlanned, {
    message: 'systemsConnected cannot exceed systemsPlanned',
    path: ['systemsConnected'],
  });
export type Overview = z.infer<typeof OverviewSchema>;

export const SeriesPointSchema = z.tuple([z.number().int().positive(), finite()]);
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const OVERVIEW_TOPIC = 'overview';

export const overviewTopics = [
  defineTopic(OVERVIEW_TOPIC, OverviewSchema, {
    intervalMs: 1000,
    // One day of five-minute buckets.
    history: { bucketMs: 5 * 60_000, maxPoints: 288, value: (o) => o.dataCallsPerMinute },
  }),
];
