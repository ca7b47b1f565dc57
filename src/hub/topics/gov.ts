/**
 * Topics of the government-services module (渝快办 Yukuaiban): users, matters handled today and
 * online, handling time against the legal limit, electronic licences, service-hall queues and
 * reviews. docs/topics/gov.md documents every field.
 */
import { z } from 'zod';
import { DistrictCodeSchema, LonLatSchema, count, defineTopic, epochMs, finite, ratio, text, type TopicSpec } from '../schema-kit.ts';

export const GOV_LIMITS = { maxCategories: 16, maxLicences: 16, maxHalls: 64, maxDistricts: 64 } as const;

const slug = () => z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'lower-case letters, digits, dashes');
const days = () => finite().min(0).max(365);

export const MatterCategorySchema = z.object({
  id: slug(),
  name: text(12),
  nameEn: text(40),
  /** Mean working days from acceptance to decision, matters decided in the last 30 days. */
  avgDays: days(),
  /** The legal time limit (法定时限), working days. */
  limitDays: days().positive(),
  handledToday: count(),
  /** Matters past their legal limit and not yet decided. */
  overdue: count(),
});
export type MatterCategory = z.infer<typeof MatterCategorySchema>;

export const LicenceSchema = z.object({
  id: slug(),
  name: text(12),
  nameEn: text(40),
  /** Electronic licences issued to date. */
  issued: count(),
  issuedToday: count(),
});
export type Licence = z.infer<typeof LicenceSchema>;

export const HALL_LEVELS = ['city', 'zone', 'district'] as const;

export const ServiceHallSchema = z.object({
  id: slug(),
  name: text(24),
  district: DistrictCodeSchema,
  level: z.enum(HALL_LEVELS),
  position: LonLatSchema,
  /** Open for walk-in business right now (9:00–12:00 and 14:00–18:00 on working days). */
  open: z.boolean(),
  /** People holding a ticket and waiting (取号排队). */
  queue: count().max(5000),
  /** Expected wait for a ticket taken now, minutes. */
  waitMin: finite().min(0).max(600),
  windowsOpen: count().max(500),
  servedToday: count(),
  /** Share of good reviews (好评) among today's reviews of this hall; 1 when none yet. */
  goodRate: ratio(),
});
export type ServiceHall = z.infer<typeof ServiceHallSchema>;

export const DistrictServicesSchema = z.object({
  code: DistrictCodeSchema,
  mattersToday: count(),
  /** Residents (approx. 2020 census). */
  population: count(),
  /** Matters today per 10,000 residents. */
  per10k: finite().min(0).max(1e6),
});
export type DistrictServices = z.infer<typeof DistrictServicesSchema>;

export const GovServicesSchema = z
  .object({
    time: epochMs(),
    usersTotal: count(),
    usersNewToday: count(),
    mattersToday: count(),
    mattersOnlineToday: count(),
    /** 网办率: share of today's matters handled fully online. */
    onlineShare: ratio(),
    /** Today's matters by local hour so far, oldest first. */
    hourly: z.array(z.object({ hour: z.number().int().min(0).max(23), online: count(), hall: count() })).max(24),
    categories: z.array(MatterCategorySchema).max(GOV_LIMITS.maxCategories),
    licences: z.array(LicenceSchema).max(GOV_LIMITS.maxLicences),
    halls: z.array(ServiceHallSchema).max(GOV_LIMITS.maxHalls),
    districts: z.array(DistrictServicesSchema).max(GOV_LIMITS.maxDistricts),
    /** 好差评: today's reviews, good ones, bad ones and bad ones already rectified. */
    reviews: z.object({ today: count(), good: count(), bad: count(), rectified: count(), goodRate: ratio() }),
  })
  .refine((g) => g.mattersOnlineToday <= g.mattersToday, { message: 'online matters cannot exceed matters', path: ['mattersOnlineToday'] })
  .refine((g) => g.reviews.good + g.reviews.bad <= g.reviews.today && g.reviews.rectified <= g.reviews.bad, {
    message: 'good + bad ≤ reviews, rectified ≤ bad',
    path: ['reviews'],
  })
  .refine((g) => new Set(g.halls.map((h) => h.id)).size === g.halls.length, { message: 'hall ids must be unique', path: ['halls'] });
export type GovServices = z.infer<typeof GovServicesSchema>;

/** Wait bands of a service hall: status colours (green normal … red alarm). */
export const WAIT_BANDS = [
  { maxMin: 10, name: '≤10 分钟', color: '#3ddc84' },
  { maxMin: 20, name: '10–20 分钟', color: '#ffd166' },
  { maxMin: 30, name: '20–30 分钟', color: '#ff9f43' },
  { maxMin: Infinity, name: '>30 分钟', color: '#ff4d5e' },
] as const;

export function waitBand(waitMin: number) {
  return WAIT_BANDS.find((b) => waitMin <= b.maxMin) ?? WAIT_BANDS[WAIT_BANDS.length - 1];
}

export const govTopics: TopicSpec[] = [defineTopic('gov.services', GovServicesSchema, { intervalMs: 5000 })];
