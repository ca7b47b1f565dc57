import { LngLatBounds, Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { wallNow } from '../core/wall-clock.ts';
import type { CameraTarget, Highlight, WallState } from '../hub/control.ts';
import type { ControlState, ControlStore } from '../store/control-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import type { SelectionStore } from '../store/selection-store.ts';
import type { CameraPose } from './wall-flight.ts';
import type { CameraDirector, CameraGoal } from './controller/camera-director.ts';
import './wall-control.css';

/** How long a commanded flight takes (the same on every display: the curve is computed, not timed). */
export const WALL_FLY_MS = 3000;

export interface WallControlDeps {
  map: MapLibreMap;
  control: ControlStore;
  districts: DistrictStore;
  selection: SelectionStore;
  /** The twin's one camera owner: the console holds the camera through it. */
  director: CameraDirector;
  /** The camera that frames a district, as the double-tap fly frames it; null before districts load. */
  districtCamera: (code: string) => CameraPose | null;
  animate: boolean;
  /** Layers or time changed: the twin redraws its layers and relights the city. */
  onStateChange: () => void;
}

export interface WallControlStats {
  /** Camera moves started by commands (deltas), and camera jumps made by snapshots. */
  flights: number;
  jumps: number;
  flying: boolean;
  /** The label of the point highlighted by the console, if any. */
  marker: string | null;
}

/** The time the twin shows: the playback moment, or null for live. */
export function playbackTime(control: ControlStore): number | null {
  const time = control.getState().state?.time;
  return time?.mode === 'playback' ? time.at : null;
}

/** The bounds of a district from the hub's district geometry, or null. */
export function districtBounds(districts: DistrictStore, code: string): LngLatBounds | null {
  const feature = districts.getState().districts?.features.find((f) => f.properties.code === code);
  if (!feature) return null;
  const b = new LngLatBounds();
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const poly of polygons) for (const [lon, lat] of poly[0]) b.extend([lon, lat]);
  return b;
}

/** Counted per page, not per twin: a twin rebuilt after a lost WebGL context keeps counting. */
const totals = { flights: 0, jumps: 0 };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts the wall state on the twin: the camera (jumped to after a snapshot, flown in lock-step after
 * a command), the highlight (a district selected as by a tap, or a labelled point marker), and tells
 * the twin when layers or time changed. The console holds the camera through the twin's director
 * (controller/camera-director.ts), which flies on the wall clock: every display shows the same pose
 * at the same hub time, and the next command takes over from wherever the last flight was at its
 * issuedAt.
 */
export function attachWallControl(deps: WallControlDeps) {
  const { map, control, director } = deps;
  /** A target that could not be resolved yet (the districts had not arrived): jumped to when they do. */
  let pending: { target: CameraTarget | null } | null = null;
  let marker: Marker | null = null;
  let markerLabel: string | null = null;
  const stats = totals;

  /** null: the scene's own camera, and the console gives the camera back once there. */
  function resolve(target: CameraTarget | null, base: CameraPose): CameraGoal | null {
    if (target === null) return 'scene';
    if ('district' in target) return deps.districtCamera(target.district);
    return {
      center: target.center,
      zoom: target.zoom ?? base.zoom,
      pitch: target.pitch ?? base.pitch,
      bearing: target.bearing ?? base.bearing,
    };
  }

  function move(target: CameraTarget | null, start: number | undefined, duration: number) {
    // An interrupted flight hands over where it was at the command's moment, on every display alike.
    const to = resolve(target, director.poseAt(start ?? wallNow()));
    pending = to ? null : { target };
    if (!to) return false;
    director.fly('console', to, { start, duration, release: target === null });
    return true;
  }

  /** A snapshot says what is true now: jump there, never replay the way there. */
  const jump = (target: CameraTarget | null) => move(target, undefined, 0) && stats.jumps++;
  const fly = (target: CameraTarget | null, issuedAt: number) => move(target, issuedAt, deps.animate ? WALL_FLY_MS : 0) && stats.flights++;

  function highlight(target: Highlight | null) {
    marker?.remove();
    marker = null;
    markerLabel = null;
    if (target && 'district' in target) {
      deps.selection.setState({ district: target.district, building: null });
      return;
    }
    deps.selection.setState({ district: null, building: null });
    if (!target) return;
    const el = document.createElement('div');
    el.className = 'wall-marker';
    el.dataset.testid = 'wall-marker';
    const label = document.createElement('span');
    label.className = 'wall-marker__label';
    // Hub text is text: never HTML.
    label.textContent = target.label ?? '';
    const dot = document.createElement('span');
    dot.className = 'wall-marker__dot';
    el.append(label, dot);
    marker = new Marker({ element: el, anchor: 'bottom' }).setLngLat(target.point).addTo(map);
    markerLabel = target.label ?? '';
  }

  function onControl(s: ControlState, prev: ControlState) {
    if (s.change === prev.change || !s.state || !s.change) return;
    const { state, change } = s;
    const before: WallState | null = change.prev;
    if (change.kind === 'snapshot') {
      // A snapshot says what is true now: jump there, never replay the way there.
      if (before === null ? state.camera !== null : !same(before.camera, state.camera) || before.scene !== state.scene) jump(state.camera);
      if (!same(before?.highlight ?? null, state.highlight)) highlight(state.highlight);
    } else {
      const { command } = change;
      if (command.type === 'fly' || command.type === 'scene') fly(state.camera, change.issuedAt);
      if (command.type === 'highlight' || command.type === 'scene') highlight(state.highlight);
    }
    deps.onStateChange();
  }

  const unsubscribers = [
    control.subscribe(onControl),
    deps.districts.subscribe((s, prev) => {
      if (pending && s.districts !== prev.districts) jump(pending.target);
    }),
  ];

  // A twin built anew (first mount, lost WebGL context) takes the state as it stands, without flying.
  const held = control.getState().state;
  if (held) {
    if (held.camera) jump(held.camera);
    if (held.highlight && !('district' in held.highlight)) highlight(held.highlight);
  }

  return {
    stats: (): WallControlStats => ({ ...stats, flying: director.holder() === 'console' && director.flying(), marker: markerLabel }),
    detach() {
      unsubscribers.forEach((u) => u());
      director.release('console');
      marker?.remove();
    },
  };
}
