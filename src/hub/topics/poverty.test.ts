import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { PovertySimulator } from '../../../mock-server/sim/poverty.ts';
import { CONTRACT_VERSION, describeIssue, liveEnvelopeSchema, TOPICS } from '../contract.ts';
import { POVERTY_TOPICS, PovertyDistrictsSchema, PovertyPairsSchema, PovertyVillagesSchema, povertyTopics } from './poverty.ts';

const START = Date.UTC(2024, 4, 20, 2, 0, 0);
const sim = new PovertySimulator({ seed: 7, districts: loadDistricts(), startTime: START });
const districts = sim.districtsAt(START);
const pairs = sim.pairsAt(START);
const villages = sim.villagesAt(START);
const clone = <T>(v: T): T => structuredClone(v);

const ok = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, v: unknown) => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(describeIssue(r.error as never));
  return true;
};
const refused = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => !schema.safeParse(v).success;

describe('poverty topics', () => {
  it('are registered in the hub contract under their names', () => {
    for (const spec of povertyTopics) expect(TOPICS.get(spec.name)).toBe(spec);
    expect(povertyTopics.map((t) => t.name).sort()).toEqual(Object.values(POVERTY_TOPICS).sort());
  });

  it('accept what the simulator emits, also inside a live envelope', () => {
    expect(ok(PovertyDistrictsSchema, districts)).toBe(true);
    expect(ok(PovertyPairsSchema, pairs)).toBe(true);
    expect(ok(PovertyVillagesSchema, villages)).toBe(true);
    const env = liveEnvelopeSchema(POVERTY_TOPICS.pairs, PovertyPairsSchema);
    expect(env.safeParse({ v: CONTRACT_VERSION, epoch: 'e1', topic: POVERTY_TOPICS.pairs, seq: 1, time: START, data: pairs }).success).toBe(true);
    expect(env.safeParse({ v: 2, topic: POVERTY_TOPICS.pairs, seq: 1, time: START, data: pairs }).success).toBe(false);
  });
});

describe('PovertyDistrictsSchema refuses malformed districts', () => {
  it('bad counts in districts, totals or platform', () => {
    const paths: [string, string][] = [
      ['districts', 'households'],
      ['districts', 'people'],
      ['districts', 'villages'],
      ['districts', 'usesToday'],
      ['totals', 'people'],
      ['platform', 'users'],
      ['platform', 'dailyActive'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.nat(districts.districts.length - 1), fc.oneof(fc.integer({ max: -1 }), fc.constant(1.5), fc.constant('9')), ([where, key], i, bad) => {
        const v = clone(districts) as unknown as Record<string, Record<string, unknown> | Record<string, unknown>[]>;
        const target = where === 'districts' ? (v.districts as Record<string, unknown>[])[i] : (v[where] as Record<string, unknown>);
        target[key] = bad;
        expect(refused(PovertyDistrictsSchema, v)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('fewer people than households, duplicate codes, a non-boolean key flag', () => {
    const v = clone(districts);
    v.districts[0].people = v.districts[0].households - 1;
    expect(refused(PovertyDistrictsSchema, v)).toBe(true);
    const dup = clone(districts);
    dup.districts[2].code = dup.districts[1].code;
    expect(refused(PovertyDistrictsSchema, dup)).toBe(true);
    const flag = clone(districts) as unknown as { districts: Record<string, unknown>[] };
    flag.districts[0].keyCounty = 'yes';
    expect(refused(PovertyDistrictsSchema, flag)).toBe(true);
  });
});

describe('PovertyPairsSchema and PovertyVillagesSchema refuse malformed values', () => {
  it('a pairing of a district with itself, negative funds, an impossible year', () => {
    fc.assert(
      fc.property(fc.nat(pairs.pairs.length - 1), fc.constantFrom<[string, unknown][]>(['fundsWan', -1], ['fundsWan', Infinity], ['since', 1800], ['projects', 2.5], ['from', 'abc']), (i, [key, bad]) => {
        const v = clone(pairs) as unknown as { pairs: Record<string, unknown>[] };
        v.pairs[i][key] = bad;
        expect(refused(PovertyPairsSchema, v)).toBe(true);
      }),
      { numRuns: 50 },
    );
    const self = clone(pairs);
    self.pairs[0].to = self.pairs[0].from;
    expect(refused(PovertyPairsSchema, self)).toBe(true);
  });

  it('villages with unknown industries, long names, bad positions, duplicate ids or too many', () => {
    fc.assert(
      fc.property(
        fc.nat(villages.villages.length - 1),
        fc.constantFrom<[string, unknown][]>(['industry', 'coal'], ['name', '村'.repeat(25)], ['name', ''], ['position', [106, 95]], ['households', -3], ['incomeGrowth', 5]),
        (i, [key, bad]) => {
          const v = clone(villages) as unknown as { villages: Record<string, unknown>[] };
          v.villages[i][key] = bad;
          expect(refused(PovertyVillagesSchema, v)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
    const dup = clone(villages);
    dup.villages[1].id = dup.villages[0].id;
    expect(refused(PovertyVillagesSchema, dup)).toBe(true);
    const many = { time: START, villages: Array.from({ length: 1601 }, (_, i) => ({ ...villages.villages[0], id: `v-${i}` })) };
    expect(refused(PovertyVillagesSchema, many)).toBe(true);
  });
});
