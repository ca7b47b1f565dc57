import { describe, expect, it } from 'vitest';
import { loadDistricts } from '../../geo.ts';
import {
  TrafficCongestionSchema,
  TrafficRoadsSchema,
  TrafficVehiclesSchema,
  type TrafficCongestion,
  type TrafficRoads,
} from '../../../src/hub/topics/traffic.ts';
import { describeIssue } from '../../../src/hub/contract.ts';
import { travelDemand, indexFromLoad, speedFromIndex } from './congestion.ts';
import { DEFAULT_VEHICLES, TrafficSimulator, TRAFFIC_TOPICS, vehicleCount } from './simulator.ts';
import { trafficSim } from '../traffic.ts';

const districts = loadDistricts();
const HOUR = 3_600_000;
/** Monday 2024-05-20 00:00 in Chongqing. */
const MONDAY = Date.UTC(2024, 4, 19, 16, 0, 0);
const at = (day: number, hour: number) => MONDAY + day * 24 * HOUR + hour * HOUR;

const make = (start: number, vehicles = 600, seed = 20180830) =>
  new TrafficSimulator({ seed, districts, startTime: start, env: { HUB_TRAFFIC_VEHICLES: String(vehicles) } });

type Frame = { count: number; positions: Uint8Array; speeds: Uint8Array };
const floats = (f: Frame) => new Float32Array(f.positions.buffer, f.positions.byteOffset, f.count * 2);

function run(sim: TrafficSimulator, from: number, steps: number, stepMs: number) {
  const out: Array<Array<[string, unknown]>> = [];
  for (let i = 0; i <= steps; i++) out.push(sim.step(from + i * stepMs));
  return out;
}

describe('TrafficSimulator', () => {
  it('is a SimModule stepped once a second', () => {
    expect(trafficSim.id).toBe('traffic');
    expect(trafficSim.tickMs).toBe(1000);
  });

  it('reads its fleet size from HUB_TRAFFIC_VEHICLES, bounded to what the frame is designed for', () => {
    expect(vehicleCount({})).toBe(DEFAULT_VEHICLES);
    expect(DEFAULT_VEHICLES).toBeGreaterThanOrEqual(20_000);
    expect(vehicleCount({ HUB_TRAFFIC_VEHICLES: '2000' })).toBe(2000);
    expect(vehicleCount({ HUB_TRAFFIC_VEHICLES: '1e9' })).toBe(100_000);
    expect(vehicleCount({ HUB_TRAFFIC_VEHICLES: '-5' })).toBe(0);
    expect(vehicleCount({ HUB_TRAFFIC_VEHICLES: 'lots' })).toBe(DEFAULT_VEHICLES);
  });

  it('first step: roads, congestion and a vehicle frame, all valid', () => {
    const sim = make(at(0, 8.5));
    const out = new Map(sim.step(at(0, 8.5)));
    expect([...out.keys()]).toEqual([TRAFFIC_TOPICS.roads, TRAFFIC_TOPICS.congestion, TRAFFIC_TOPICS.vehicles]);
    const roads = TrafficRoadsSchema.parse(out.get(TRAFFIC_TOPICS.roads));
    const congestion = TrafficCongestionSchema.parse(out.get(TRAFFIC_TOPICS.congestion));
    const vehicles = TrafficVehiclesSchema.parse(out.get(TRAFFIC_TOPICS.vehicles));
    expect(congestion.roadsVersion).toBe(roads.version);
    expect(congestion.index).toHaveLength(roads.roads.length);
    expect(vehicles.count).toBe(600);
    expect(congestion.city.vehiclesOnline).toBe(600);
    expect(sim.latest(TRAFFIC_TOPICS.roads)).toBe(out.get(TRAFFIC_TOPICS.roads));
    // The trend line is full from the start: 24 hours in 5-minute points.
    expect(congestion.history.length).toBeGreaterThanOrEqual(287);
    expect(congestion.history.at(-1)![0]).toBeLessThanOrEqual(at(0, 8.5));
    expect(congestion.history[0][0]).toBeGreaterThanOrEqual(at(0, 8.5) - 24 * HOUR - 5 * 60_000);
  });

  it('is deterministic: same seed and clock, same frames; another seed, another city', { timeout: 30_000 }, () => {
    const a = run(make(at(0, 17)), at(0, 17), 20, 1000);
    const b = run(make(at(0, 17)), at(0, 17), 20, 1000);
    expect(a).toEqual(b);
    const c = run(make(at(0, 17), 600, 99), at(0, 17), 3, 1000);
    expect(c.at(-1)!.find(([t]) => t === TRAFFIC_TOPICS.vehicles)).not.toEqual(a[3].find(([t]) => t === TRAFFIC_TOPICS.vehicles));
  });

  it('emits vehicles every step, congestion every 2 s, the network every 10 minutes', { timeout: 60_000 }, () => {
    const sim = make(at(0, 12));
    const counts = new Map<string, number>();
    for (const step of run(sim, at(0, 12), 1200, 1000)) for (const [t] of step) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(counts.get(TRAFFIC_TOPICS.vehicles)).toBe(1201);
    expect(counts.get(TRAFFIC_TOPICS.congestion)).toBe(601);
    expect(counts.get(TRAFFIC_TOPICS.roads)).toBe(3);
  });

  it('over 48 h in five-minute steps every value passes its schema and sizes stay bounded', { timeout: 120_000 }, () => {
    const sim = make(at(0, 0), 300);
    let maxIncidents = 0;
    let maxHistory = 0;
    for (let i = 0; i <= 48 * 12; i++) {
      for (const [topic, data] of sim.step(at(0, 0) + i * 5 * 60_000)) {
        const schema =
          topic === TRAFFIC_TOPICS.roads ? TrafficRoadsSchema : topic === TRAFFIC_TOPICS.congestion ? TrafficCongestionSchema : TrafficVehiclesSchema;
        const parsed = schema.safeParse(data);
        if (!parsed.success) throw new Error(`${topic} at step ${i}: ${describeIssue(parsed.error)}`);
        if (topic === TRAFFIC_TOPICS.congestion) {
          const c = data as TrafficCongestion;
          maxIncidents = Math.max(maxIncidents, c.incidents.length);
          maxHistory = Math.max(maxHistory, c.history.length);
          for (let k = 1; k < c.history.length; k++) expect(c.history[k][0]).toBeGreaterThan(c.history[k - 1][0]);
        }
      }
    }
    expect(maxIncidents).toBeGreaterThan(0);
    expect(maxIncidents).toBeLessThanOrEqual(20);
    expect(maxHistory).toBeLessThanOrEqual(288);
  });
});

describe('congestion through the week', () => {
  const sim = make(at(0, 0), 0);
  const cityAt = (day: number, hour: number) => {
    sim.congestion.advance(at(day, hour));
    return sim.congestion.cityIndex;
  };
  const series = (day: number) => Array.from({ length: 48 }, (_, k) => cityAt(day, k / 2));

  it('follows the weekday rush hours: 7:30–9:30 and 17:30–19:30 worst, nights free-flowing', () => {
    for (let day = 0; day < 5; day++) {
      const s = series(day);
      const night = Math.max(...s.slice(2, 10)); // 01:00–05:00
      const morning = Math.max(...s.slice(15, 20)); // 07:30–09:30
      const evening = Math.max(...s.slice(35, 40)); // 17:30–19:30
      const midday = s[26]; // 13:00
      expect(night).toBeLessThan(1);
      expect(morning).toBeGreaterThan(5);
      expect(evening).toBeGreaterThan(5);
      expect(midday).toBeGreaterThan(1.5);
      expect(midday).toBeLessThan(morning - 1.5);
      const worst = s.indexOf(Math.max(...s)) / 2;
      expect(worst === 8 || worst === 8.5 || worst === 9 || (worst >= 17.5 && worst <= 19.5), `peak at ${worst}`).toBe(true);
    }
  });

  it('weekends are flatter: no morning rush, a lower peak than on weekdays', () => {
    const weekday = Math.max(...series(4));
    const saturday = series(5);
    expect(Math.max(...saturday)).toBeLessThan(weekday);
    expect(saturday[17]).toBeLessThan(3); // 08:30 on Saturday
    expect(travelDemand(at(5, 8.5))).toBeLessThan(travelDemand(at(4, 8.5)) * 0.6);
  });

  it('is worse on bridges and in the core than on the network as a whole at the peak', () => {
    sim.congestion.advance(at(1, 18.5));
    const roads = sim.network.roads;
    const mean = (pick: (i: number) => boolean) => {
      let s = 0;
      let n = 0;
      roads.forEach((_, i) => pick(i) && ((s += sim.congestion.index[i]), n++));
      return s / n;
    };
    const all = mean(() => true);
    expect(mean((i) => roads[i].bridge)).toBeGreaterThan(all + 1);
    expect(mean((i) => sim.network.coreKm[i] < 5)).toBeGreaterThan(mean((i) => sim.network.coreKm[i] > 15));
    const c = sim.step(at(1, 18.5)).find(([t]) => t === TRAFFIC_TOPICS.congestion)![1] as TrafficCongestion;
    expect(c.top[0].index).toBeGreaterThanOrEqual(c.top.at(-1)!.index);
    expect(new Set(c.top.map((r) => r.name)).size).toBe(c.top.length);
    expect(c.bridges.every((b, k) => k === 0 || b.index <= c.bridges[k - 1].index)).toBe(true);
  });

  it('turns index into speed on the 0–10 scale: free flow at 0, crawling at 10', () => {
    expect(indexFromLoad(0)).toBeLessThan(0.4);
    expect(indexFromLoad(1)).toBeCloseTo(5, 5);
    expect(indexFromLoad(3)).toBeGreaterThan(9.9);
    expect(speedFromIndex('expressway', 0)).toBe(72);
    expect(speedFromIndex('local', 10)).toBeCloseTo(32 * 0.15, 5);
  });
});

describe('the fleet', () => {
  it('drives on the roads: every vehicle within 12 m of a road segment', () => {
    const sim = make(at(0, 9), 400);
    run(sim, at(0, 9), 30, 1000);
    const frame = sim.latest(TRAFFIC_TOPICS.vehicles) as Frame;
    const p = floats(frame);
    const roads = (sim.latest(TRAFFIC_TOPICS.roads) as TrafficRoads).roads;
    const kx = 96_900;
    const ky = 110_574;
    for (let i = 0; i < frame.count; i++) {
      let best = Infinity;
      for (const r of roads) {
        for (let k = 1; k < r.path.length; k++) {
          const [a, b] = [r.path[k - 1], r.path[k]];
          const [ax, ay, bx, by, px, py] = [a[0] * kx, a[1] * ky, b[0] * kx, b[1] * ky, p[2 * i] * kx, p[2 * i + 1] * ky];
          const dx = bx - ax;
          const dy = by - ay;
          const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
          best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
        }
      }
      expect(best, `vehicle ${i}`).toBeLessThan(12);
    }
  });

  it('moves at speeds that follow congestion: slower and more often stopped in the rush than at night', () => {
    const stats = (hour: number) => {
      const sim = make(at(1, hour), 2000);
      const frames = run(sim, at(1, hour), 60, 1000).map((s) => s.find(([t]) => t === TRAFFIC_TOPICS.vehicles)![1] as Frame);
      let sum = 0;
      let stopped = 0;
      let n = 0;
      for (const f of frames.slice(30)) for (const v of f.speeds) (sum += v), (stopped += v < 5 ? 1 : 0), n++;
      // Distance actually covered in the last 30 s agrees with the reported speeds.
      const a = floats(frames[30]);
      const b = floats(frames[60]);
      let moved = 0;
      for (let i = 0; i < 2000; i++) moved += Math.hypot((b[2 * i] - a[2 * i]) * 96_900, (b[2 * i + 1] - a[2 * i + 1]) * 110_574);
      return { mean: sum / n, stopped: stopped / n, movedM: moved / 2000 };
    };
    const night = stats(3);
    const rush = stats(18.5);
    expect(night.mean).toBeGreaterThan(rush.mean * 1.6);
    expect(rush.stopped).toBeGreaterThan(night.stopped);
    expect(night.mean).toBeGreaterThan(25);
    expect(night.mean).toBeLessThan(80);
    expect(rush.mean).toBeGreaterThan(5);
    // Straight-line displacement is at most the distance driven (turns cut it short).
    expect(night.movedM).toBeLessThan((night.mean / 3.6) * 30 * 1.05);
    expect(night.movedM).toBeGreaterThan((night.mean / 3.6) * 30 * 0.3);
  });

  it('stays where the city is: most vehicles within 12 km of the core', () => {
    const sim = make(at(0, 10), 3000);
    run(sim, at(0, 10), 120, 5000);
    const p = floats(sim.latest(TRAFFIC_TOPICS.vehicles) as Frame);
    let near = 0;
    for (let i = 0; i < 3000; i++) if (Math.hypot((p[2 * i] - 106.55) * 96.9, (p[2 * i + 1] - 29.57) * 110.6) < 12) near++;
    expect(near / 3000).toBeGreaterThan(0.5);
  });

  it('never reuses a frame buffer (the socket may still be sending the last one)', () => {
    const sim = make(at(0, 10), 100);
    const [a, b] = run(sim, at(0, 10), 1, 1000).map((s) => s.find(([t]) => t === TRAFFIC_TOPICS.vehicles)![1] as Frame);
    expect(a.positions.buffer).not.toBe(b.positions.buffer);
    expect(a.speeds.buffer).not.toBe(b.speeds.buffer);
  });
});
