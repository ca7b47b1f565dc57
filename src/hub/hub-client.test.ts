import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from './hub-client.ts';
import { offlineHubClient } from './hub-client-fixture.ts';
import { CONTRACT_VERSION, type Overview, type OverviewEvent } from './contract.ts';

const T0 = Date.UTC(2024, 4, 20, 2, 0, 0); // 10:00 in Chongqing

function overview(time: number, patch: Partial<Overview> = {}): Overview {
  return {
    time,
    systemsPlanned: 120,
    systemsConnected: 42,
    departmentsConnected: 21,
    scenarios: 17,
    dataCallsTotal: 8_670_000_000,
    dataCallsPerMinute: 15_000,
    cloudSystems: 1942,
    cloudRate: 0.857,
    govServiceUsers: 12_000_000,
    govMattersToday: 4000,
    licenceCategories: 12,
    povertyPlatformUsers: 270_000,
    povertyPlatformUses: 35_200_000,
    povertyDailyActive: 30_000,
    basestations5g: 1300,
    districts: [{ code: '500103', dataCallsToday: 10_000, openEvents: 4, devicesOnline: 800 }],
    ...patch,
  };
}

function event(seq: number, time: number, patch: Partial<Overview> = {}): OverviewEvent {
  return { v: CONTRACT_VERSION, topic: 'overview', seq, time, data: overview(time, patch) };
}

function setup() {
  const { client, connection, diagnostics, overview: overviewStore } = offlineHubClient();
  return { client, connection, diagnostics, overviewStore };
}

describe('HubClient.onOverview', () => {
  it('applies a valid event to the overview store, advances dataTime and counts it accepted', () => {
    const { client, connection, diagnostics, overviewStore } = setup();
    const e = event(3, T0);
    client.onOverview(e);
    expect(overviewStore.getState().overview).toEqual(e.data);
    expect(overviewStore.getState().seq).toBe(3);
    expect(overviewStore.getState().dataCallsHistory).toEqual([[T0 - (T0 % 300_000), 15_000]]);
    expect(connection.getState().dataTime).toBe(T0);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0, lastError: null });

    const next = event(4, T0 + 1000, { dataCallsPerMinute: 16_000 });
    client.onOverview(next);
    expect(overviewStore.getState().overview).toEqual(next.data);
    expect(connection.getState().dataTime).toBe(T0 + 1000);
    expect(diagnostics.getState().accepted).toBe(2);
  });

  it('counts a malformed event as rejected, names the field, and keeps the last good overview', () => {
    const { client, connection, diagnostics, overviewStore } = setup();
    const good = event(5, T0);
    client.onOverview(good);
    const before = overviewStore.getState();

    client.onOverview({ ...event(6, T0 + 1000), data: { ...overview(T0 + 1000), govMattersToday: -1 } });
    expect(diagnostics.getState().rejected).toBe(1);
    expect(diagnostics.getState().accepted).toBe(1);
    expect(diagnostics.getState().lastError).toMatch(/^live\/overview: data\.govMattersToday: /);
    expect(diagnostics.getState().recentErrors).toHaveLength(1);
    expect(diagnostics.getState().recentErrors[0]).toMatchObject({ source: 'live/overview' });
    expect(diagnostics.getState().recentErrors[0].message).toMatch(/^data\.govMattersToday: /);

    client.onOverview(event(7, T0 + 2000, { systemsConnected: 121 }));
    expect(diagnostics.getState().rejected).toBe(2);
    expect(diagnostics.getState().lastError).toMatch(/^live\/overview: data\.systemsConnected: /);

    client.onOverview('overview unavailable');
    client.onOverview(null);
    expect(diagnostics.getState().rejected).toBe(4);

    const after = overviewStore.getState();
    expect(after.overview).toBe(before.overview);
    expect(after.seq).toBe(5);
    expect(after.dataCallsHistory).toBe(before.dataCallsHistory);
    expect(connection.getState().dataTime).toBe(T0);
  });

  it('rejects every malformed payload without throwing and without touching the overview', () => {
    const { client, diagnostics, overviewStore } = setup();
    client.onOverview(event(1, T0));
    const good = overviewStore.getState().overview;
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        const rejected = diagnostics.getState().rejected;
        expect(() => client.onOverview(payload)).not.toThrow();
        expect(diagnostics.getState().rejected).toBe(rejected + 1);
        expect(overviewStore.getState().overview).toBe(good);
      }),
      { numRuns: 200 },
    );
    expect(diagnostics.getState().recentErrors.length).toBeLessThanOrEqual(20);
  });

  it('ignores a stale event (lower seq, not newer time) but applies a hub restart (lower seq, newer time)', () => {
    const { client, connection, overviewStore } = setup();
    client.onOverview(event(10, T0));
    const shown = overviewStore.getState().overview;

    client.onOverview(event(9, T0, { scenarios: 99 })); // lower seq, same time
    client.onOverview(event(10, T0, { scenarios: 98 })); // repeated seq, same time
    client.onOverview(event(2, T0 - 5000, { scenarios: 97 })); // lower seq, older time
    expect(overviewStore.getState().overview).toBe(shown);
    expect(overviewStore.getState().seq).toBe(10);
    expect(connection.getState().dataTime).toBe(T0);

    client.onOverview(event(1, T0 + 60_000, { scenarios: 18 })); // hub restarted: seq starts again
    expect(overviewStore.getState().overview?.scenarios).toBe(18);
    expect(overviewStore.getState().seq).toBe(1);
    expect(connection.getState().dataTime).toBe(T0 + 60_000);
  });
});

describe('backoffDelay', () => {
  it('stays within [500 ms, 30 s] for any attempt and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const d = backoffDelay(attempt, () => r);
          expect(d).toBeGreaterThanOrEqual(500);
          expect(d).toBeLessThanOrEqual(30_000);
        },
      ),
    );
  });

  it('grows with attempts for the same random draw, up to the 30 s cap', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 60 }), (r, attempt) => {
        expect(backoffDelay(attempt + 1, () => r)).toBeGreaterThanOrEqual(backoffDelay(attempt, () => r));
      }),
    );
    const top = () => 0.999;
    const delays = [0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, top));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    expect(delays[0]).toBeLessThanOrEqual(1000);
    expect(backoffDelay(5, top)).toBeGreaterThan(25_000);
    expect(backoffDelay(50, top)).toBeCloseTo(backoffDelay(6, top), 6);
  });

  it('uses the injected random: full jitter from the 500 ms floor to the cap', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(10, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 0.5)).toBe(750);
    expect(backoffDelay(3, () => 0.5)).toBe(500 + 0.5 * (8000 - 500));
    expect(backoffDelay(20, () => 0.5)).toBe(500 + 0.5 * (30_000 - 500));
    const draws = [0.1, 0.9];
    const random = () => draws.shift()!;
    expect(backoffDelay(4, random)).toBeCloseTo(500 + 0.1 * 15_500, 9);
    expect(backoffDelay(4, random)).toBeCloseTo(500 + 0.9 * 15_500, 9);
  });
});
