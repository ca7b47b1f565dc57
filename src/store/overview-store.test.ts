import { describe, expect, it } from 'vitest';
import { HISTORY_BUCKET_MS, HISTORY_MAX_POINTS, createOverviewStore, overviewActions } from './overview-store.ts';
import { CONTRACT_VERSION, type Overview, type OverviewSnapshot, type SeriesPoint } from '../hub/contract.ts';

const T0 = Date.UTC(2024, 4, 20, 2, 0, 0);

function overview(time: number, dataCallsPerMinute = 1000): Overview {
  return {
    time,
    systemsPlanned: 120,
    systemsConnected: 42,
    departmentsConnected: 21,
    scenarios: 17,
    dataCallsTotal: 8_670_000_000,
    dataCallsPerMinute,
    cloudSystems: 1942,
    cloudRate: 0.857,
    govServiceUsers: 12_000_000,
    govMattersToday: 4000,
    licenceCategories: 12,
    povertyPlatformUsers: 270_000,
    povertyPlatformUses: 35_200_000,
    povertyDailyActive: 30_000,
    basestations5g: 1300,
    districts: [],
  };
}

function snapshot(seq: number, time: number, history: SeriesPoint[] = []): OverviewSnapshot {
  return { contractVersion: CONTRACT_VERSION, simulated: true, seq, overview: overview(time), dataCallsHistory: history };
}

describe('overview store', () => {
  it('starts empty with seq -1', () => {
    expect(createOverviewStore().getState()).toEqual({ districts: null, overview: null, seq: -1, dataCallsHistory: [] });
  });

  it('applySnapshot replaces everything and keeps only the newest HISTORY_MAX_POINTS of history', () => {
    const store = createOverviewStore();
    const data = overviewActions(store);
    data.applyLive(500, overview(T0 + 10 * 86_400_000));
    const history = Array.from({ length: 720 }, (_, i) => [T0 + i * HISTORY_BUCKET_MS, i] as SeriesPoint);
    const snap = snapshot(12, T0, history);
    data.applySnapshot(snap);
    const s = store.getState();
    expect(s.overview).toBe(snap.overview);
    expect(s.seq).toBe(12);
    expect(s.dataCallsHistory).toHaveLength(HISTORY_MAX_POINTS);
    expect(s.dataCallsHistory[0]).toEqual(history[720 - HISTORY_MAX_POINTS]);
    expect(s.dataCallsHistory.at(-1)).toEqual(history[719]);
  });

  it('applyLive accepts newer events, appends to history in buckets and caps it at HISTORY_MAX_POINTS', () => {
    const store = createOverviewStore();
    const data = overviewActions(store);
    const start = T0 - (T0 % HISTORY_BUCKET_MS);
    for (let i = 0; i < HISTORY_MAX_POINTS + 50; i++) {
      // two events per bucket: the second replaces the first
      expect(data.applyLive(2 * i, overview(start + i * HISTORY_BUCKET_MS, i))).toBe(true);
      expect(data.applyLive(2 * i + 1, overview(start + i * HISTORY_BUCKET_MS + 60_000, i + 0.5))).toBe(true);
      expect(store.getState().dataCallsHistory.length).toBeLessThanOrEqual(HISTORY_MAX_POINTS);
    }
    const h = store.getState().dataCallsHistory;
    expect(h).toHaveLength(HISTORY_MAX_POINTS);
    expect(h.at(-1)).toEqual([start + (HISTORY_MAX_POINTS + 49) * HISTORY_BUCKET_MS, HISTORY_MAX_POINTS + 49.5]);
    expect(h[0]).toEqual([start + 50 * HISTORY_BUCKET_MS, 50.5]);
    expect(store.getState().seq).toBe(2 * (HISTORY_MAX_POINTS + 49) + 1);
  });

  it('applyLive rejects stale events: lower or equal seq with a time that is not newer', () => {
    const store = createOverviewStore();
    const data = overviewActions(store);
    expect(data.applyLive(10, overview(T0, 100))).toBe(true);
    const before = store.getState();
    expect(data.applyLive(10, overview(T0, 200))).toBe(false);
    expect(data.applyLive(9, overview(T0, 300))).toBe(false);
    expect(data.applyLive(0, overview(T0 - 1000, 400))).toBe(false);
    expect(store.getState()).toBe(before);
  });

  it('applyLive accepts a hub restart: lower seq but newer time', () => {
    const store = createOverviewStore();
    const data = overviewActions(store);
    data.applySnapshot(snapshot(5000, T0));
    expect(data.applyLive(1, overview(T0 + 1000, 777))).toBe(true);
    expect(store.getState().seq).toBe(1);
    expect(store.getState().overview?.dataCallsPerMinute).toBe(777);
    // and the new epoch continues normally
    expect(data.applyLive(2, overview(T0 + 2000, 778))).toBe(true);
    expect(data.applyLive(1, overview(T0 + 2000, 779))).toBe(false);
    expect(store.getState().overview?.dataCallsPerMinute).toBe(778);
  });

  it('applyLive accepts a higher seq and keeps the snapshot history', () => {
    const store = createOverviewStore();
    const data = overviewActions(store);
    const b = T0 - (T0 % HISTORY_BUCKET_MS);
    data.applySnapshot(snapshot(3, b, [[b - HISTORY_BUCKET_MS, 1], [b, 2]]));
    expect(data.applyLive(4, overview(b + HISTORY_BUCKET_MS + 5, 3))).toBe(true);
    expect(store.getState().dataCallsHistory).toEqual([
      [b - HISTORY_BUCKET_MS, 1],
      [b, 2],
      [b + HISTORY_BUCKET_MS, 3],
    ]);
  });

  it('setDistricts stores the districts', () => {
    const store = createOverviewStore();
    const districts = { contractVersion: CONTRACT_VERSION, datum: 'WGS84', type: 'FeatureCollection', features: [] } as never;
    overviewActions(store).setDistricts(districts);
    expect(store.getState().districts).toBe(districts);
  });
});
