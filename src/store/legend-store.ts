import { createStore } from 'zustand/vanilla';
import type { LegendSpec } from '../modules/types.ts';

/** Legends of the layers on screen, as the twin last drew them. */
export interface LegendState {
  legends: { id: string; legend: LegendSpec }[];
}
export const createLegendStore = () => createStore<LegendState>(() => ({ legends: [] }));
export type LegendStore = ReturnType<typeof createLegendStore>;

/** Sets legends only when they changed, so React re-renders at the pace of the figures, not frames. */
export function setLegends(store: LegendStore, legends: LegendState['legends']) {
  if (JSON.stringify(store.getState().legends) !== JSON.stringify(legends)) store.setState({ legends });
}
