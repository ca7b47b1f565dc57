import { createStore } from 'zustand/vanilla';
import type { Camera, Scene } from '../../hub/contract.ts';
import { applyEdit, coalesceKey, type Edit } from './actions/index.ts';
import { checkDraft } from './check-draft.ts';
import { DEFAULT_HISTORY, emptyHistory, recordStep, redoStep, sealBurst, undoStep, type History, type HistoryOptions } from './history.ts';
import type { EditorState, EditorStore, Problem } from './types.ts';

export interface EditorOptions extends Partial<HistoryOptions> {
  /** The clock bursts are timed by (tests pass their own). */
  now?: () => number;
}

interface Internals {
  history: History;
  options: HistoryOptions;
  now: () => number;
}

/** The history lives beside the store, not in its state: subscribers see only what they render. */
const INTERNALS = new WeakMap<EditorStore, Internals>();

const sameProblems = (a: Problem[], b: Problem[]) =>
  a.length === b.length && a.every((p, i) => p.path === b[i].path && p.message === b[i].message);

export function createEditorStore(scene: Scene, options: EditorOptions = {}): EditorStore {
  const store = createStore<EditorState>()(() => ({ scene, canUndo: false, canRedo: false, problems: checkDraft(scene), revision: 0 }));
  INTERNALS.set(store, {
    history: emptyHistory,
    options: { limit: options.limit ?? DEFAULT_HISTORY.limit, coalesceMs: options.coalesceMs ?? DEFAULT_HISTORY.coalesceMs },
    now: options.now ?? (() => performance.now()),
  });
  return store;
}

export interface EditorActions {
  /** Applies one edit; an edit that changes nothing leaves the state (and history) alone. */
  apply(edit: Edit): void;
  undo(): void;
  redo(): void;
  /** Starts over from another scene (loaded, or a version restored): the history is forgotten. */
  reset(scene: Scene): void;
  setCamera(camera: Camera): void;
  /** Ends the typing burst: the next keystroke in the same field is a step of its own. */
  seal(): void;
}

const ACTIONS = new WeakMap<EditorStore, EditorActions>();

/** The store's actions; the same object for the same store (safe to hand to memoised components). */
export function editorActions(store: EditorStore): EditorActions {
  const known = ACTIONS.get(store);
  if (known) return known;
  const inner = INTERNALS.get(store);
  if (!inner) throw new Error('editorActions: the store was not made by createEditorStore');

  const commit = (scene: Scene, history: History) => {
    inner.history = history;
    const prev = store.getState();
    const problems = checkDraft(scene);
    store.setState({
      scene,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      problems: sameProblems(prev.problems, problems) ? prev.problems : problems,
      revision: prev.revision + 1,
    });
  };

  const actions: EditorActions = {
    apply(edit) {
      const before = store.getState().scene;
      const after = applyEdit(before, edit);
      if (after === before) return;
      commit(after, recordStep(inner.history, before, coalesceKey(edit), inner.now(), inner.options));
    },
    undo() {
      const step = undoStep(inner.history, store.getState().scene, inner.options);
      if (step) commit(step.scene, step.history);
    },
    redo() {
      const step = redoStep(inner.history, store.getState().scene, inner.options);
      if (step) commit(step.scene, step.history);
    },
    reset(scene) {
      commit(scene, emptyHistory);
    },
    setCamera(camera) {
      actions.apply({ type: 'setCamera', camera });
    },
    seal() {
      inner.history = sealBurst(inner.history);
    },
  };
  ACTIONS.set(store, actions);
  return actions;
}
