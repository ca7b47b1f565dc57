import { useEffect } from 'react';
import type { EditorActions } from './editor-store.ts';
import { arm, type SelectionStore } from './selection.ts';

const NOT_TEXT = new Set(['checkbox', 'radio', 'range', 'color', 'button', 'submit', 'reset', 'file']);

/** Whether the key goes to a box the designer is typing in, where the browser's own undo applies. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** A modal dialog of the shell is open: its keys are its own, not the editor's underneath. */
const modalOpen = () => typeof document !== 'undefined' && document.querySelector('[aria-modal="true"], dialog[open]') !== null;

/** Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Escape puts down a picked panel. */
export function useShortcuts(actions: EditorActions, selection: SelectionStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const putDown = e.key === 'Escape' && selection.getState().armed !== null;
      const chord = (e.ctrlKey || e.metaKey) && !e.altKey && !isTyping(e.target);
      if ((!putDown && !chord) || modalOpen()) return;
      if (putDown) return arm(selection, null);
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) actions.undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey)) actions.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, selection]);
}
