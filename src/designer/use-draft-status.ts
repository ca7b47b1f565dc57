import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { EditorStore } from './editor/index.ts';
import { isDirty, type EditDesk } from './edit-desk.ts';

/** Whether the draft has unsaved edits and what keeps it from being published, as it changes. */
export function useDraftStatus(desk: EditDesk, editor: EditorStore) {
  const scene = useStore(editor, (s) => s.scene);
  const savedScene = useStore(desk.store, (s) => s.savedScene);
  const dirty = useMemo(() => isDirty(scene, savedScene), [scene, savedScene]);
  // The editor keeps checkDraft(scene) in its state, recomputed with each change.
  const problems = useStore(editor, (s) => s.problems);
  return { scene, dirty, problems };
}
