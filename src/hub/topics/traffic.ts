/**
 * Topics of the traffic module (智慧交通): the road network, congestion per road and for the city,
 * and the floating-car fleet as binary columns. docs/topics/traffic.md documents every field.
 */
import { z } from 'zod';
import {
  BinarySchema,
  DistrictCodeSchema,
  LonLatSchema,
  count,
  defineTopic,
  epochMs,
  finite,
  text,
  toFloat32,
  type TopicSpec,
} from '../schema-kit.ts';

export const TRAFFIC_LIMITS = {
  maxRoads: 2000,
  maxPathPoints: 64,
  /** The binary frame is designed for this many vehicles (900 kB at 9 bytes a vehicle). */
  maxVehicles: 100_000,
  maxIncidents: 20,
  maxTop: 10,
  maxBridges: 32,
  maxHistory: 288,
} as const;

/** Road classes, fastest first. Free-flow speeds are the hub's; see docs/topics/traffic.md. */
export const ROAD_CLASSES = ['expressway', 'arterial', 'local'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** A congestion index on the 0–10 scale of Chinese traffic performance indices. */
const congestionIndex = () => finite().min(0).max(10);
const speedKmh = () => finite().min(0).max(150);
const roadId = () => z.string().regex(/^[a-z0-9-]{1,24}$/, 'a road id: lower-case letters, digits, dashes');

export const RoadSchema = z.object({
  id: roadId(),
  name: text(24),
  class: z.enum(ROAD_CLASSES),
  /** Crosses the Yangtze or the Jialing. */
  bridge: z.boolean(),
  /** District of the road's midpoint. */
  district: DistrictCodeSchema,
  lengthM: finite().positive().max(50_000),
  path: z.array(LonLatSchema).min(2).max(TRAFFIC_LIMITS.maxPathPoints),
});
export type Road = z.infer<typeof RoadSchema>;

export const TrafficRoadsSchema = z
  .object({
    /** Changes only when the network changes; congestion arrays name the version they follow. */
    version: count(),
    roads: z.array(RoadSchema).max(TRAFFIC_LIMITS.maxRoads),
  })
  .refine((r) => new Set(r.roads.map((x) => x.id)).size === r.roads.length, { message: 'road ids must be unique', path: ['roads'] });
export type TrafficRoads = z.infer<typeof TrafficRoadsSchema>;

export const RoadRefSchema = z.object({
  roadId: roadId(),
  name: text(24),
  district: DistrictCodeSchema,
  bridge: z.boolean(),
  index: congestionIndex(),
  speedKmh: speedKmh(),
});
export type RoadRef = z.infer<typeof RoadRefSchema>;

export const INCIDENT_KINDS = ['accident', 'breakdown', 'works'] as const;
export const IncidentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/),
  kind: z.enum(INCIDENT_KINDS),
  roadId: roadId(),
  roadName: text(24),
  position: LonLatSchema,
  since: epochMs(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const TrafficCongestionSchema = z
  .object({
    roadsVersion: count(),
    /** Congestion index per road, in the order of `traffic.roads` (0 free flow … 10 gridlock). */
    index: z.array(congestionIndex()).max(TRAFFIC_LIMITS.maxRoads),
    /** Mean speed per road, km/h, same order. */
    speedKmh: z.array(speedKmh()).max(TRAFFIC_LIMITS.maxRoads),
    city: z.object({
      /** 城市拥堵指数: length- and class-weighted mean of the road indices. */
      index: congestionIndex(),
      /** Network mean speed, km/h. */
      speedKmh: speedKmh(),
      /** Length of road at index ≥ 6 (moderate or worse), km. */
      congestedKm: finite().min(0).max(100_000),
      /** Floating cars reporting (the fleet in `traffic.vehicles`). */
      vehiclesOnline: count(),
      /** Of those, moving faster than 5 km/h. */
      vehiclesMoving: count(),
      /** Vehicles on the urban network, extrapolated from the floating cars. */
      vehiclesOnRoadEst: count(),
    }),
    districts: z
      .array(z.object({ code: DistrictCodeSchema, index: congestionIndex(), speedKmh: speedKmh() }))
      .max(16),
    /** The most congested roads, one entry per road name, worst first. */
    top: z.array(RoadRefSchema).max(TRAFFIC_LIMITS.maxTop),
    /** River crossings, worst first. */
    bridges: z.array(RoadRefSchema).max(TRAFFIC_LIMITS.maxBridges),
    incidents: z.array(IncidentSchema).max(TRAFFIC_LIMITS.maxIncidents),
    /** City index every 5 minutes over the last 24 hours, oldest first: [epoch ms, index]. */
    history: z.array(z.tuple([epochMs(), congestionIndex()])).max(TRAFFIC_LIMITS.maxHistory),
  })
  .refine((c) => c.index.length === c.speedKmh.length, { message: 'index and speedKmh must have the same length', path: ['speedKmh'] });
export type TrafficCongestion = z.infer<typeof TrafficCongestionSchema>;

/** Copies binary bytes into a fresh Uint8Array (the frame's buffer may be shared or unaligned). */
export function toUint8(bin: ArrayBuffer | ArrayBufferView): Uint8Array {
  const bytes = bin instanceof ArrayBuffer ? new Uint8Array(bin) : new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength);
  return bytes.slice();
}

const binaryOfAtMost = (bytes: number) =>
  BinarySchema.refine((b) => b.byteLength <= bytes, `at most ${bytes} bytes`);

/**
 * One frame of the floating-car fleet, as columns. Vehicle i is the same vehicle in every frame
 * (the wall interpolates between frames by index).
 */
export const TrafficVehiclesSchema = z
  .object({
    count: z.number().int().min(0).max(TRAFFIC_LIMITS.maxVehicles),
    /** float32 little-endian [lon, lat] pairs, WGS-84 degrees: 8 bytes a vehicle. */
    positions: binaryOfAtMost(TRAFFIC_LIMITS.maxVehicles * 8)
      .refine((b) => b.byteLength % 8 === 0, 'whole [lon, lat] float32 pairs')
      .transform(toFloat32),
    /** uint8 speed, km/h (0–255): 1 byte a vehicle. */
    speeds: binaryOfAtMost(TRAFFIC_LIMITS.maxVehicles).transform(toUint8),
  })
  .refine((v) => v.positions.length === v.count * 2, { message: 'positions must hold count [lon, lat] pairs', path: ['positions'] })
  .refine((v) => v.speeds.length === v.count, { message: 'speeds must hold count bytes', path: ['speeds'] });
export type TrafficVehicles = z.output<typeof TrafficVehiclesSchema>;

/** China's five traffic-index levels (GB/T 33171-style bands of 2 index points). */
export const CONGESTION_LEVELS = [
  { max: 2, name: '畅通', nameEn: 'Free flow', color: '#3ddc84' },
  { max: 4, name: '基本畅通', nameEn: 'Mostly free', color: '#a6e05a' },
  { max: 6, name: '轻度拥堵', nameEn: 'Light congestion', color: '#ffd166' },
  { max: 8, name: '中度拥堵', nameEn: 'Moderate congestion', color: '#ff9f43' },
  { max: 10, name: '严重拥堵', nameEn: 'Severe congestion', color: '#ff4d5e' },
] as const;

export function congestionLevel(index: number): (typeof CONGESTION_LEVELS)[number] {
  for (const level of CONGESTION_LEVELS) if (index < level.max) return level;
  return CONGESTION_LEVELS[CONGESTION_LEVELS.length - 1];
}

export const trafficTopics: TopicSpec[] = [
  defineTopic('traffic.roads', TrafficRoadsSchema, { intervalMs: 600_000 }),
  defineTopic('traffic.congestion', TrafficCongestionSchema, { intervalMs: 2000 }),
  // 9 bytes a vehicle plus the envelope: the bound follows the largest fleet the frame allows.
  defineTopic('traffic.vehicles', TrafficVehiclesSchema, { intervalMs: 1000, snapshot: false, codec: 'vehicle-frame', maxBytes: TRAFFIC_LIMITS.maxVehicles * 9 + 4096 }),
];
