import { afterEach, describe, expect, it } from 'vitest';
import { WebMercatorViewport, type UpdateParameters } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { drawLabelsLast, PlacedLabelsLayer } from './placed-labels-layer.ts';
import { clearLabels, placedLabels } from './label-registry.ts';

// The registry is the page's: each test starts with no label layer placed.
afterEach(() => new Set(placedLabels().map((l) => l.layerId)).forEach(clearLabels));

interface Name {
  text: string;
  position: [number, number];
  rank: number;
}

const NAMES: Name[] = [
  { text: '北碚区', position: [106.55, 29.56], rank: 1 },
  { text: '渝北区', position: [106.5502, 29.5601], rank: 5 },
  { text: '江津区', position: [106.3, 29.3], rank: 2 },
];

const viewport = (longitude: number) => new WebMercatorViewport({ width: 1280, height: 720, longitude, latitude: 29.5, zoom: 9 });

/** Runs the layer's update as deck.gl would after a prop or camera change (no GPU needed). */
function update(layer: PlacedLabelsLayer<Name>, vp: WebMercatorViewport, dataChanged: boolean) {
  const l = layer as unknown as { context: unknown; updateState: (p: UpdateParameters<PlacedLabelsLayer<Name>>) => void };
  l.context = { viewport: vp };
  const changeFlags = { dataChanged, propsChanged: false, updateTriggersChanged: false, extensionsChanged: false, viewportChanged: true, stateChanged: false, propsOrDataChanged: dataChanged, somethingChanged: true };
  l.updateState({ props: layer.props, oldProps: layer.props, context: l.context, changeFlags } as unknown as UpdateParameters<PlacedLabelsLayer<Name>>);
}

function makeLayer(data = NAMES) {
  const layer = new PlacedLabelsLayer<Name>({ id: 'names-labels', data, getPriority: (d) => d.rank, sizeScale: 2 });
  (layer as unknown as { state: unknown }).state = {};
  layer.initializeState();
  return layer;
}

describe('PlacedLabelsLayer', () => {
  it('re-places on a viewport change and reports boxes; the text layer keeps its id and data while the set holds', () => {
    const layer = makeLayer();
    expect(layer.shouldUpdateState({ changeFlags: { somethingChanged: true, viewportChanged: true, propsOrDataChanged: false } } as unknown as UpdateParameters<PlacedLabelsLayer<Name>>)).toBe(true);
    update(layer, viewport(106.5), true);
    // 北碚区 sits under 渝北区, which outranks it.
    expect(layer.state.placed.map((d) => d.text)).toEqual(['渝北区', '江津区']);
    const boxes = placedLabels().filter((b) => b.layerId === 'names-labels');
    expect(boxes.map((b) => b.text)).toEqual(['渝北区', '江津区']);
    expect(boxes[0].width).toBeCloseTo(3 * 16 * 2, 6);
    const text = layer.renderLayers();
    expect(text.id).toBe('names-labels-text');
    expect(text.props.data).toBe(layer.state.placed);
    expect(text.props.sizeScale).toBe(2);

    const before = layer.state.placed;
    update(layer, viewport(106.501), false);
    expect(layer.state.placed).toBe(before);

    // Pan east until 江津区 (west) leaves the screen.
    update(layer, viewport(107.2), false);
    expect(layer.state.placed.map((d) => d.text)).toEqual(['渝北区']);
    expect(placedLabels().filter((b) => b.layerId === 'names-labels').map((b) => b.text)).toEqual(['渝北区']);
  });

  it('sub layer accessors see indices into the full data', () => {
    const seen: number[] = [];
    const layer = new PlacedLabelsLayer<Name>({
      id: 'idx-labels',
      data: NAMES,
      getPriority: (d) => d.rank,
      getColor: (_d, { index }) => (seen.push(index), [255, 255, 255, 255]),
    });
    (layer as unknown as { state: unknown }).state = {};
    layer.initializeState();
    update(layer, viewport(106.5), true);
    seen.length = 0;
    const getColor = layer.renderLayers().props.getColor as (d: Name, info: { index: number }) => unknown;
    getColor(layer.state.placed[1], { index: 1 });
    expect(seen).toEqual([2]);
  });
});

describe('PlacedLabelsLayer getMinZoom', () => {
  it('places a label only from its zoom on, and gives its room to the others below it', () => {
    const layer = new PlacedLabelsLayer<Name>({ id: 'zoom-labels', data: NAMES, getPriority: (d) => d.rank, sizeScale: 2, getMinZoom: (d) => (d.text === '渝北区' ? 9.5 : 0) });
    (layer as unknown as { state: unknown }).state = {};
    layer.initializeState();
    update(layer, viewport(106.5), true); // zoom 9: 渝北区 waits, 北碚区 takes its place
    expect(layer.state.placed.map((d) => d.text)).toEqual(['北碚区', '江津区']);
    update(layer, new WebMercatorViewport({ width: 1280, height: 720, longitude: 106.5, latitude: 29.5, zoom: 10 }), false);
    expect(layer.state.placed.map((d) => d.text)).toContain('渝北区');
    expect(layer.state.placed.map((d) => d.text)).not.toContain('北碚区');
  });
});

describe('PlacedLabelsLayer across layers', () => {
  it('places around the labels of layers before it, and again when they move', () => {
    const names = new PlacedLabelsLayer<Name>({ id: 'a-names', data: [NAMES[1]], getPriority: 1, sizeScale: 2 });
    const figures = new PlacedLabelsLayer<Name>({ id: 'b-figures', layerPriority: -1, data: [{ text: '渝北 3.2 mm', position: [106.5502, 29.5601], rank: 9 }], getPriority: 9, sizeScale: 2 });
    for (const l of [names, figures]) {
      (l as unknown as { state: unknown }).state = {};
      l.initializeState();
    }
    update(names, viewport(106.5), true);
    update(figures as never, viewport(106.5), true);
    // The figure sits on the name: the name's layer comes first, so the figure gives way.
    expect(figures.state.placed).toEqual([]);
    expect(names.state.placed.map((d) => d.text)).toEqual(['渝北区']);
    expect(drawLabelsLast([figures, names]).map((l) => l.id)).toEqual(['a-names', 'b-figures']);
    // The name's layer loses its label (its data changed): the figure's layer asks to place again.
    names.setState({});
    (names as unknown as { props: unknown }).props = { ...names.props, data: [] };
    update(names, viewport(106.5), true);
    expect(figures.shouldUpdateState({ changeFlags: { somethingChanged: false } } as unknown as UpdateParameters<PlacedLabelsLayer<Name>>)).toBe(true);
    update(figures as never, viewport(106.5), false);
    expect(figures.state.placed.map((d) => d.text)).toEqual(['渝北 3.2 mm']);
  });
});

describe('drawLabelsLast', () => {
  it('draws every label layer after the symbols, keeping each group in its order', () => {
    const names = new PlacedLabelsLayer({ id: 'names', data: [] });
    const points = new ScatterplotLayer({ id: 'points', data: [] });
    const roads = new PlacedLabelsLayer({ id: 'roads', data: [] });
    const vehicles = new ScatterplotLayer({ id: 'vehicles', data: [] });
    expect(drawLabelsLast([names, points, roads, vehicles]).map((l) => l.id)).toEqual(['points', 'vehicles', 'names', 'roads']);
  });
});
