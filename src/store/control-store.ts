import { createStore } from 'zustand/vanilla';
import type { Command, WallState } from '../hub/control.ts';

/**
 * How the display's copy of the wall state last changed. The twin reads it to choose between a
 * jump (snapshot: the state is simply true now, nothing is replayed) and an animation that starts
 * at the command's `issuedAt` on the wall clock (delta: every display moves in lock-step).
 */
export type WallChange =
  | { kind: 'snapshot'; rev: number; prev: WallState | null }
  | { kind: 'delta'; rev: number; prev: WallState; command: Command; commandId: string; issuedAt: number };

export interface ControlState {
  /** The wall's state as this display holds it; null until the first snapshot. */
  state: WallState | null;
  change: WallChange | null;
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

export const controlActions = (store: ControlStore) => ({
  snapshot(state: WallState) {
    store.setState((s) => ({
      state,
      change: { kind: 'snapshot', rev: state.rev, prev: s.state },
      synced: true,
      snapshots: s.snapshots + 1,
    }));
  },
  delta(state: WallState, change: Extract<WallChange, { kind: 'delta' }>) {
    store.setState((s) => ({ state, change, applied: s.applied + 1 }));
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
