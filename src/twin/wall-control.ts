import { LngLatBounds, Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { wallNow } from '../core/wall-clock.ts';
import type { CameraTarget, Highlight, WallState } from '../hub/control.ts';
import { replayedMoment } from '../hub/replay-clock.ts';
import type { ControlState, ControlStore, TourView } from '../store/control-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import type { SelectionStore } from '../store/selection-store.ts';
import type { CameraPose } from './wall-flight.ts';
import type { CameraDirector, CameraGoal } from './controller/camera-director.ts';
import { tourFocusZoom } from './tour-framing.ts';
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
  /** Camera flights to tour steps (each step's, and back to it after exploring). */
  tourFlights: number;
  /** The tour step whose camera the twin holds: "<scene>/<tour>#<index>", or null. */
  tourStep: string | null;
  flying: boolean;
  /** The label of the point highlighted by the console, if any. */
  marker: string | null;
}

/** The time the twin shows: the replayed moment now (hub/replay-clock.ts), or null for live. */
export function playbackTime(control: ControlStore): number | null {
  return replayedMoment(control.getState().state?.time, wallNow());
}

/** The replayed clock is running (playback, not paused): the sun moves faster than a minute a minute. */
export function playbackRunning(control: ControlStore): boolean {
  const time = control.getState().state?.time;
  return time?.mode === 'playback' && !time.paused;
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
const totals = { flights: 0, jumps: 0, tourFlights: 0 };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts the wall state on the twin: the camera (jumped to after a snapshot, flown in lock-step after
 * a command), the highlight (a district selected as by a tap, or a labelled point marker), and tells
 * the twin when layers or time changed. The console holds the camera through the twin's director
 * (controller/camera-director.ts), which flies on the wall clock: every display shows the same pose
 * at the same hub time, and the next command takes over from wherever the last flight was at its
 * issuedAt.
 *
 * A guided tour (the control store's `tour`, src/control/tour-driver.ts) holds the camera as the
 * `tour` holder, below the console: each step flies to its camera from the moment the step was
 * shown (hub time), with its duration and easing, so displays fly it in lock-step and one that
 * joins mid-step lands where the others are. A district is framed lower than usual so that the
 * caption band stays clear of it (tour-framing.ts). While the presenter explores, the tour lets
 * the camera go; the highlight is the console's if it set one, else the step's.
 */
export function attachWallControl(deps: WallControlDeps) {
  const { map, control, director } = deps;
  /** A target that could not be resolved yet (the districts had not arrived): jumped to when they do. */
  let pending: { target: CameraTarget | null } | null = null;
  let marker: Marker | null = null;
  let markerLabel: string | null = null;
  /** The highlight last put on the twin (undefined: none yet). */
  let shown: Highlight | null | undefined;
  /** The tour step whose camera was flown ("" while exploring or none), and one that waits for the districts. */
  let tourFlown = '';
  let tourPending = false;
  const stats = totals;
  const tourFlyMs = (ms: number) => (deps.animate ? ms : 0);

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

  /** The console's highlight if it set one, else the tour step's. */
  const effectiveHighlight = (s: Pick<ControlState, 'state' | 'tour'>): Highlight | null => s.state?.highlight ?? s.tour?.highlight ?? null;
  const refreshHighlight = (s: Pick<ControlState, 'state' | 'tour'>) => {
    const target = effectiveHighlight(s);
    if (shown === undefined || !same(shown, target)) highlight(target);
  };

  function highlight(target: Highlight | null) {
    shown = target;
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

  /** Where a tour step's camera goes: a district framed into the band above the caption, or a point. */
  function tourGoal(target: CameraTarget, start: number): CameraGoal | null {
    if (!('district' in target)) return resolve(target, director.poseAt(start));
    const pose = deps.districtCamera(target.district);
    const bounds = districtBounds(deps.districts, target.district);
    if (!pose || !bounds) return null;
    return { ...pose, zoom: tourFocusZoom(pose, [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]) };
  }

  const tourKey = (view: TourView) => `${view.scene}/${view.tour}#${view.index}@${view.shownAt}${view.step ? '' : '?'}`;

  function flyTour(view: TourView, state: WallState | null) {
    const camera = view.step?.camera;
    const goal = camera ? tourGoal(camera.target, view.shownAt) : 'scene';
    tourPending = goal === null;
    if (!goal) return;
    // The console gave the camera back (the state holds none): the tour takes it from here.
    if (state?.camera == null && director.holder() === 'console') director.release('console');
    const duration = tourFlyMs(camera ? camera.durationMs : WALL_FLY_MS);
    if (director.fly('tour', goal, { start: view.shownAt, duration, easing: camera?.easing })) stats.tourFlights++;
  }

  function followTour(s: ControlState, prev: ControlState) {
    const view = s.tour;
    if (!view) {
      tourFlown = '';
      tourPending = false;
      if (!prev.tour) return;
      const change = s.change;
      // Stopped: back to the scene's own camera, as the wall state now says. Otherwise (a scene
      // command, a snapshot) the camera is already being put where the state says.
      if (change?.kind === 'delta' && change.command.type === 'tour' && director.holder() === 'tour')
        director.fly('tour', 'scene', { start: change.issuedAt, duration: tourFlyMs(WALL_FLY_MS), release: true });
      else {
        director.release('tour');
        // A display that missed the stop (it re-joined) goes where the others went.
        if (change?.kind === 'snapshot') jump(s.state?.camera ?? null);
      }
      return;
    }
    if (view.exploring) {
      // The presenter has the camera: it stays where it is until they move it or continue.
      if (!prev.tour?.exploring) director.release('tour');
      tourFlown = '';
      tourPending = false;
      return;
    }
    const key = tourKey(view);
    if (key === tourFlown) return;
    tourFlown = key;
    flyTour(view, s.state);
  }

  function onControl(s: ControlState, prev: ControlState) {
    const changed = s.change !== prev.change && s.state !== null && s.change !== null;
    if (!changed && s.tour === prev.tour) return;
    if (changed) {
      const { state, change } = s as ControlState & { state: WallState; change: NonNullable<ControlState['change']> };
      const before: WallState | null = change.prev;
      if (change.kind === 'snapshot') {
        // A snapshot says what is true now: jump there, never replay the way there.
        if (before === null ? state.camera !== null : !same(before.camera, state.camera) || before.scene !== state.scene) jump(state.camera);
        refreshHighlight(s);
      } else {
        const { command } = change;
        if (command.type === 'fly' || command.type === 'scene') fly(state.camera, change.issuedAt);
        if (command.type === 'highlight' || command.type === 'scene') highlight(effectiveHighlight(s));
      }
    }
    if (s.tour !== prev.tour) followTour(s, prev);
    refreshHighlight(s);
    deps.onStateChange();
  }

  const unsubscribers = [
    control.subscribe(onControl),
    deps.districts.subscribe((s, prev) => {
      if (s.districts === prev.districts) return;
      if (pending) jump(pending.target);
      const view = control.getState().tour;
      if (tourPending && view && !view.exploring) flyTour(view, control.getState().state);
    }),
  ];

  // A twin built anew (first mount, lost WebGL context) takes the state as it stands, without flying.
  const held = control.getState().state;
  if (held) {
    if (held.camera) jump(held.camera);
    const target = effectiveHighlight(control.getState());
    if (target && !('district' in target)) highlight(target);
  }
  const heldTour = control.getState().tour;
  if (heldTour && !heldTour.exploring) {
    tourFlown = tourKey(heldTour);
    flyTour(heldTour, held);
  }

  return {
    stats: (): WallControlStats => {
      const view = control.getState().tour;
      const tourStep = view && tourFlown ? `${view.scene}/${view.tour}#${view.index}` : null;
      return { ...stats, tourStep, flying: director.holder() === 'console' && director.flying(), marker: markerLabel };
    },
    detach() {
      unsubscribers.forEach((u) => u());
      director.release('console');
      director.release('tour');
      marker?.remove();
    },
  };
}
