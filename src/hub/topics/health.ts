/**
 * Topics of the health module (渝康码 health codes): district code counts with alerts, scan
 * checkpoints, and the city's 24-hour trend. Counts are people (codes) or scans, never fractions.
 */
import { z } from 'zod';
import { DistrictCodeSchema, LonLatSchema, count, defineTopic, epochMs, ratio, text, type TopicSpec } from '../schema-kit.ts';

/** China's warning levels, lowest first: the order is the escalation. */
export const HEALTH_ALERT_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export const HealthAlertLevelSchema = z.enum(HEALTH_ALERT_LEVELS);
export type HealthAlertLevel = z.infer<typeof HealthAlertLevelSchema>;

export const HealthAlertSchema = z.object({
  level: HealthAlertLevelSchema,
  /** When the district entered alert (the start of this episode, kept while the level changes). */
  since: epochMs(),
  /** What crossed its threshold first: the yellow-code share or the red-code count. */
  reason: z.enum(['yellow-share', 'red-count']),
});
export type HealthAlert = z.infer<typeof HealthAlertSchema>;

export const HealthDistrictSchema = z
  .object({
    code: DistrictCodeSchema,
    /** Codes issued to people registered in the district (people). */
    issued: count().max(50_000_000),
    green: count(),
    yellow: count(),
    red: count(),
    /** (yellow + red) / issued. */
    nonGreenShare: ratio(),
    /** Distinct people whose code was scanned today (local day, UTC+8). */
    scannedToday: count(),
    /** Scans today (one person is scanned several times a day). */
    scansToday: count(),
    alert: HealthAlertSchema.nullable(),
  })
  .superRefine((d, ctx) => {
    if (d.green + d.yellow + d.red !== d.issued) ctx.addIssue({ code: 'custom', path: ['issued'], message: 'green + yellow + red must equal issued' });
    if (d.issued > 0 && Math.abs(d.nonGreenShare - (d.yellow + d.red) / d.issued) > 1e-4) {
      ctx.addIssue({ code: 'custom', path: ['nonGreenShare'], message: 'nonGreenShare must be (yellow + red) / issued' });
    }
  });
export type HealthDistrict = z.infer<typeof HealthDistrictSchema>;

export const HealthTotalsSchema = z.object({
  issued: count(),
  green: count(),
  yellow: count(),
  red: count(),
  scannedToday: count(),
  scansToday: count(),
  /** Districts in alert now. */
  alerts: count().max(64),
});
export type HealthTotals = z.infer<typeof HealthTotalsSchema>;

export const HealthDistrictsSchema = z
  .object({
    time: epochMs(),
    districts: z.array(HealthDistrictSchema).max(64),
    totals: HealthTotalsSchema,
  })
  .refine((v) => new Set(v.districts.map((d) => d.code)).size === v.districts.length, { message: 'district codes must be unique', path: ['districts'] });
export type HealthDistricts = z.infer<typeof HealthDistrictsSchema>;

export const CHECKPOINT_KINDS = ['transport', 'hospital', 'mall', 'residential'] as const;
export const CheckpointKindSchema = z.enum(CHECKPOINT_KINDS);
export type CheckpointKind = z.infer<typeof CheckpointKindSchema>;

export const CheckpointSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,24}$/),
  name: text(40),
  kind: CheckpointKindSchema,
  districtCode: DistrictCodeSchema,
  position: LonLatSchema,
  /** Scans in the hour before `time`. */
  scansLastHour: count().max(1_000_000),
  /** Share of those scans that showed a yellow or red code. */
  nonGreenShare: ratio(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const HealthCheckpointsSchema = z.object({
  time: epochMs(),
  checkpoints: z.array(CheckpointSchema).max(1000),
});
export type HealthCheckpoints = z.infer<typeof HealthCheckpointsSchema>;

export const HealthTrendPointSchema = z.object({
  /** Start of the bucket, epoch ms. */
  time: epochMs(),
  /** City totals at the end of the bucket (people). */
  yellow: count(),
  red: count(),
  /** Scans during the bucket. */
  scans: count(),
});
export type HealthTrendPoint = z.infer<typeof HealthTrendPointSchema>;

export const HealthTrendSchema = z
  .object({
    bucketMinutes: z.number().int().min(1).max(60),
    /** Oldest first, one point per bucket, the last one still filling. */
    points: z.array(HealthTrendPointSchema).max(300),
  })
  .refine((v) => v.points.every((p, i) => i === 0 || p.time > v.points[i - 1].time), { message: 'points must be in time order', path: ['points'] });
export type HealthTrend = z.infer<typeof HealthTrendSchema>;

export const HEALTH_TOPICS = {
  districts: 'health.districts',
  checkpoints: 'health.checkpoints',
  trend: 'health.trend',
} as const;

/** Topics of the health module. */
export const healthTopics: TopicSpec[] = [
  defineTopic(HEALTH_TOPICS.districts, HealthDistrictsSchema, { intervalMs: 5000 }),
  defineTopic(HEALTH_TOPICS.checkpoints, HealthCheckpointsSchema, { intervalMs: 5000 }),
  defineTopic(HEALTH_TOPICS.trend, HealthTrendSchema, { intervalMs: 60_000 }),
];
