import { createStore } from 'zustand/vanilla';
import type { Buildings } from '../hub/buildings.ts';

/** The city model as the hub served it (validated), or null until it arrives. */
export interface CityModelState {
  buildings: Buildings | null;
}
export const createCityStore = () => createStore<CityModelState>(() => ({ buildings: null }));
export type CityStore = ReturnType<typeof createCityStore>;
