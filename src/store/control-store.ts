import { createStore } from 'zustand/vanilla';
import type { Command, Highlight, WallState } from '../hub/control.ts';
import type { TourStep } from '../hub/tour.ts';

/**
 * How the display's copy of the wall state last changed. The twin reads it to choose between a
 * jump (snapshot: the state is simply true now, nothing is replayed) and an animation that starts
 * at the command's `issuedAt` on the wall clock (delta: every display moves in lock-step).
 */
export type WallChange =
  | { kind: 'snapshot'; rev: number; prev: WallState | null }
  | { kind: 'delta'; rev: number; prev: WallState; command: Command; commandId: string; issuedAt: number };

/**
 * The step of the wall's tour this display shows now (src/control/tour-driver.ts computes it from
 * the wall state and the wall clock; the same on every display of the wall at the same hub time).
 */
export interface TourView {
  /** The scene file holding the tour, and the tour's id. */
  scene: string;
  tour: string;
  /** From this display's copy of the scene; null while it does not know the tour. */
  title: { zh: string; en: string } | null;
  /** The step shown (0-based) and how many there are. */
  index: number;
  count: number;
  /** The scene the step shows (the hub's plan: known even when the tour's content is not). */
  stepScene: string;
  /** What the step shows; null while this display does not know the tour. */
  step: TourStep | null;
  /** The step's highlight as the twin draws it: an event's is its position, once the board has it. */
  highlight: Highlight | null;
  /** Hub time the step started, and the time its view was entered (its camera flight starts then). */
  stepStartedAt: number;
  shownAt: number;
  paused: boolean;
  exploring: boolean;
  finished: boolean;
}

export interface ControlState {
  /** The wall's state as this display holds it; null until the first snapshot. */
  state: WallState | null;
  change: WallChange | null;
  /** The tour step shown now; null when the wall plays no tour. */
  tour: TourView | null;
  /** Joined and applying deltas in order (false while disconnected or waiting for a snapshot). */
  synced: boolean;
  /** Counters for tests and diagnostics: deltas applied, snapshots taken, replays ignored, gaps. */
  applied: number;
  snapshots: number;
  replays: number;
  gaps: number;
  lastError: string | null;
}

export const createControlStore = () =>
  createStore<ControlState>(() => ({
    state: null,
    change: null,
    tour: null,
    synced: false,
    applied: 0,
    snapshots: 0,
    replays: 0,
    gaps: 0,
    lastError: null,
  }));
export type ControlStore = ReturnType<typeof createControlStore>;

/** What a delta of rev `rev` means to a display holding `heldRev` (null: no snapshot yet). */
export function classifyDelta(heldRev: number | null, rev: number): 'replay' | 'next' | 'gap' {
  if (heldRev === null) return 'gap';
  if (rev <= heldRev) return 'replay';
  return rev === heldRev + 1 ? 'next' : 'gap';
}

/**
 * The layers a wall shows over its scene's own choice: the tour step's, then what the console set
 * (mid-tour: while exploring). src/core/scene-view.ts decides from it what is drawn and subscribed.
 */
export function wallLayerVisibility(s: Pick<ControlState, 'state' | 'tour'>): Readonly<Record<string, boolean>> | undefined {
  const own = s.state?.layers;
  const step = s.tour?.step?.layers;
  if (!step) return own;
  return own && Object.keys(own).length ? { ...step, ...own } : step;
}

export const controlActions = (store: ControlStore) => ({
  /** A snapshot, and the tour step it shows (set together: subscribers never see one without the other). */
  snapshot(state: WallState, tour: TourView | null = null) {
    store.setState((s) => ({
      state,
      change: { kind: 'snapshot', rev: state.rev, prev: s.state },
      tour,
      synced: true,
      snapshots: s.snapshots + 1,
    }));
  },
  delta(state: WallState, change: Extract<WallChange, { kind: 'delta' }>, tour: TourView | null = null) {
    store.setState((s) => ({ state, change, tour, applied: s.applied + 1 }));
  },
  /** The tour moved on by itself (a step's dwell ended) or its content arrived. */
  tour(tour: TourView | null) {
    store.setState({ tour });
  },
  replay() {
    store.setState((s) => ({ replays: s.replays + 1 }));
  },
  gap() {
    store.setState((s) => ({ gaps: s.gaps + 1, synced: false }));
  },
  unsynced() {
    store.setState({ synced: false });
  },
  error(message: string) {
    store.setState({ lastError: message });
  },
});
