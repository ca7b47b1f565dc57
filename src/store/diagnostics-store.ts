import { createStore } from 'zustand/vanilla';

const MAX_RECENT_ERRORS = 20;

export interface DiagnosticsState {
  accepted: number;
  rejected: number;
  /** Live frames skipped because the decoder was still busy with an older one (the newest is kept). */
  dropped: number;
  /** Live events let go unread in a flood: only the newest of each topic is read per apply. */
  shed: number;
  /** When the feed last shed an event (wall ms), for the badge; null if never. */
  shedAt: number | null;
  lastError: string | null;
  /** Newest first, bounded. */
  recentErrors: { time: number; source: string; message: string }[];
}

export const createDiagnosticsStore = () =>
  createStore<DiagnosticsState>(() => ({ accepted: 0, rejected: 0, dropped: 0, shed: 0, shedAt: null, lastError: null, recentErrors: [] }));
export type DiagnosticsStore = ReturnType<typeof createDiagnosticsStore>;

export const diagnosticsActions = (store: DiagnosticsStore) => ({
  accepted() {
    store.setState((s) => ({ accepted: s.accepted + 1 }));
  },
  rejected(source: string, message: string, time = Date.now()) {
    const line = `${source}: ${message}`;
    store.setState((s) => ({
      rejected: s.rejected + 1,
      lastError: line,
      recentErrors: [{ time, source, message }, ...s.recentErrors].slice(0, MAX_RECENT_ERRORS),
    }));
  },
  dropped() {
    store.setState((s) => ({ dropped: s.dropped + 1 }));
  },
  shed(count: number, now = Date.now()) {
    store.setState((s) => ({ shed: s.shed + count, shedAt: now }));
  },
  /** Errors that are not payloads (network, timeouts) are shown but not counted as rejections. */
  error(source: string, message: string) {
    store.setState({ lastError: `${source}: ${message}` });
  },
});
