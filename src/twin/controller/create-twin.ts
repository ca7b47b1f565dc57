import { LngLat, Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import type { WallRuntime } from '../../core/wall-context.ts';
import { wallNow } from '../../core/wall-clock.ts';
import { setLabelFrame } from '../../layers/label-registry.ts';
import { onModuleCodeLoaded } from '../../core/lazy-code.ts';
import { currentScene } from '../../store/scene-store.ts';
import { baseStyle } from '../base-style.ts';
import { CityLayer, sameElements } from '../city/city-layer.ts';
import { deckCounters } from '../deck-counters.ts';
import { designZoom, fitMargins, mapPose, type CameraPose } from '../framing.ts';
import { orbitBearing } from '../orbit.ts';
import { contextFor, districtCodeOf, sceneLayerOf } from '../scene-layers.ts';
import type { City3DElement } from '../../core/module-api.ts';
import { fitPadding, labelFrameOf, type SliceFrame } from '../slice.ts';
import { markTwinReady, twinStatus } from '../twin-status.ts';
import { attachWallControl, districtBounds, playbackRunning, playbackTime, WALL_FLY_MS } from '../wall-control.ts';
import { createCameraDirector, type CameraDirector } from './camera-director.ts';
import { createFrameScheduler } from './frame-scheduler.ts';
import { attachInput } from './input.ts';
import { createSceneDriver } from './scene-driver.ts';
import { exposeTestHooks } from './test-hooks.ts';

export interface TwinOptions {
  /** The DOM's design scale: labels and framing stay proportional to the wall. */
  scale: number;
  /** This display's slice of the wall's one virtual view (a single display: all of it). */
  slice: SliceFrame;
  /** The WebGL context was lost: the host disposes this twin and creates a fresh one. */
  onContextLost?: () => void;
  /**
   * Given the twin's camera director once it exists (the app attaches event attention to it);
   * what it returns runs when the twin is disposed.
   */
  withDirector?: (director: CameraDirector) => (() => void) | void;
}

export interface Twin {
  /** The window or the wall's scale changed. */
  resize(scale: number, slice: SliceFrame): void;
  dispose(): void;
}

/** How often a scene whose layers still load their own content is asked again whether it is drawn. */
const LOADING_POLL_MS = 500;
/** From this zoom on, a tap picks a building rather than a district. */
const BUILDING_PICK_ZOOM = 12;

/**
 * The twin: a maplibre base with deck.gl layers and the 3D city interleaved in one WebGL context
 * (depth shared). It owns the map, the overlay and the city; input, the camera, the frame loop,
 * the scene's layers and the test hooks live in modules of their own beside this one. Scenes,
 * live data and selection reach it through store subscriptions, never React renders.
 */
export function createTwin(container: HTMLElement, runtime: WallRuntime, options: TwinOptions): Twin {
  const { districts, selection, topics, scenes, flags, city, control } = runtime;
  const framing = { scale: options.scale, slice: options.slice };
  let scene = currentScene(scenes.getState());
  const status = twinStatus();
  status.mapLoaded = false;
  status.generation += 1;
  delete document.documentElement.dataset.twinReady;
  delete document.documentElement.dataset.sceneReady;

  // The padding puts the camera centre on the centre of the wall's virtual view (slice.ts).
  const camera = { ...mapPose(scene.camera, framing.scale), padding: framing.slice.padding };
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    ...camera,
    maxPitch: 75,
    // maplibre caps its drawing buffer at 4096 px by default, which would halve a 7680-px wall.
    maxCanvasSize: [8192, 8192],
    attributionControl: false,
    canvasContextAttributes: { antialias: true },
    doubleClickZoom: false, // a double tap flies to the district instead
  });
  const scheduler = createFrameScheduler({ draw: () => map.triggerRepaint() });

  // The camera in design space (framing.ts): the map's zoom is shifted by the wall's scale.
  const director = createCameraDirector({
    surface: {
      read: () => {
        const c = map.getCenter();
        return { center: [c.lng, c.lat], zoom: designZoom(map.getZoom(), framing.scale), pitch: map.getPitch(), bearing: map.getBearing() };
      },
      put: (pose) => map.jumpTo({ ...mapPose(pose, framing.scale), padding: framing.slice.padding }),
    },
    scheduler,
    now: wallNow,
    sceneCamera: () => scene.camera,
    orbitBearing: (wall) => orbitBearing(wall),
    onOrbit: (wall, bearing) => (status.orbit = { wall, bearing }),
  });
  // Scene switches, fly-to-district and home fly as long as console commands do.
  const flyMs = flags.anim ? WALL_FLY_MS : 0;

  const cityLayer = new CityLayer();
  /** What the scene's modules add to the city (null until the layers were first built). */
  const effects = { cityHidden: false, effectsHidden: false, city3d: null as readonly City3DElement[] | null };
  const updateCity = () => {
    cityLayer.update({
      buildings: city.getState().buildings,
      time: playbackTime(control) ?? flags.time ?? wallNow(),
      highlightDistrict: selection.getState().district,
      highlightBuilding: selection.getState().building,
      visible: scene.city.buildings && !effects.cityHidden,
      city3d: effects.effectsHidden ? [] : (effects.city3d ?? []),
      animate: flags.anim,
    });
    if (cityLayer.animating) scheduler.animate(cityFrames);
  };
  // One function each: the scheduler holds a set, so asking again while running adds nothing.
  const cityFrames = () => cityLayer.animating;

  const deck = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    onAfterRender: () => {
      status.deckFrames += 1;
      // The overlay keeps its Deck private; its stats are the only count of attribute rebuilds.
      status.attributeUpdates = counters.attributeUpdates();
      markTwinReady();
    },
    getTooltip: ({ object, layer }: PickingInfo) => {
      const input = layers.lastInput();
      const owner = layer && object !== undefined && input ? sceneLayerOf(input.scene, input.registry, layer.id) : null;
      const lines = owner?.kind.tooltip?.(object, contextFor(owner.kind, owner.layer, input!));
      return lines?.length ? { text: lines.join('\n'), className: 'twin-tooltip' } : null;
    },
  });
  const counters = deckCounters(deck);
  const layers = createSceneDriver({
    runtime,
    map,
    deck,
    scene: () => scene,
    scale: () => framing.scale,
    requestFrame: scheduler.request,
    onCityEffects: (frame) => {
      // Modules' 3D elements change far less often than the layers are drawn: the city hears of real changes only.
      if (effects.city3d && sameElements(frame.city3d, effects.city3d)) return;
      effects.city3d = frame.city3d;
      updateCity();
    },
  });
  const layerFrames = () => (layers.draw(), layers.animated());
  let loadingPoll: ReturnType<typeof setTimeout> | null = null;
  /** Draws the layers now, and every frame while an animated layer is on screen. */
  const redraw = () => {
    const frame = layers.draw();
    if (layers.animated()) scheduler.animate(layerFrames);
    // Layers loading their own content (tiles, models) tell that they are done only when asked.
    if (frame.loading && !loadingPoll) loadingPoll = setTimeout(() => ((loadingPoll = null), redraw()), LOADING_POLL_MS);
  };

  map.on('load', () => {
    // The city first, then deck's interleaved layers: translucent data layers blend over buildings.
    map.addLayer(cityLayer);
    map.addControl(deck);
    updateCity();
    status.mapLoaded = true;
    markTwinReady();
  });
  // A lost context cannot be trusted to come back whole (deck, three and maplibre each hold GPU
  // state): the host mounts a fresh twin, which restores everything from the stores.
  map.on('webglcontextlost', () => {
    status.contextLost += 1;
    options.onContextLost?.();
  });

  /** Fitted into the design's fit area between the panel columns, scaled with the wall (framing.ts). */
  const districtCamera = (code: string): CameraPose | null => {
    const bounds = districtBounds(districts, code);
    const margin = fitMargins(framing.slice.virtual, framing.scale);
    // Should the fit still fail (a degenerate window), fit the whole view.
    const fit = bounds && (map.cameraForBounds(bounds, { padding: fitPadding(framing.slice, margin.x, margin.y) }) ?? map.cameraForBounds(bounds));
    if (!fit?.center) return null;
    const center = LngLat.convert(fit.center);
    return { center: [center.lng, center.lat], zoom: designZoom(fit.zoom ?? map.getZoom(), framing.scale), pitch: 50, bearing: fit.bearing ?? 0 };
  };
  const flyToDistrict = (code: string) => {
    const to = districtCamera(code);
    return to !== null && director.fly('local', to, { duration: flyMs, release: true });
  };
  const flyHome = () => void director.fly('local', 'scene', { duration: flyMs, release: true });

  // The console's commands through the hub: camera, highlight, layers, time (src/twin/wall-control.ts).
  const wallControl = attachWallControl({
    map,
    control,
    districts,
    selection,
    director,
    animate: flags.anim,
    districtCamera, // framed as the double-tap fly frames it
    onStateChange: () => (redraw(), updateCity()),
  });
  const detachInput = attachInput({
    map,
    keys: window,
    ready: () => status.mapLoaded,
    // Close in, a tap on a building selects it (and its district); further out, districts.
    pickBuilding: (x, y) => {
      const index = designZoom(map.getZoom(), framing.scale) >= BUILDING_PICK_ZOOM ? cityLayer.pick(x, y) : null;
      const buildings = city.getState().buildings;
      return index !== null && buildings ? { index, district: String(buildings.district[index]) } : null;
    },
    pickDistrict: (x, y) => districtCodeOf(deck.pickObject({ x, y, radius: 4 })?.object),
    select: (district, building) => selection.setState({ district, building }),
    flyToDistrict,
    flyHome,
    touched: () => director.userInput(),
  });

  const onScene = () => {
    const next = currentScene(scenes.getState());
    if (next === scene) return;
    const otherScene = next.id !== scene.id;
    const moved = otherScene || JSON.stringify(next.camera) !== JSON.stringify(scene.camera);
    scene = next;
    layers.sceneChanged(otherScene);
    // A new version of the same scene (a designer's edit, a publish) keeps what the room selected.
    if (otherScene) selection.setState({ district: null, building: null });
    updateCity();
    if (moved) director.sceneChanged(flyMs);
    redraw();
  };

  exposeTestHooks({
    map,
    framing,
    cityLayer,
    layers,
    director,
    wallControl,
    counters,
    flyToDistrict,
    flyHome,
    setCityHidden: (hidden) => ((effects.cityHidden = hidden), updateCity()),
    setEffectsHidden: (hidden) => ((effects.effectsHidden = hidden), updateCity()),
  });
  setLabelFrame(labelFrameOf(framing.slice));
  redraw();
  if (flags.orbit) director.setOrbit(true);
  const detachDirector = options.withDirector?.(director);
  // Daylight moves slowly: a relight each minute is plenty, live. A replay runs up to 3600× (the
  // time machine): then each second.
  let relightTicks = 0;
  const relight = setInterval(() => {
    relightTicks = (relightTicks + 1) % 60;
    if (relightTicks === 0 || playbackRunning(control)) updateCity();
  }, 1_000);
  const unsubscribers = [
    districts.subscribe((next, prev) => layers.readsDistricts(next, prev) && redraw()),
    topics.subscribe((next, prev) => layers.reads(next, prev) && redraw()),
    // A lazily loaded module's layer code arrived: build its layers now.
    onModuleCodeLoaded(redraw),
    selection.subscribe(() => (redraw(), updateCity())),
    city.subscribe(updateCity),
    scenes.subscribe(onScene),
    wallControl.detach,
    detachInput,
  ];

  return {
    resize(scale, slice) {
      const resized = framing.slice !== slice;
      const before = framing.scale;
      framing.scale = scale;
      framing.slice = slice;
      if (resized) {
        map.resize(); // the canvas box changed with the window: match it before the padding
        map.setPadding(slice.padding);
        setLabelFrame(labelFrameOf(slice));
      }
      // The design-space camera stays where it was: a window grown to twice the height shows the same area.
      if (scale !== before) map.setZoom(mapPose({ zoom: designZoom(map.getZoom(), before) }, scale).zoom);
      redraw();
    },
    dispose() {
      detachDirector?.();
      unsubscribers.forEach((u) => u());
      clearInterval(relight);
      if (loadingPoll) clearTimeout(loadingPoll);
      director.dispose();
      scheduler.dispose();
      // After a lost context maplibre has already dropped its style: each step may find nothing left.
      const attempt = (step: () => void) => {
        try {
          step();
        } catch {
          /* already gone with the context */
        }
      };
      attempt(() => map.getLayer(cityLayer.id) && map.removeLayer(cityLayer.id));
      attempt(() => map.removeControl(deck));
      attempt(() => deck.finalize());
      attempt(() => map.remove());
    },
  };
}
