import { describe, expect, it } from 'vitest';
import type { Road, TrafficCongestion, TrafficRoads } from '../../../hub/topics/traffic.ts';
import { LEVEL_RGBA, NO_DATA_RGBA } from '../scales.ts';
import { createLayerMemo } from '../../../core/module-api.ts';
import { buildRoadLayers, deriveRoads, describeRoad, roadColors } from './roads.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const road = (id: string, cls: Road['class'], bridge = false, name = '红旗路'): Road => ({
  id,
  name,
  class: cls,
  bridge,
  district: '500103',
  lengthM: 2400,
  path: [[106.55, 29.55], [106.56, 29.555], [106.57, 29.56]],
});

const ROADS: TrafficRoads = {
  version: 7,
  roads: [road('loc-1', 'local'), road('art-1', 'arterial', false, '渝澳大道'), road('brg-1', 'arterial', true, '千厮门大桥'), road('exp-1', 'expressway', false, '内环快速路')],
};

function congestion(index: number[], version = 7): TrafficCongestion {
  return {
    roadsVersion: version,
    index,
    speedKmh: index.map((i) => Math.round(48 * (1 - 0.085 * i))),
    city: { index: 4, speedKmh: 30, congestedKm: 12, vehiclesOnline: 100, vehiclesMoving: 90, vehiclesOnRoadEst: 400_000 },
    districts: [],
    top: [],
    bridges: [],
    incidents: [],
    history: [],
  };
}

const props = (layer: { props: unknown }) => layer.props as Record<string, unknown> & { updateTriggers: Record<string, unknown> };

describe('roadColors', () => {
  it('colours each road by its level, in road order', () => {
    const c = roadColors(ROADS, congestion([0.5, 3, 7.2, 9.9]));
    expect(c).toEqual([LEVEL_RGBA[0], LEVEL_RGBA[1], LEVEL_RGBA[3], LEVEL_RGBA[4]]);
  });

  it('is memoised per congestion value, through the layer memo', () => {
    const value = congestion([1, 2, 3, 4]);
    expect(memo(roadColors, ROADS, value)).toBe(memo(roadColors, ROADS, value));
    const colors = memo(roadColors, ROADS, value);
    expect(memo(roadColors, ROADS, congestion([1, 2, 3, 4]))).not.toBe(colors);
    // Missing congestion: still one array while nothing changes.
    expect(memo(roadColors, ROADS, null)).toBe(memo(roadColors, ROADS, null));
  });

  it('falls back to a neutral colour while congestion follows another network version or is missing', () => {
    expect(roadColors(ROADS, congestion([1, 2, 3, 4], 8))).toEqual(ROADS.roads.map(() => NO_DATA_RGBA));
    expect(roadColors(ROADS, congestion([1, 2, 3]))).toEqual(ROADS.roads.map(() => NO_DATA_RGBA));
    expect(roadColors(ROADS, null)).toEqual(ROADS.roads.map(() => NO_DATA_RGBA));
  });
});

describe('buildRoadLayers', () => {
  const input = (seq: number, index = [1, 5, 8.5, 3]) => ({ id: 'roads', roads: ROADS, congestion: congestion(index), congestionSeq: seq, scale: 2, memo });

  it('makes glow, paths and bridge labels with stable ids', () => {
    expect(buildRoadLayers(input(1)).map((l) => l.id)).toEqual(['roads-glow', 'roads-paths', 'roads-bridge-labels']);
    expect(buildRoadLayers(input(2)).map((l) => l.id)).toEqual(['roads-glow', 'roads-paths', 'roads-bridge-labels']);
    expect(buildRoadLayers({ ...input(1), labels: false, glow: false }).map((l) => l.id)).toEqual(['roads-paths']);
  });

  it('keeps the path data (no re-tessellation) and recolours by the congestion sequence', () => {
    const [, a] = buildRoadLayers(input(1));
    const [, b] = buildRoadLayers(input(2, [9, 9, 9, 9]));
    expect(props(a).data).toBe(props(b).data);
    expect(props(a).updateTriggers.getColor).not.toEqual(props(b).updateTriggers.getColor);
    expect(props(a).updateTriggers.getColor).toEqual(props(buildRoadLayers(input(1))[1]).updateTriggers.getColor);
    const getColor = props(b).getColor as (r: Road, o: { index: number }) => number[];
    expect(getColor(ROADS.roads[0], { index: 0 })).toEqual(LEVEL_RGBA[4]);
  });

  it('widths by class (expressways widest), scaled to the wall; the glow only under main roads', () => {
    const [glow, paths] = buildRoadLayers(input(1));
    const width = props(paths).getWidth as (r: Road) => number;
    expect(width(ROADS.roads[3])).toBeGreaterThan(width(ROADS.roads[1]));
    expect(width(ROADS.roads[1])).toBeGreaterThan(width(ROADS.roads[0]));
    expect(width(ROADS.roads[2])).toBeGreaterThan(width(ROADS.roads[1])); // bridges stand out
    expect(props(paths).widthScale).toBe(2);
    expect((props(glow).data as Road[]).map((r) => r.id)).toEqual(['art-1', 'brg-1', 'exp-1']);
    const glowColor = props(glow).getColor as (r: Road, o: { index: number }) => number[];
    expect(glowColor(ROADS.roads[2], { index: 1 })).toEqual([...LEVEL_RGBA[4].slice(0, 3), 60]);
  });

  it('labels bridges at their middle', () => {
    const d = memo(deriveRoads, ROADS);
    expect(d.bridges).toEqual([{ name: '千厮门大桥', position: [106.56, 29.555], index: 2 }]);
    expect(memo(deriveRoads, ROADS)).toBe(d);
    const [glow, , labels] = buildRoadLayers(input(3));
    expect(props(glow).data).toBe(d.major);
    expect(props(labels).data).toBe(d.bridges);
  });
});

describe('describeRoad', () => {
  it('gives name, class, index with its level, speed, district and length as plain text', () => {
    const lines = describeRoad(ROADS.roads[2], ROADS, congestion([1, 5, 8.5, 3]), () => '渝中区', deriveRoads(ROADS).byId);
    expect(lines).toEqual(['千厮门大桥  主干路 · 过江桥梁', '拥堵指数 8.5 严重拥堵', '平均车速 13 km/h', '渝中区 · 路段长 2.4 km']);
  });

  it('without matching congestion, only what the network knows', () => {
    expect(describeRoad(ROADS.roads[0], ROADS, congestion([1, 2, 3, 4], 99), () => undefined, deriveRoads(ROADS).byId)).toEqual(['红旗路  支路', '路段长 2.4 km']);
  });

  it('passes markup through as text', () => {
    const hostile = { ...ROADS.roads[0], name: '<img src=x onerror=alert(1)>' };
    expect(describeRoad(hostile, { version: 7, roads: [hostile] }, null, () => undefined, new Map([[hostile.id, 0]]))[0]).toBe('<img src=x onerror=alert(1)>  支路');
  });
});
