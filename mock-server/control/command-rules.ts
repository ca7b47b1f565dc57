/**
 * What a command must mean, beyond its shape, before the hub sends it to a wall (the rules are
 * stated in src/hub/control.ts above CommandSchema). A command that fails gets `invalid` with the
 * reason naming the field; nothing reaches a display.
 */
import { CONTROL_LIMITS, type CameraTarget, type Command, type Highlight, type WallState } from '../../src/hub/control.ts';
import type { Scene } from '../../src/hub/contract.ts';

export interface CommandWorld {
  /** Scenes the hub serves, by id. */
  scenes: ReadonlyMap<string, Scene>;
  districtCodes: ReadonlySet<string>;
  /** [west, south, east, north] of the city, with a margin. */
  bounds: readonly [number, number, number, number];
}

const DAY_MS = 24 * 3600_000;

function place(target: CameraTarget | Highlight, field: string, world: CommandWorld): string | null {
  if ('district' in target) return world.districtCodes.has(target.district) ? null : `${field}.district: no district "${target.district}" in the city`;
  const [lon, lat] = 'center' in target ? target.center : target.point;
  const [w, s, e, n] = world.bounds;
  if (lon < w || lon > e || lat < s || lat > n) return `${field}: ${lon}, ${lat} is outside the city`;
  return null;
}

/** Null when `command` may go to a wall now in `state`; else why not. */
export function commandProblem(command: Command, state: WallState, world: CommandWorld, now: number, enrolledDisplays: readonly string[]): string | null {
  switch (command.type) {
    case 'scene':
      return world.scenes.has(command.scene) ? null : `command.scene: no scene "${command.scene}" on this hub`;
    case 'layer': {
      const scenes = state.scene ? [world.scenes.get(state.scene)] : [...world.scenes.values()];
      if (scenes.some((s) => s?.layers.some((l) => l.id === command.layer))) return null;
      return `command.layer: no layer "${command.layer}" in ${state.scene ? `scene "${state.scene}"` : 'any scene'}`;
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
      return null;
    }
    case 'reload':
      return !command.display || enrolledDisplays.includes(command.display) ? null : `command.display: no display "${command.display}" in wall "${state.wall}"`;
    case 'attention':
      return null;
  }
}
