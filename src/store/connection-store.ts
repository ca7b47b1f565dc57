import { createStore } from 'zustand/vanilla';

/**
 * live: socket connected and data flowing. reconnecting: lost the hub, retrying, picture kept.
 * offline: the hub has been unreachable for longer than OFFLINE_AFTER_MS; picture still kept.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export const OFFLINE_AFTER_MS = 5_000;

export interface ConnectionState {
  status: ConnectionStatus;
  /** Hub time of the newest accepted data, epoch ms; null before the first. */
  dataTime: number | null;
  /** When the link was lost; null while connected. */
  lostAt: number | null;
  simulated: boolean;
}

export const createConnectionStore = () =>
  createStore<ConnectionState>(() => ({ status: 'connecting', dataTime: null, lostAt: null, simulated: false }));
export type ConnectionStore = ReturnType<typeof createConnectionStore>;

export const connectionActions = (store: ConnectionStore) => ({
  connected() {
    store.setState({ status: 'live', lostAt: null });
  },
  lost(now: number) {
    const { status, lostAt } = store.getState();
    // Every failed retry reports a loss again; an offline wall stays offline until it reconnects.
    store.setState({ status: status === 'offline' ? 'offline' : 'reconnecting', lostAt: lostAt ?? now });
  },
  /** Called on a timer: a link lost for long enough is shown as offline. */
  tick(now: number) {
    const { status, lostAt } = store.getState();
    if (status === 'reconnecting' && lostAt !== null && now - lostAt >= OFFLINE_AFTER_MS) {
      store.setState({ status: 'offline' });
    }
  },
  /** The hub says whether its figures are simulated (GET /health, every snapshot). */
  simulated(simulated: boolean) {
    if (store.getState().simulated !== simulated) store.setState({ simulated });
  },
  /** `simulated` comes with snapshots (the hub says whether its figures are simulated). */
  data(time: number, simulated?: boolean) {
    const { dataTime } = store.getState();
    if (dataTime === null || time > dataTime) store.setState({ dataTime: time });
    if (simulated !== undefined) store.setState({ simulated });
  },
});
