import type { Command, WallState } from '../hub/control.ts';
import { controlActions, type ControlStore, type WallChange } from '../store/control-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import type { SceneStore } from '../store/scene-store.ts';
import type { TopicStore } from '../store/topic-store.ts';
import { createWallApplier } from './apply-to-wall.ts';
import { createTourDriver } from './tour-driver.ts';

/** The command that made a state's rev, as the console's log of the wall holds it. */
export interface MirrorCause {
  rev: number;
  commandId: string;
  command: Command;
  issuedAt: number;
}

/**
 * How a state the console passed on changes what the mirror holds: null when it holds it already
 * (the console re-sends on every walls update), a delta when it is the next rev and the console
 * knew its command (the twin then animates from the command's issuedAt, as on the displays), a
 * snapshot otherwise (a jump, as a display that joins: several commands between two updates, an
 * older rev after the hub restarted, another wall).
 */
export function mirrorChange(held: WallState | null, next: WallState, cause?: MirrorCause): WallChange | null {
  if (held && held.wall === next.wall && held.rev === next.rev && held.updatedAt === next.updatedAt) return null;
  if (held && cause && held.wall === next.wall && cause.rev === next.rev && next.rev === held.rev + 1)
    return { kind: 'delta', rev: next.rev, prev: held, command: cause.command, commandId: cause.commandId, issuedAt: cause.issuedAt };
  return { kind: 'snapshot', rev: next.rev, prev: held };
}

/**
 * The console's miniature of a wall: it joins no wall and acknowledges nothing, but puts each state
 * the console hands it on its stores through the displays' own applier and tour driver, so the
 * scene, tour steps, captions, camera flights and blanking come from the same code as in the room.
 */
export function createMirrorSync(deps: { control: ControlStore; scenes: SceneStore; districts: DistrictStore; topics?: TopicStore; now: () => number }) {
  const apply = createWallApplier({ display: 'mirror', scenes: deps.scenes, districts: deps.districts, now: deps.now });
  const tours = createTourDriver({ control: deps.control, scenes: deps.scenes, topics: deps.topics, now: deps.now });
  const actions = controlActions(deps.control);
  return {
    /** Shows a state; returns what changed (null: nothing). */
    show(next: WallState, cause?: MirrorCause): WallChange | null {
      const change = mirrorChange(deps.control.getState().state, next, cause);
      if (!change) return null;
      let error: string | null;
      try {
        error = apply(next, change);
      } catch (err) {
        error = `could not apply: ${(err as Error).message}`;
      }
      if (change.kind === 'delta') actions.delta(next, change, tours.view(next));
      else actions.snapshot(next, tours.view(next));
      // A scene this copy does not know (yet: hub scenes load late) is shown when it arrives.
      if (error) actions.error(error);
      return change;
    },
    /** The clock moved (a new offset): the tour step may have changed under it. */
    refresh: () => tours.refresh(),
    detach: () => tours.detach(),
  };
}
