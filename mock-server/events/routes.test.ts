// The center's work through the hub's REST, on a real hub (PGlite in memory): reports, lifecycle
// steps, refusals, readings that raise alerts and open events, the board the walls get, the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { API_PREFIX, BoardSchema, EVENTS_BOARD_TOPIC, EventDetailSchema, LIVE_NAMESPACE, type Board, type CityEvent } from '../../src/hub/contract.ts';
import type { Hub } from '../server.ts';
import { enrolDisplay, startQuietHub, waitFor } from '../control-test-kit.ts';

let hub: Hub;
let token: string;
const sockets: Socket[] = [];
const INGEST_KEY = 'test-ingest-key-0123456789';

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  const res = await fetch(`${hub.url}${API_PREFIX}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : null;
  return { status: res.status, json: json as any, text, headers: res.headers };
}

const report = {
  source: 'grid',
  category: 'city-management',
  level: 'yellow',
  title: '解放碑步行街井盖缺失',
  description: '<img src=x onerror=alert(1)> 井盖缺失，已设置围挡',
  district: '500103',
  position: [106.5772, 29.5574],
  externalId: 'grid-test-1',
};

beforeAll(async () => {
  hub = await startQuietHub({
    env: { HUB_EVENTS_RATE: '0', HUB_INGEST_KEY: INGEST_KEY },
    control: { demo: true },
  });
  const res = await api('POST', '/auth/operator', { user: 'operator', password: 'onescreen' }, {});
  token = res.json.token;
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.close();
});

describe('events REST', () => {
  let id: string;

  it('takes a report (once per external id) and answers its detail with the timeline; text stays text', async () => {
    const first = await api('POST', '/events/reports', report);
    expect(first.status).toBe(201);
    id = first.json.event.id;
    expect(id).toMatch(/^EV-\d{8}-\d{5}$/);
    const again = await api('POST', '/events/reports', report, { 'x-ingest-key': INGEST_KEY });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false, event: { id } });
    const detail = EventDetailSchema.parse((await api('GET', `/events/${id}`)).json);
    expect(detail.event.description).toBe(report.description.trim());
    expect(detail.timeline.map((t) => t.action)).toEqual(['report']);
  });

  it('refuses bad reports naming the field, and changes nothing', async () => {
    const before = (await api('GET', '/events?limit=500')).json.total;
    expect((await api('POST', '/events/reports', { ...report, externalId: undefined, category: 'ufo' })).json.message).toMatch(/^category: unknown category "ufo"/);
    expect((await api('POST', '/events/reports', { ...report, externalId: undefined, district: '999999' })).json.message).toMatch(/^district: no district/);
    expect((await api('POST', '/events/reports', { ...report, title: 'x'.repeat(61) })).json.message).toMatch(/^title: /);
    expect((await api('POST', '/events/reports', '{"source":')).status).toBe(400);
    expect((await api('POST', '/events/reports', report, { 'x-ingest-key': 'wrong' })).status).toBe(401);
    expect((await api('POST', '/events/reports', report, {})).status).toBe(401);
    expect((await api('GET', '/events?limit=500')).json.total).toBe(before);
  });

  it('walks the lifecycle; an illegal step is a 409 with the reason and leaves the event as it was', async () => {
    const close = await api('POST', `/events/${id}/actions`, { action: 'close' });
    expect(close.status).toBe(409);
    expect(close.json).toMatchObject({ error: 'illegal-step', message: expect.stringMatching(/cannot close/) });
    expect((await api('POST', `/events/${id}/actions`, { action: 'refuse' })).json.message).toMatch(/^reason: /);
    for (const command of [
      { action: 'accept' },
      { action: 'dispatch', department: 'city-management-bureau' },
      { action: 'comment', text: '已联系属地街道' },
      { action: 'start' },
      { action: 'handle', feedback: '已补装井盖' },
      { action: 'verify' },
      { action: 'close' },
    ]) {
      const res = await api('POST', `/events/${id}/actions`, command);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    const detail = EventDetailSchema.parse((await api('GET', `/events/${id}`)).json);
    expect(detail.event.status).toBe('closed');
    expect(detail.timeline.map((t) => t.action)).toEqual(['report', 'accept', 'dispatch', 'comment', 'start', 'handle', 'verify', 'close']);
    expect(detail.timeline.every((t) => t.actor.id === 'operator' || t.action === 'report')).toBe(true);
    expect((await api('POST', '/events/EV-20200101-00001/actions', { action: 'accept' })).status).toBe(404);
  });

  it('a reading past a threshold raises one alert per place, opens one event, and the walls get both on the board', async () => {
    const display = connect(`${hub.url}${LIVE_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: await displayAuth() });
    sockets.push(display);
    const changes: Board[] = [];
    display.on(EVENTS_BOARD_TOPIC, (e: { data: unknown }) => changes.push(BoardSchema.parse(e.data)));
    await new Promise<void>((r) => display.once('connect', () => r()));
    await new Promise((r) => display.emit('subscribe', { topics: [EVENTS_BOARD_TOPIC] }, r));

    const rules = (await api('GET', '/rules')).json.rules as { id: string; metric: string; scope: string; minDurationS: number; thresholds: Record<string, number>; opensEvent?: unknown }[];
    const rule = rules.find((r) => r.metric === 'waterlogging' && r.opensEvent)!;
    expect(rule, 'a waterlogging rule that opens events').toBeDefined();
    const place = { kind: rule.scope, id: 'lp-test-1', name: '测试下穿道', district: '500103', position: [106.55, 29.56] };
    const t = Date.now();
    const over = rule.thresholds.red + 5;
    const readings = [0, 1, 2].map((i) => ({ metric: 'waterlogging', place, value: over, time: t + i * (rule.minDurationS * 1000 + 1000) }));
    expect((await api('POST', '/readings', { readings }, { 'x-ingest-key': INGEST_KEY })).status).toBe(202);
    await hub.events.settled();
    await waitFor(() => changes.some((c) => c.alerts.some((a) => a.place.id === 'lp-test-1' && a.level === 'red')), 'the red alert on the board');
    const alerts = (await api('GET', '/alerts')).json.alerts.filter((a: { place: { id: string } }) => a.place.id === 'lp-test-1');
    expect(alerts).toHaveLength(1);
    await waitFor(() => changes.some((c) => c.events.some((e: CityEvent) => e.alertId === alerts[0].id)), 'the event it opened on the board');
    // A repeat updates the alert; it never opens a second one.
    await api('POST', '/readings', { readings: [{ ...readings[2], time: readings[2].time + 1000, value: over + 1 }] }, { 'x-ingest-key': INGEST_KEY });
    await hub.events.settled();
    expect((await api('GET', '/alerts')).json.alerts.filter((a: { place: { id: string } }) => a.place.id === 'lp-test-1')).toHaveLength(1);
    const ack = await api('POST', `/alerts/${alerts[0].id}/ack`);
    expect(ack.json.alert).toMatchObject({ acknowledgedBy: 'operator' });
    expect((await api('POST', `/alerts/${alerts[0].id}/ack`)).status).toBe(409);
    // The snapshot agrees with the changes.
    const snap = (await api('GET', `/topics/${EVENTS_BOARD_TOPIC}`, undefined, {})).json;
    expect(BoardSchema.parse(snap.data).alerts.some((a) => a.id === alerts[0].id)).toBe(true);
  });

  it('refuses readings of unknown metrics or districts naming the field', async () => {
    const place = { kind: 'site', id: 's1', name: '站点', district: '500103', position: [106.5, 29.5] };
    expect((await api('POST', '/readings', { readings: [{ metric: 'noise', place, value: 1, time: Date.now() }] })).json.message).toMatch(/^readings\.0\.metric/);
    expect((await api('POST', '/readings', { readings: [{ metric: 'rain', place: { ...place, district: '123456' }, value: 1, time: Date.now() }] })).json.message).toMatch(
      /^readings\.0\.place\.district: no district/,
    );
  });

  it('keeps an audit log of every operator action, searchable and exported as CSV', async () => {
    const log = (await api('GET', `/audit?q=${encodeURIComponent(id)}`)).json.entries as { action: string; actor: { id: string } }[];
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['event.accept', 'event.dispatch', 'event.close']));
    const csv = await api('GET', '/audit?format=csv&limit=50');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('"time","actor","role","session","action","target","detail"');
    expect(lines.length).toBeGreaterThan(5);
    expect((await api('GET', '/audit', undefined, {})).status).toBe(401);
  });

  it('rules are versioned: a change must name the next version, and a bad rule is refused naming the field', async () => {
    const { rules } = (await api('GET', '/rules')).json;
    const rule = rules[0];
    expect((await api('PUT', `/rules/${rule.id}`, { ...rule, version: rule.version + 5 })).status).toBe(409);
    const bad = await api('PUT', `/rules/${rule.id}`, { ...rule, version: rule.version + 1, thresholds: { yellow: 10, orange: 5 } });
    expect(bad.json.message).toMatch(/^thresholds\.orange: must be above the yellow threshold/);
    const ok = await api('PUT', `/rules/${rule.id}`, { ...rule, version: rule.version + 1, minDurationS: 0 });
    expect(ok.json.rule).toMatchObject({ id: rule.id, version: rule.version + 1 });
  });
});

async function displayAuth() {
  const { token: displayToken } = await enrolDisplay(hub.url, 'main', 'd1');
  return { role: 'display', token: displayToken, wall: 'main', display: 'd1' };
}
