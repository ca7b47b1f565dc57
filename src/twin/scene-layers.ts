import type { Layer } from '@deck.gl/core';
import type { Scene } from '../hub/contract.ts';
import { createLayerMemo, type City3DElement, type LayerContext, type LayerKind, type LayerMemo, type LegendSpec, type Registry } from '../core/module-api.ts';
import { shownLayers, type LayerVisibility } from '../core/scene-view.ts';
import type { TopicState } from '../store/topic-store.ts';
import type { DistrictsResponse, Overview } from '../hub/contract.ts';

export interface SceneFrameInput {
  scene: Scene;
  registry: Registry;
  /** Only the latest values: builders never read a topic's history. */
  topics: Pick<TopicState, 'values'>;
  districts: DistrictsResponse | null;
  overview: Overview | null;
  selectedDistrict: string | null;
  scale: number;
  now: number;
  animate: boolean;
  /** Visibility set by the console for this wall (layer id → shown), over the scene's own. */
  layerVisibility?: LayerVisibility;
  /** What each scene layer keeps between frames (parsed style, memo); without it, nothing is kept. */
  layerStates?: SceneLayerStates;
}

type SceneLayer = Scene['layers'][number];

interface SceneLayerState {
  kind: LayerKind;
  layer: SceneLayer;
  style: Readonly<Record<string, unknown>>;
  /** Why the scene's style was refused (the layer then draws with its defaults). */
  styleError: string | null;
  memo: LayerMemo;
}

function parseStyle(kind: LayerKind, layer: SceneLayer): Pick<SceneLayerState, 'style' | 'styleError'> {
  const parsed = kind.style.safeParse(layer.style);
  if (parsed.success) return { style: parsed.data, styleError: null };
  const issue = parsed.error.issues[0];
  return { style: kind.style.parse({}), styleError: `style.${issue.path.join('.')}: ${issue.message}` };
}

/**
 * What each layer of the scene keeps from frame to frame, held by the scene driver: its style,
 * parsed once, and its memo. A layer's state goes with the layer (a scene without it); its memo
 * starts afresh when its kind changes.
 */
export class SceneLayerStates {
  private states = new Map<string, SceneLayerState>();
  private scene: Scene | null = null;

  get(kind: LayerKind, layer: SceneLayer): SceneLayerState {
    let state = this.states.get(layer.id);
    if (!state || state.kind !== kind) {
      state = { kind, layer, ...parseStyle(kind, layer), memo: createLayerMemo() };
      this.states.set(layer.id, state);
    } else if (state.layer !== layer) {
      // Compared by value: a scene arrives as a new object when any part of it changed (a designer's
      // keystroke, a published version), and a layer whose style kept its values keeps its parsed
      // style, so nothing derived from it (memos, deck attributes, transitions) is rebuilt.
      if (state.layer.style !== layer.style && JSON.stringify(state.layer.style) !== JSON.stringify(layer.style)) Object.assign(state, parseStyle(kind, layer));
      state.layer = layer;
    }
    return state;
  }

  /** Forgets the layers a new scene no longer has. */
  retain(scene: Scene): void {
    if (scene === this.scene) return;
    this.scene = scene;
    const ids = new Set(scene.layers.map((l) => l.id));
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
  }
}

export interface SceneFrame {
  layers: Layer[];
  legends: { id: string; legend: LegendSpec }[];
  /** What the visible layers add to the 3D city (R3F elements), in scene order. */
  city3d: City3DElement[];
  /** Every visible layer has the data it needs. */
  ready: boolean;
  /** Some visible layer moves every frame. */
  animated: boolean;
  /** A built layer is still loading its own content (tiles, models). */
  loading: boolean;
}

function stateFor(kind: LayerKind, layer: SceneLayer, input: SceneFrameInput): SceneLayerState {
  return input.layerStates ? input.layerStates.get(kind, layer) : { kind, layer, ...parseStyle(kind, layer), memo: createLayerMemo() };
}

export function contextFor(kind: LayerKind, layer: SceneLayer, input: SceneFrameInput): LayerContext {
  return contextOf(stateFor(kind, layer, input), input);
}

function contextOf({ kind, layer, style, memo }: SceneLayerState, input: SceneFrameInput): LayerContext {
  return {
    layer,
    style,
    memo,
    topic: layer.topic ?? kind.topic,
    value: (topic) => input.topics.values[topic] as never,
    // Read when used, not copied: the twin redraws on an overview change only if a layer read it.
    get districts() {
      return input.districts;
    },
    get overview() {
      return input.overview;
    },
    selectedDistrict: input.selectedDistrict,
    scale: input.scale,
    now: input.now,
    animate: input.animate,
  };
}

/**
 * The deck.gl layers of a scene right now. A builder that throws loses only its own layer
 * (reported through onError); the rest of the scene still draws.
 */
export function buildSceneFrame(input: SceneFrameInput, onError: (layerId: string, err: unknown) => void): SceneFrame {
  const frame: SceneFrame = { layers: [], legends: [], city3d: [], ready: true, animated: false, loading: false };
  input.layerStates?.retain(input.scene);
  for (const { layer, kind } of shownLayers(input.scene, input.registry, input.layerVisibility)) {
    const state = stateFor(kind, layer, input);
    const ctx = contextOf(state, input);
    // A style the schema refuses (checkScene lets none through) is reported; the layer draws with its defaults.
    if (state.styleError) onError(layer.id, new Error(state.styleError));
    try {
      const ready = kind.ready ? kind.ready(ctx) : ctx.topic === undefined || ctx.value(ctx.topic) !== undefined;
      frame.ready &&= ready;
      frame.animated ||= Boolean(kind.animated);
      if (!ready) continue;
      frame.layers.push(...kind.build(ctx));
      const drawn = kind.drawn ? kind.drawn(ctx) : true;
      frame.ready &&= drawn;
      frame.loading ||= !drawn;
      const legend = kind.legend?.(ctx);
      if (legend) frame.legends.push({ id: layer.id, legend });
      const element = kind.city3d?.(ctx);
      if (element) frame.city3d.push(element);
    } catch (err) {
      onError(layer.id, err);
    }
  }
  return frame;
}

/** The scene layer that made a deck.gl layer (deck ids are "<scene layer id>-<part>"). */
export function sceneLayerOf(scene: Scene, registry: Registry, deckLayerId: string) {
  const layer = scene.layers.find((l) => deckLayerId === l.id || deckLayerId.startsWith(`${l.id}-`));
  const kind = layer && registry.layerKinds.get(layer.kind);
  return layer && kind ? { layer, kind } : null;
}

/** The district a picked object stands for: GeoJSON district features or objects with districtCode. */
export function districtCodeOf(object: unknown): string | null {
  const o = object as { properties?: { code?: unknown }; districtCode?: unknown } | null;
  const code = o?.properties?.code ?? o?.districtCode;
  return typeof code === 'string' && /^\d{6}$/.test(code) ? code : null;
}
