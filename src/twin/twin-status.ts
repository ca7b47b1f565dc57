/**
 * What the twin has actually drawn, for tests and screenshots to wait on instead of sleeping.
 * Mirrored onto <html data-twin-ready data-scene-ready> so a test can wait with a selector.
 */
export interface TwinStatus {
  mapLoaded: boolean;
  deckFrames: number;
  /**
   * Cumulative count of deck.gl attribute-buffer rebuilds (deck's 'Attributes updated' stat: one
   * per layer update in which the attribute manager recomputed attributes through accessors or
   * updaters). Binary `data.attributes` handed in by the live path are uploads, not rebuilds, and
   * GPU transitions between frames are neither: between hub updates it should not move. Read by
   * the benchmarks (samples over frames with no update in between).
   */
  attributeUpdates: number;
  /** deck.gl's own `metrics` (cpuTimePerFrame, gpuTimePerFrame, …, averaged over its last ≤60 frames); for bench/render.ts. */
  deckMetrics?: () => import('./deck-counters.ts').DeckMetrics | null;
  /** The scene whose layers all have data and have been handed to deck. */
  sceneReady: string | null;
  contextLost: number;
  /** How many times the twin was (re)built: a lost WebGL context builds it anew. */
  generation: number;
  /** Ids of the deck.gl layers last handed to deck. */
  layerIds: string[];
  /** Hides the data layers (base map only), so a test can tell what the layers themselves draw. */
  setLayersHidden?: (hidden: boolean) => void;
  /**
   * Draws only the deck layers whose ids start with one of these (null: everything again), and hides
   * the base map's layers with them: the render benchmark compares one layer with a bare deck.gl page.
   */
  setOnlyLayers?: (prefixes: string[] | null) => void;
  /** Hides the 3D city, so a test can tell what the buildings draw. */
  setCityHidden?: (hidden: boolean) => void;
  /** Hides the 3D effects (alert beacons, falling rain), so a test can tell what they draw. */
  setEffectsHidden?: (hidden: boolean) => void;
  /** GPU resources of the 3D city (instances, three.js geometries, beacons, whether rain falls). */
  cityStats?: () => { instances: number; geometries: number; beacons: number; rain: boolean };
  /** Flies to a district (false if unknown) or back to the scene's own camera. */
  flyToDistrict?: (code: string) => boolean;
  flyHome?: () => void;
  /** Moves the camera at once (screenshots of a place; tests); a design-space camera (src/twin/framing.ts). */
  jumpTo?: (camera: { center: [number, number]; zoom: number; pitch?: number; bearing?: number }) => void;
  /** This display's slice of the wall's virtual view (offset, canvas box, padding). */
  slice?: () => import('./slice.ts').SliceFrame;
  /** The orbit's last turn (?orbit=1): the bearing set and the wall time it was computed for. */
  orbit?: { wall: number; bearing: number };
  /** Screen position (CSS px, this display's window) of a WGS-84 point: lets tests point at a district. */
  project?: (lonLat: [number, number]) => { x: number; y: number };
  /** What the console's commands did here: flights started by deltas, jumps made by snapshots. */
  wallControl?: () => import('./wall-control.ts').WallControlStats;
  /** The map labels placed now (src/layers/placed-labels-layer.ts), in this display's CSS px. */
  labels?: () => import('../layers/label-registry.ts').PlacedLabel[];
  /** The camera now (centre, zoom, pitch, bearing), in design space: the same on a wall of any size. */
  camera?: () => import('./wall-flight.ts').CameraPose;
}

declare global {
  interface Window {
    __onescreenTwin?: TwinStatus;
  }
}

export function twinStatus(): TwinStatus {
  window.__onescreenTwin ??= { mapLoaded: false, deckFrames: 0, attributeUpdates: 0, sceneReady: null, contextLost: 0, generation: 0, layerIds: [] };
  return window.__onescreenTwin;
}

let framesAtSceneReady = 0;

/** Called when a scene's layers are complete: the scene counts as drawn after the next deck frame. */
export function noteSceneLayersReady(sceneId: string | null) {
  const s = twinStatus();
  s.sceneReady = sceneId;
  framesAtSceneReady = s.deckFrames;
  delete document.documentElement.dataset.sceneReady;
}

export function markTwinReady() {
  const s = twinStatus();
  if (!s.mapLoaded || !s.sceneReady || s.deckFrames < framesAtSceneReady + 1) return;
  document.documentElement.dataset.twinReady = '1';
  if (document.documentElement.dataset.sceneReady !== s.sceneReady) document.documentElement.dataset.sceneReady = s.sceneReady;
}
