import type { Layer } from '@deck.gl/core';
import type { Scene } from '../hub/contract.ts';
import { LAYER_KINDS } from '../modules/registry.ts';
import type { City3DElement, LayerContext, LayerKind, LegendSpec } from '../modules/types.ts';
import type { TopicState } from '../store/topic-store.ts';
import type { DistrictsResponse, Overview } from '../hub/contract.ts';

export interface SceneFrameInput {
  scene: Scene;
  topics: TopicState;
  districts: DistrictsResponse | null;
  overview: Overview | null;
  selectedDistrict: string | null;
  scale: number;
  now: number;
  animate: boolean;
  /** Visibility set by the console for this wall (layer id → shown), over the scene's own. */
  layerVisibility?: Readonly<Record<string, boolean>>;
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

export function contextFor(kind: LayerKind, layer: Scene['layers'][number], input: SceneFrameInput): LayerContext {
  return {
    layer: { ...layer, style: { ...kind.defaultStyle, ...layer.style } },
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
  for (const layer of input.scene.layers) {
    const kind = LAYER_KINDS.get(layer.kind);
    if (!kind || !(input.layerVisibility?.[layer.id] ?? layer.visible)) continue;
    const ctx = contextFor(kind, layer, input);
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
export function sceneLayerOf(scene: Scene, deckLayerId: string) {
  const layer = scene.layers.find((l) => deckLayerId === l.id || deckLayerId.startsWith(`${l.id}-`));
  const kind = layer && LAYER_KINDS.get(layer.kind);
  return layer && kind ? { layer, kind } : null;
}

/** The district a picked object stands for: GeoJSON district features or objects with districtCode. */
export function districtCodeOf(object: unknown): string | null {
  const o = object as { properties?: { code?: unknown }; districtCode?: unknown } | null;
  const code = o?.properties?.code ?? o?.districtCode;
  return typeof code === 'string' && /^\d{6}$/.test(code) ? code : null;
}
