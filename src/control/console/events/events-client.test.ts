import { describe, expect, it, vi } from 'vitest';
import { EventsClient, errorOfResponse } from './events-client.ts';
import { DEFAULT_AUDIT, DEFAULT_FILTER } from './events-model.ts';
import { alert, auditEntry, catalog, cityEvent, step } from './events-fixture.ts';

const HUB = 'http://hub.test';
const TOKEN = 'operator-token-0123456789';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A client whose fetch answers with `answer` and records what it was asked. */
function clientWith(answer: Response | Error | ((url: string, init: RequestInit) => Response)) {
  const calls: { url: string; init: RequestInit }[] = [];
  const onUnauthorised = vi.fn();
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(String(url), init ?? {}) : answer;
  }) as unknown as typeof fetch;
  const client = new EventsClient(HUB, { token: () => TOKEN, onUnauthorised, fetch: fetchImpl });
  return { client, calls, onUnauthorised, fetchImpl };
}

describe('events client', () => {
  it('asks with the bearer token in the header, never in the URL, and returns a validated page', async () => {
    const { client, calls } = clientWith(json(200, { total: 1, events: [cityEvent()] }));
    const res = await client.list({ ...DEFAULT_FILTER, statuses: ['reported', 'accepted'], q: '  井盖 ', overdue: true }, 2);
    expect(res).toEqual({ ok: true, data: { total: 1, events: [cityEvent()] } });
    const { url, init } = calls[0];
    expect(url.startsWith(`${HUB}/api/v1/events?`)).toBe(true);
    expect(url).not.toContain(TOKEN);
    const q = new URL(url).searchParams;
    expect(q.get('status')).toBe('reported,accepted');
    expect(q.get('open')).toBeNull(); // the statuses say it
    expect(q.get('overdue')).toBe('true');
    expect(q.get('q')).toBe('井盖');
    expect([q.get('limit'), q.get('offset')]).toEqual(['100', '200']);
    expect((init.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('never trusts a body that fails the contract: an invalid event, a page too long, not JSON', async () => {
    const bad = await clientWith(json(200, { total: 1, events: [{ ...cityEvent(), status: 'lost' }] })).client.list(DEFAULT_FILTER, 0);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('invalid-response');
      expect(bad.error.message).toMatch(/events\.0\.status/);
    }
    const tooMany = await clientWith(json(200, { total: 501, events: Array.from({ length: 501 }, () => cityEvent()) })).client.list(DEFAULT_FILTER, 0);
    expect(tooMany.ok || tooMany.error.kind).toBe('invalid-response');
    const html = await clientWith(new Response('<html>proxy error</html>', { status: 200 })).client.catalog();
    expect(html.ok || html.error.kind).toBe('invalid-response');
    const timeline = await clientWith(json(200, { event: cityEvent(), timeline: [step({ at: -5 })] })).client.detail('EV-20260520-00001');
    expect(timeline.ok || timeline.error.kind).toBe('invalid-response');
  });

  it('maps a refused step (409 illegal-step) to the lifecycle reason the hub gave', async () => {
    const reason = 'cannot close an event that is reported (上报): only verified (核查)';
    const { client, calls } = clientWith(json(409, { error: 'illegal-step', message: reason }));
    const res = await client.act('EV-20260520-00001', { action: 'close' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: 'illegal-step', status: 409, code: 'illegal-step' });
    expect(res.error.message).toContain(reason);
    expect(res.error.message).toMatch(/^不可执行此步骤 Step refused/);
    expect(calls[0].url).toBe(`${HUB}/api/v1/events/EV-20260520-00001/actions`);
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ action: 'close' });
  });

  it('maps each refusal by status, keeping the hub message that names the field', () => {
    const cases: [number, unknown, string][] = [
      [400, { error: 'bad-request', message: 'department: Invalid input' }, 'bad-request'],
      [403, { error: 'forbidden', message: 'operators only' }, 'forbidden'],
      [404, { error: 'not-found', message: 'no event EV-20260520-09999' }, 'not-found'],
      [409, { error: 'conflict', message: 'AL-1 is already acknowledged' }, 'conflict'],
      [429, { error: 'rate-limited', message: 'slow down' }, 'rate-limited'],
      [500, 'Internal Server Error', 'server'],
      [502, undefined, 'server'],
    ];
    for (const [status, body, kind] of cases) {
      const { error } = errorOfResponse(status, body);
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
      if (typeof body === 'object' && body) expect(error.message).toContain((body as { message: string }).message);
      else expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('tells the console when the hub no longer takes the token (401)', async () => {
    const { client, onUnauthorised } = clientWith(json(401, { error: 'token-expired', message: 'the token has expired' }));
    const res = await client.alerts('active');
    expect(res.ok || res.error.kind).toBe('unauthorised');
    expect(onUnauthorised).toHaveBeenCalledTimes(1);
  });

  it('answers network failures and timeouts without throwing', async () => {
    const down = await clientWith(new TypeError('fetch failed')).client.catalog();
    expect(down.ok || down.error.kind).toBe('network');
    const slow = await clientWith(new DOMException('The operation timed out', 'TimeoutError')).client.catalog();
    expect(slow.ok || slow.error.kind).toBe('timeout');
  });

  it('checks a step before it leaves: a refusal without a reason never reaches the hub', async () => {
    const { client, fetchImpl } = clientWith(json(200, { event: cityEvent() }));
    const res = await client.act('EV-20260520-00001', { action: 'refuse', reason: '   ' });
    expect(res.ok || res.error.kind).toBe('invalid-request');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('sends nothing without a session', async () => {
    const fetchImpl = vi.fn() as unknown as typeof fetch;
    const client = new EventsClient(HUB, { token: () => null, fetch: fetchImpl });
    const res = await client.catalog();
    expect(res.ok || res.error.kind).toBe('unauthorised');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('refuses an answer about another event or alert than the one asked for', async () => {
    const act = await clientWith(json(200, { event: cityEvent({ id: 'EV-20260520-00002' }) })).client.act('EV-20260520-00001', { action: 'start' });
    expect(act.ok || act.error.kind).toBe('invalid-response');
    const ack = await clientWith(json(200, { alert: alert({ id: 'AL-2' }) })).client.ack('AL-1');
    expect(ack.ok || ack.error.kind).toBe('invalid-response');
  });

  it('validates catalogue, alerts, acknowledgements and the audit log', async () => {
    expect(await clientWith(json(200, catalog)).client.catalog()).toEqual({ ok: true, data: catalog });
    // A catalogue whose category names a department it does not list is refused.
    const broken = { ...catalog, categories: [{ ...catalog.categories[0], departments: ['nobody'] }] };
    expect((await clientWith(json(200, broken)).client.catalog()).ok).toBe(false);
    expect(await clientWith(json(200, { alerts: [alert()] })).client.alerts('all')).toEqual({ ok: true, data: [alert()] });
    const acked = alert({ acknowledgedBy: 'operator', acknowledgedAt: alert().updatedAt });
    expect(await clientWith(json(200, { alert: acked })).client.ack('AL-1')).toEqual({ ok: true, data: acked });
    const { client, calls } = clientWith(json(200, { entries: [auditEntry()] }));
    expect(await client.audit({ ...DEFAULT_AUDIT, actor: 'operator', from: 1, to: 2 })).toEqual({ ok: true, data: [auditEntry()] });
    const q = new URL(calls[0].url).searchParams;
    expect([q.get('actor'), q.get('from'), q.get('to'), q.get('limit'), q.get('q')]).toEqual(['operator', '1', '2', '200', null]);
    const badEntry = await clientWith(json(200, { entries: [{ ...auditEntry(), action: 'DROP TABLE' }] })).client.audit(DEFAULT_AUDIT);
    expect(badEntry.ok || badEntry.error.kind).toBe('invalid-response');
  });

  it('fetches the audit CSV with the header and hands it over as a Blob, only if it is CSV', async () => {
    const csv = '\ufeff"time","actor"\r\n';
    const { client, calls } = clientWith(new Response(csv, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const res = await client.auditCsv({ ...DEFAULT_AUDIT, q: 'close' });
    expect(res.ok).toBe(true);
    if (res.ok) expect(await res.data.text()).toContain('"actor"');
    expect(new URL(calls[0].url).searchParams.get('format')).toBe('csv');
    expect(calls[0].url).not.toContain(TOKEN);
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
    const notCsv = await clientWith(json(200, { entries: [] })).client.auditCsv(DEFAULT_AUDIT);
    expect(notCsv.ok || notCsv.error.kind).toBe('invalid-response');
  });

  it('posts reports checked with the contract and reads {event, created}', async () => {
    const { client, calls } = clientWith(json(201, { event: cityEvent(), created: true }));
    const res = await client.report({ source: 'operator', category: 'city-management', title: '路灯不亮', district: '500103', position: [106.57, 29.55] });
    expect(res).toEqual({ ok: true, data: { event: cityEvent(), created: true } });
    expect(calls[0].url).toBe(`${HUB}/api/v1/events/reports`);
    const bad = await client.report({ source: 'operator', category: 'city-management', title: '', district: '500103', position: [106.57, 29.55] });
    expect(bad.ok || bad.error.kind).toBe('invalid-request');
  });
});
