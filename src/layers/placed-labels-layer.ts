import { CompositeLayer } from '@deck.gl/core';
import type {
  Accessor,
  AccessorContext,
  AccessorFunction,
  Color,
  CompositeLayerProps,
  DefaultProps,
  LayerContext,
  Position,
  UpdateParameters,
} from '@deck.gl/core';
import { TextLayer, type TextLayerProps } from '@deck.gl/layers';
import { placeLabels, type AlignmentBaseline, type ScreenCandidate, type TextAnchor } from './label-placement.ts';
import { clearLabels, labelFrame, labelsBefore, labelsVersion, publishLabels, ranksBefore, type LabelRank } from './label-registry.ts';

type _PlacedLabelsLayerProps<DataT> = {
  data: readonly DataT[];
  /** Label text; an empty string is never placed. */
  getText: AccessorFunction<DataT, string>;
  /** Anchor: [lon, lat] or [lon, lat, metres]. */
  getPosition: Accessor<DataT, Position>;
  /** Font size in pixels before sizeScale. */
  getSize: Accessor<DataT, number>;
  /**
   * Placement order, highest first; ties go to the larger label, then to data order. Give alerts
   * (and the selection) a bonus far above any rank, so they always win their place.
   */
  getPriority: Accessor<DataT, number>;
  getColor: Accessor<DataT, Color>;
  /** Screen offset in pixels (not scaled by sizeScale), y down. */
  getPixelOffset: Accessor<DataT, Readonly<[number, number]>>;
  getTextAnchor: Accessor<DataT, TextAnchor>;
  getAlignmentBaseline: Accessor<DataT, AlignmentBaseline>;
  /** The label shows from this map zoom on (the map's own zoom: shift design zooms by log2(scale)). */
  getMinZoom: Accessor<DataT, number>;
  /** A chip behind the text (alpha 0: none): for figures over busy colour fields. */
  background: boolean;
  getBackgroundColor: Accessor<DataT, Color>;
  backgroundPadding: Readonly<[number, number]>;
  /** Multiplies getSize and padding: the wall's scale keeps labels their designed size at 4K. */
  sizeScale: number;
  /** Pixels (before sizeScale) kept clear on each side of a label's text: [x, y]. */
  padding: Readonly<[number, number]>;
  billboard: boolean;
  fontFamily: string;
  fontWeight: string | number;
  fontSettings: NonNullable<TextLayerProps['fontSettings']>;
  characterSet: NonNullable<TextLayerProps['characterSet']>;
  outlineWidth: number;
  outlineColor: Color;
  /**
   * Which label layer claims its room first (higher first, then by id): a layer never places a
   * label over one of a layer before it. Names of places usually come before live figures.
   */
  layerPriority: number;
};

export type PlacedLabelsLayerProps<DataT = unknown> = _PlacedLabelsLayerProps<DataT> & CompositeLayerProps;

/** The wall's label look: CJK sans, SDF atlas sharp at any scale, a navy outline that reads on any layer. */
const defaultProps: DefaultProps<PlacedLabelsLayerProps> = {
  data: { type: 'data', value: [] },
  getText: { type: 'accessor', value: (d: unknown) => (d as { text: string }).text },
  getPosition: { type: 'accessor', value: (d: unknown) => (d as { position: Position }).position },
  getSize: { type: 'accessor', value: 16 },
  getPriority: { type: 'accessor', value: 0 },
  getColor: { type: 'accessor', value: [235, 245, 255, 255] },
  getPixelOffset: { type: 'accessor', value: [0, 0] },
  getTextAnchor: { type: 'accessor', value: 'middle' },
  getAlignmentBaseline: { type: 'accessor', value: 'center' },
  getMinZoom: { type: 'accessor', value: 0 },
  background: false,
  getBackgroundColor: { type: 'accessor', value: [0, 0, 0, 0] },
  backgroundPadding: { type: 'array', value: [0, 0] },
  sizeScale: { type: 'number', value: 1, min: 0 },
  padding: { type: 'array', value: [6, 3] },
  billboard: true,
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
  fontWeight: 600,
  fontSettings: { type: 'object', value: { sdf: true, fontSize: 64, buffer: 8, radius: 12 }, compare: 1 },
  characterSet: { type: 'object', value: 'auto' },
  outlineWidth: { type: 'number', value: 4, min: 0 },
  outlineColor: { type: 'color', value: [7, 13, 26, 230] },
  layerPriority: { type: 'number', value: 0 },
};

/** The text layer's accessors: placement reads them, and the sub layer gets them with data indices. */
const ACCESSORS = ['getText', 'getPosition', 'getSize', 'getColor', 'getPixelOffset', 'getTextAnchor', 'getAlignmentBaseline', 'getBackgroundColor'] as const;

function evaluate<D, T>(accessor: Accessor<D, T>, d: D, info: AccessorContext<D>): T {
  return typeof accessor === 'function' ? (accessor as AccessorFunction<D, T>)(d, info) : accessor;
}

function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Labels that never overlap: each update (props, data, or the viewport) projects the candidates,
 * places them greedily by priority in screen space, and draws only the placed ones with one
 * TextLayer (`${id}-text`). The TextLayer's data changes only when the placed set does, so a
 * camera move that keeps the same names does not rebuild its attributes.
 */
export class PlacedLabelsLayer<DataT = unknown, ExtraPropsT extends {} = {}> extends CompositeLayer<ExtraPropsT & Required<_PlacedLabelsLayerProps<DataT>>> {
  static defaultProps = defaultProps;
  static layerName = 'PlacedLabelsLayer';

  declare state: { placed: DataT[]; indices: number[]; seenVersion: number };

  initializeState(): void {
    this.state = { placed: [], indices: [], seenVersion: -1 };
  }

  private get rank(): LabelRank {
    return { priority: this.props.layerPriority, id: this.id };
  }

  // Composite layers update on prop changes only by default; placement depends on the camera too.
  shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    // Also when a layer placed before this one moved its labels (its data changed, not ours).
    return changeFlags.somethingChanged || this.state.seenVersion !== labelsVersion();
  }

  updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    const indices = this.place();
    this.state.seenVersion = labelsVersion();
    if (params.changeFlags.dataChanged || !sameIndices(indices, this.state.indices)) {
      const { data } = this.props;
      this.setState({ indices, placed: indices.map((i) => data[i]) });
    }
  }

  finalizeState(context: LayerContext): void {
    clearLabels(this.id);
    super.finalizeState(context);
  }

  /** Places the labels in the current viewport, publishes their boxes; returns data indices, ascending. */
  private place(): number[] {
    const { viewport } = this.context;
    const p = this.props;
    if (!p.visible || !viewport) {
      publishLabels(this.id, [], this.rank);
      return [];
    }
    const candidates: ScreenCandidate[] = p.data.map((d, index) => {
      const info: AccessorContext<DataT> = { index, data: p.data as DataT[], target: [] };
      const [x, y] = viewport.project(Array.from(evaluate(p.getPosition, d, info)));
      const shown = viewport.zoom >= evaluate(p.getMinZoom, d, info);
      return {
        x,
        y,
        text: shown ? (evaluate(p.getText, d, info) ?? '') : '',
        size: evaluate(p.getSize, d, info) * p.sizeScale,
        priority: evaluate(p.getPriority, d, info),
        anchor: evaluate(p.getTextAnchor, d, info),
        baseline: evaluate(p.getAlignmentBaseline, d, info),
        offset: evaluate(p.getPixelOffset, d, info),
      };
    });
    // Placed in the whole wall's view (labelFrame), then reported in this canvas's pixels.
    const view = labelFrame() ?? { x: 0, y: 0, width: viewport.width, height: viewport.height };
    for (const c of candidates) {
      c.x += view.x;
      c.y += view.y;
    }
    const [px, py] = p.padding;
    // Around the labels of the layers before this one (published in canvas pixels, placed in the wall's).
    const occupied = labelsBefore(this.rank).map((l) => ({ x: l.x + view.x, y: l.y + view.y, width: l.width, height: l.height }));
    const placed = placeLabels(candidates, { width: view.width, height: view.height, padding: [px * p.sizeScale, py * p.sizeScale], occupied });
    publishLabels(
      this.id,
      placed.map(({ index, x, y, width, height }) => ({ layerId: this.id, text: candidates[index].text, x: x - view.x, y: y - view.y, width, height })),
      this.rank,
    );
    return placed.map((b) => b.index).sort((a, b) => a - b);
  }

  /** An accessor over the placed subset that still sees the index and data of the full list. */
  private remap<T>(accessor: Accessor<DataT, T>): Accessor<DataT, T> {
    if (typeof accessor !== 'function') return accessor;
    const { indices } = this.state;
    const data = this.props.data as DataT[];
    const fn = accessor as AccessorFunction<DataT, T>;
    return (d: DataT, info: AccessorContext<DataT>) => fn(d, { ...info, index: indices[info.index], data });
  }

  renderLayers() {
    const p = this.props;
    const accessors = Object.fromEntries(ACCESSORS.map((name) => [name, this.remap(p[name] as Accessor<DataT, unknown>)]));
    const updateTriggers = Object.fromEntries(ACCESSORS.map((name) => [name, p.updateTriggers[name]]));
    return new TextLayer<DataT>(
      this.getSubLayerProps({
        id: 'text',
        data: this.state.placed,
        ...accessors,
        sizeScale: p.sizeScale,
        sizeUnits: 'pixels',
        billboard: p.billboard,
        fontFamily: p.fontFamily,
        fontWeight: p.fontWeight,
        fontSettings: p.fontSettings,
        characterSet: p.characterSet,
        outlineWidth: p.outlineWidth,
        outlineColor: p.outlineColor,
        background: p.background,
        backgroundPadding: p.backgroundPadding,
        // Names stay readable over extrusions and the 3D city: never depth-tested, never occluding.
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
        updateTriggers,
      }),
    );
  }
}

/**
 * The scene's layers with every label layer moved to the end: names are drawn over any layer's
 * symbols (checkpoints, stations, vehicles), their halo keeping them legible. Label layers go in
 * the order they claim room (layerPriority, then id), so deck.gl updates each after those it
 * places around; other layers keep their order.
 */
export function drawLabelsLast<L>(layers: readonly L[]): L[] {
  const labels = layers.filter((l): l is L & PlacedLabelsLayer => l instanceof PlacedLabelsLayer);
  const rank = (l: PlacedLabelsLayer): LabelRank => ({ priority: l.props.layerPriority, id: l.id });
  labels.sort((a, b) => (ranksBefore(rank(a), rank(b)) ? -1 : ranksBefore(rank(b), rank(a)) ? 1 : 0));
  return [...layers.filter((l) => !(l instanceof PlacedLabelsLayer)), ...labels];
}
