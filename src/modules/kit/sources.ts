/**
 * Which hub topics the generic layer kinds can read, and how: each topic with geometry gives rows
 * of a few shapes (points, paths, arcs) that every kit layer understands. A kind accepts exactly
 * the topics whose source has the shape it needs, so a scene file can only pair a kind with data
 * it can draw. Extractors are pure and run once per topic value (through the layer's memo).
 */
import type { DistrictsResponse } from '../../hub/contract.ts';
import type { Board, CityEvent } from '../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../../hub/topics/events.ts';
import type { AirStations } from '../../hub/topics/environment.ts';
import type { GovServices } from '../../hub/topics/gov.ts';
import { HEALTH_TOPICS, type HealthCheckpoints, type HealthDistricts } from '../../hub/topics/health.ts';
import { OVERVIEW_TOPIC, type Overview } from '../../hub/topics/overview.ts';
import { POVERTY_TOPICS, type PovertyDistricts, type PovertyPairs, type PovertyVillages } from '../../hub/topics/poverty.ts';
import type { RoadClass, TrafficCongestion, TrafficRoads, TrafficVehicles } from '../../hub/topics/traffic.ts';
import type { WeatherStations, WeatherWarnings } from '../../hub/topics/weather.ts';

export type LonLat = readonly [number, number];

export interface PointRow {
  position: LonLat;
  weight: number;
  label: string;
}

export interface PathRow {
  path: readonly LonLat[];
  weight: number;
  label: string;
}

export interface ArcRow {
  from: LonLat;
  to: LonLat;
  weight: number;
  label: string;
}

/**
 * A fleet as columns (vehicle i is the same vehicle in every frame): handed to deck.gl as binary
 * attributes, never as one object per vehicle.
 */
export interface PointColumns {
  length: number;
  /** [lon, lat] pairs. */
  positions: Float32Array;
  weights: ArrayLike<number>;
}

/** Points of a topic: rows (pickable, with labels) or, for high-rate fleets, columns. */
export type Points = readonly PointRow[] | PointColumns;

export const isColumns = <R,>(p: readonly R[] | PointColumns): p is PointColumns => !Array.isArray(p);

/** What a row's weight is, for legends and tooltips. */
export interface WeightInfo {
  name: string;
  nameEn: string;
  unit: string;
}

type Extract<R> = (data: never, districts: DistrictsResponse | null) => R;

export interface Extractor<R> {
  weight: WeightInfo;
  extract: Extract<R>;
  /** Needs the district centres (a per-district topic): not ready without them. */
  districts?: boolean;
}

export interface TopicSource {
  title: string;
  titleEn: string;
  points?: Extractor<Points>;
  paths?: Extractor<readonly PathRow[]>;
  arcs?: Extractor<readonly ArcRow[]>;
  /** The points are moving entities that keep their index from value to value: trails can follow them. */
  tracks?: boolean;
}

export type Shape = 'points' | 'paths' | 'arcs';

const NO_POINTS: readonly PointRow[] = [];

/** District code → centre and name; districts the geometry lacks are skipped by the callers. */
function centres(districts: DistrictsResponse | null): Map<string, { center: LonLat; name: string }> {
  return new Map((districts?.features ?? []).map((f) => [f.properties.code, { center: f.properties.center, name: f.properties.name }]));
}

/** One point per district the geometry knows, at its centre. */
function atCentres<T extends { code: string }>(items: readonly T[], districts: DistrictsResponse | null, weight: (x: T) => number): PointRow[] {
  const byCode = centres(districts);
  const rows: PointRow[] = [];
  for (const x of items) {
    const c = byCode.get(x.code);
    if (c) rows.push({ position: c.center, weight: weight(x), label: c.name });
  }
  return rows;
}

const INCIDENT_NAMES: Record<string, string> = { accident: '事故', breakdown: '故障', works: '施工' };
/** Faster roads weigh more: a width or colour by weight reads as the road hierarchy. */
const ROAD_CLASS_WEIGHT: Record<RoadClass, number> = { expressway: 3, arterial: 2, local: 1 };
const LEVEL_WEIGHT = { blue: 1, yellow: 2, orange: 3, red: 4 } as const;
const OPEN: ReadonlySet<CityEvent['status']> = new Set(['reported', 'accepted', 'dispatched', 'in-progress', 'handled', 'verified']);

/** Every topic with geometry, by name. */
export const SOURCES: Readonly<Record<string, TopicSource>> = {
  [HEALTH_TOPICS.checkpoints]: {
    title: '扫码点位',
    titleEn: 'Scan checkpoints',
    points: {
      weight: { name: '扫码量', nameEn: 'Scans in the last hour', unit: '次/时' },
      extract: (v: HealthCheckpoints) => v.checkpoints.map((c) => ({ position: c.position, weight: c.scansLastHour, label: c.name })),
    },
  },
  [HEALTH_TOPICS.districts]: {
    title: '区县健康码',
    titleEn: 'Health codes by district',
    points: {
      weight: { name: '黄码红码', nameEn: 'People with a yellow or red code', unit: '人' },
      extract: (v: HealthDistricts, d) => atCentres(v.districts, d, (x) => x.yellow + x.red),
      districts: true,
    },
  },
  'traffic.vehicles': {
    title: '浮动车',
    titleEn: 'Floating cars',
    tracks: true,
    points: {
      weight: { name: '车速', nameEn: 'Speed', unit: 'km/h' },
      extract: (v: TrafficVehicles): PointColumns => ({ length: v.count, positions: v.positions, weights: v.speeds }),
    },
  },
  'traffic.congestion': {
    title: '交通事件',
    titleEn: 'Traffic incidents',
    points: {
      weight: { name: '事件', nameEn: 'Incidents', unit: '起' },
      extract: (v: TrafficCongestion) => v.incidents.map((x) => ({ position: x.position, weight: 1, label: `${x.roadName} ${INCIDENT_NAMES[x.kind] ?? ''}`.trim() })),
    },
  },
  'traffic.roads': {
    title: '路网',
    titleEn: 'Road network',
    paths: {
      weight: { name: '道路等级', nameEn: 'Road class: 3 expressway, 2 arterial, 1 local', unit: '' },
      extract: (v: TrafficRoads) => v.roads.map((r) => ({ path: r.path, weight: ROAD_CLASS_WEIGHT[r.class] ?? 1, label: r.name })),
    },
  },
  'environment.stations': {
    title: '空气质量站',
    titleEn: 'Air-quality stations',
    points: {
      weight: { name: 'AQI', nameEn: 'Air quality index', unit: '' },
      extract: (v: AirStations) => v.stations.map((s) => ({ position: s.position, weight: s.aqi, label: s.name })),
    },
  },
  'weather.stations': {
    title: '气象站',
    titleEn: 'Weather stations',
    points: {
      weight: { name: '1小时雨量', nameEn: 'Rain in the last hour', unit: 'mm' },
      extract: (v: WeatherStations) => v.stations.map((s) => ({ position: s.position, weight: s.rain1hMm, label: s.name })),
    },
  },
  'weather.warnings': {
    title: '区县雨量',
    titleEn: 'Rain by district',
    points: {
      weight: { name: '1小时雨量', nameEn: 'Rain in the last hour, wettest cell', unit: 'mm' },
      extract: (v: WeatherWarnings, d) => atCentres(v.districts, d, (x) => x.rain1hMm),
      districts: true,
    },
  },
  'gov.services': {
    title: '政务大厅',
    titleEn: 'Service halls',
    points: {
      weight: { name: '排队人数', nameEn: 'People waiting', unit: '人' },
      extract: (v: GovServices) => v.halls.map((h) => ({ position: h.position, weight: h.queue, label: h.name })),
    },
  },
  [POVERTY_TOPICS.districts]: {
    title: '区县脱贫户',
    titleEn: 'Households lifted by district',
    points: {
      weight: { name: '脱贫户', nameEn: 'Households lifted', unit: '户' },
      extract: (v: PovertyDistricts, d) => atCentres(v.districts, d, (x) => x.households),
      districts: true,
    },
  },
  [POVERTY_TOPICS.villages]: {
    title: '脱贫村',
    titleEn: 'Villages lifted',
    points: {
      weight: { name: '脱贫户', nameEn: 'Households lifted', unit: '户' },
      extract: (v: PovertyVillages) => v.villages.map((x) => ({ position: x.position, weight: x.households, label: x.name })),
    },
  },
  [POVERTY_TOPICS.pairs]: {
    title: '结对帮扶',
    titleEn: 'Paired assistance',
    arcs: {
      weight: { name: '帮扶资金', nameEn: 'Funds', unit: '万元' },
      extract: (v: PovertyPairs, d) => {
        const byCode = centres(d);
        const rows: ArcRow[] = [];
        for (const p of v.pairs) {
          const a = byCode.get(p.from);
          const b = byCode.get(p.to);
          if (a && b) rows.push({ from: a.center, to: b.center, weight: p.fundsWan, label: `${a.name} → ${b.name}` });
        }
        return rows;
      },
      districts: true,
    },
  },
  [EVENTS_BOARD_TOPIC]: {
    title: '城市事件',
    titleEn: 'Open city events',
    points: {
      weight: { name: '事件等级', nameEn: 'Level: 1 blue … 4 red', unit: '' },
      extract: (v: Board) => {
        const open = v.events.filter((e) => OPEN.has(e.status));
        return open.length ? open.map((e) => ({ position: e.position, weight: LEVEL_WEIGHT[e.level] ?? 1, label: e.title })) : NO_POINTS;
      },
    },
  },
  [OVERVIEW_TOPIC]: {
    title: '区县概览',
    titleEn: 'Districts at a glance',
    points: {
      weight: { name: '在办事件', nameEn: 'Open events', unit: '件' },
      extract: (v: Overview, d) => atCentres(v.districts, d, (x) => x.openEvents),
      districts: true,
    },
  },
};

/** Topics whose source has the shape, sorted: a kind's acceptsTopics. */
export function topicsWith(shape: Shape, test: (s: TopicSource) => boolean = () => true): string[] {
  return Object.keys(SOURCES)
    .filter((t) => SOURCES[t][shape] !== undefined && test(SOURCES[t]))
    .sort();
}

/**
 * A kind's acceptsTopics: the topics of its shape other than its own default (the scene checks
 * the default and these together; see LayerKind.acceptsTopics).
 */
export const otherTopics = (topics: readonly string[], own: string): string[] => topics.filter((t) => t !== own);

/** Point topics with a name for each point (rows, not a fleet's columns). */
export const labelledPointTopics = () => topicsWith('points', (s) => !s.tracks);
/** Point topics whose entities move and keep their index: what trails can follow. */
export const trackTopics = () => topicsWith('points', (s) => s.tracks === true);

/*
 * The extractors as the layers call them, through ctx.memo: module-level so their identity is the
 * memo key; the topic name is an argument so one slot serves whichever topic the layer reads.
 */

export function extractPoints(topic: string, data: unknown, districts: DistrictsResponse | null): Points {
  return SOURCES[topic]?.points?.extract(data as never, districts) ?? NO_POINTS;
}

export function extractPaths(topic: string, data: unknown, districts: DistrictsResponse | null): readonly PathRow[] {
  return SOURCES[topic]?.paths?.extract(data as never, districts) ?? [];
}

export function extractArcs(topic: string, data: unknown, districts: DistrictsResponse | null): readonly ArcRow[] {
  return SOURCES[topic]?.arcs?.extract(data as never, districts) ?? [];
}
