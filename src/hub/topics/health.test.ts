import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { HealthSimulator } from '../../../mock-server/sim/health.ts';
import { CONTRACT_VERSION, describeIssue, liveEnvelopeSchema, topicSnapshotSchema, TOPICS } from '../contract.ts';
import {
  HEALTH_TOPICS,
  HealthCheckpointsSchema,
  HealthDistrictsSchema,
  HealthTrendSchema,
  healthTopics,
  type HealthCheckpoints,
  type HealthDistricts,
  type HealthTrend,
} from './health.ts';

const START = Date.UTC(2024, 4, 20, 2, 0, 0); // 10:00 in Chongqing
const sim = new HealthSimulator({ seed: 7, districts: loadDistricts(), startTime: START, env: { HUB_HEALTH_CHECKPOINTS: '200' } });
const districts = sim.districtsAt(START);
const checkpoints = sim.checkpointsAt(START);
const trend = sim.trendAt(START);
const clone = <T>(v: T): T => structuredClone(v);

const ok = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, v: unknown) => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(describeIssue(r.error as never));
  return true;
};
const refused = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => !schema.safeParse(v).success;

describe('health topics', () => {
  it('are registered in the hub contract under their names, with intervals', () => {
    for (const spec of healthTopics) expect(TOPICS.get(spec.name)).toBe(spec);
    expect(healthTopics.map((t) => t.name).sort()).toEqual(Object.values(HEALTH_TOPICS).sort());
    expect(healthTopics.every((t) => t.snapshot && t.intervalMs > 0)).toBe(true);
  });

  it('accept what the simulator emits, as REST snapshots and live envelopes too', () => {
    expect(ok(HealthDistrictsSchema, districts)).toBe(true);
    expect(ok(HealthCheckpointsSchema, checkpoints)).toBe(true);
    expect(ok(HealthTrendSchema, trend)).toBe(true);
    const env = liveEnvelopeSchema(HEALTH_TOPICS.districts, HealthDistrictsSchema);
    expect(env.safeParse({ v: CONTRACT_VERSION, epoch: 'e1', topic: HEALTH_TOPICS.districts, seq: 3, time: START, data: districts }).success).toBe(true);
    const snap = topicSnapshotSchema(HEALTH_TOPICS.trend, HealthTrendSchema);
    expect(snap.safeParse({ contractVersion: CONTRACT_VERSION, epoch: 'e1', topic: HEALTH_TOPICS.trend, simulated: true, seq: 1, time: START, data: trend }).success).toBe(true);
  });
});

describe('HealthDistrictsSchema refuses malformed districts', () => {
  const field = fc.constantFrom('issued', 'green', 'yellow', 'red', 'scannedToday', 'scansToday');
  it('negative, fractional or non-numeric counts', () => {
    fc.assert(
      fc.property(fc.nat(districts.districts.length - 1), field, fc.oneof(fc.integer({ max: -1 }), fc.constant(0.5), fc.constant('12'), fc.constant(null)), (i, key, bad) => {
        const v = clone(districts) as unknown as { districts: Record<string, unknown>[] };
        v.districts[i][key] = bad;
        expect(refused(HealthDistrictsSchema, v)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('counts that do not add up, or a share that does not match them', () => {
    fc.assert(
      fc.property(fc.nat(districts.districts.length - 1), fc.integer({ min: 1, max: 1000 }), (i, delta) => {
        const v = clone(districts);
        v.districts[i].green += delta;
        expect(refused(HealthDistrictsSchema, v)).toBe(true);
        const w = clone(districts);
        w.districts[i].nonGreenShare = Math.min(1, w.districts[i].nonGreenShare + 0.001 * delta);
        expect(refused(HealthDistrictsSchema, w)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('unknown alert levels, bad codes, duplicates and oversized lists', () => {
    const v = clone(districts);
    v.districts[0].alert = { level: 'purple' as never, since: START, reason: 'red-count' };
    expect(refused(HealthDistrictsSchema, v)).toBe(true);
    const w = clone(districts);
    w.districts[1].code = '5001';
    expect(refused(HealthDistrictsSchema, w)).toBe(true);
    const dup = clone(districts);
    dup.districts[1] = { ...dup.districts[0] };
    expect(refused(HealthDistrictsSchema, dup)).toBe(true);
    const big = clone(districts);
    big.districts = Array.from({ length: 65 }, (_, i) => ({ ...districts.districts[0], code: String(600000 + i) }));
    expect(refused(HealthDistrictsSchema, big)).toBe(true);
    expect(refused(HealthDistrictsSchema, 'districts unavailable')).toBe(true);
  });
});

describe('HealthCheckpointsSchema refuses malformed checkpoints', () => {
  it('out-of-range shares and positions, bad kinds, long or empty names', () => {
    const bads: [string, unknown][] = [
      ['nonGreenShare', 1.5],
      ['nonGreenShare', -0.1],
      ['position', [200, 30]],
      ['position', [106]],
      ['kind', 'stadium'],
      ['name', ''],
      ['name', '长'.repeat(41)],
      ['scansLastHour', -1],
      ['id', 'Bad Id'],
    ];
    fc.assert(
      fc.property(fc.nat(checkpoints.checkpoints.length - 1), fc.constantFrom(...bads), (i, [key, bad]) => {
        const v = clone(checkpoints) as unknown as { checkpoints: Record<string, unknown>[] };
        v.checkpoints[i][key] = bad;
        expect(refused(HealthCheckpointsSchema, v)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('more than 1000 checkpoints', () => {
    const v: HealthCheckpoints = { time: START, checkpoints: Array.from({ length: 1001 }, () => checkpoints.checkpoints[0]) };
    expect(refused(HealthCheckpointsSchema, v)).toBe(true);
  });
});

describe('HealthTrendSchema refuses malformed trends', () => {
  it('points out of order, too many, or with negative counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: trend.points.length - 1 }), (i) => {
        const v: HealthTrend = clone(trend);
        [v.points[i - 1], v.points[i]] = [v.points[i], v.points[i - 1]];
        expect(refused(HealthTrendSchema, v)).toBe(true);
        const w: HealthTrend = clone(trend);
        w.points[i].red = -1;
        expect(refused(HealthTrendSchema, w)).toBe(true);
      }),
      { numRuns: 40 },
    );
    const many = { bucketMinutes: 10, points: Array.from({ length: 301 }, (_, i) => ({ time: START + i * 600_000, yellow: 1, red: 1, scans: 1 })) };
    expect(refused(HealthTrendSchema, many)).toBe(true);
    expect(refused(HealthTrendSchema, { ...trend, bucketMinutes: 0 })).toBe(true);
  });

  it('a valid value survives arbitrary unknown extra keys being stripped, not rejected', () => {
    const v = { ...clone(districts), extra: 'ignored' } as HealthDistricts & { extra: string };
    expect(HealthDistrictsSchema.safeParse(v).success).toBe(true);
  });
});
