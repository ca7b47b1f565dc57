import { createStore } from 'zustand/vanilla';
import type { DistrictsResponse } from '../hub/contract.ts';

/** The city's districts (GET /api/v1/districts): boundaries and names, fixed for the hub's run. */
export interface DistrictState {
  districts: DistrictsResponse | null;
}

export const createDistrictStore = () => createStore<DistrictState>(() => ({ districts: null }));
export type DistrictStore = ReturnType<typeof createDistrictStore>;
