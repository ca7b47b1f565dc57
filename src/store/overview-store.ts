import { createStore } from 'zustand/vanilla';
import type { DistrictsResponse, Overview, OverviewSnapshot, SeriesPoint } from '../hub/contract.ts';
import { appendBucketed } from './series.ts';

export const HISTORY_BUCKET_MS = 5 * 60_000;
export const HISTORY_MAX_POINTS = 288; // one day of five-minute buckets

export interface OverviewState {
  districts: DistrictsResponse | null;
  overview: Overview | null;
  /** Sequence number of the newest figures applied; older or repeated events are ignored. */
  seq: number;
  dataCallsHistory: SeriesPoint[];
}

export const createOverviewStore = () =>
  createStore<OverviewState>(() => ({ districts: null, overview: null, seq: -1, dataCallsHistory: [] }));
export type OverviewStore = ReturnType<typeof createOverviewStore>;

export const overviewActions = (store: OverviewStore) => ({
  setDistricts(districts: DistrictsResponse) {
    store.setState({ districts });
  },
  /** A snapshot replaces everything: used at start and whenever the socket could not recover. */
  applySnapshot(snapshot: OverviewSnapshot) {
    store.setState({
      overview: snapshot.overview,
      seq: snapshot.seq,
      dataCallsHistory: snapshot.dataCallsHistory.slice(-HISTORY_MAX_POINTS),
    });
  },
  /** Returns false when the event is stale (not newer than what is shown). */
  applyLive(seq: number, overview: Overview): boolean {
    const state = store.getState();
    // A hub restart starts its sequence again; a far lower seq after a snapshot is a new epoch.
    if (seq <= state.seq && state.overview && overview.time <= state.overview.time) return false;
    store.setState({
      overview,
      seq,
      dataCallsHistory: appendBucketed(
        state.dataCallsHistory,
        [overview.time, overview.dataCallsPerMinute],
        HISTORY_BUCKET_MS,
        HISTORY_MAX_POINTS,
      ),
    });
    return true;
  },
});
