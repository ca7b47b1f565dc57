/**
 * What a command must mean, beyond its shape, before the hub sends it to a wall (the rules are
 * stated in src/hub/control.ts above CommandSchema). A command that fails gets `invalid` with the
 * reason naming the field; nothing reaches a display.
 */
import { CONTROL_LIMITS, type CameraTarget, type Command, type Highlight, type WallState } from '../../src/hub/control.ts';
import type { Scene } from '../../src/hub/contract.ts';
import { findTour, planOf, tourProblems } from '../../src/hub/tour.ts';
import { tourSceneAt, type TourAction } from '../../src/hub/tour-sequence.ts';

export interface CommandWorld {
  /** Scenes the hub serves, by id. */
  scenes: ReadonlyMap<string, Scene>;
  districtCodes: ReadonlySet<string>;
  /** [west, south, east, north] of the city, with a margin. */
  bounds: readonly [number, number, number, number];
  /**
   * On a hub that records (or replays a recording): the recorded span, null while nothing is
   * recorded; a playback moment must lie inside it. Absent: no recorder, only the window applies.
   */
  recorded?: { from: number; to: number } | null;
}

const DAY_MS = 24 * 3600_000;

function place(target: CameraTarget | Highlight, field: string, world: CommandWorld): string | null {
  if ('district' in target) return world.districtCodes.has(target.district) ? null : `${field}.district: no district "${target.district}" in the city`;
  const [lon, lat] = 'center' in target ? target.center : target.point;
  const [w, s, e, n] = world.bounds;
  if (lon < w || lon > e || lat < s || lat > n) return `${field}: ${lon}, ${lat} is outside the city`;
  return null;
}

/**
 * The command as the hub sends it on: a tour's start carries the plan of the tour as this hub
 * serves it (whatever plan a console sent is dropped; a tour the hub does not serve gets none,
 * and commandProblem refuses it).
 */
export function resolveCommand(command: Command, world: CommandWorld): Command {
  if (command.type !== 'tour' || command.action.do !== 'start') return command;
  const { plan: _ignored, ...action } = command.action;
  const tour = findTour(world.scenes, action.scene, action.tour);
  return { type: 'tour', action: tour ? { ...action, plan: planOf(tour) } : action };
}

function tourProblem(action: TourAction, state: WallState, world: CommandWorld): string | null {
  if (action.do === 'start') {
    const scene = world.scenes.get(action.scene);
    if (!scene) return `command.action.scene: no scene "${action.scene}" on this hub`;
    const tour = findTour(world.scenes, action.scene, action.tour);
    if (!tour) return `command.action.tour: scene "${action.scene}" has no tour "${action.tour}"${scene.tours?.length ? ` (it has: ${scene.tours.map((t) => t.id).join(', ')})` : ''}`;
    if (action.step !== undefined && action.step >= tour.steps.length)
      return `command.action.step: tour "${action.tour}" has ${tour.steps.length} steps (0 to ${tour.steps.length - 1})`;
    const problems = tourProblems(tour, world);
    return problems.length ? `tour "${action.tour}": ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}` : null;
  }
  if (!state.tour) return `command.action: wall "${state.wall}" plays no tour`;
  if (action.do === 'jump' && action.step >= state.tour.plan.length)
    return `command.action.step: the tour has ${state.tour.plan.length} steps (0 to ${state.tour.plan.length - 1})`;
  return null;
}

/** A playback moment against the recording (the time machine replays only what was recorded). */
function recordedProblem(at: number, recorded: CommandWorld['recorded']): string | null {
  if (recorded === undefined) return null;
  const iso = (t: number) => new Date(t).toISOString();
  if (recorded === null) return `command.time.at: nothing is recorded yet on this hub`;
  if (at < recorded.from || at > recorded.to)
    return `command.time.at: ${iso(at)} is outside the recording (${iso(recorded.from)} to ${iso(recorded.to)})`;
  return null;
}

/** Null when `command` may go to a wall now in `state`; else why not. */
export function commandProblem(command: Command, state: WallState, world: CommandWorld, now: number, enrolledDisplays: readonly string[]): string | null {
  switch (command.type) {
    case 'scene':
      return world.scenes.has(command.scene) ? null : `command.scene: no scene "${command.scene}" on this hub`;
    case 'layer': {
      // Mid-tour the wall shows the current step's scene, which dwell times may have moved on.
      const current = state.tour ? tourSceneAt(state.tour, now) : state.scene;
      const scenes = current ? [world.scenes.get(current)] : [...world.scenes.values()];
      if (scenes.some((s) => s?.layers.some((l) => l.id === command.layer))) return null;
      return `command.layer: no layer "${command.layer}" in ${current ? `scene "${current}"` : 'any scene'}`;
    }
    case 'fly':
      return command.to ? place(command.to, 'command.to', world) : null;
    case 'highlight':
      return command.target ? place(command.target, 'command.target', world) : null;
    case 'time': {
      if (command.time.mode === 'live') return null;
      const at = command.time.at;
      if (at > now) return `command.time.at: ${new Date(at).toISOString()} is in the future: playback shows the past`;
      if (at < now - CONTROL_LIMITS.playbackWindowMs)
        return `command.time.at: the hub keeps the last ${CONTROL_LIMITS.playbackWindowMs / DAY_MS} days; ${new Date(at).toISOString()} is older`;
      return recordedProblem(at, world.recorded);
    }
    case 'reload':
      return !command.display || enrolledDisplays.includes(command.display) ? null : `command.display: no display "${command.display}" in wall "${state.wall}"`;
    case 'attention':
    case 'blank':
      return null;
    case 'tour':
      return tourProblem(command.action, state, world);
  }
}
