import { GridLayer, HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import { TripsLayer } from '@deck.gl/geo-layers';
import { ArcLayer, ColumnLayer, IconLayer, PathLayer, TextLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { createLayerMemo, type LayerKind } from '../../../core/module-api.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import type { TopicValue } from '../../../store/topic-store.ts';
import { kitModule } from '../index.ts';
import { CHECKPOINTS, DISTRICTS, PAIRS, POVERTY_DISTRICTS, ROADS, T0, contextFor, topicValue, vehicles } from '../test-fixtures.ts';
import { arcsKind } from './arcs.ts';
import { columnsKind } from './columns.ts';
import { gridKind } from './grid.ts';
import { heatmapKind } from './heatmap.ts';
import { hexagonKind } from './hexagon.ts';
import { iconsKind } from './icons.ts';
import { pathsKind } from './paths.ts';
import { textKind, labelCharacters } from './text.ts';
import { tripsKind } from './trips.ts';

const VALUES: Record<string, TopicValue> = {
  'health.checkpoints': topicValue(CHECKPOINTS),
  'traffic.vehicles': topicValue(vehicles(5000)),
  'traffic.roads': topicValue(ROADS),
  'poverty.pairs': topicValue(PAIRS),
  'poverty.districts': topicValue(POVERTY_DISTRICTS),
};

/** A layer's props, loosely: the tests read a few by name. */
const props = (layer: { props: unknown }) => layer.props as Record<string, unknown>;
const dataOf = (layer: { props: unknown }) => (layer.props as { data: { length: number } }).data;

/** Per kind: style values it must refuse, and a topic with the rows a build should draw. */
const CASES: {
  kind: LayerKind;
  bad: Record<string, unknown>[];
  topic: string;
  layerClass: abstract new (...args: never[]) => unknown;
  count: number;
}[] = [
  { kind: heatmapKind, bad: [{ radius: 0 }, { radius: 500 }, { colors: 'rainbow' }, { weighted: 'yes' }], topic: 'traffic.vehicles', layerClass: HeatmapLayer, count: 5000 },
  { kind: hexagonKind, bad: [{ radius: 10 }, { aggregate: 'median' }, { coverage: 2 }, { extruded: 1 }], topic: 'health.checkpoints', layerClass: HexagonLayer, count: 3 },
  { kind: gridKind, bad: [{ cellSize: -1 }, { colors: '#ff0000' }, { height: 1e9 }], topic: 'traffic.vehicles', layerClass: GridLayer, count: 5000 },
  { kind: iconsKind, bad: [{ icon: 'car' }, { color: 'red' }, { color: '#12345' }, { size: 200 }], topic: 'health.checkpoints', layerClass: IconLayer, count: 3 },
  { kind: arcsKind, bad: [{ fromColor: 'blue' }, { height: 5 }, { width: 0 }], topic: 'poverty.pairs', layerClass: ArcLayer, count: 2 },
  { kind: pathsKind, bad: [{ width: 100 }, { colors: 'jet' }, { rounded: 'no' }], topic: 'traffic.roads', layerClass: PathLayer, count: 2 },
  { kind: columnsKind, bad: [{ radius: 0 }, { sides: 3 }, { sides: 6.5 }, { opacity: 2 }], topic: 'poverty.districts', layerClass: ColumnLayer, count: 3 },
  { kind: textKind, bad: [{ size: 2 }, { color: '#gggggg' }, { avoidOverlap: null }], topic: 'health.checkpoints', layerClass: PlacedLabelsLayer, count: 3 },
  // One frame is a position, not yet a trail: two frames make one path per vehicle (the first 3000 of them).
  { kind: tripsKind, bad: [{ trail: 1 }, { trail: 2.5 }, { vehicles: 50_000 }, { color: '#fff' }], topic: 'traffic.vehicles', layerClass: TripsLayer, count: 0 },
];

describe('kit layer kinds', () => {
  it('the module holds every kind once, each prefixed kit.', () => {
    expect(kitModule.layers.map((k) => k.kind).sort()).toEqual(CASES.map((c) => c.kind.kind).sort());
    expect(kitModule.panels).toEqual([]);
  });

  describe.each(CASES.map((c) => [c.kind.kind, c] as const))('%s', (_, c) => {
    it('parses {} to its defaults, every field described', () => {
      const parsed = c.kind.style.parse({}) as Record<string, unknown>;
      for (const [key, field] of Object.entries(c.kind.style.shape)) {
        expect(parsed[key], key).toEqual(field.parse(undefined));
        expect(field.description, key).toMatch(/\S{3}/);
      }
      expect(Object.keys(parsed).sort()).toEqual(Object.keys(c.kind.style.shape).sort());
    });

    it('refuses bad values and unknown keys', () => {
      for (const bad of [...c.bad, { colour: '#ffffff' }]) expect(c.kind.style.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    });

    it('has a default topic; acceptsTopics are the others it can read', () => {
      expect(c.kind.topic).toBeDefined();
      expect(c.kind.acceptsTopics).not.toContain(c.kind.topic);
      expect([c.kind.topic, ...c.kind.acceptsTopics!]).toContain(c.topic);
    });

    it('waits for its data, then builds the expected deck layer with a stable id and a legend', () => {
      expect(c.kind.ready!(contextFor(c.kind, { topic: c.topic, values: {} }))).toBe(false);
      const memo = createLayerMemo();
      const ctx = contextFor(c.kind, { topic: c.topic, values: VALUES, memo, id: 'demo' });
      expect(c.kind.ready!(ctx)).toBe(true);
      const layers = c.kind.build(ctx);
      expect(layers).toHaveLength(1);
      expect(layers[0]).toBeInstanceOf(c.layerClass);
      expect(layers[0].id.startsWith('demo-')).toBe(true);
      expect(dataOf(layers[0]).length).toBe(c.count);
      // Built again with the same value: the same data object (deck compares by reference).
      expect(dataOf(c.kind.build(ctx)[0])).toBe(dataOf(layers[0]));
      expect(c.kind.build(ctx)[0].id).toBe(layers[0].id);
      const legend = c.kind.legend!(ctx)!;
      expect(legend.title).toMatch(/\S/);
      expect(legend.type === 'ramp' ? legend.colors.length : legend.items.length).toBeGreaterThan(0);
    });
  });
});

describe('builds from the data', () => {
  it('the vehicle fleet reaches deck.gl as a binary position attribute', () => {
    const v = VALUES['traffic.vehicles'].data as ReturnType<typeof vehicles>;
    for (const kind of [heatmapKind, columnsKind, iconsKind]) {
      const [layer] = kind.build(contextFor(kind, { topic: 'traffic.vehicles', values: VALUES }));
      const data = dataOf(layer) as unknown as { attributes: { getPosition: { value: Float32Array; size: number } } };
      expect(Array.isArray(data), kind.kind).toBe(false);
      expect(data.attributes.getPosition.value).toBe(v.positions);
      expect(data.attributes.getPosition.size).toBe(2);
    }
    // The binning kinds get [lon, lat, 0]: deck.gl 9.4's GPU binning draws nothing from size 2.
    for (const kind of [gridKind, hexagonKind]) {
      const [layer] = kind.build(contextFor(kind, { topic: 'traffic.vehicles', values: VALUES }));
      const { value, size } = (dataOf(layer) as unknown as { attributes: { getPosition: { value: Float32Array; size: number } } }).attributes.getPosition;
      expect(size).toBe(3);
      expect(value.length).toBe(v.count * 3);
      expect(Array.from(value.subarray(3, 6))).toEqual([v.positions[2], v.positions[3], 0]);
    }
  });

  it('binning: a count sums ones (deck.gl 9.4 GPU binning draws nothing with COUNT); values sum, average or peak', () => {
    const count = props(gridKind.build(contextFor(gridKind, { values: VALUES }))[0]);
    expect(count.getColorWeight).toBe(1);
    expect(count.colorAggregation).toBe('SUM');
    const mean = props(gridKind.build(contextFor(gridKind, { values: VALUES, style: { aggregate: 'mean' } }))[0]);
    expect(typeof mean.getColorWeight).toBe('function');
    expect(mean.colorAggregation).toBe('MEAN');
    expect(mean.elevationAggregation).toBe('MEAN');
  });

  it('a new value is new data; the same value, the same data', () => {
    const memo = createLayerMemo();
    const values = { ...VALUES };
    const a = dataOf(heatmapKind.build(contextFor(heatmapKind, { values, memo }))[0]);
    values['traffic.vehicles'] = topicValue(vehicles(5000, 1), 2, T0 + 1000);
    const b = dataOf(heatmapKind.build(contextFor(heatmapKind, { values, memo }))[0]);
    expect(b).not.toBe(a);
    expect(dataOf(heatmapKind.build(contextFor(heatmapKind, { values, memo }))[0])).toBe(b);
  });

  it('per-district topics wait for the district geometry', () => {
    const ctx = contextFor(columnsKind, { topic: 'poverty.districts', values: VALUES, districts: null });
    expect(columnsKind.ready!(ctx)).toBe(false);
    expect(columnsKind.build(ctx)).toEqual([]);
  });

  it('columns rise to the style height for the largest value', () => {
    const [layer] = columnsKind.build(contextFor(columnsKind, { topic: 'poverty.districts', values: VALUES, style: { height: 6000 } }));
    expect(props(layer).elevationScale as number).toBeCloseTo(6000 / 30_000);
  });

  it('text draws plain TextLayer when overlaps are allowed, its glyphs from the names', () => {
    const [layer] = textKind.build(contextFor(textKind, { topic: 'health.checkpoints', values: VALUES, style: { avoidOverlap: false } }));
    expect(layer).toBeInstanceOf(TextLayer);
    const chars = props(layer).characterSet as string;
    for (const c of '医院cp-a') expect(chars).toContain(c);
    expect(labelCharacters([])).toBe(labelCharacters([]));
  });

  it('trips follow the fleet over frames, a trail per vehicle up to the style limit', () => {
    const memo = createLayerMemo();
    const values = { ...VALUES };
    let layer = tripsKind.build(contextFor(tripsKind, { values, memo, style: { vehicles: 1000, trail: 4 } }))[0];
    for (let f = 1; f <= 10; f++) {
      values['traffic.vehicles'] = topicValue(vehicles(5000, f), f + 1, T0 + f * 1000);
      layer = tripsKind.build(contextFor(tripsKind, { values, memo, style: { vehicles: 1000, trail: 4 } }))[0];
    }
    const data = dataOf(layer) as unknown as { length: number; attributes: { getPath: { value: Float32Array } } };
    expect(data.length).toBe(1000);
    expect(data.attributes.getPath.value.length).toBe(1000 * 4 * 2);
    expect(props(layer).currentTime).toBe(3);
  });

  it('tooltips are plain text: a row names itself and its value with the unit', () => {
    const ctx = contextFor(hexagonKind, { topic: 'health.checkpoints', values: VALUES, districts: DISTRICTS });
    const icon = contextFor(iconsKind, { topic: 'health.checkpoints', values: VALUES });
    expect(iconsKind.tooltip!({ position: [106.5, 29.5], weight: 12_000, label: '<b>cp</b>' }, icon)).toEqual(['<b>cp</b>', '扫码量 1.2万 次/时 · Scans in the last hour']);
    expect(hexagonKind.tooltip!({ count: 2, colorValue: 2, position: [106.5, 29.5] }, ctx)).toEqual(['扫码点位 2 个 · 2 points']);
    const mean = contextFor(hexagonKind, { topic: 'health.checkpoints', values: VALUES, style: { aggregate: 'mean' } });
    expect(hexagonKind.tooltip!({ count: 2, colorValue: 7500 }, mean)).toEqual(['扫码点位 2 个 · 2 points', '扫码量平均 7,500 次/时 · mean']);
    expect(arcsKind.tooltip!({ from: [0, 0], to: [1, 1], weight: 8000, label: '渝中区 → 石柱' }, contextFor(arcsKind, { values: VALUES }))).toEqual([
      '渝中区 → 石柱',
      '帮扶资金 8,000 万元 · Funds',
    ]);
    for (const c of CASES) expect(c.kind.tooltip!(null, contextFor(c.kind, { values: VALUES }))).toBeNull();
  });
});
