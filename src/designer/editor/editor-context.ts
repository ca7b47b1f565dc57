import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorActions } from './editor-store.ts';
import type { SelectionStore, Selection } from './selection.ts';
import type { EditorState, EditorStore } from './types.ts';

export interface EditorContextValue {
  store: EditorStore;
  actions: EditorActions;
  selection: SelectionStore;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('an editor part outside <SceneEditor>');
  return ctx;
}

/** A slice of the editor's state: the component renders again only when the slice changes. */
export function useEditor<T>(select: (s: EditorState) => T): T {
  return useStore(useEditorContext().store, select);
}

export function useSelection<T>(select: (s: Selection) => T): T {
  return useStore(useEditorContext().selection, select);
}
