import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../hub/contract.ts';
import type { Board } from '../../hub/events/schemas.ts';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { SIM_MODULES } from '../../../mock-server/sim/index.ts';
import { overviewSimModule } from '../../../mock-server/sim/overview-sim.ts';
import {
  SOURCES,
  extractArcs,
  extractPaths,
  extractPoints,
  isColumns,
  labelledPointTopics,
  topicsWith,
  trackTopics,
  type PointRow,
} from './sources.ts';
import { CHECKPOINTS, DISTRICTS, PAIRS, POVERTY_DISTRICTS, ROADS, T0, cityEvent, vehicles } from './test-fixtures.ts';

const rows = (topic: string, data: unknown, districts = DISTRICTS) => extractPoints(topic, data, districts) as readonly PointRow[];

describe('the source table', () => {
  it('names only topics the hub serves, each with at least one shape and a weight for it', () => {
    for (const [topic, source] of Object.entries(SOURCES)) {
      expect(TOPICS.has(topic), topic).toBe(true);
      const shapes = (['points', 'paths', 'arcs'] as const).filter((s) => source[s]);
      expect(shapes.length, topic).toBeGreaterThan(0);
      for (const s of shapes) expect(source[s]!.weight.nameEn, `${topic}.${s}`).toMatch(/\S/);
      expect(source.title).toMatch(/\S/);
    }
  });

  it('sorts topics by shape: a kind accepts exactly those with the shape it needs', () => {
    expect(topicsWith('paths')).toEqual(['traffic.roads']);
    expect(topicsWith('arcs')).toEqual(['poverty.pairs']);
    expect(topicsWith('points')).toContain('traffic.vehicles');
    expect(topicsWith('points')).toContain('health.checkpoints');
    expect(topicsWith('points')).not.toContain('traffic.roads');
    expect(trackTopics()).toEqual(['traffic.vehicles']);
    // A fleet's columns carry no names: text cannot read them.
    expect(labelledPointTopics()).not.toContain('traffic.vehicles');
    expect(labelledPointTopics().length).toBe(topicsWith('points').length - 1);
  });
});

describe('extractors on hand-made values', () => {
  it('checkpoints: one row each, weighted by scans, named', () => {
    const r = rows('health.checkpoints', CHECKPOINTS);
    expect(r).toEqual([
      { position: [106.57, 29.56], weight: 12_000, label: 'cp-a 医院' },
      { position: [106.6, 29.6], weight: 0, label: 'cp-b 医院' },
      { position: [106.5, 29.5], weight: 3000, label: 'cp-c 医院' },
    ]);
    expect(rows('health.checkpoints', { time: T0, checkpoints: [] })).toEqual([]);
  });

  it('the vehicle fleet stays columns: the decoded arrays themselves, no object per vehicle', () => {
    const v = vehicles(10_000);
    const p = extractPoints('traffic.vehicles', v, null);
    expect(isColumns(p)).toBe(true);
    if (!isColumns(p)) return;
    expect(p.length).toBe(10_000);
    expect(p.positions).toBe(v.positions);
    expect(p.weights).toBe(v.speeds);
    const empty = extractPoints('traffic.vehicles', vehicles(0), null);
    expect(empty.length).toBe(0);
  });

  it('per-district topics stand on the district centres; districts without geometry are left out', () => {
    const r = rows('poverty.districts', POVERTY_DISTRICTS);
    expect(r.map((x) => x.label)).toEqual(['渝中区', '渝北区', '石柱土家族自治县']);
    expect(r.map((x) => x.weight)).toEqual([0, 2000, 30_000]);
    expect(r[2].position).toEqual([108.11, 30.0]);
    expect(extractPoints('poverty.districts', POVERTY_DISTRICTS, null)).toEqual([]);
  });

  it('roads are paths, weighted by class', () => {
    const p = extractPaths('traffic.roads', ROADS, null);
    expect(p.map((x) => [x.label, x.weight, x.path.length])).toEqual([
      ['内环快速', 3, 3],
      ['解放路', 1, 2],
    ]);
    expect(extractPaths('traffic.roads', { version: 2, roads: [] }, null)).toEqual([]);
  });

  it('pairs are arcs between district centres; a pair with an unknown district is left out', () => {
    const a = extractArcs('poverty.pairs', PAIRS, DISTRICTS);
    expect(a).toEqual([
      { from: [106.57, 29.55], to: [108.11, 30.0], weight: 8000, label: '渝中区 → 石柱土家族自治县' },
      { from: [106.63, 29.72], to: [108.11, 30.0], weight: 2000, label: '渝北区 → 石柱土家族自治县' },
    ]);
    expect(extractArcs('poverty.pairs', PAIRS, null)).toEqual([]);
  });

  it('the events board gives its open events, weighted by level', () => {
    const board: Board = {
      events: [cityEvent(1, 'reported', 'red'), cityEvent(2, 'closed'), cityEvent(3, 'in-progress', 'blue'), cityEvent(4, 'refused')],
      alerts: [],
      removed: [],
    };
    const r = rows('events.board', board);
    expect(r.map((x) => [x.label, x.weight])).toEqual([
      ['路面坑洼 1', 4],
      ['路面坑洼 3', 1],
    ]);
    expect(rows('events.board', { events: [], alerts: [], removed: [] })).toEqual([]);
  });

  it('a topic without the shape gives nothing rather than throwing', () => {
    expect(extractPoints('traffic.roads', ROADS, null)).toEqual([]);
    expect(extractPaths('health.checkpoints', CHECKPOINTS, null)).toEqual([]);
    expect(extractArcs('no.such-topic', {}, null)).toEqual([]);
  });
});

describe('extractors on what the simulated hub publishes', () => {
  // Values as a wall holds them: the hub's output parsed with the topic's own schema.
  const districts = loadDistricts();
  const ctx = { seed: 7, districts, districtProps: districts.features.map((f) => f.properties), startTime: Date.UTC(2024, 4, 20, 2, 0, 0), env: { HUB_TRAFFIC_VEHICLES: '2000' } };
  const values = new Map<string, unknown>();
  for (const mod of [...SIM_MODULES, overviewSimModule(1000)]) {
    for (const [topic, data] of mod.create(ctx).step(ctx.startTime)) {
      const parsed = TOPICS.get(topic)!.schema.safeParse(data);
      if (parsed.success) values.set(topic, parsed.data);
    }
  }
  const inChongqing = ([lon, lat]: readonly number[]) => lon > 105 && lon < 110.5 && lat > 28 && lat < 32.5;

  it.each(Object.keys(SOURCES).filter((t) => t !== 'events.board'))('%s: rows with finite places in Chongqing', (topic) => {
    const data = values.get(topic);
    expect(data, `the simulator publishes ${topic}`).toBeDefined();
    const source = SOURCES[topic];
    if (source.points) {
      const p = extractPoints(topic, data, districts);
      expect(p.length).toBeGreaterThan(0);
      if (isColumns(p)) {
        for (let i = 0; i < p.length; i++) expect(inChongqing([p.positions[2 * i], p.positions[2 * i + 1]])).toBe(true);
      } else {
        for (const r of p) {
          expect(inChongqing(r.position), `${topic} ${r.label}`).toBe(true);
          expect(Number.isFinite(r.weight)).toBe(true);
          expect(typeof r.label).toBe('string');
        }
      }
    }
    if (source.paths) {
      const p = extractPaths(topic, data, districts);
      expect(p.length).toBeGreaterThan(0);
      for (const r of p) expect(r.path.every(inChongqing)).toBe(true);
    }
    if (source.arcs) {
      const a = extractArcs(topic, data, districts);
      expect(a.length).toBeGreaterThan(0);
      for (const r of a) expect(inChongqing(r.from) && inChongqing(r.to)).toBe(true);
    }
  });
});
