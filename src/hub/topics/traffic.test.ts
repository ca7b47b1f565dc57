import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { TrafficSimulator } from '../../../mock-server/sim/traffic/simulator.ts';
import { CONTRACT_VERSION, liveEnvelopeSchema, topicSnapshotSchema } from '../contract.ts';
import {
  CONGESTION_LEVELS,
  TRAFFIC_LIMITS,
  TrafficCongestionSchema,
  TrafficRoadsSchema,
  TrafficVehiclesSchema,
  congestionLevel,
  trafficTopics,
  type TrafficCongestion,
  type TrafficRoads,
} from './traffic.ts';

const START = Date.UTC(2024, 4, 20, 10, 30); // 18:30 on a Monday in Chongqing
const sim = new TrafficSimulator({ seed: 7, districts: loadDistricts(), startTime: START, env: { HUB_TRAFFIC_VEHICLES: '500' } });
const first = new Map(sim.step(START));
const roads = first.get('traffic.roads') as TrafficRoads;
const congestion = first.get('traffic.congestion') as TrafficCongestion;
const vehicles = first.get('traffic.vehicles') as { count: number; positions: Uint8Array; speeds: Uint8Array };

const clone = <T>(v: T): T => structuredClone(v);

describe('traffic topics', () => {
  it('are registered with their rates; the binary fleet is live only', () => {
    const byName = new Map(trafficTopics.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['traffic.congestion', 'traffic.roads', 'traffic.vehicles']);
    expect(byName.get('traffic.vehicles')!.snapshot).toBe(false);
    expect(byName.get('traffic.vehicles')!.intervalMs).toBe(1000);
    expect(byName.get('traffic.congestion')!.snapshot).toBe(true);
  });

  it('accept what the simulator emits, in envelopes and snapshots too', () => {
    expect(TrafficRoadsSchema.safeParse(roads).success).toBe(true);
    expect(TrafficCongestionSchema.safeParse(congestion).success).toBe(true);
    expect(TrafficVehiclesSchema.safeParse(vehicles).success).toBe(true);
    const env = liveEnvelopeSchema('traffic.congestion', TrafficCongestionSchema);
    expect(env.safeParse({ v: CONTRACT_VERSION, epoch: 'e1', topic: 'traffic.congestion', seq: 3, time: START, data: congestion }).success).toBe(true);
    const snap = topicSnapshotSchema('traffic.roads', TrafficRoadsSchema);
    expect(snap.safeParse({ contractVersion: CONTRACT_VERSION, epoch: 'e1', topic: 'traffic.roads', simulated: true, seq: 1, time: START, data: roads }).success).toBe(true);
  });
});

describe('TrafficVehiclesSchema', () => {
  it('decodes the frame as it arrives in a browser (ArrayBuffer) into typed columns', () => {
    const asBrowser = {
      count: vehicles.count,
      positions: vehicles.positions.slice().buffer,
      speeds: vehicles.speeds.slice().buffer,
    };
    const parsed = TrafficVehiclesSchema.parse(asBrowser);
    expect(parsed.positions).toBeInstanceOf(Float32Array);
    expect(parsed.positions.length).toBe(vehicles.count * 2);
    expect(parsed.speeds).toBeInstanceOf(Uint8Array);
    const direct = new Float32Array(vehicles.positions.buffer, vehicles.positions.byteOffset, vehicles.count * 2);
    expect(Array.from(parsed.positions.subarray(0, 20))).toEqual(Array.from(direct.subarray(0, 20)));
    // Chongqing's main urban area
    for (let i = 0; i < parsed.count; i++) {
      expect(parsed.positions[2 * i]).toBeGreaterThan(106.1);
      expect(parsed.positions[2 * i]).toBeLessThan(107.2);
      expect(parsed.positions[2 * i + 1]).toBeGreaterThan(28.9);
      expect(parsed.positions[2 * i + 1]).toBeLessThan(30.3);
    }
  });

  it('decodes from an unaligned view (a Node Buffer slice) without sharing memory', () => {
    const bytes = new Uint8Array(8 * 2 + 1);
    new Float32Array(bytes.buffer, 0, 4).set([106.5, 29.5, 106.6, 29.6]);
    const unaligned = new Uint8Array(bytes.length + 1);
    unaligned.set(bytes.subarray(0, 16), 1);
    const parsed = TrafficVehiclesSchema.parse({ count: 2, positions: unaligned.subarray(1, 17), speeds: new Uint8Array([30, 0]) });
    expect(Array.from(parsed.positions)).toEqual([106.5, 29.5, 106.6, 29.6].map(Math.fround));
    expect(parsed.positions.buffer).not.toBe(unaligned.buffer);
  });

  it('rejects frames whose columns do not match the count, or are not binary, or are too big', () => {
    const bad = [
      { ...vehicles, count: vehicles.count + 1 },
      { ...vehicles, speeds: vehicles.speeds.subarray(1) },
      { ...vehicles, positions: vehicles.positions.subarray(0, vehicles.positions.length - 4) },
      { ...vehicles, positions: Array.from(vehicles.positions) },
      { ...vehicles, positions: 'AAAA' },
      { ...vehicles, count: -1 },
      { ...vehicles, count: 1.5 },
      { count: TRAFFIC_LIMITS.maxVehicles + 1, positions: new Uint8Array((TRAFFIC_LIMITS.maxVehicles + 1) * 8), speeds: new Uint8Array(TRAFFIC_LIMITS.maxVehicles + 1) },
      { positions: vehicles.positions, speeds: vehicles.speeds },
    ];
    for (const v of bad) expect(TrafficVehiclesSchema.safeParse(v).success, JSON.stringify(Object.keys(v))).toBe(false);
  });

  it('rejects any frame whose count and byte lengths disagree', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (count, pairs, speeds) => {
        fc.pre(pairs !== count || speeds !== count);
        const frame = { count, positions: new Uint8Array(pairs * 8), speeds: new Uint8Array(speeds) };
        expect(TrafficVehiclesSchema.safeParse(frame).success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('TrafficCongestionSchema', () => {
  it('rejects out-of-range indices and speeds, unequal columns, oversized lists', () => {
    const mutations: ((c: TrafficCongestion) => void)[] = [
      (c) => (c.index[0] = 10.5),
      (c) => (c.index[0] = -0.1),
      (c) => (c.index[0] = Number.NaN),
      (c) => (c.speedKmh[0] = -1),
      (c) => c.speedKmh.pop(),
      (c) => (c.city.index = 11),
      (c) => (c.city.vehiclesOnline = -1),
      (c) => (c.city.vehiclesMoving = 0.5),
      (c) => (c.districts[0].code = '5001'),
      (c) => (c.top = Array.from({ length: TRAFFIC_LIMITS.maxTop + 1 }, () => c.top[0] ?? c.bridges[0])),
      (c) => (c.history = Array.from({ length: TRAFFIC_LIMITS.maxHistory + 1 }, (_, i) => [START + i, 1] as [number, number])),
      (c) => (c.history[0] = [START, 12]),
      (c) => (c.index = new Array(TRAFFIC_LIMITS.maxRoads + 1).fill(1)),
      (c) => (c.top[0].name = ''),
      (c) => (c.top[0].name = 'x'.repeat(25)),
      (c) => (c.top[0].roadId = 'Bad Id'),
      (c) => (c.incidents = [{ ...c.incidents[0], id: 'i-1', kind: 'fire' as never, roadId: 'loc-1', roadName: '路', position: [106.5, 29.5], since: START }]),
      (c) => ((c as unknown as Record<string, unknown>).city = undefined),
    ];
    mutations.forEach((mutate, i) => {
      const c = clone(congestion);
      mutate(c);
      expect(TrafficCongestionSchema.safeParse(c).success, `mutation ${i}`).toBe(false);
    });
  });

  it('rejects any index outside 0–10 wherever it is', () => {
    fc.assert(
      fc.property(
        fc.nat(congestion.index.length - 1),
        fc.oneof(fc.double({ min: 10.0001, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: -0.0001, noNaN: true })),
        (i, value) => {
          const c = clone(congestion);
          c.index[i] = value;
          expect(TrafficCongestionSchema.safeParse(c).success).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('TrafficRoadsSchema', () => {
  it('rejects duplicate ids, bad classes, short or long paths, coordinates off the globe, too many roads', () => {
    const mutations: ((r: TrafficRoads) => void)[] = [
      (r) => (r.roads[1].id = r.roads[0].id),
      (r) => ((r.roads[0] as { class: string }).class = 'motorway'),
      (r) => (r.roads[0].path = [r.roads[0].path[0]]),
      (r) => (r.roads[0].path = Array.from({ length: TRAFFIC_LIMITS.maxPathPoints + 1 }, () => [106.5, 29.5])),
      (r) => (r.roads[0].path[0] = [206.5, 29.5]),
      (r) => (r.roads[0].lengthM = 0),
      (r) => (r.roads[0].district = 'yuzhong'),
      (r) => (r.roads = Array.from({ length: TRAFFIC_LIMITS.maxRoads + 1 }, (_, i) => ({ ...r.roads[0], id: `r-${i}` }))),
      (r) => (r.version = -1),
    ];
    mutations.forEach((mutate, i) => {
      const r = clone(roads);
      mutate(r);
      expect(TrafficRoadsSchema.safeParse(r).success, `mutation ${i}`).toBe(false);
    });
  });

  it('rejects arbitrary junk in place of a road', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = clone(roads);
        (r.roads as unknown[])[0] = junk;
        expect(TrafficRoadsSchema.safeParse(r).success).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('congestionLevel', () => {
  it('maps 0–10 onto the five levels in order, bands of 2', () => {
    expect(congestionLevel(0).name).toBe('畅通');
    expect(congestionLevel(1.99).name).toBe('畅通');
    expect(congestionLevel(2).name).toBe('基本畅通');
    expect(congestionLevel(4.5).name).toBe('轻度拥堵');
    expect(congestionLevel(6).name).toBe('中度拥堵');
    expect(congestionLevel(8).name).toBe('严重拥堵');
    expect(congestionLevel(10).name).toBe('严重拥堵');
    expect(CONGESTION_LEVELS.map((l) => l.color)).toEqual(['#3ddc84', '#a6e05a', '#ffd166', '#ff9f43', '#ff4d5e']);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(CONGESTION_LEVELS.indexOf(congestionLevel(lo))).toBeLessThanOrEqual(CONGESTION_LEVELS.indexOf(congestionLevel(hi)));
      }),
    );
  });
});
