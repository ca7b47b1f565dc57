import { createStore } from 'zustand/vanilla';

/** A layer's legend: a colour ramp with ticks, or named categories. */
export type LegendSpec =
  | { type: 'ramp'; title: string; titleEn: string; unit: string; colors: string[]; ticks: string[] }
  | { type: 'categories'; title: string; titleEn: string; items: { label: string; color: string }[] };

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
