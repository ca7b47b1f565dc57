import { useEffect, useRef } from 'react';
import { LngLat, Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { deckCounters } from './deck-counters.ts';
import type { PickingInfo } from '@deck.gl/core';
import { useWallRuntime } from '../app/wall-runtime.ts';
import type { Camera } from '../hub/contract.ts';
import type { Beacon } from '../modules/types.ts';
import type { RainField } from './city/rain.ts';
import { setLegends } from '../store/legend-store.ts';
import { currentScene } from '../store/scene-store.ts';
import { baseStyle } from './base-style.ts';
import { buildSceneFrame, contextFor, districtCodeOf, sceneLayerOf, type SceneFrameInput } from './scene-layers.ts';
import { markTwinReady, noteSceneLayersReady, twinStatus } from './twin-status.ts';
import { CityLayer } from './city/city-layer.ts';
import { startOrbit } from './orbit.ts';
import { wallNow } from '../control/wall-clock.ts';
import { onModuleCodeLoaded } from '../modules/lazy-code.ts';
import { fitPadding, type Insets, type SliceFrame } from './slice.ts';
import { attachWallControl, districtBounds, playbackTime } from './wall-control.ts';
import { designZoom, fitMargins, mapPose, type CameraPose } from './framing.ts';
import { placedLabels, setLabelFrame } from '../layers/label-registry.ts';

interface Props {
  /** The DOM's design scale: labels and framing stay proportional to the wall. */
  scale: number;
  /** This display's slice of the wall's one virtual view (a single display: all of it). */
  slice: SliceFrame;
  /** Called when the WebGL context is lost: the host mounts a fresh twin. */
  onContextLost?: () => void;
}

const FLY_MS = 3000;
/** From this zoom on, a tap picks a building rather than a district. */
const BUILDING_PICK_ZOOM = 12;

/**
 * The padding is the slice's (src/twin/slice.ts): it puts the camera centre on the centre of the
 * wall's virtual view. The panel columns sit symmetrically either side, so they never moved the
 * centre; they only narrow what a fit to bounds may use (fitPadding). The camera is in design
 * space (src/twin/framing.ts): its zoom is shifted to this wall's scale.
 */
function cameraOptions(camera: Camera, padding: Insets, scale: number) {
  return {
    center: camera.center,
    zoom: mapPose(camera, scale).zoom,
    pitch: camera.pitch,
    bearing: camera.bearing,
    padding,
  };
}

/** Labels are placed in the whole wall's view: every display of a wall places the same ones. */
const labelFrameOf = ({ container, offset, virtual }: SliceFrame) => ({
  x: container.left + offset.x,
  y: container.top + offset.y,
  width: virtual.width,
  height: virtual.height,
});

/**
 * The twin: a maplibre base with deck.gl layers interleaved in the same WebGL context (depth
 * shared). Scenes, live data and selection reach deck through store subscriptions, not React
 * renders; animated layers get a requestAnimationFrame loop only while they are on screen.
 */
export function TwinMap({ scale, slice, onContextLost }: Props) {
  const runtime = useWallRuntime();
  const container = useRef<HTMLDivElement>(null);
  const scaleRef = useRef(scale);
  const redraw = useRef<() => void>(() => {});
  const framing = useRef({ scale, slice });
  const mapRef = useRef<MapLibreMap | null>(null);

  useEffect(() => {
    const { overview, selection, topics, scenes, legends, diagnostics, flags, city } = runtime;
    const status = twinStatus();
    status.mapLoaded = false;
    status.generation += 1;
    delete document.documentElement.dataset.twinReady;
    delete document.documentElement.dataset.sceneReady;
    const padding = () => framing.current.slice.padding;
    let scene = currentScene(scenes.getState());
    const map = new MapLibreMap({
      container: container.current!,
      style: baseStyle(),
      ...cameraOptions(scene.camera, padding(), framing.current.scale),
      maxPitch: 75,
      // maplibre caps its drawing buffer at 4096 px by default, which would halve a 7680-px wall.
      maxCanvasSize: [8192, 8192],
      attributionControl: false,
      canvasContextAttributes: { antialias: true },
      doubleClickZoom: false, // a double tap flies to the district instead
    });
    mapRef.current = map;
    const cityLayer = new CityLayer();
    let cityHidden = false;
    let beacons: Beacon[] = [];
    let rain: RainField | null = null;
    let effectsHidden = false;
    const updateCity = () =>
      cityLayer.update({
        buildings: city.getState().buildings,
        time: playbackTime(runtime.control) ?? flags.time ?? wallNow(),
        highlightDistrict: selection.getState().district,
        highlightBuilding: selection.getState().building,
        visible: scene.city.buildings && !cityHidden,
        beacons: layersHidden || effectsHidden ? [] : beacons,
        rain: layersHidden || effectsHidden ? null : rain,
        animate: flags.anim,
      });
    status.setEffectsHidden = (hidden) => {
      effectsHidden = hidden;
      updateCity();
    };
    status.setCityHidden = (hidden) => {
      cityHidden = hidden;
      updateCity();
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
      onContextLost?.();
    });
    // In this display's coordinates: the map canvas of a sliced wall may start left of the window.
    status.project = (lonLat) => {
      const p = map.project(lonLat);
      return { x: p.x + framing.current.slice.container.left, y: p.y + framing.current.slice.container.top };
    };
    status.slice = () => framing.current.slice;
    setLabelFrame(labelFrameOf(framing.current.slice));
    status.labels = () => {
      const { left, top } = framing.current.slice.container;
      return placedLabels().map((l) => ({ ...l, x: l.x + left, y: l.y + top }));
    };
    status.jumpTo = (camera) => map.jumpTo(mapPose(camera, framing.current.scale));

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
        const owner = layer && object !== undefined && lastInput ? sceneLayerOf(lastInput.scene, layer.id) : null;
        const lines = owner?.kind.tooltip?.(object, contextFor(owner.kind, owner.layer, lastInput!));
        return lines?.length ? { text: lines.join('\n'), className: 'twin-tooltip' } : null;
      },
    });
    const counters = deckCounters(deck);
    status.deckMetrics = counters.metrics;
    // Fitted into the design's fit area between the panel columns, scaled with the wall
    // (DESIGN_FIT_AREA in framing.ts): the same district framing at every wall size.
    const districtCamera = (code: string): CameraPose | null => {
      const bounds = districtBounds(overview, code);
      // Should the fit still fail (a degenerate window), fit the whole view.
      const margin = fitMargins(framing.current.slice.virtual, framing.current.scale);
      const fit = bounds && (map.cameraForBounds(bounds, { padding: fitPadding(framing.current.slice, margin.x, margin.y) }) ?? map.cameraForBounds(bounds));
      if (!fit?.center) return null;
      const center = LngLat.convert(fit.center);
      return { center: [center.lng, center.lat], zoom: designZoom(fit.zoom ?? map.getZoom(), framing.current.scale), pitch: 50, bearing: fit.bearing ?? 0 };
    };
    const flyToDistrict = (code: string) => {
      const to = districtCamera(code);
      if (!to) return false;
      map.flyTo({ ...mapPose(to, framing.current.scale), padding: padding(), duration: flags.anim ? FLY_MS : 0, essential: true });
      return true;
    };
    const flyHome = () => map.flyTo({ ...cameraOptions(scene.camera, padding(), framing.current.scale), duration: flags.anim ? FLY_MS : 0, essential: true });
    status.flyToDistrict = flyToDistrict;
    status.flyHome = flyHome;
    // The console's commands through the hub: camera, highlight, layers, time (src/twin/wall-control.ts).
    const wallControl = attachWallControl({
      map,
      control: runtime.control,
      scenes,
      overview,
      selection,
      padding,
      scale: () => framing.current.scale,
      animate: flags.anim,
      // Framed as the double-tap fly frames a district.
      districtCamera,
      onStateChange: () => (redraw.current(), updateCity()),
    });
    status.wallControl = wallControl.stats;
    status.camera = wallControl.camera;
    map.on('dblclick', (e) => {
      if (!status.mapLoaded) return;
      const code = districtCodeOf(deck.pickObject({ x: e.point.x, y: e.point.y, radius: 4 })?.object);
      if (code) {
        selection.setState({ district: code, building: null });
        flyToDistrict(code);
      }
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Home' || e.key === 'h' || e.key === 'Escape') {
        selection.setState({ district: null, building: null });
        flyHome();
      }
    };
    addEventListener('keydown', onKey);
    // Taps and clicks come through maplibre (it tells a tap from a pan); deck picks what is under it.
    map.on('click', (e) => {
      if (!status.mapLoaded) return;
      // Close in, a tap on a building selects it (and its district); further out, districts.
      const building = designZoom(map.getZoom(), framing.current.scale) >= BUILDING_PICK_ZOOM ? cityLayer.pick(e.point.x, e.point.y) : null;
      const buildings = city.getState().buildings;
      if (building !== null && buildings) {
        selection.setState({ district: String(buildings.district[building]), building });
        return;
      }
      const picked = deck.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
      selection.setState({ district: districtCodeOf(picked?.object), building: null });
    });

    const failedLayers = new Set<string>();
    let readyScene: string | null = null;
    let raf = 0;
    let lastInput: SceneFrameInput | null = null;
    let layersHidden = false;
    let lastNudge = 0;
    let nudgeSign = 1;
    status.setLayersHidden = (hidden) => {
      layersHidden = hidden;
      redraw.current();
    };
    let onlyLayers: string[] | null = null;
    /** The base map layers' own visibility, put back when the filter is lifted. */
    const baseVisibility = new Map<string, unknown>();
    status.setOnlyLayers = (prefixes) => {
      onlyLayers = prefixes;
      // The style lists the base map's layers only (deck's and the city's custom layers are not in it).
      for (const layer of map.getStyle().layers) {
        if (!baseVisibility.has(layer.id)) baseVisibility.set(layer.id, map.getLayoutProperty(layer.id, 'visibility') ?? 'visible');
        map.setLayoutProperty(layer.id, 'visibility', prefixes ? 'none' : baseVisibility.get(layer.id));
      }
      redraw.current();
    };
    const frameLoop = () => {
      raf = 0;
      redraw.current();
    };
    redraw.current = () => {
      lastInput = {
        scene,
        topics: topics.getState(),
        districts: overview.getState().districts,
        overview: overview.getState().overview,
        selectedDistrict: selection.getState().district,
        scale: scaleRef.current,
        now: flags.anim ? wallNow() : 0,
        animate: flags.anim,
        layerVisibility: runtime.control.getState().state?.layers,
      };
      const frame = buildSceneFrame(
        lastInput,
        (layerId, err) => {
          if (failedLayers.has(layerId)) return;
          failedLayers.add(layerId); // report once: a broken builder would otherwise flood diagnostics
          diagnostics.setState({ lastError: `layer ${layerId}: ${err instanceof Error ? err.message : String(err)}` });
        },
      );
      const only = onlyLayers;
      deck.setProps({ layers: layersHidden ? [] : only ? frame.layers.filter((l) => only.some((p) => l.id.startsWith(p))) : frame.layers });
      if (JSON.stringify(frame.beacons) !== JSON.stringify(beacons) || frame.rain !== rain) {
        beacons = frame.beacons;
        rain = frame.rain;
        updateCity();
      }
      status.layerIds = frame.layers.map((l) => l.id);
      setLegends(legends, frame.legends);
      // deck.gl's Tile3DLayer selects tiles when the viewport changes; a tileset that finishes
      // loading under a still camera may never be traversed. While content is pending, nudge the
      // bearing by a thousandth of a degree (invisible) every two seconds.
      if (frame.loading && Date.now() - lastNudge > 2000 && status.mapLoaded) {
        lastNudge = Date.now();
        nudgeSign = -nudgeSign;
        map.jumpTo({ bearing: map.getBearing() + nudgeSign * 1e-3 });
      }
      if (frame.ready && readyScene !== scene.id) {
        readyScene = scene.id;
        noteSceneLayersReady(scene.id);
        map.triggerRepaint(); // a still scene draws no new frame by itself: ask for the one that counts
      }
      if (frame.animated && flags.anim && !raf) raf = requestAnimationFrame(frameLoop);
    };

    const onScene = () => {
      const next = currentScene(scenes.getState());
      if (next === scene) return;
      const moved = next.id !== scene.id || JSON.stringify(next.camera) !== JSON.stringify(scene.camera);
      scene = next;
      readyScene = null;
      failedLayers.clear();
      selection.setState({ district: null, building: null });
      updateCity();
      if (moved) {
        const options = cameraOptions(scene.camera, padding(), framing.current.scale);
        if (flags.anim) map.flyTo({ ...options, duration: FLY_MS, essential: true, curve: 1.2 });
        else map.jumpTo(options);
      }
      redraw.current();
    };

    redraw.current();
    // Daylight moves slowly: a relight each minute is plenty.
    const relight = setInterval(updateCity, 60_000);
    const stopOrbit = flags.orbit ? startOrbit(map, (wall, bearing) => (status.orbit = { wall, bearing })) : () => {};
    status.cityStats = () => cityLayer.stats();
    const unsubscribers = [
      overview.subscribe((s, prev) => (s.districts !== prev.districts || s.overview !== prev.overview) && redraw.current()),
      topics.subscribe(() => redraw.current()),
      // A lazily loaded module's layer code arrived: build its layers now.
      onModuleCodeLoaded(() => redraw.current()),
      selection.subscribe(() => (redraw.current(), updateCity())),
      city.subscribe(updateCity),
      scenes.subscribe(onScene),
      wallControl.detach,
    ];

    return () => {
      unsubscribers.forEach((u) => u());
      removeEventListener('keydown', onKey);
      clearInterval(relight);
      stopOrbit();
      if (raf) cancelAnimationFrame(raf);
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
      mapRef.current = null;
    };
  }, [runtime, onContextLost]);

  useEffect(() => {
    scaleRef.current = scale;
    const resized = framing.current.slice !== slice;
    const rescaled = framing.current.scale !== scale;
    const before = framing.current.scale;
    framing.current = { scale, slice };
    const map = mapRef.current;
    if (map && resized) {
      map.resize(); // the canvas box changed with the window: match it before the padding
      map.setPadding(slice.padding);
      setLabelFrame(labelFrameOf(slice));
    }
    // The design-space camera stays where it was: a window grown to twice the height shows the same area.
    if (map && rescaled) map.setZoom(mapPose({ zoom: designZoom(map.getZoom(), before) }, scale).zoom);
    redraw.current();
  }, [scale, slice]);

  const box = slice.container;
  return (
    <div
      ref={container}
      className="twin"
      data-testid="twin"
      style={{ left: box.left, top: box.top, width: box.width, height: box.height, right: 'auto', bottom: 'auto' }}
    />
  );
}
