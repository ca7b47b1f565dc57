import type { StoreApi } from 'zustand/vanilla';
import type { Scene } from '../../hub/contract.ts';

/** One reason a draft cannot be published, in words a designer understands. */
export interface Problem {
  /** Where, as the scene file spells it: "layers.2.style.opacity", "panels.0.kind", "title". */
  path: string;
  /** Names the layer (number and id), panel (slot) or field (its description), then what is wrong. */
  message: string;
}

export interface EditorState {
  scene: Scene;
  canUndo: boolean;
  canRedo: boolean;
  /** checkDraft(scene): empty when the draft is publishable. */
  problems: Problem[];
  /** Goes up on every change of `scene` (edits, undo, redo, reset): the shell's cue to autosave and preview. */
  revision: number;
}

export type EditorStore = StoreApi<EditorState>;
