/** Small, hand-made topic values and a context maker for the kit module's unit tests. */
import { CONTRACT_VERSION, type DistrictFeature, type DistrictsResponse } from '../../hub/contract.ts';
import type { CityEvent } from '../../hub/events/schemas.ts';
import type { Checkpoint, HealthCheckpoints } from '../../hub/topics/health.ts';
import type { PovertyDistrict, PovertyDistricts, PovertyPairs } from '../../hub/topics/poverty.ts';
import type { TrafficRoads, TrafficVehicles } from '../../hub/topics/traffic.ts';
import type { TopicValue } from '../../store/topic-store.ts';
import { createLayerMemo, type LayerContext, type LayerKind, type LayerMemo } from '../../core/module-api.ts';

export const T0 = Date.UTC(2026, 4, 20, 6, 20, 0); // 14:20 in Chongqing

function square(code: string, name: string, center: [number, number]): DistrictFeature {
  const [x, y] = center;
  const ring: [number, number][] = [[x - 0.05, y - 0.05], [x + 0.05, y - 0.05], [x + 0.05, y + 0.05], [x - 0.05, y + 0.05], [x - 0.05, y - 0.05]];
  return { type: 'Feature', properties: { code, name, nameEn: name, center, areaKm2: 100 }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export const DISTRICTS: DistrictsResponse = {
  contractVersion: CONTRACT_VERSION,
  datum: 'WGS84',
  type: 'FeatureCollection',
  features: [square('500103', '渝中区', [106.57, 29.55]), square('500112', '渝北区', [106.63, 29.72]), square('500240', '石柱土家族自治县', [108.11, 30.0])],
};

export function checkpoint(id: string, scans: number, position: [number, number] = [106.57, 29.56]): Checkpoint {
  return { id, name: `${id} 医院`, kind: 'hospital', districtCode: '500103', position, scansLastHour: scans, nonGreenShare: 0.01 };
}

export const CHECKPOINTS: HealthCheckpoints = {
  time: T0,
  checkpoints: [checkpoint('cp-a', 12_000), checkpoint('cp-b', 0, [106.6, 29.6]), checkpoint('cp-c', 3000, [106.5, 29.5])],
};

/** A fleet frame: vehicle i at a place that moves with `step`, as the decoded columns. */
export function vehicles(count: number, step = 0): TrafficVehicles {
  const positions = new Float32Array(count * 2);
  const speeds = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    positions[2 * i] = 106.4 + (i % 100) * 0.003 + step * 1e-4;
    positions[2 * i + 1] = 29.4 + Math.floor(i / 100) * 0.003 + step * 5e-5;
    speeds[i] = (i * 7) % 90;
  }
  return { count, positions, speeds };
}

export const ROADS: TrafficRoads = {
  version: 1,
  roads: [
    { id: 'inner-ring', name: '内环快速', class: 'expressway', bridge: false, district: '500112', lengthM: 12_000, path: [[106.5, 29.6], [106.55, 29.62], [106.6, 29.6]] },
    { id: 'jiefang-rd', name: '解放路', class: 'local', bridge: false, district: '500103', lengthM: 900, path: [[106.57, 29.55], [106.58, 29.552]] },
  ],
};

function povertyDistrict(code: string, households: number): PovertyDistrict {
  return { code, keyCounty: code === '500240', households, people: households * 3, villages: 10, usesToday: 100 };
}

export const POVERTY_DISTRICTS: PovertyDistricts = {
  time: T0,
  // 500999 has no geometry: it is skipped, not drawn at 0,0.
  districts: [povertyDistrict('500103', 0), povertyDistrict('500112', 2000), povertyDistrict('500240', 30_000), povertyDistrict('500999', 10)],
  totals: { households: 32_010, people: 96_030, villages: 40, keyCounties: 1 },
  platform: { users: 270_000, usesTotal: 35_200_000, usesToday: 5000, dailyActive: 50_000 },
};

export const PAIRS: PovertyPairs = {
  time: T0,
  pairs: [
    { id: 'p1', from: '500103', to: '500240', fundsWan: 8000, projects: 40, since: 2017 },
    { id: 'p2', from: '500112', to: '500240', fundsWan: 2000, projects: 12, since: 2018 },
    { id: 'p3', from: '500999', to: '500240', fundsWan: 100, projects: 1, since: 2019 },
  ],
};

export function cityEvent(n: number, status: CityEvent['status'], level: CityEvent['level'] = 'yellow'): CityEvent {
  return {
    id: `EV-20260520-${String(n).padStart(5, '0')}`,
    category: 'roads',
    level,
    status,
    source: 'grid',
    title: `路面坑洼 ${n}`,
    description: '',
    district: '500103',
    position: [106.57 + n * 0.001, 29.55],
    reportedAt: T0 - 3_600_000,
    acceptBy: T0,
    overdue: false,
    escalated: false,
    updatedAt: T0,
    version: 1,
  };
}

export const topicValue = <T,>(data: T, seq = 1, time = T0): TopicValue<T> => ({ seq, time, data });

export interface ContextInput {
  /** Values by topic. */
  values: Record<string, TopicValue | undefined>;
  /** The scene's topic override; the kind's own topic without it. */
  topic?: string;
  style?: Record<string, unknown>;
  districts?: DistrictsResponse | null;
  memo?: LayerMemo;
  scale?: number;
  id?: string;
}

/** A layer context as the scene driver makes it: the style parsed with the kind's schema, defaults filled. */
export function contextFor(kind: LayerKind, input: ContextInput): LayerContext {
  const id = input.id ?? 'kit-layer';
  return {
    layer: { id, kind: kind.kind, topic: input.topic, visible: true, style: (input.style ?? {}) as never },
    style: kind.style.parse(input.style ?? {}) as Record<string, unknown>,
    memo: input.memo ?? createLayerMemo(),
    topic: input.topic ?? kind.topic,
    value: (topic) => input.values[topic] as never,
    districts: input.districts === undefined ? DISTRICTS : input.districts,
    overview: null,
    selectedDistrict: null,
    scale: input.scale ?? 1,
    now: T0,
    animate: false,
  };
}
