import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { WallRuntime } from '../../core/wall-context.ts';
import { wallNow } from '../../core/wall-clock.ts';
import type { Scene } from '../../hub/contract.ts';
import { drawLabelsLast } from '../../layers/placed-labels-layer.ts';
import { setLegends } from '../../store/legend-store.ts';
import type { TopicState } from '../../store/topic-store.ts';
import type { DistrictState } from '../../store/district-store.ts';
import { wallLayerVisibility } from '../../store/control-store.ts';
import { OVERVIEW_TOPIC } from '../../hub/topics/overview.ts';
import type { Overview } from '../../hub/contract.ts';
import { SceneLayerStates, buildSceneFrame, type SceneFrame, type SceneFrameInput } from '../scene-layers.ts';
import { noteSceneLayersReady, twinStatus } from '../twin-status.ts';

export interface SceneDriverDeps {
  runtime: WallRuntime;
  map: MapLibreMap;
  deck: MapLibreOverlay;
  scene: () => Scene;
  scale: () => number;
  /** Asks the twin's frame scheduler for one frame. */
  requestFrame: () => void;
  /** The frame's 3D contributions changed (beacons, rain): the city takes them. */
  onCityEffects: (frame: SceneFrame) => void;
}

/**
 * The topic values as builders see them, noting each topic they look up: a later hub update of a
 * topic no layer read (a panel's) then redraws nothing.
 */
export function trackTopicReads(values: TopicState['values'], read: Set<string>): TopicState['values'] {
  return new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key);
    },
  });
}

/** Marks, among the topics read, that a draw read the hub's districts or overview figures. */
const DISTRICTS = '#districts';

/** How often a tileset still loading under a still camera is nudged to traverse again. */
const NUDGE_MS = 2000;

/**
 * Hands the scene's deck.gl layers to deck: built from the stores each time something they read
 * changed (never through React), and every frame while an animated layer is on screen.
 */
export function createSceneDriver(deps: SceneDriverDeps) {
  const { runtime, map, deck } = deps;
  const status = twinStatus();
  const failedLayers = new Set<string>();
  let readyScene: string | null = null;
  let lastInput: SceneFrameInput | null = null;
  let lastFrame: SceneFrame | null = null;
  let layersHidden = false;
  let onlyLayers: string[] | null = null;
  let topicsRead = new Set<string>();
  // Each scene layer's parsed style and memo, kept across draws (and for tooltips, through lastInput).
  const layerStates = new SceneLayerStates();
  let lastNudge = 0;
  let nudgeSign = 1;

  function draw(): SceneFrame {
    const { topics, districts: districtStore, selection, diagnostics, legends, flags, control } = runtime;
    const scene = deps.scene();
    const read = new Set<string>();
    const { districts } = districtStore.getState();
    const values = trackTopicReads(topics.getState().values, read);
    lastInput = {
      scene,
      registry: runtime.registry,
      topics: { values },
      get districts() {
        read.add(DISTRICTS);
        return districts;
      },
      get overview() {
        return (values[OVERVIEW_TOPIC]?.data as Overview | undefined) ?? null;
      },
      selectedDistrict: selection.getState().district,
      scale: deps.scale(),
      now: flags.anim ? wallNow() : 0,
      animate: flags.anim,
      layerVisibility: wallLayerVisibility(control.getState()),
      layerStates,
    };
    const frame = buildSceneFrame(lastInput, (layerId, err) => {
      if (failedLayers.has(layerId)) return;
      failedLayers.add(layerId); // report once: a broken builder would otherwise flood diagnostics
      diagnostics.setState({ lastError: `layer ${layerId}: ${err instanceof Error ? err.message : String(err)}` });
    });
    const only = onlyLayers;
    const shown = layersHidden ? [] : only ? frame.layers.filter((l) => only.some((p) => l.id.startsWith(p))) : frame.layers;
    deck.setProps({ layers: drawLabelsLast(shown) });
    deps.onCityEffects(frame);
    status.layerIds = drawLabelsLast(frame.layers).map((l) => l.id);
    setLegends(legends, frame.legends);
    // deck.gl's Tile3DLayer selects tiles when the viewport changes; a tileset that finishes
    // loading under a still camera may never be traversed. While content is pending, nudge the
    // bearing by a thousandth of a degree (invisible) every two seconds.
    if (frame.loading && Date.now() - lastNudge > NUDGE_MS && status.mapLoaded) {
      lastNudge = Date.now();
      nudgeSign = -nudgeSign;
      map.jumpTo({ bearing: map.getBearing() + nudgeSign * 1e-3 });
    }
    if (frame.ready && readyScene !== scene.id) {
      readyScene = scene.id;
      noteSceneLayersReady(scene.id);
      deps.requestFrame(); // a still scene draws no new frame by itself: ask for the one that counts
    }
    lastFrame = frame;
    topicsRead = read;
    return frame;
  }

  return {
    draw,
    /** Whether the layers on screen move every frame (and animation is on). */
    animated: () => Boolean(lastFrame?.animated && runtime.flags.anim),
    /** The last frame's input: tooltips are built with the context the layer was drawn with. */
    lastInput: () => lastInput,
    /** Whether a topic update changed what the layers read last time (a panel's topic alone redraws nothing). */
    reads(next: TopicState, prev: TopicState) {
      for (const topic of topicsRead) if (next.values[topic] !== prev.values[topic]) return true;
      return false;
    },
    /** Whether new districts change what the layers read last time. */
    readsDistricts(next: DistrictState, prev: DistrictState) {
      return next.districts !== prev.districts && topicsRead.has(DISTRICTS);
    },
    /** A new scene object: another scene (readiness starts again), or a new version of this one. */
    sceneChanged(otherScene: boolean) {
      if (otherScene) readyScene = null;
      failedLayers.clear();
    },
    setLayersHidden(hidden: boolean) {
      layersHidden = hidden;
      draw();
    },
    setOnlyLayers(prefixes: string[] | null) {
      onlyLayers = prefixes;
      draw();
    },
  };
}

export type SceneDriver = ReturnType<typeof createSceneDriver>;
