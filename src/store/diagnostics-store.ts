import { createStore } from 'zustand/vanilla';

const MAX_RECENT_ERRORS = 20;
/** Events shed within a second that make a flood (the badge says 限流 Shedding). */
export const FLOOD_SHED_PER_SECOND = 20;

export interface DiagnosticsState {
  accepted: number;
  rejected: number;
  /** Live frames skipped because the decoder was still busy with an older one (the newest is kept). */
  dropped: number;
  /** Live events let go unread in a flood: only the newest of each topic is read per apply. */
  shed: number;
  /**
   * When the feed was last flooded (wall ms): shedding at least FLOOD_SHED_PER_SECOND events within
   * a second. Two events of one topic inside one apply happen now and then; that is not a flood.
   */
  shedAt: number | null;
  /** The second being counted towards a flood: its start and what was shed in it. */
  shedSecond: { start: number; count: number };
  lastError: string | null;
  /** Newest first, bounded. */
  recentErrors: { time: number; source: string; message: string }[];
}

export const createDiagnosticsStore = () =>
  createStore<DiagnosticsState>(() => ({ accepted: 0, rejected: 0, dropped: 0, shed: 0, shedAt: null, shedSecond: { start: 0, count: 0 }, lastError: null, recentErrors: [] }));
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
    store.setState((s) => {
      const second = now - s.shedSecond.start < 1000 ? { start: s.shedSecond.start, count: s.shedSecond.count + count } : { start: now, count };
      return { shed: s.shed + count, shedSecond: second, shedAt: second.count >= FLOOD_SHED_PER_SECOND ? now : s.shedAt };
    });
  },
  /** Errors that are not payloads (network, timeouts) are shown but not counted as rejections. */
  error(source: string, message: string) {
    store.setState({ lastError: `${source}: ${message}` });
  },
});
