import { DEFAULT_ATTENTION, type Command, type WallState } from './control.ts';

/** The state of a wall no command has touched yet. */
export function initialWallState(wall: string, now: number): WallState {
  return { wall, rev: 0, scene: null, camera: null, layers: {}, time: { mode: 'live' }, highlight: null, attention: DEFAULT_ATTENTION, updatedAt: now };
}

/**
 * The next state of a wall after a command. Shared by the hub (which owns the state) and the
 * displays (which replay deltas on their copy), so both agree on what a command means.
 * `reload` changes nothing but the rev: it is an action, not state.
 */
export function applyCommand(state: WallState, command: Command, now: number): WallState {
  const next: WallState = { ...state, rev: state.rev + 1, updatedAt: now };
  switch (command.type) {
    case 'scene':
      // A new scene starts from its own camera and layer defaults.
      return { ...next, scene: command.scene, camera: null, layers: {}, highlight: null };
    case 'layer':
      return { ...next, layers: { ...state.layers, [command.layer]: command.visible } };
    case 'fly':
      return { ...next, camera: command.to };
    case 'time':
      return { ...next, time: command.time };
    case 'highlight':
      return { ...next, highlight: command.target };
    case 'attention':
      return { ...next, attention: command.attention };
    case 'reload':
      return next;
  }
}
