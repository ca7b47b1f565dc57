/**
 * Topics of the poverty module (脱贫攻坚 poverty alleviation): what each district lifted out of
 * poverty, the paired-assistance links between districts, and the lifted villages for drill-down.
 */
import { z } from 'zod';
import { DistrictCodeSchema, LonLatSchema, count, defineTopic, epochMs, finite, text, type TopicSpec } from '../schema-kit.ts';

export const PovertyDistrictSchema = z
  .object({
    code: DistrictCodeSchema,
    /** One of the 18 key counties of the campaign (重点区县). */
    keyCounty: z.boolean(),
    /** Registered poor households lifted out of poverty (户). */
    households: count().max(1_000_000),
    /** People in those households (人). */
    people: count().max(5_000_000),
    /** Registered poor villages lifted (个). */
    villages: count().max(2000),
    /** Uses of the poverty-alleviation platform from this district today (次). */
    usesToday: count(),
  })
  .refine((d) => d.people >= d.households, { message: 'a household has at least one person', path: ['people'] });
export type PovertyDistrict = z.infer<typeof PovertyDistrictSchema>;

export const PovertyTotalsSchema = z.object({
  households: count(),
  people: count(),
  villages: count(),
  keyCounties: count().max(64),
});
export type PovertyTotals = z.infer<typeof PovertyTotalsSchema>;

export const PovertyPlatformSchema = z.object({
  /** Registered users of the platform (人). */
  users: count(),
  /** Uses since launch (次). */
  usesTotal: count(),
  usesToday: count(),
  /** Distinct app users active today so far (人). */
  dailyActive: count(),
});
export type PovertyPlatform = z.infer<typeof PovertyPlatformSchema>;

export const PovertyDistrictsSchema = z
  .object({
    time: epochMs(),
    districts: z.array(PovertyDistrictSchema).max(64),
    totals: PovertyTotalsSchema,
    platform: PovertyPlatformSchema,
  })
  .refine((v) => new Set(v.districts.map((d) => d.code)).size === v.districts.length, { message: 'district codes must be unique', path: ['districts'] });
export type PovertyDistricts = z.infer<typeof PovertyDistrictsSchema>;

export const PovertyPairSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,24}$/),
    /** The helping district (帮扶方). */
    from: DistrictCodeSchema,
    /** The key county it helps (受援方). */
    to: DistrictCodeSchema,
    /** Funds put in since the pairing began (万元). */
    fundsWan: finite().min(0).max(10_000_000),
    /** Assistance projects started (个). */
    projects: count().max(100_000),
    /** Year the pairing began. */
    since: z.number().int().min(2000).max(2100),
  })
  .refine((p) => p.from !== p.to, { message: 'a district does not pair with itself', path: ['to'] });
export type PovertyPair = z.infer<typeof PovertyPairSchema>;

export const PovertyPairsSchema = z.object({
  time: epochMs(),
  pairs: z.array(PovertyPairSchema).max(64),
});
export type PovertyPairs = z.infer<typeof PovertyPairsSchema>;

/** Village industries (特色产业); the wall names and colours them. */
export const VILLAGE_INDUSTRIES = ['citrus', 'mustard', 'herbs', 'tea', 'tourism', 'pigs', 'plum', 'pepper', 'vegetables', 'silk'] as const;
export const VillageIndustrySchema = z.enum(VILLAGE_INDUSTRIES);
export type VillageIndustry = z.infer<typeof VillageIndustrySchema>;

export const PovertyVillageSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,24}$/),
  districtCode: DistrictCodeSchema,
  name: text(24),
  position: LonLatSchema,
  /** Households lifted out of poverty in the village (户). */
  households: count().max(5000),
  industry: VillageIndustrySchema,
  /** Year-on-year growth of per-capita disposable income, as a fraction (0.12 = +12 %). */
  incomeGrowth: finite().min(-0.5).max(2),
});
export type PovertyVillage = z.infer<typeof PovertyVillageSchema>;

export const PovertyVillagesSchema = z
  .object({
    time: epochMs(),
    villages: z.array(PovertyVillageSchema).max(1600),
  })
  .refine((v) => new Set(v.villages.map((x) => x.id)).size === v.villages.length, { message: 'village ids must be unique', path: ['villages'] });
export type PovertyVillages = z.infer<typeof PovertyVillagesSchema>;

export const POVERTY_TOPICS = {
  districts: 'poverty.districts',
  pairs: 'poverty.pairs',
  villages: 'poverty.villages',
} as const;

/** Topics of the poverty module. */
export const povertyTopics: TopicSpec[] = [
  defineTopic(POVERTY_TOPICS.districts, PovertyDistrictsSchema, { intervalMs: 10_000 }),
  defineTopic(POVERTY_TOPICS.pairs, PovertyPairsSchema, { intervalMs: 60_000 }),
  defineTopic(POVERTY_TOPICS.villages, PovertyVillagesSchema, { intervalMs: 600_000 }),
];
