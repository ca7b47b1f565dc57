import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTRACT_VERSION, EVENTS_BOARD_TOPIC, type Board, type CityEvent } from './contract.ts';
import { offlineHubClient } from './hub-client-fixture.ts';
import type { HubClient } from './hub-client.ts';

const T0 = Date.UTC(2026, 11, 7, 2, 0);
const TOPIC = EVENTS_BOARD_TOPIC;

function event(n: number, version = 1, over: Partial<CityEvent> = {}): CityEvent {
  return {
    id: `EV-20261207-${String(n).padStart(5, '0')}`,
    category: 'city-management',
    level: 'blue',
    status: 'reported',
    source: 'grid',
    title: `井盖缺失 ${n}`,
    description: '',
    district: '500103',
    position: [106.58, 29.56],
    reportedAt: T0,
    acceptBy: T0 + 3_600_000,
    overdue: false,
    escalated: false,
    updatedAt: T0 + version,
    version,
    ...over,
  };
}

const board = (events: CityEvent[]): Board => ({ events, alerts: [], removed: [] });
const change = (seq: number, data: Board, epoch = 'e1') => ({ v: CONTRACT_VERSION, topic: TOPIC, epoch, seq, time: T0 + seq, data });

const clients: HubClient[] = [];

/** A client whose hub answers the board's snapshot with `snapshot()` (each request counted). */
function setup(snapshot: () => { seq: number; data: Board; epoch?: string }) {
  let requests = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (!String(url).includes(`/topics/${TOPIC}`)) return new Promise(() => {});
      requests++;
      const s = snapshot();
      const body = { contractVersion: CONTRACT_VERSION, topic: TOPIC, simulated: true, epoch: s.epoch ?? 'e1', seq: s.seq, time: T0 + s.seq, data: s.data };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  const stores = offlineHubClient();
  clients.push(stores.client);
  stores.client.setTopics([TOPIC]);
  const held = () => stores.topics.getState().values[TOPIC] as { seq: number; data: Board } | undefined;
  return { ...stores, held, requests: () => requests };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
  vi.unstubAllGlobals();
});

describe('TopicFeed: a journal topic (the events board)', () => {
  it('applies every change in order, none shed: one event changes in place, a new one is appended', async () => {
    const { client, held, diagnostics } = setup(() => ({ seq: 10, data: board([event(1), event(2)]) }));
    await vi.waitFor(() => expect(held()?.seq).toBe(10));
    const before = held()!.data.events;

    client.feed.receive(TOPIC, change(11, board([event(2, 2, { status: 'accepted' })])));
    client.feed.receive(TOPIC, change(12, board([event(3)])));
    client.feed.flush();

    const after = held()!;
    expect(after.seq).toBe(12);
    expect(after.data.events.map((e) => [e.id.slice(-1), e.status])).toEqual([
      ['1', 'reported'],
      ['2', 'accepted'],
      ['3', 'reported'],
    ]);
    // Unchanged events keep their identity: a layer updates only the changed rows.
    expect(after.data.events[0]).toBe(before[0]);
    // The snapshot and both changes.
    expect(diagnostics.getState()).toMatchObject({ accepted: 3, shed: 0, rejected: 0 });
  });

  it('ignores a change it already holds and an older version of an event', async () => {
    const { client, held } = setup(() => ({ seq: 5, data: board([event(1, 3, { status: 'dispatched' })]) }));
    await vi.waitFor(() => expect(held()?.seq).toBe(5));
    client.feed.receive(TOPIC, change(5, board([event(1, 9)])));
    client.feed.receive(TOPIC, change(6, board([event(1, 2, { status: 'accepted' })])));
    client.feed.flush();
    expect(held()!.seq).toBe(6);
    expect(held()!.data.events[0].status).toBe('dispatched');
  });

  it('on a gap fetches the snapshot again, and applies the changes that came meanwhile', async () => {
    let snap = { seq: 1, data: board([event(1)]) };
    const { client, held, requests } = setup(() => snap);
    await vi.waitFor(() => expect(held()?.seq).toBe(1));
    snap = { seq: 4, data: board([event(1, 2, { status: 'accepted' }), event(2)]) };
    client.feed.receive(TOPIC, change(3, board([event(2)]))); // 2 is missing
    client.feed.flush();
    client.feed.receive(TOPIC, change(5, board([event(3)])));
    client.feed.flush();
    await vi.waitFor(() => expect(held()?.seq).toBe(5));
    expect(requests()).toBe(2);
    expect(held()!.data.events.map((e) => e.id.slice(-1))).toEqual(['1', '2', '3']);
    expect(held()!.data.events[0].status).toBe('accepted');
  });

  it('a change that fails validation is counted and the wall starts again from the snapshot', async () => {
    let snap = { seq: 1, data: board([event(1)]) };
    const { client, held, diagnostics, requests } = setup(() => snap);
    await vi.waitFor(() => expect(held()?.seq).toBe(1));
    snap = { seq: 2, data: board([event(1, 2, { status: 'refused' })]) };
    client.feed.receive(TOPIC, change(2, { events: [{ ...event(1, 2), status: 'lost' }] } as unknown as Board));
    client.feed.flush();
    await vi.waitFor(() => expect(held()?.data.events[0].status).toBe('refused'));
    expect(requests()).toBe(2);
    expect(diagnostics.getState().rejected).toBe(1);
    expect(diagnostics.getState().lastError).toMatch(/events\.board: data\.events\.0\.status/);
  });

  it('another hub run (new epoch) is a gap too', async () => {
    let snap: { seq: number; data: Board; epoch?: string } = { seq: 7, data: board([event(1)]) };
    const { client, held } = setup(() => snap);
    await vi.waitFor(() => expect(held()?.seq).toBe(7));
    snap = { seq: 1, data: board([event(1), event(2)]), epoch: 'e2' };
    client.feed.receive(TOPIC, change(2, board([event(2)]), 'e2'));
    client.feed.flush();
    await vi.waitFor(() => expect((held() as { epoch?: string })?.epoch).toBe('e2'));
    expect(held()!.seq).toBe(2);
    expect(held()!.data.events).toHaveLength(2);
    await settle();
  });
});
