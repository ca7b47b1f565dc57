import { createStore } from 'zustand/vanilla';

/** The district an operator tapped on the wall (null when none). */
export interface SelectionState {
  district: string | null;
}
export const createSelectionStore = () => createStore<SelectionState>(() => ({ district: null }));
export type SelectionStore = ReturnType<typeof createSelectionStore>;
