import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PanelSlot } from '../../hub/contract.ts';

/** What a click on a slot will do, for placing panels without dragging (keyboard, touch). */
export type Armed = { type: 'kind'; kind: string } | { type: 'slot'; slot: PanelSlot } | null;

/** The editor's selection: UI state only, never in the scene or its history. */
export interface Selection {
  /** Layers selected for copy and delete, by id. */
  layers: string[];
  /** The layer whose topic and style the inspector shows. */
  focus: string | null;
  /** Panels selected for copy, by slot. */
  panels: PanelSlot[];
  armed: Armed;
}

export type SelectionStore = StoreApi<Selection>;

/** `focus`: the layer the inspector opens on (the first one, so it is never empty when there are layers). */
export const createSelectionStore = (focus: string | null = null): SelectionStore =>
  createStore<Selection>()(() => ({ layers: focus ? [focus] : [], focus, panels: [], armed: null }));

const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export const selectLayer = (s: SelectionStore, id: string, additive = false) =>
  s.setState((old) => ({ layers: additive ? toggle(old.layers, id) : [id], focus: id, panels: additive ? old.panels : [] }));

export const selectPanel = (s: SelectionStore, slot: PanelSlot, additive = false) =>
  s.setState((old) => ({ panels: additive ? toggle(old.panels, slot) : [slot], layers: additive ? old.layers : [] }));

export const arm = (s: SelectionStore, armed: Armed) => s.setState({ armed });

export const clearSelection = (s: SelectionStore) => s.setState({ layers: [], panels: [], armed: null });

/** Keeps a renamed layer selected (and in the inspector). */
export const renameSelected = (s: SelectionStore, from: string, to: string) =>
  s.setState((old) => ({ layers: old.layers.map((x) => (x === from ? to : x)), focus: old.focus === from ? to : old.focus }));
