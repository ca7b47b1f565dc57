import { describe, expect, it, vi } from 'vitest';
import type { Alert, CityEvent, EventDetail, EventList } from '../../../hub/contract.ts';
import { Desk } from './desk.ts';
import type { EventsClient, EventsError, Result } from './events-client.ts';
import { alert, auditEntry, catalog, cityEvent, step } from './events-fixture.ts';

type Client = ConstructorParameters<typeof Desk>[0];

const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const refused = (kind: EventsError['kind'], message: string): Result<never> => ({ ok: false, error: { kind, status: 409, message } });

/** A deferred answer: the test decides when (and in which order) the hub answers. */
function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function fakeClient(over: Partial<Client> = {}): Client & { [K in keyof Client]: ReturnType<typeof vi.fn> } {
  const base: Client = {
    catalog: async () => ok(catalog),
    list: async (): Promise<Result<EventList>> => ok({ total: 1, events: [cityEvent()] }),
    detail: async (): Promise<Result<EventDetail>> => ok({ event: cityEvent(), timeline: [step()] }),
    act: async (): Promise<Result<CityEvent>> => ok(cityEvent({ status: 'accepted', version: 2 })),
    alerts: async (): Promise<Result<Alert[]>> => ok([alert()]),
    ack: async (): Promise<Result<Alert>> => ok(alert({ acknowledgedBy: 'operator', acknowledgedAt: alert().updatedAt })),
    audit: async () => ok([auditEntry()]),
    auditCsv: async () => ok(new Blob(['a,b\r\n'], { type: 'text/csv' })),
  };
  const merged = { ...base, ...over } as Client;
  for (const k of Object.keys(merged) as (keyof Client)[]) (merged as Record<string, unknown>)[k] = vi.fn(merged[k] as (...a: unknown[]) => unknown);
  return merged as ReturnType<typeof fakeClient>;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('events desk', () => {
  it('does not send a second step while one is in flight', async () => {
    const answer = later<Result<CityEvent>>();
    const client = fakeClient({ act: () => answer.promise });
    const desk = new Desk(client as unknown as EventsClient);
    await desk.refreshQueue();
    desk.select('EV-20260520-00001');
    const first = desk.act({ action: 'accept' });
    expect(desk.store.getState().acting).toBe('accept');
    expect(await desk.act({ action: 'accept' })).toBe(false);
    answer.resolve(ok(cityEvent({ status: 'accepted', version: 2 })));
    expect(await first).toBe(true);
    expect(client.act).toHaveBeenCalledTimes(1);
    expect(desk.store.getState().acting).toBeNull();
  });

  it('shows a refused step’s reason and changes nothing, then asks the hub again', async () => {
    const reason = '不可执行此步骤 Step refused: cannot close an event that is reported (上报): only verified (核查)';
    const client = fakeClient({ act: async () => refused('illegal-step', reason) });
    const desk = new Desk(client as unknown as EventsClient);
    desk.select('EV-20260520-00001');
    await flush();
    const before = desk.store.getState().detail;
    expect(await desk.act({ action: 'close' })).toBe(false);
    const s = desk.store.getState();
    expect(s.error).toEqual({ source: 'action', text: `操作 Step — ${reason}` });
    expect(s.detail?.event).toEqual(before?.event);
    expect(client.detail).toHaveBeenCalledTimes(2);
    expect(client.list).toHaveBeenCalledTimes(1);
    // A poll that works does not take the step's error off the banner.
    await desk.refreshQueue({ poll: true });
    expect(desk.store.getState().error?.source).toBe('action');
  });

  it('takes the hub’s event after a step and refreshes queue and timeline at once', async () => {
    const accepted = cityEvent({ status: 'accepted', acceptedAt: cityEvent().reportedAt + 1, version: 2, updatedAt: cityEvent().reportedAt + 1 });
    const timeline = [step({ n: 2, action: 'accept', from: 'reported', to: 'accepted', at: accepted.updatedAt, actor: { id: 'operator', role: 'operator' } }), step()];
    let steps = 0;
    const client = fakeClient({
      act: async () => ok(accepted),
      detail: async () => ok(steps++ ? { event: accepted, timeline } : { event: cityEvent(), timeline: [step()] }),
      list: async () => ok({ total: 1, events: [steps > 1 ? accepted : cityEvent()] }),
    });
    const desk = new Desk(client as unknown as EventsClient);
    desk.select('EV-20260520-00001');
    await flush();
    expect(await desk.act({ action: 'accept' })).toBe(true);
    const s = desk.store.getState();
    expect(s.detail?.event.status).toBe('accepted');
    expect(s.detail?.timeline.map((t) => t.n)).toEqual([1, 2]); // oldest first, whatever order it came in
    expect(s.queue?.events[0].status).toBe('accepted');
  });

  it('drops an older answer that lands after a newer one (a slow poll after a filter change)', async () => {
    const slow = later<Result<EventList>>();
    let calls = 0;
    const client = fakeClient({ list: () => (calls++ === 0 ? slow.promise : Promise.resolve(ok({ total: 0, events: [] }))) });
    const desk = new Desk(client as unknown as EventsClient);
    const poll = desk.refreshQueue({ poll: true });
    desk.setFilter({ overdue: true });
    await flush();
    expect(desk.store.getState().queue?.total).toBe(0);
    slow.resolve(ok({ total: 1, events: [cityEvent()] }));
    await poll;
    expect(desk.store.getState().queue?.total).toBe(0);
    expect(desk.store.getState().page).toBe(0);
  });

  it('sorts the page most urgent first', async () => {
    const calm = cityEvent({ id: 'EV-20260520-00001' });
    const hot = cityEvent({ id: 'EV-20260520-00002', escalated: true });
    const desk = new Desk(fakeClient({ list: async () => ok({ total: 2, events: [calm, hot] }) }) as unknown as EventsClient);
    await desk.refreshQueue();
    expect(desk.store.getState().queue?.events.map((e) => e.id)).toEqual([hot.id, calm.id]);
  });

  it('clears a poll’s own error when the poll works again', async () => {
    let fail = true;
    const desk = new Desk(fakeClient({ alerts: async () => (fail ? { ok: false, error: { kind: 'network', status: null, message: '无法连接中枢 Hub unreachable' } } : ok([])) }) as unknown as EventsClient);
    await desk.refreshAlerts({ poll: true });
    expect(desk.store.getState().error?.source).toBe('alerts');
    fail = false;
    await desk.refreshAlerts({ poll: true });
    expect(desk.store.getState().error).toBeNull();
  });

  it('acknowledges an alert once, and shows a 409 from the hub', async () => {
    const answer = later<Result<Alert>>();
    const client = fakeClient({ ack: () => answer.promise });
    const desk = new Desk(client as unknown as EventsClient);
    await desk.refreshAlerts();
    const first = desk.ack('AL-1');
    expect(await desk.ack('AL-1')).toBe(false);
    answer.resolve(refused('conflict', '状态已变化 Already changed: AL-1 is already acknowledged'));
    expect(await first).toBe(false);
    expect(desk.store.getState().error).toEqual({ source: 'ack', text: '确认预警 Acknowledge — 状态已变化 Already changed: AL-1 is already acknowledged' });
    expect(client.ack).toHaveBeenCalledTimes(1);
  });

  it('lists alerts highest level first, active before cleared', async () => {
    const alerts = [alert({ id: 'AL-1', level: 'blue' }), alert({ id: 'AL-2', level: 'red', status: 'cleared', clearedAt: alert().updatedAt }), alert({ id: 'AL-3', level: 'red' })];
    const desk = new Desk(fakeClient({ alerts: async () => ok(alerts) }) as unknown as EventsClient);
    await desk.refreshAlerts();
    expect(desk.store.getState().alerts?.map((a) => a.id)).toEqual(['AL-3', 'AL-1', 'AL-2']);
  });

  it('shows the audit log newest first and exports it', async () => {
    const entries = [auditEntry({ id: 1, at: 1_000 }), auditEntry({ id: 3, at: 3_000 }), auditEntry({ id: 2, at: 2_000 })];
    const client = fakeClient({ audit: async () => ok(entries) });
    const desk = new Desk(client as unknown as EventsClient);
    await desk.searchAudit({ ...desk.store.getState().auditQuery, actor: 'operator' });
    expect(desk.store.getState().audit?.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(client.audit).toHaveBeenCalledWith(expect.objectContaining({ actor: 'operator' }));
    const blob = await desk.exportAudit();
    expect(await blob?.text()).toBe('a,b\r\n');
    expect(desk.store.getState().exporting).toBe(false);
  });

  it('polls while visible and stops when told', async () => {
    vi.useFakeTimers();
    try {
      let visible = true;
      const client = fakeClient();
      const desk = new Desk(client as unknown as EventsClient, { visible: () => visible });
      desk.start();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(client.list).toHaveBeenCalledTimes(3); // at start, then every 5 s
      visible = false;
      await vi.advanceTimersByTimeAsync(10_000);
      expect(client.list).toHaveBeenCalledTimes(3);
      visible = true;
      desk.stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(client.list).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
