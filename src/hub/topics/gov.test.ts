import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { GovSimulator } from '../../../mock-server/sim/gov/simulator.ts';
import { CONTRACT_VERSION, liveEnvelopeSchema, topicSnapshotSchema } from '../contract.ts';
import { GOV_LIMITS, GovServicesSchema, WAIT_BANDS, govTopics, waitBand, type GovServices } from './gov.ts';

const START = Date.UTC(2024, 4, 20, 2, 30); // Monday 10:30 in Chongqing
const districts = loadDistricts();
const sim = new GovSimulator({ seed: 3, startTime: START, districtProps: districts.features.map((f) => f.properties) });
const value = sim.step(START)[0][1] as GovServices;
const clone = <T>(v: T): T => structuredClone(v);

describe('gov.services', () => {
  it('is registered with a 5-second interval and a snapshot', () => {
    expect(govTopics.map((t) => [t.name, t.intervalMs, t.snapshot])).toEqual([['gov.services', 5000, true]]);
  });

  it('accepts what the simulator emits, in an envelope and a snapshot too', () => {
    expect(GovServicesSchema.safeParse(value).success).toBe(true);
    expect(liveEnvelopeSchema('gov.services', GovServicesSchema).safeParse({ v: CONTRACT_VERSION, epoch: 'e1', topic: 'gov.services', seq: 1, time: START, data: value }).success).toBe(true);
    expect(
      topicSnapshotSchema('gov.services', GovServicesSchema).safeParse({ contractVersion: CONTRACT_VERSION, epoch: 'e1', topic: 'gov.services', simulated: true, seq: 4, time: START, data: value }).success,
    ).toBe(true);
  });

  it('rejects inconsistent or out-of-range figures, naming them', () => {
    const mutations: [string, (g: GovServices) => void][] = [
      ['mattersOnlineToday', (g) => (g.mattersOnlineToday = g.mattersToday + 1)],
      ['onlineShare', (g) => (g.onlineShare = 1.2)],
      ['usersTotal', (g) => (g.usersTotal = -1)],
      ['reviews', (g) => (g.reviews.good = g.reviews.today + 1)],
      ['reviews', (g) => (g.reviews.rectified = g.reviews.bad + 1)],
      ['halls', (g) => (g.halls[1].id = g.halls[0].id)],
      ['halls', (g) => (g.halls[0].queue = -3)],
      ['halls', (g) => (g.halls[0].waitMin = 1000)],
      ['halls', (g) => (g.halls[0].position = [200, 30])],
      ['halls', (g) => (g.halls[0].name = '')],
      ['halls', (g) => (g.halls[0].level = 'province' as never)],
      ['halls', (g) => (g.halls = Array.from({ length: GOV_LIMITS.maxHalls + 1 }, (_, i) => ({ ...g.halls[0], id: `h${i}` })))],
      ['categories', (g) => (g.categories[0].limitDays = 0)],
      ['categories', (g) => (g.categories[0].avgDays = -1)],
      ['categories', (g) => (g.categories[0].name = '很长很长很长很长很长很长的名字')],
      ['licences', (g) => (g.licences[0].issued = 1.5)],
      ['hourly', (g) => (g.hourly[0].hour = 24)],
      ['hourly', (g) => (g.hourly = Array.from({ length: 25 }, (_, hour) => ({ hour: hour % 24, online: 0, hall: 0 })))],
      ['districts', (g) => (g.districts[0].code = '50')],
    ];
    for (const [field, mutate] of mutations) {
      const g = clone(value);
      mutate(g);
      const r = GovServicesSchema.safeParse(g);
      expect(r.success, field).toBe(false);
      expect(r.error!.issues[0].path[0], field).toBe(field);
    }
  });

  it('rejects junk in any hall', () => {
    fc.assert(
      fc.property(fc.nat(value.halls.length - 1), fc.anything(), (i, junk) => {
        const g = clone(value);
        (g.halls as unknown[])[i] = junk;
        expect(GovServicesSchema.safeParse(g).success).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('waitBand', () => {
  it('maps waits to status colours in order', () => {
    expect(waitBand(0).color).toBe('#3ddc84');
    expect(waitBand(10).color).toBe('#3ddc84');
    expect(waitBand(15).color).toBe('#ffd166');
    expect(waitBand(25).color).toBe('#ff9f43');
    expect(waitBand(31).color).toBe('#ff4d5e');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 600, noNaN: true }), fc.double({ min: 0, max: 600, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(WAIT_BANDS.indexOf(waitBand(lo))).toBeLessThanOrEqual(WAIT_BANDS.indexOf(waitBand(hi)));
      }),
    );
  });
});
