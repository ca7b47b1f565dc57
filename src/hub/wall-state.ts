import { DEFAULT_ATTENTION, type Command, type WallState } from './control.ts';
import { applyTour, positionAt, type TourAction, type TourState } from './tour-sequence.ts';

/** The state of a wall no command has touched yet. */
export function initialWallState(wall: string, now: number): WallState {
  return { wall, rev: 0, scene: null, camera: null, layers: {}, time: { mode: 'live' }, highlight: null, attention: DEFAULT_ATTENTION, tour: null, blank: false, updatedAt: now };
}

/** The presenter's camera, layers and highlight are let go: the step's own take over. */
const STEP_VIEW = { camera: null, layers: {}, highlight: null } as const;

/** The wall with `tour` on it: its scene follows the tour's step (as of `now`). */
function withTour(next: WallState, tour: TourState | null, now: number): WallState {
  if (!tour) return { ...next, tour: null };
  return { ...next, tour, scene: tour.plan[positionAt(tour, now).step].scene };
}

function tourCommand(state: WallState, next: WallState, action: TourAction, now: number): WallState {
  // State held before tours existed (a Redis snapshot of an older hub) has no `tour` at all.
  const tour = state.tour ?? null;
  if (action.do === 'start') {
    const started = applyTour(tour, action, now);
    return started === tour ? next : withTour({ ...next, ...STEP_VIEW }, started, now);
  }
  if (!tour) return next;
  if (action.do === 'stop') {
    // The wall stays on the scene the tour was showing, at that scene's own camera.
    return { ...next, ...STEP_VIEW, tour: null, scene: tour.plan[positionAt(tour, now).step].scene };
  }
  const moved = applyTour(tour, action, now);
  // Going to a step, or continuing after exploring, gives the view back to the step.
  const stepView = action.do === 'next' || action.do === 'prev' || action.do === 'jump' || action.do === 'continue';
  return withTour(stepView ? { ...next, ...STEP_VIEW } : next, moved, now);
}

/** The presenter steered the wall mid-tour: the tour waits (explore) until `continue`. */
const explored = (state: WallState, next: WallState, now: number) =>
  state.tour ? withTour(next, applyTour(state.tour, { do: 'explore' }, now), now) : next;

/**
 * The next state of a wall after a command. Shared by the hub (which owns the state) and the
 * displays (which replay deltas on their copy), so both agree on what a command means; `now` is
 * the command's issuedAt on both. `reload` changes nothing but the rev: it is an action, not state.
 */
export function applyCommand(state: WallState, command: Command, now: number): WallState {
  const next: WallState = { ...state, tour: state.tour ?? null, rev: state.rev + 1, updatedAt: now };
  switch (command.type) {
    case 'scene':
      // A new scene starts from its own camera and layer defaults; a tour in progress ends.
      return { ...next, scene: command.scene, ...STEP_VIEW, tour: null };
    case 'layer':
      return explored(state, { ...next, layers: { ...state.layers, [command.layer]: command.visible } }, now);
    case 'fly':
      return explored(state, { ...next, camera: command.to }, now);
    case 'time':
      // The replayed clock starts when the hub issued the command (replay-clock.ts): every display
      // applies this with the same issuedAt, so they agree on it whatever their own clocks say.
      return { ...next, time: command.time.mode === 'playback' ? { ...command.time, anchor: now } : command.time };
    case 'highlight':
      return explored(state, { ...next, highlight: command.target }, now);
    case 'attention':
      return { ...next, attention: command.attention };
    case 'reload':
      return next;
    case 'blank':
      return { ...next, blank: command.on };
    case 'tour':
      return tourCommand(state, next, command.action, now);
  }
}
