import type { WallState } from '../hub/control.ts';
import type { WallChange } from '../store/control-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import { currentScene, sceneActions, type SceneStore } from '../store/scene-store.ts';

/**
 * The part of a wall state that is not the twin's: which scene the display shows. It also answers
 * for the whole display whether a command made sense here (an unknown scene, a layer the scene does
 * not have, a district the hub never sent), which goes back to the console in the ack. Camera,
 * layers, time and highlight are read from the control store by the twin (src/twin/wall-control.ts).
 */
export function createWallApplier(deps: { display: string; scenes: SceneStore; districts: DistrictStore }) {
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

  return function apply(next: WallState, change: WallChange): string | null {
    if (change.kind === 'snapshot') {
      // A scene the hub never set (null) leaves the display's own choice (?scene=, keys) alone.
      if (next.scene !== null && (change.prev?.scene !== next.scene || currentScene(deps.scenes.getState()).id !== next.scene))
        return showScene(next.scene);
      return null;
    }
    const { command } = change;
    switch (command.type) {
      case 'scene':
        return showScene(command.scene);
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
        return null;
    }
  };
}
