import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TrafficCongestion, TrafficRoads } from '../../../src/hub/topics/traffic.ts';
import { TRAFFIC_LIMITS } from '../../../src/hub/topics/traffic.ts';
import { hashSeed } from '../random.ts';
import type { SimContext } from '../sim-module.ts';
import { CongestionModel, travelDemand } from './congestion.ts';
import { buildRoadNetwork, urbanDensity, type RoadNetwork, type WaterFeature } from './network.ts';
import { URBAN_DISTRICTS } from './places.ts';
import { Fleet } from './vehicles.ts';

export const TRAFFIC_TOPICS = {
  roads: 'traffic.roads',
  congestion: 'traffic.congestion',
  vehicles: 'traffic.vehicles',
} as const;

export const DEFAULT_VEHICLES = 20_000;
export const CONGESTION_MS = 2000;
export const ROADS_MS = 600_000;
/** Vehicles on the urban network per unit of demand (about 600,000 at the evening peak). */
const ON_ROAD_PER_DEMAND = 520_000;

const GEO = (file: string) => fileURLToPath(new URL(`../../../public/geo/${file}`, import.meta.url));

/**
 * The water the wall's base map draws: surfaces, plus the Yangtze and the Jialing where only
 * their centre lines are drawn. Roads cross them only on bridges.
 */
export function loadWater(waterFile = GEO('chongqing-water.geojson'), riversFile = GEO('chongqing-rivers.geojson')): WaterFeature[] {
  type Raw = { features: { properties?: { name?: string; level?: number }; geometry: WaterFeature['geometry'] }[] };
  const water = JSON.parse(readFileSync(waterFile, 'utf8')) as Raw;
  const rivers = JSON.parse(readFileSync(riversFile, 'utf8')) as Raw;
  return [
    ...water.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
    ...rivers.features.filter(
      (f) => (f.properties?.name === '长江' || f.properties?.name === '嘉陵江') && (f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString'),
    ),
  ].map((f) => ({ name: f.properties?.name, geometry: f.geometry }));
}

/** HUB_TRAFFIC_VEHICLES, bounded by what the binary frame is designed for. */
export function vehicleCount(env: Record<string, string | undefined>): number {
  const n = Number(env.HUB_TRAFFIC_VEHICLES ?? DEFAULT_VEHICLES);
  return Number.isFinite(n) ? Math.max(0, Math.min(TRAFFIC_LIMITS.maxVehicles, Math.round(n))) : DEFAULT_VEHICLES;
}

// The network takes a few hundred milliseconds to build: tests make many simulators of one city.
const networks = new WeakMap<object, Map<number, RoadNetwork>>();
function networkFor(ctx: Pick<SimContext, 'districts' | 'seed'>, water: WaterFeature[]): RoadNetwork {
  let bySeed = networks.get(ctx.districts);
  if (!bySeed) networks.set(ctx.districts, (bySeed = new Map()));
  let net = bySeed.get(ctx.seed);
  if (!net) bySeed.set(ctx.seed, (net = buildRoadNetwork(ctx.districts.features, water, ctx.seed)));
  return net;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Smart traffic (智慧交通): the road network, congestion that follows the working day, and a
 * fleet of floating cars driving on it. Deterministic from the seed and the step times.
 */
export class TrafficSimulator {
  readonly network: RoadNetwork;
  readonly congestion: CongestionModel;
  readonly fleet: Fleet;
  readonly roadsPayload: TrafficRoads;
  private lastTime: number;
  private lastCongestion = -Infinity;
  private lastRoads = -Infinity;
  private latestValues = new Map<string, unknown>();

  constructor(ctx: Pick<SimContext, 'seed' | 'districts' | 'startTime' | 'env'>, water: WaterFeature[] = loadWater()) {
    this.network = networkFor(ctx, water);
    const { roads, graph, coreKm } = this.network;
    const version = hashSeed(roads.map((r) => `${r.id}:${r.lengthM}`).join('|'), ctx.seed) % 1_000_000_000;
    this.roadsPayload = { version, roads };
    this.congestion = new CongestionModel(roads, coreKm, ctx.seed, ctx.startTime);
    const attraction = new Float32Array(graph.nodeLon.length);
    for (let n = 0; n < attraction.length; n++) attraction[n] = urbanDensity(graph.nodeLon[n], graph.nodeLat[n]);
    this.fleet = new Fleet(graph, roads.map((r) => r.class), attraction, vehicleCount(ctx.env), ctx.seed);
    this.lastTime = ctx.startTime;
  }

  step(time: number): Array<[string, unknown]> {
    const dtS = Math.max(0, (time - this.lastTime) / 1000);
    this.lastTime = Math.max(this.lastTime, time);
    this.congestion.advance(this.lastTime);
    this.fleet.step(dtS, this.congestion.speedKmh, this.congestion.index);
    const frame = this.fleet.frame();
    const out: Array<[string, unknown]> = [];
    if (time - this.lastRoads >= ROADS_MS) {
      this.lastRoads = time;
      out.push([TRAFFIC_TOPICS.roads, this.roadsPayload]);
    }
    if (time - this.lastCongestion >= CONGESTION_MS - 100) {
      this.lastCongestion = time;
      out.push([TRAFFIC_TOPICS.congestion, this.congestionPayload(time, frame.count, frame.moving)]);
    }
    out.push([
      TRAFFIC_TOPICS.vehicles,
      {
        count: frame.count,
        // Binary columns: socket.io sends typed arrays as binary attachments, not JSON.
        positions: new Uint8Array(frame.positions.buffer),
        speeds: frame.speeds,
      },
    ]);
    for (const [topic, data] of out) this.latestValues.set(topic, data);
    return out;
  }

  latest(topic: string): unknown | undefined {
    return this.latestValues.get(topic);
  }

  private congestionPayload(time: number, online: number, moving: number): TrafficCongestion {
    const c = this.congestion;
    const net = c.network();
    return {
      roadsVersion: this.roadsPayload.version,
      index: Array.from(c.index, round1),
      speedKmh: Array.from(c.speedKmh, Math.round),
      city: {
        index: round1(c.cityIndex),
        speedKmh: round1(net.speedKmh),
        congestedKm: round1(net.congestedKm),
        vehiclesOnline: online,
        vehiclesMoving: moving,
        vehiclesOnRoadEst: Math.round(60_000 + ON_ROAD_PER_DEMAND * travelDemand(time)),
      },
      districts: c.byDistrict(URBAN_DISTRICTS),
      top: c.top(TRAFFIC_LIMITS.maxTop),
      bridges: this.network.roads
        .map((r, i) => (r.bridge ? i : -1))
        .filter((i) => i >= 0)
        .map((i) => c.ref(i))
        .sort((a, b) => b.index - a.index)
        .slice(0, TRAFFIC_LIMITS.maxBridges),
      incidents: c.activeIncidents(),
      history: c.historyPoints(),
    };
  }
}
