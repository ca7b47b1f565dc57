import type { DistrictsResponse, DistrictProperties } from '../../src/hub/contract.ts';

export interface SimContext {
  seed: number;
  /** The real districts of Chongqing, geometry included (WGS-84). */
  districts: DistrictsResponse;
  districtProps: DistrictProperties[];
  startTime: number;
  /** The hub's environment: simulators read their sizes from it (e.g. HUB_TRAFFIC_VEHICLES). */
  env: Record<string, string | undefined>;
}

/** One scenario module's simulator: deterministic from the seed, stepped on a hub timer. */
export interface SimInstance {
  /** Advances to `time` and returns the topics that changed, with their new values. */
  step(time: number): Array<[topic: string, data: unknown]>;
  /** The latest value of a topic, for GET /api/v1/topics/<name>. */
  latest(topic: string): unknown | undefined;
  /** A topic's history ([time, value] buckets), for topics whose spec declares one. */
  history?(topic: string): Array<[number, number]> | undefined;
}

export interface SimModule {
  id: string;
  /** Interval of the hub timer that steps this module. */
  tickMs: number;
  create(ctx: SimContext): SimInstance;
}
