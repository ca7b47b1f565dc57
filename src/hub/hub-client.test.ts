import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from './hub-client.ts';
import { offlineHubClient } from './hub-client-fixture.ts';
import type { HubClient } from './hub-client.ts';
import { CONTRACT_VERSION, LIMITS, TOPICS, type Overview, type SeriesPoint } from './contract.ts';

const T0 = Date.UTC(2024, 4, 20, 2, 0, 0); // 10:00 in Chongqing
const BUCKET_MS = 5 * 60_000;
const MAX_POINTS = TOPICS.get('overview')!.history!.maxPoints;

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

function event(seq: number, time: number, patch: Partial<Overview> = {}, epoch = 'e1') {
  return { v: CONTRACT_VERSION, topic: 'overview', epoch, seq, time, data: overview(time, patch) };
}

function snapshot(seq: number, time: number, history: SeriesPoint[] | undefined, epoch = 'e1', patch: Partial<Overview> = {}) {
  return {
    contractVersion: CONTRACT_VERSION,
    topic: 'overview',
    simulated: true,
    epoch,
    seq,
    time,
    data: overview(time, patch),
    ...(history ? { history } : {}),
  };
}

/** What GET /api/v1/topics/overview answers (undefined: the request never completes). */
let servedSnapshot: unknown;
const clients: HubClient[] = [];

beforeEach(() => {
  servedSnapshot = undefined;
  // No hub: REST requests hang (no errors, no retry timers) unless a test serves a snapshot.
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => (servedSnapshot !== undefined && url.endsWith('/api/v1/topics/overview') ? Promise.resolve(Response.json(servedSnapshot)) : new Promise(() => {}))),
  );
});

afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
  vi.unstubAllGlobals();
});

function setup(topics: string[] = ['overview']) {
  const { client, connection, diagnostics, topics: topicStore } = offlineHubClient();
  clients.push(client);
  client.setTopics(topics);
  /** A live event as the socket delivers it, read at once. */
  const push = (payload: unknown, topic = 'overview') => {
    client.feed.receive(topic, payload);
    client.feed.flush();
  };
  const shown = () => topicStore.getState().values.overview;
  return { client, connection, diagnostics, topics: topicStore, push, shown };
}

describe('HubClient: the overview topic, live', () => {
  it('applies a valid event to the topic store, extends its history, advances dataTime and counts it accepted', () => {
    const { connection, diagnostics, topics, push, shown } = setup();
    const e = event(3, T0);
    push(e);
    expect(shown()).toEqual({ epoch: 'e1', seq: 3, time: T0, data: e.data });
    expect(topics.getState().history.overview).toEqual([[T0 - (T0 % BUCKET_MS), 15_000]]);
    expect(connection.getState().dataTime).toBe(T0);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0, lastError: null });

    const next = event(4, T0 + 1000, { dataCallsPerMinute: 16_000 });
    push(next);
    expect(shown()?.data).toEqual(next.data);
    expect(topics.getState().history.overview).toEqual([[T0 - (T0 % BUCKET_MS), 16_000]]);
    expect(connection.getState().dataTime).toBe(T0 + 1000);
    expect(diagnostics.getState().accepted).toBe(2);
  });

  it('counts a malformed event as rejected, names the field, and keeps the last good overview', () => {
    const { connection, diagnostics, topics, push, shown } = setup();
    push(event(5, T0));
    const before = topics.getState();

    push({ ...event(6, T0 + 1000), data: { ...overview(T0 + 1000), govMattersToday: -1 } });
    expect(diagnostics.getState().rejected).toBe(1);
    expect(diagnostics.getState().accepted).toBe(1);
    expect(diagnostics.getState().lastError).toMatch(/^live\/overview: data\.govMattersToday: /);
    expect(diagnostics.getState().recentErrors).toHaveLength(1);
    expect(diagnostics.getState().recentErrors[0]).toMatchObject({ source: 'live/overview' });
    expect(diagnostics.getState().recentErrors[0].message).toMatch(/^data\.govMattersToday: /);

    push(event(7, T0 + 2000, { systemsConnected: 121 }));
    expect(diagnostics.getState().rejected).toBe(2);
    expect(diagnostics.getState().lastError).toMatch(/^live\/overview: data\.systemsConnected: /);

    push('overview unavailable');
    push(null);
    expect(diagnostics.getState().rejected).toBe(4);

    const after = topics.getState();
    expect(after.values.overview).toBe(before.values.overview);
    expect(shown()?.seq).toBe(5);
    expect(after.history.overview).toBe(before.history.overview);
    expect(connection.getState().dataTime).toBe(T0);
  });

  it('rejects every malformed payload without throwing and without touching the overview', () => {
    const { client, diagnostics, push, shown } = setup();
    push(event(1, T0));
    const good = shown();
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        const rejected = diagnostics.getState().rejected;
        expect(() => {
          client.feed.receive('overview', payload);
          client.feed.flush();
        }).not.toThrow();
        expect(diagnostics.getState().rejected).toBe(rejected + 1);
        expect(shown()).toBe(good);
      }),
      { numRuns: 200 },
    );
    expect(diagnostics.getState().recentErrors.length).toBeLessThanOrEqual(20);
  });

  it('rejects an overview whose districts repeat a code', () => {
    const { diagnostics, push, shown } = setup();
    push(event(1, T0));
    const d = overview(T0).districts[0];
    push(event(2, T0 + 1000, { districts: [d, { ...d, openEvents: 9 }] }));
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 1 });
    expect(diagnostics.getState().lastError).toBe('live/overview: data.districts: district codes must be unique');
    expect(shown()?.seq).toBe(1);
  });

  it('rejects a JSON event whose topic field differs from the event name, without reading its data', () => {
    const { diagnostics, push, shown } = setup(['overview', 'gov.services']);
    push(event(1, T0));
    push({ ...event(2, T0 + 1000), topic: 'gov.services' });
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 1 });
    expect(diagnostics.getState().lastError).toBe('live/overview: topic: "gov.services" on the "overview" event');
    expect(shown()?.seq).toBe(1);
    // The same envelope under the other event name is refused as well.
    push(event(3, T0 + 2000), 'gov.services');
    expect(diagnostics.getState().rejected).toBe(2);
    expect(diagnostics.getState().lastError).toBe('live/gov.services: topic: "overview" on the "gov.services" event');
  });

  it('ignores events of topics the wall does not show', () => {
    const { diagnostics, topics, push } = setup(['gov.services']);
    push(event(1, T0));
    push(event(1, T0), 'no.such.topic');
    expect(diagnostics.getState()).toMatchObject({ accepted: 0, rejected: 0 });
    expect(topics.getState().values).toEqual({});
  });

  it('ignores stale and replayed events (an older or repeated seq of the same epoch, whatever their time)', () => {
    const { connection, diagnostics, topics, push, shown } = setup();
    push(event(10, T0));
    const held = topics.getState();

    push(event(9, T0, { scenarios: 99 })); // lower seq, same time
    push(event(10, T0, { scenarios: 98 })); // repeated seq, same time
    push(event(2, T0 - 5000, { scenarios: 97 })); // lower seq, older time
    push(event(9, T0 + 60_000, { scenarios: 96 })); // a replay: older seq, newer time
    push(event(1, T0 + BUCKET_MS, { scenarios: 95, dataCallsPerMinute: 1 })); // ... even a bucket later
    expect(topics.getState()).toBe(held); // neither the value nor the history moved
    expect(shown()?.seq).toBe(10);
    expect(connection.getState().dataTime).toBe(T0);
    // Ordered before it is read: a stale event is neither accepted nor rejected.
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0 });
    // A stale event with a bad payload costs no validation either.
    push({ ...event(3, T0 + 1000), data: 'junk' });
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('applies a hub restart: a new epoch with a lower seq, whatever its time', () => {
    const { connection, push, shown } = setup();
    push(event(10, T0));
    push(event(1, T0 + 60_000, { scenarios: 18 }, 'e2')); // hub restarted: seq starts again
    expect(shown()).toMatchObject({ epoch: 'e2', seq: 1, data: { scenarios: 18 } });
    expect(connection.getState().dataTime).toBe(T0 + 60_000);
    push(event(0, T0 + 30_000, { scenarios: 19 }, 'e3')); // another run, even with an older clock
    expect(shown()).toMatchObject({ epoch: 'e3', seq: 0, data: { scenarios: 19 } });
    expect(connection.getState().dataTime).toBe(T0 + 60_000); // data time never goes back
    push(event(1, T0 + 90_000, { scenarios: 20 }, 'e3'));
    expect(shown()).toMatchObject({ epoch: 'e3', seq: 1, data: { scenarios: 20 } });
  });
});

describe('HubClient: the overview topic, snapshot and history', () => {
  const b = T0 - (T0 % BUCKET_MS);
  /** The hub's record: 720 five-minute buckets ending just before the snapshot's own bucket. */
  const record: SeriesPoint[] = Array.from({ length: LIMITS.maxHistoryPoints }, (_, i) => [b - (LIMITS.maxHistoryPoints - i) * BUCKET_MS, i]);

  it('a snapshot with history sets the topic store’s history; a later live value extends it', async () => {
    servedSnapshot = snapshot(40, b + 10, record);
    const { connection, topics, push, shown } = setup();
    await vi.waitFor(() => expect(shown()).toBeDefined());
    expect(shown()).toMatchObject({ epoch: 'e1', seq: 40, time: b + 10 });
    expect(connection.getState()).toMatchObject({ simulated: true, dataTime: b + 10 });
    // The newest MAX_POINTS of the record, the snapshot's own value in its bucket at the end.
    const h = topics.getState().history.overview!;
    expect(h).toHaveLength(MAX_POINTS);
    expect(h.slice(0, -1)).toEqual(record.slice(-(MAX_POINTS - 1)));
    expect(h.at(-1)).toEqual([b, 15_000]);

    push(event(41, b + BUCKET_MS + 5, { dataCallsPerMinute: 16_000 }));
    const extended = topics.getState().history.overview!;
    expect(extended).toHaveLength(MAX_POINTS);
    expect(extended.slice(0, -1)).toEqual(h.slice(1));
    expect(extended.at(-1)).toEqual([b + BUCKET_MS, 16_000]);

    // A replay of an earlier event adds nothing.
    push(event(39, b + 2 * BUCKET_MS, { dataCallsPerMinute: 1 }));
    expect(topics.getState().history.overview).toBe(extended);
  });

  it('a snapshot without history starts the history from its own value', async () => {
    servedSnapshot = snapshot(1, b + 10, undefined);
    const { topics, shown } = setup();
    await vi.waitFor(() => expect(shown()).toBeDefined());
    expect(topics.getState().history.overview).toEqual([[b, 15_000]]);
  });

  it('a snapshot after a lost session replaces the value (new epoch) and the history with the hub’s record', async () => {
    servedSnapshot = snapshot(40, b + 10, record.slice(-3));
    const { client, topics, push, shown } = setup();
    await vi.waitFor(() => expect(shown()).toBeDefined());
    push(event(500, b + BUCKET_MS, { dataCallsPerMinute: 9 }));
    expect(topics.getState().history.overview).toHaveLength(5);

    const fresh: SeriesPoint[] = [[b - BUCKET_MS, 7], [b, 8]];
    servedSnapshot = snapshot(3, b + BUCKET_MS + 20, fresh, 'e2', { dataCallsPerMinute: 10 });
    client.feed.resync();
    await vi.waitFor(() => expect(shown()?.epoch).toBe('e2'));
    expect(shown()).toMatchObject({ seq: 3, data: { dataCallsPerMinute: 10 } });
    expect(topics.getState().history.overview).toEqual([...fresh, [b + BUCKET_MS, 10]]);
  });

  it('letting go of the topic drops its value and history', async () => {
    servedSnapshot = snapshot(40, b + 10, record.slice(-3));
    const { client, topics, shown } = setup();
    await vi.waitFor(() => expect(shown()).toBeDefined());
    client.setTopics(['gov.services']);
    expect(topics.getState()).toEqual({ values: {}, history: {} });
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
