import { createStore } from 'zustand/vanilla';
import type { Scene } from '../hub/contract.ts';

export interface SceneState {
  /** Every good scene, in display order (the order of the keyboard shortcuts). */
  scenes: Scene[];
  currentId: string;
  /** Why scene files were refused, newest first, bounded: shown in diagnostics. */
  errors: string[];
}

const MAX_ERRORS = 20;

export const createSceneStore = (scenes: Scene[], currentId: string) =>
  createStore<SceneState>(() => ({ scenes, currentId, errors: [] }));
export type SceneStore = ReturnType<typeof createSceneStore>;

export function currentScene(state: SceneState): Scene {
  return state.scenes.find((s) => s.id === state.currentId) ?? state.scenes[0];
}

export const sceneActions = (store: SceneStore) => ({
  /** Shows a scene; an unknown id is refused and the current scene stays. */
  select(id: string): boolean {
    if (!store.getState().scenes.some((s) => s.id === id)) return false;
    store.setState({ currentId: id });
    return true;
  },
  step(delta: number) {
    const { scenes, currentId } = store.getState();
    const i = scenes.findIndex((s) => s.id === currentId);
    const next = scenes[(i + delta + scenes.length) % scenes.length];
    if (next) store.setState({ currentId: next.id });
  },
  /**
   * Merges good scenes (from the hub) over the ones held: same id replaces, new ids append.
   * A scene that failed validation never gets here, so the last good version stays.
   */
  merge(scenes: Scene[]) {
    const held = store.getState().scenes;
    const byId = new Map(held.map((s) => [s.id, s]));
    for (const s of scenes) byId.set(s.id, s);
    const order = [...held.map((s) => s.id), ...scenes.map((s) => s.id).filter((id) => !held.some((h) => h.id === id))];
    store.setState({ scenes: order.map((id) => byId.get(id)!) });
  },
  error(message: string) {
    store.setState((s) => ({ errors: [message, ...s.errors].slice(0, MAX_ERRORS) }));
  },
});
