import { describe, expect, it } from 'vitest';
import { loadDistricts, pointInGeometry } from '../../geo.ts';
import { TRAFFIC_LIMITS, TrafficRoadsSchema } from '../../../src/hub/topics/traffic.ts';
import { buildGraph, buildRoadNetwork, urbanDensity } from './network.ts';
import { BRIDGES, URBAN_DISTRICTS } from './places.ts';
import { loadWater } from './simulator.ts';

const districts = loadDistricts();
const water = loadWater();
const net = buildRoadNetwork(districts.features, water, 20180830);
const urban = districts.features.filter((f) => (URBAN_DISTRICTS as readonly string[]).includes(f.properties.code));
const bigRivers = water.filter((w) => w.name === '长江' || w.name === '嘉陵江');

const inUrban = (p: number[]) => urban.some((f) => pointInGeometry(p, f.geometry));
const inRiver = (p: number[]) => bigRivers.some((w) => pointInGeometry(p, w.geometry));

/** Points every ~40 m along a path. */
function samples(path: number[][], stepM = 40) {
  const out: number[][] = [];
  for (let k = 1; k < path.length; k++) {
    const [a, b] = [path[k - 1], path[k]];
    const m = Math.hypot((b[0] - a[0]) * 96_900, (b[1] - a[1]) * 110_574);
    const n = Math.max(1, Math.ceil(m / stepM));
    for (let i = 0; i <= n; i++) out.push([a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n]);
  }
  return out;
}

describe('buildRoadNetwork', { timeout: 30_000 }, () => {
  it('is deterministic from the seed; another seed gives another grid', () => {
    const again = buildRoadNetwork(districts.features, water, 20180830);
    expect(again.roads).toEqual(net.roads);
    const other = buildRoadNetwork(districts.features, water, 1);
    expect(other.roads.map((r) => r.path)).not.toEqual(net.roads.map((r) => r.path));
  });

  it('is a valid traffic.roads payload, bounded, with every class and plausible names', () => {
    expect(TrafficRoadsSchema.safeParse({ version: 1, roads: net.roads }).success).toBe(true);
    expect(net.roads.length).toBeGreaterThan(300);
    expect(net.roads.length).toBeLessThanOrEqual(TRAFFIC_LIMITS.maxRoads);
    const byClass = (c: string) => net.roads.filter((r) => r.class === c);
    expect(byClass('expressway').length).toBeGreaterThan(20);
    expect(byClass('arterial').length).toBeGreaterThan(30);
    expect(byClass('local').length).toBeGreaterThan(200);
    const names = new Set(net.roads.map((r) => r.name));
    for (const n of ['内环快速路', '二环高速', '渝澳大道', '渝州路']) expect(names.has(n), n).toBe(true);
    for (const r of net.roads) expect(r.name).toMatch(/^[\u4e00-\u9fa5\d]{2,12}$/);
    // Local streets are 「某某路」 and friends.
    for (const r of byClass('local')) expect(r.name).toMatch(/(路|街|大道)$/);
  });

  it('keeps to the nine urban districts and tags each road with the district of its midpoint', () => {
    let outside = 0;
    let total = 0;
    for (const r of net.roads) {
      for (const p of r.path) {
        total++;
        if (!inUrban(p)) outside++;
      }
      expect(URBAN_DISTRICTS).toContain(r.district);
    }
    // Vertices are rounded to 1 m and borders are sampled at 40 m: a few may sit just outside.
    expect(outside / total).toBeLessThan(0.01);
  });

  it('crosses the Yangtze and the Jialing only on bridges, a handful of them, with real names first', () => {
    const bridges = net.roads.filter((r) => r.bridge);
    expect(bridges.length).toBeGreaterThanOrEqual(4);
    expect(bridges.length).toBeLessThanOrEqual(22);
    for (const b of bridges) {
      expect(samples(b.path).some(inRiver), b.name).toBe(true);
      expect(b.lengthM).toBeLessThan(2600);
      expect(b.name).toMatch(/桥$/);
    }
    const real = new Set(BRIDGES.map((b) => b.name));
    expect(bridges.filter((b) => real.has(b.name)).length).toBeGreaterThanOrEqual(bridges.length / 2);
    expect(new Set(bridges.map((b) => b.name)).size).toBe(bridges.length);
    // No other road runs over the big rivers (a vertex rounded onto a bank may graze the edge).
    for (const r of net.roads.filter((x) => !x.bridge)) {
      const wet = samples(r.path, 60).filter(inRiver).length;
      expect(wet, r.name).toBeLessThanOrEqual(1);
    }
  });

  it('is one connected graph: every node reachable, edges in both directions', () => {
    const g = net.graph;
    const n = g.nodeLon.length;
    const seen = new Uint8Array(n);
    const stack = [0];
    seen[0] = 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
        const w = g.edgeTo[g.outEdges[k]];
        if (!seen[w]) (seen[w] = 1), stack.push(w);
      }
    }
    expect(seen.every((x) => x === 1)).toBe(true);
    for (let e = 0; e < g.edgeFrom.length; e++) {
      const r = g.edgeReverse[e];
      expect(g.edgeFrom[r]).toBe(g.edgeTo[e]);
      expect(g.edgeTo[r]).toBe(g.edgeFrom[e]);
      expect(g.edgeLenM[e]).toBeGreaterThan(0);
    }
    // Crossings are junctions: many nodes join three or more roads' ends.
    let junctions = 0;
    for (let v = 0; v < n; v++) if (g.outStart[v + 1] - g.outStart[v] >= 3) junctions++;
    expect(junctions).toBeGreaterThan(200);
  });

  it('is densest in the core: more road per km² near Jiefangbei than 20 km out', () => {
    const within = (lo: number, hi: number) =>
      net.roads.reduce((s, r, i) => s + (net.coreKm[i] >= lo && net.coreKm[i] < hi ? r.lengthM : 0), 0) / (Math.PI * (hi * hi - lo * lo));
    expect(within(0, 6)).toBeGreaterThan(3 * within(18, 30));
    expect(urbanDensity(106.577, 29.558)).toBeGreaterThan(0.9);
    expect(urbanDensity(106.95, 29.2)).toBeLessThan(0.1);
  });
});

describe('buildGraph', () => {
  it('shares nodes where paths meet and measures edges in metres', () => {
    const g = buildGraph([
      { id: 'a', name: '甲路', class: 'local', bridge: false, district: '500103', lengthM: 200, path: [[106.5, 29.5], [106.501, 29.5]] },
      { id: 'b', name: '乙路', class: 'local', bridge: false, district: '500103', lengthM: 200, path: [[106.501, 29.5], [106.501, 29.501], [106.501, 29.501]] },
    ]);
    expect(g.nodeLon.length).toBe(3);
    expect(g.edgeFrom.length).toBe(4); // the repeated vertex adds no edge
    expect(g.edgeLenM[0]).toBeCloseTo(96.9, 0);
    expect(g.edgeLenM[2]).toBeCloseTo(110.6, 0);
    expect(Array.from(g.edgeRoad)).toEqual([0, 0, 1, 1]);
    expect(g.outStart[3]).toBe(4);
  });
});
