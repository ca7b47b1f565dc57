import { createStore } from 'zustand/vanilla';

/** What an operator tapped on the wall: a district, or a building (with its district). */
export interface SelectionState {
  district: string | null;
  /** Index of the tapped building in the city model, or null. */
  building: number | null;
}
export const createSelectionStore = () => createStore<SelectionState>(() => ({ district: null, building: null }));
export type SelectionStore = ReturnType<typeof createSelectionStore>;
