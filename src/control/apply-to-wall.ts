import type { WallState } from '../hub/control.ts';
import { findTour } from '../hub/tour.ts';
import { tourSceneAt } from '../hub/tour-sequence.ts';
import type { WallChange } from '../store/control-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import { currentScene, sceneActions, type SceneStore } from '../store/scene-store.ts';

/**
 * The part of a wall state that is not the twin's: which scene the display shows. It also answers
 * for the whole display whether a command made sense here (an unknown scene, a layer the scene does
 * not have, a district the hub never sent), which goes back to the console in the ack. Camera,
 * layers, time and highlight are read from the control store by the twin (src/twin/wall-control.ts).
 */
export function createWallApplier(deps: { display: string; scenes: SceneStore; districts: DistrictStore; now: () => number }) {
  const sceneOps = sceneActions(deps.scenes);
  /** A scene the wall state names that this display does not know (yet: hub scenes load late). */
  let pendingScene: string | null = null;
  deps.scenes.subscribe((s, prev) => {
    if (pendingScene && s.scenes !== prev.scenes && sceneOps.select(pendingScene)) pendingScene = null;
  });

  const knownDistrict = (code: string) => {
    const districts = deps.districts.getState().districts;
    // Before the districts arrive there is nothing to check against; the twin applies it when they do.
    return !districts || districts.features.some((f) => f.properties.code === code);
  };

  function showScene(id: string): string | null {
    if (sceneOps.select(id)) {
      pendingScene = null;
      return null;
    }
    pendingScene = id;
    return `display ${deps.display} has no scene "${id}"`;
  }

  /** The scene the wall shows: mid-tour, the current step's (dwell times move it on without a command). */
  const sceneOf = (state: WallState) => (state.tour ? tourSceneAt(state.tour, deps.now()) : state.scene);

  function tourProblem(next: WallState): string | null {
    const scene = sceneOf(next);
    const shown = scene === null ? null : showScene(scene);
    if (shown || !next.tour) return shown;
    const scenes = deps.scenes.getState().scenes;
    const known = findTour({ get: (id) => scenes.find((s) => s.id === id) }, next.tour.scene, next.tour.tour);
    return known ? null : `display ${deps.display} has no tour "${next.tour.tour}" in scene "${next.tour.scene}"`;
  }

  return function apply(next: WallState, change: WallChange): string | null {
    if (change.kind === 'snapshot') {
      const scene = sceneOf(next);
      // A scene the hub never set (null) leaves the display's own choice (?scene=, keys) alone.
      if (scene !== null && (change.prev?.scene !== scene || currentScene(deps.scenes.getState()).id !== scene)) return showScene(scene);
      return null;
    }
    const { command } = change;
    switch (command.type) {
      case 'scene':
        return showScene(command.scene);
      case 'tour':
        return tourProblem(next);
      case 'layer': {
        const scene = currentScene(deps.scenes.getState());
        return scene.layers.some((l) => l.id === command.layer) ? null : `scene "${scene.id}" has no layer "${command.layer}"`;
      }
      case 'fly':
        return command.to && 'district' in command.to && !knownDistrict(command.to.district) ? `no district ${command.to.district}` : null;
      case 'highlight':
        return command.target && 'district' in command.target && !knownDistrict(command.target.district)
          ? `no district ${command.target.district}`
          : null;
      case 'time':
      case 'attention':
      case 'reload':
      case 'blank':
        return null;
    }
  };
}
