import type { Map as MapLibreMap } from 'maplibre-gl';
import { placedLabels } from '../../layers/label-registry.ts';
import type { CityLayer } from '../city/city-layer.ts';
import type { deckCounters } from '../deck-counters.ts';
import { mapPose } from '../framing.ts';
import type { SliceFrame } from '../slice.ts';
import { twinStatus } from '../twin-status.ts';
import type { attachWallControl } from '../wall-control.ts';
import type { CameraDirector } from './camera-director.ts';
import type { SceneDriver } from './scene-driver.ts';

export interface TestHookDeps {
  map: MapLibreMap;
  framing: { scale: number; slice: SliceFrame };
  cityLayer: CityLayer;
  layers: SceneDriver;
  director: CameraDirector;
  wallControl: ReturnType<typeof attachWallControl>;
  counters: ReturnType<typeof deckCounters>;
  flyToDistrict: (code: string) => boolean;
  flyHome: () => void;
  setCityHidden: (hidden: boolean) => void;
  setEffectsHidden: (hidden: boolean) => void;
}

/**
 * What tests, screenshots and benchmarks may ask of the twin (window.__onescreenTwin,
 * src/twin/twin-status.ts): what it drew, where things are, and a few switches.
 */
export function exposeTestHooks(deps: TestHookDeps) {
  const { map, framing } = deps;
  const status = twinStatus();
  // In this display's coordinates: the map canvas of a sliced wall may start left of the window.
  status.project = (lonLat) => {
    const p = map.project(lonLat);
    return { x: p.x + framing.slice.container.left, y: p.y + framing.slice.container.top };
  };
  status.slice = () => framing.slice;
  status.labels = () => {
    const { left, top } = framing.slice.container;
    return placedLabels().map((l) => ({ ...l, x: l.x + left, y: l.y + top }));
  };
  status.jumpTo = (camera) => map.jumpTo(mapPose(camera, framing.scale));
  status.camera = deps.director.camera;
  status.deckMetrics = deps.counters.metrics;
  status.flyToDistrict = deps.flyToDistrict;
  status.flyHome = deps.flyHome;
  status.wallControl = deps.wallControl.stats;
  status.cityStats = () => deps.cityLayer.stats();
  status.setCityHidden = deps.setCityHidden;
  status.setEffectsHidden = deps.setEffectsHidden;
  status.setLayersHidden = deps.layers.setLayersHidden;
  /** The base map layers' own visibility, put back when the filter is lifted. */
  const baseVisibility = new Map<string, unknown>();
  status.setOnlyLayers = (prefixes) => {
    // The style lists the base map's layers only (deck's and the city's custom layers are not in it).
    for (const layer of map.getStyle().layers) {
      if (!baseVisibility.has(layer.id)) baseVisibility.set(layer.id, map.getLayoutProperty(layer.id, 'visibility') ?? 'visible');
      map.setLayoutProperty(layer.id, 'visibility', prefixes ? 'none' : baseVisibility.get(layer.id));
    }
    deps.layers.setOnlyLayers(prefixes);
  };
}
