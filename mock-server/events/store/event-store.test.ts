// The event store against both engines: PGlite in memory, and a real PostgreSQL server (one for
// the file, a fresh database per run) where a second store instance stands for a second hub process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Place, Rule, RuleSet } from '../../../src/hub/contract.ts';
import { AlertSchema, AuditEntrySchema, CityEventSchema, EventDetailSchema, EventStatsSchema } from '../../../src/hub/contract.ts';
import { LifecycleError } from '../../../src/hub/events/lifecycle.ts';
import { startPostgresServer, type TestPostgres } from '../../../tests/postgres-server.ts';
import { ConflictError, NotFoundError, type AlertChange, type EventStore, type StoreChange } from './event-store.ts';
import { loadMigrations, migrate, MigrationError } from './migrate.ts';
import { openEventStore } from './open-store.ts';
import { likePattern, type PgEventStore } from './pg-event-store.ts';
import { LISTEN_APPLICATION_NAME, openPostgresSql, type Sql } from './sql.ts';
import { aReport, emptyStore, HOUR, MIN, OPERATOR, openTestPglite, openTestPostgres, storeOn, T0, TEST_CATALOG, type Backend } from './store-fixture.ts';

let server: TestPostgres;
let pglite: Sql;
let databases = 0;
beforeAll(async () => {
  // Both take seconds: side by side.
  [server, pglite] = await Promise.all([startPostgresServer(), openTestPglite()]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const newDatabase = () => server.createDatabase(`store_${process.pid}_${++databases}`);

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const place = (id = 'st-1'): Place => ({ kind: 'site', id, name: `Station ${id}`, district: '500103', position: [106.5, 29.5] });
const raise = (over: Partial<Extract<AlertChange, { kind: 'raise' }>> = {}): AlertChange => ({
  kind: 'raise',
  ruleId: 'rain-heavy',
  ruleVersion: 1,
  metric: 'rain',
  place: place(),
  level: 'yellow',
  value: 31,
  threshold: 30,
  at: T0,
  ...over,
});

const rule = (id: string, version = 1): Rule => ({
  id,
  version,
  name: `Rule ${id}`,
  nameEn: `Rule ${id}`,
  enabled: true,
  metric: 'rain',
  scope: 'site',
  thresholds: { yellow: 30, red: 50 },
  minDurationS: 0,
  hysteresis: 2,
});

describe.each(['pglite', 'postgres'] as Backend[])('event store on %s', (backend) => {
  let sql: Sql;
  let store: PgEventStore;
  let url = '';
  /** Stores opened by a test (other hub processes), closed after it. */
  const extra: EventStore[] = [];

  beforeAll(async () => {
    if (backend === 'pglite') sql = pglite;
    else {
      url = await newDatabase();
      sql = await openTestPostgres(url);
    }
    store = await storeOn(sql);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    while (extra.length) await extra.pop()!.close();
    await emptyStore(sql);
  });

  /** Another hub process on the same database (the server only). */
  async function secondHub(): Promise<EventStore> {
    const other = await openEventStore({ databaseUrl: url, catalog: TEST_CATALOG });
    extra.push(other);
    return other;
  }
  const onServer = backend === 'postgres' ? it : it.skip;

  async function auditCount(target?: string) {
    return (await store.auditLog({ limit: 500 })).filter((a) => !target || a.target === target).length;
  }

  // --- Reports ---------------------------------------------------------------------------------

  it('stores a report as a new event with its first step and an audit entry', async () => {
    const { event, created } = await store.report(aReport({ level: 'yellow', reporter: 'grid-0231' }), OPERATOR, T0);
    expect(created).toBe(true);
    expect(event).toMatchObject({ id: 'EV-20240601-00001', status: 'reported', level: 'yellow', source: 'grid', reportedAt: T0, acceptBy: T0 + 30 * MIN, version: 1 });
    expect(CityEventSchema.safeParse(event).success).toBe(true);
    const second = await store.report(aReport(), OPERATOR, T0 + MIN);
    expect(second.event.id).toBe('EV-20240601-00002');
    // The next hub day (UTC+8) numbers from 1 again: 16:00 UTC is midnight in Chongqing.
    const tomorrow = await store.report(aReport(), OPERATOR, Date.UTC(2024, 5, 1, 16, 0, 0));
    expect(tomorrow.event.id).toBe('EV-20240602-00001');

    const detail = await store.detail(event.id);
    expect(EventDetailSchema.safeParse(detail).success).toBe(true);
    expect(detail!.event).toEqual(event);
    expect(detail!.timeline).toEqual([
      { eventId: event.id, n: 1, action: 'report', from: null, to: 'reported', at: T0, actor: { id: 'op-li', role: 'operator' }, level: 'yellow' },
    ]);
    const [entry] = await store.auditLog({ limit: 10, action: 'event.report', q: 'grid-0231' });
    expect(entry).toMatchObject({ action: 'event.report', target: event.id, actor: { id: 'op-li', role: 'operator' }, session: 'tok-1', at: T0 });
    expect(AuditEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('stores a report posted twice (same source and externalId) once', async () => {
    const first = await store.report(aReport({ source: 'hotline', externalId: 'T-12345' }), OPERATOR, T0);
    const again = await store.report(aReport({ source: 'hotline', externalId: 'T-12345', title: 'changed' }), OPERATOR, T0 + MIN);
    expect(again).toEqual({ event: first.event, created: false });
    expect((await store.detail(first.event.id))!.timeline).toHaveLength(1);
    expect(await auditCount()).toBe(1);
    // Another source may use the same id for something else.
    const other = await store.report(aReport({ source: 'grid', externalId: 'T-12345' }), OPERATOR, T0);
    expect(other.created).toBe(true);
    expect(other.event.id).not.toBe(first.event.id);
  });

  it('stores concurrent copies of one report once, and numbers the others without gaps', async () => {
    const hubs = backend === 'postgres' ? [store, await secondHub()] : [store, store];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => hubs[i % 2].report(aReport({ source: 'sensor', externalId: `dup-${i % 2}` }), OPERATOR, T0)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(2);
    expect(new Set(results.map((r) => r.event.id)).size).toBe(2);
    const next = await store.report(aReport(), OPERATOR, T0);
    expect(next.event.id).toBe('EV-20240601-00003');
    expect((await store.list({ limit: 10 })).total).toBe(3);
  });

  it('refuses a report of an unknown category, writing nothing', async () => {
    await expect(store.report(aReport({ category: 'no-such' }), OPERATOR, T0)).rejects.toThrow(LifecycleError);
    expect((await store.list({ limit: 10 })).total).toBe(0);
    expect(await auditCount()).toBe(0);
    expect((await store.report(aReport(), OPERATOR, T0)).event.id).toBe('EV-20240601-00001');
  });

  // --- The lifecycle ---------------------------------------------------------------------------

  it('takes an event through every step, one timeline step and one audit entry each', async () => {
    const { event } = await store.report(aReport(), OPERATOR, T0);
    const id = event.id;
    let e = await store.act(id, { action: 'accept', level: 'orange', note: 'confirmed by camera' }, OPERATOR, T0 + 5 * MIN);
    expect(e).toMatchObject({ status: 'accepted', level: 'orange', acceptedAt: T0 + 5 * MIN, version: 2 });
    e = await store.act(id, { action: 'comment', text: 'crew on the way' }, OPERATOR, T0 + 6 * MIN);
    e = await store.act(id, { action: 'dispatch', department: 'city-management-bureau' }, OPERATOR, T0 + 10 * MIN);
    expect(e).toMatchObject({ status: 'dispatched', department: 'city-management-bureau', dispatchedAt: T0 + 10 * MIN, deadline: T0 + 10 * MIN + 8 * HOUR });
    // Sent on to another department: the clock keeps running from the first dispatch.
    e = await store.act(id, { action: 'dispatch', department: 'water-bureau' }, OPERATOR, T0 + 12 * MIN);
    expect(e).toMatchObject({ department: 'water-bureau', dispatchedAt: T0 + 10 * MIN });
    e = await store.act(id, { action: 'start' }, { id: 'water-bureau', role: 'department' }, T0 + 20 * MIN);
    e = await store.act(id, { action: 'handle', feedback: 'drain cleared' }, { id: 'water-bureau', role: 'department' }, T0 + 60 * MIN);
    expect(e).toMatchObject({ status: 'handled', handledAt: T0 + 60 * MIN });
    e = await store.act(id, { action: 'reopen', reason: 'still flooded' }, OPERATOR, T0 + 70 * MIN);
    expect(e.status).toBe('dispatched');
    expect(e.handledAt).toBeUndefined();
    e = await store.act(id, { action: 'handle', feedback: 'pump installed' }, { id: 'water-bureau', role: 'department' }, T0 + 90 * MIN);
    e = await store.act(id, { action: 'verify', note: 'checked on site' }, OPERATOR, T0 + 100 * MIN);
    e = await store.act(id, { action: 'close' }, OPERATOR, T0 + 110 * MIN);
    expect(e).toMatchObject({ status: 'closed', closedAt: T0 + 110 * MIN, version: 11, overdue: false });
    expect(e.handledAt).toBe(T0 + 90 * MIN);

    const detail = (await store.detail(id))!;
    expect(detail.event).toEqual(e);
    expect(detail.timeline.map((t) => t.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(detail.timeline.map((t) => t.action)).toEqual(['report', 'accept', 'comment', 'dispatch', 'dispatch', 'start', 'handle', 'reopen', 'handle', 'verify', 'close']);
    expect(detail.timeline[3]).toMatchObject({ from: 'accepted', to: 'dispatched', department: 'city-management-bureau' });
    expect(detail.timeline[7]).toMatchObject({ note: 'still flooded' });
    const audit = (await store.auditLog({ limit: 100 })).filter((a) => a.target === id);
    expect(audit).toHaveLength(11);
    // Newest first; each a short line with the note.
    expect(audit[0]).toMatchObject({ action: 'event.close', at: T0 + 110 * MIN });
    expect(audit.find((a) => a.action === 'event.reopen')!.detail).toBe('reopen, handled → dispatched: still flooded');
    expect(audit.find((a) => a.action === 'event.start')!.actor).toEqual({ id: 'water-bureau', role: 'department' });
  });

  it('refuses an illegal step with the reason and writes nothing', async () => {
    const { event } = await store.report(aReport(), OPERATOR, T0);
    const before = await store.detail(event.id);
    const auditBefore = await auditCount();
    await expect(store.act(event.id, { action: 'close' }, OPERATOR, T0 + MIN)).rejects.toThrow(
      new LifecycleError('cannot close an event that is reported (上报): only verified (核查)'),
    );
    await store.act(event.id, { action: 'accept' }, OPERATOR, T0 + MIN);
    // A department that does not handle the category.
    await expect(store.act(event.id, { action: 'dispatch', department: 'transport-bureau' }, OPERATOR, T0 + 2 * MIN)).rejects.toThrow(/does not handle/);
    await store.act(event.id, { action: 'refuse', reason: 'x' }, OPERATOR, T0 + 2 * MIN).catch((e) => expect(e).toBeInstanceOf(LifecycleError));
    const after = await store.detail(event.id);
    expect(after!.timeline).toHaveLength(before!.timeline.length + 1);
    expect(after!.event.version).toBe(2);
    expect(await auditCount()).toBe(auditBefore + 1);
    await expect(store.act('EV-20240601-09999', { action: 'accept' }, OPERATOR, T0)).rejects.toThrow(NotFoundError);
  });

  it('never dates a step before the last change of its event', async () => {
    const { event } = await store.report(aReport(), OPERATOR, T0);
    const e = await store.act(event.id, { action: 'accept' }, OPERATOR, T0 - HOUR);
    expect(e.acceptedAt).toBe(T0);
    expect((await store.detail(event.id))!.timeline[1].at).toBe(T0);
  });

  it('applies concurrent steps on one event one after another', async () => {
    const { event } = await store.report(aReport(), OPERATOR, T0);
    const hubs = backend === 'postgres' ? [store, await secondHub()] : [store, store];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => hubs[i % 2].act(event.id, i % 3 ? { action: 'comment', text: `c${i}` } : { action: 'accept' }, OPERATOR, T0 + i)),
    );
    const accepted = results.filter((r, i) => i % 3 === 0 && r.status === 'fulfilled');
    expect(accepted).toHaveLength(1); // accept is legal once
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const detail = (await store.detail(event.id))!;
    expect(detail.timeline.map((t) => t.n)).toEqual(Array.from({ length: ok + 1 }, (_, i) => i + 1));
    expect(detail.event.version).toBe(ok + 1);
  });

  // --- The sweeper -----------------------------------------------------------------------------

  it('escalates an unaccepted report and marks a late one overdue, once each', async () => {
    const late = (await store.report(aReport(), OPERATOR, T0)).event;
    const handled = (await store.report(aReport({ category: 'traffic', level: 'red' }), OPERATOR, T0)).event;
    await store.act(handled.id, { action: 'accept' }, OPERATOR, T0 + MIN);
    await store.act(handled.id, { action: 'dispatch', department: 'transport-bureau' }, OPERATOR, T0 + 2 * MIN);
    expect(await store.sweep(T0 + 10 * MIN)).toEqual([]);

    const first = await store.sweep(T0 + 31 * MIN);
    expect(first.map((e) => e.id)).toEqual([late.id]);
    expect(first[0]).toMatchObject({ escalated: true, overdue: false, status: 'reported' });
    expect(await store.sweep(T0 + 32 * MIN)).toEqual([]);

    // Red traffic: an hour from dispatch.
    const overdue = await store.sweep(T0 + 63 * MIN);
    expect(overdue.map((e) => e.id)).toEqual([handled.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, escalated: true, status: 'dispatched' });
    expect(await store.sweep(T0 + 64 * MIN)).toEqual([]);

    const timeline = (await store.detail(handled.id))!.timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'overdue', actor: { id: 'hub', role: 'system' }, at: T0 + 63 * MIN });
    const audit = await store.auditLog({ limit: 50, actor: 'hub' });
    expect(audit.map((a) => a.action).sort()).toEqual(['event.escalate', 'event.overdue']);
    expect((await store.list({ overdue: true, limit: 10 })).events.map((e) => e.id)).toEqual([handled.id]);
  });

  onServer('sweeps each due event once with two hub processes sweeping at the same time', async () => {
    const other = await secondHub();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await store.report(aReport(), OPERATOR, T0)).event.id);
    const [a, b, c, d] = await Promise.all([store.sweep(T0 + HOUR), other.sweep(T0 + HOUR), store.sweep(T0 + HOUR), other.sweep(T0 + HOUR)]);
    const swept = [...a, ...b, ...c, ...d].map((e) => e.id);
    expect(swept.sort()).toEqual([...ids].sort());
    const escalations = (await store.auditLog({ limit: 500, action: 'event.escalate' })).length;
    expect(escalations).toBe(40);
    for (const id of ids.slice(0, 5)) expect((await store.detail(id))!.timeline.map((t) => t.action)).toEqual(['report', 'escalate']);
  });

  // --- Alerts ----------------------------------------------------------------------------------

  it('keeps one active alert per rule and place through raise, update, level change and clear', async () => {
    const a1 = (await store.applyAlert(raise()))!;
    expect(a1).toMatchObject({ id: 'AL-1', status: 'active', level: 'yellow', value: 31, threshold: 30, version: 1, openedAt: T0, ruleVersion: 1 });
    expect(AlertSchema.safeParse(a1).success).toBe(true);
    const same = (await store.applyAlert(raise({ value: 33, at: T0 + MIN })))!;
    expect(same).toMatchObject({ id: 'AL-1', level: 'yellow', value: 33, version: 2, updatedAt: T0 + MIN });
    const up = (await store.applyAlert({ kind: 'update', ruleId: 'rain-heavy', place: place(), value: 35, at: T0 + 2 * MIN }))!;
    expect(up).toMatchObject({ id: 'AL-1', value: 35, version: 3 });
    const red = (await store.applyAlert(raise({ level: 'red', value: 55, threshold: 50, at: T0 + 3 * MIN, ruleVersion: 2 })))!;
    expect(red).toMatchObject({ id: 'AL-1', level: 'red', threshold: 50, ruleVersion: 2, version: 4 });
    // Another place: another alert.
    const other = (await store.applyAlert(raise({ place: place('st-2') })))!;
    expect(other.id).toBe('AL-2');
    const cleared = (await store.applyAlert({ kind: 'clear', ruleId: 'rain-heavy', place: place(), value: 10, at: T0 + 4 * MIN }))!;
    expect(cleared).toMatchObject({ id: 'AL-1', status: 'cleared', clearedAt: T0 + 4 * MIN, value: 10, version: 5 });
    expect(await store.applyAlert({ kind: 'clear', ruleId: 'rain-heavy', place: place(), value: 10, at: T0 + 5 * MIN })).toBeUndefined();
    expect(await store.applyAlert({ kind: 'update', ruleId: 'rain-heavy', place: place(), value: 10, at: T0 + 5 * MIN })).toBeUndefined();
    const again = (await store.applyAlert(raise({ at: T0 + 6 * MIN })))!;
    expect(again).toMatchObject({ id: 'AL-3', status: 'active', version: 1 });

    expect((await store.boardAlerts(T0 + 4 * MIN)).map((a) => a.id).sort()).toEqual(['AL-1', 'AL-2', 'AL-3']);
    expect((await store.boardAlerts(T0 + 5 * MIN)).map((a) => a.id).sort()).toEqual(['AL-2', 'AL-3']);
    expect((await store.alerts(['AL-1', 'AL-9'])).map((a) => a.status)).toEqual(['cleared']);
    // Raised twice (new), once more (level), cleared once: updates are not audited.
    const audit = await store.auditLog({ limit: 50, actor: 'hub' });
    expect(audit.map((a) => `${a.action} ${a.target}`).sort()).toEqual(['alert.clear AL-1', 'alert.raise AL-1', 'alert.raise AL-1', 'alert.raise AL-2', 'alert.raise AL-3']);
  });

  it('raises one alert when the same raise arrives many times at once', async () => {
    const hubs = backend === 'postgres' ? [store, await secondHub()] : [store, store];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => hubs[i % 2].applyAlert(raise({ value: 31 + i, at: T0 + i }))));
    expect(new Set(results.map((a) => a!.id)).size).toBe(1);
    const active = (await store.boardAlerts(T0 + HOUR)).filter((a) => a.status === 'active');
    expect(active).toHaveLength(1);
    expect(active[0].version).toBe(12);
    expect((await store.auditLog({ limit: 50, action: 'alert.raise' })).length).toBe(1);
  });

  it('acknowledges an alert once, links it to one event', async () => {
    const alert = (await store.applyAlert(raise()))!;
    const acked = await store.ackAlert(alert.id, OPERATOR, T0 + MIN);
    expect(acked).toMatchObject({ acknowledgedBy: 'op-li', acknowledgedAt: T0 + MIN, version: 2 });
    await expect(store.ackAlert(alert.id, OPERATOR, T0 + 2 * MIN)).rejects.toThrow(ConflictError);
    await expect(store.ackAlert('AL-999', OPERATOR, T0)).rejects.toThrow(NotFoundError);
    const ack = await store.auditLog({ limit: 10, action: 'alert.ack' });
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatchObject({ target: alert.id, session: 'tok-1' });

    // A cleared alert may still be acknowledged.
    const second = (await store.applyAlert(raise({ place: place('st-2') })))!;
    await store.applyAlert({ kind: 'clear', ruleId: 'rain-heavy', place: place('st-2'), value: 1, at: T0 + MIN });
    expect((await store.ackAlert(second.id, OPERATOR, T0 + 2 * MIN)).status).toBe('cleared');

    const { event } = await store.report(aReport({ source: 'sensor' }), { id: 'rules', role: 'system' }, T0, { alertId: alert.id });
    expect(event).toMatchObject({ source: 'rule', alertId: alert.id });
    expect(await store.linkAlertEvent(alert.id, event.id)).toBe(true);
    expect(await store.linkAlertEvent(alert.id, 'EV-20240601-00099')).toBe(false);
    expect((await store.alerts([alert.id]))[0].eventId).toBe(event.id);
  });

  // --- Rules -----------------------------------------------------------------------------------

  it('seeds rules once, keeps every version, refuses a version out of turn', async () => {
    const set: RuleSet = { schemaVersion: 1, rules: [rule('rain-heavy'), rule('aqi-bad', 3)] };
    await store.seedRules(set, T0);
    expect(await store.rules()).toEqual(set);
    await store.seedRules({ schemaVersion: 1, rules: [rule('other')] }, T0 + MIN);
    expect((await store.rules()).rules.map((r) => r.id)).toEqual(['rain-heavy', 'aqi-bad']);

    const v2 = { ...rule('rain-heavy', 2), thresholds: { yellow: 25, red: 45 } };
    expect(await store.putRule(v2, OPERATOR, T0 + 2 * MIN)).toEqual(v2);
    await expect(store.putRule(rule('rain-heavy', 2), OPERATOR, T0 + 3 * MIN)).rejects.toThrow(
      new ConflictError('rule rain-heavy is at version 2: a change must be version 3, not 2'),
    );
    await expect(store.putRule(rule('rain-heavy', 5), OPERATOR, T0 + 3 * MIN)).rejects.toThrow(ConflictError);
    await expect(store.putRule(rule('new-rule', 2), OPERATOR, T0 + 3 * MIN)).rejects.toThrow('rule new-rule is new: it must be version 1, not 2');
    await store.putRule(rule('new-rule'), OPERATOR, T0 + 4 * MIN);
    expect(await store.rules()).toEqual({ schemaVersion: 1, rules: [v2, rule('aqi-bad', 3), rule('new-rule')] });
    const { rows } = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM rule_versions WHERE id = 'rain-heavy'");
    expect(rows[0].n).toBe(2);
    expect((await store.auditLog({ limit: 10, action: 'rule.put' })).map((a) => a.target)).toEqual(['new-rule', 'rain-heavy']);
  });

  onServer('accepts one of two concurrent changes to the same rule version', async () => {
    const other = await secondHub();
    await store.seedRules({ schemaVersion: 1, rules: [rule('rain-heavy')] }, T0);
    const results = await Promise.allSettled([store.putRule(rule('rain-heavy', 2), OPERATOR, T0), other.putRule(rule('rain-heavy', 2), OPERATOR, T0)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });

  // --- Audit -----------------------------------------------------------------------------------

  it('searches the audit log case-insensitively, newest first, wildcards taken literally', async () => {
    const entry = (at: number, action: string, detail: string, actor = 'op-li') => store.audit({ at, actor: { id: actor, role: 'operator' }, action, target: 'wall-1', detail });
    await entry(T0, 'wall.show', 'Showed EV-1 on the WALL');
    await entry(T0 + MIN, 'auth.signin', 'signed in from 10.0.0.7');
    await entry(T0 + 2 * MIN, 'audit.export', '100% of entries exported', 'op-wang');
    await entry(T0 + 3 * MIN, 'wall.show', "it's a_b test; DROP TABLE audit; --");
    expect((await store.auditLog({ limit: 10 })).map((a) => a.at)).toEqual([T0 + 3 * MIN, T0 + 2 * MIN, T0 + MIN, T0]);
    expect((await store.auditLog({ limit: 10, q: 'the wall' })).map((a) => a.action)).toEqual(['wall.show']);
    expect((await store.auditLog({ limit: 10, q: 'OP-WANG' })).map((a) => a.actor.id)).toEqual(['op-wang']);
    expect((await store.auditLog({ limit: 10, q: '100%' })).length).toBe(1);
    expect((await store.auditLog({ limit: 10, q: '%' })).length).toBe(1);
    expect((await store.auditLog({ limit: 10, q: 'a_b' })).length).toBe(1);
    expect((await store.auditLog({ limit: 10, q: '_' })).length).toBe(1);
    expect((await store.auditLog({ limit: 10, q: "IT'S A" })).length).toBe(1);
    expect((await store.auditLog({ limit: 10, q: "'; DROP TABLE audit; --" })).length).toBe(0);
    expect((await store.auditLog({ limit: 10, q: 'wall-1' })).length).toBe(4);
    expect((await store.auditLog({ limit: 10, action: 'wall.show', from: T0 + MIN })).map((a) => a.at)).toEqual([T0 + 3 * MIN]);
    expect((await store.auditLog({ limit: 10, from: T0 + MIN, to: T0 + 2 * MIN })).length).toBe(2);
    expect((await store.auditLog({ limit: 2 })).length).toBe(2);
    expect((await store.auditLog({ limit: 10_000 })).length).toBe(4);
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  // --- Reading ---------------------------------------------------------------------------------

  it('lists, filters, pages and serves the board', async () => {
    const a = (await store.report(aReport({ title: 'Pothole on Jiefang Road', district: '500103' }), OPERATOR, T0)).event;
    const b = (await store.report(aReport({ title: 'Signal out', category: 'traffic', district: '500105', address: 'Guanyinqiao' }), OPERATOR, T0 + MIN)).event;
    const c = (await store.report(aReport({ title: '100% blocked_lane', category: 'traffic' }), OPERATOR, T0 + 2 * MIN)).event;
    await store.act(c.id, { action: 'refuse', reason: 'duplicate' }, OPERATOR, T0 + 3 * MIN);

    expect((await store.list({ limit: 10 })).events.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(await store.list({ limit: 10, category: 'traffic' })).toMatchObject({ total: 2 });
    expect((await store.list({ limit: 10, district: '500105' })).events.map((e) => e.id)).toEqual([b.id]);
    expect((await store.list({ limit: 10, open: false })).events.map((e) => e.id)).toEqual([c.id]);
    expect((await store.list({ limit: 10, open: true })).total).toBe(2);
    expect((await store.list({ limit: 10, status: ['refused', 'accepted'] })).events.map((e) => e.id)).toEqual([c.id]);
    expect((await store.list({ limit: 10, q: 'POTHOLE' })).events.map((e) => e.id)).toEqual([a.id]);
    expect((await store.list({ limit: 10, q: 'jiefangbei' })).total).toBe(2);
    expect((await store.list({ limit: 10, q: 'guanyin' })).events.map((e) => e.id)).toEqual([b.id]);
    expect((await store.list({ limit: 10, q: '%' })).events.map((e) => e.id)).toEqual([c.id]);
    expect((await store.list({ limit: 10, q: "x' OR '1'='1" })).total).toBe(0);
    const page = await store.list({ limit: 2, offset: 2 });
    expect(page).toEqual({ total: 3, events: [a] });

    expect((await store.events([b.id, 'EV-20240601-09999', a.id])).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(await store.events([])).toEqual([]);
    // The board: open ones, and those closed or refused since.
    expect((await store.board(T0 + 3 * MIN)).map((e) => e.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await store.board(T0 + 4 * MIN)).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(await store.detail('EV-20240601-09999')).toBeUndefined();
  });

  it('counts today’s figures (hub day, UTC+8)', async () => {
    const ops = { id: 'op', role: 'operator' as const };
    const dept = { id: 'dept', role: 'department' as const };
    // Yesterday's report, still open.
    await store.report(aReport(), ops, T0 - 20 * HOUR);
    const closeAfter = async (category: string, department: string, handleMin: number) => {
      const { event } = await store.report(aReport({ category }), ops, T0);
      await store.act(event.id, { action: 'accept' }, ops, T0 + MIN);
      await store.act(event.id, { action: 'dispatch', department }, ops, T0 + 10 * MIN);
      await store.act(event.id, { action: 'handle', feedback: 'done' }, dept, T0 + (10 + handleMin) * MIN);
      await store.act(event.id, { action: 'verify' }, ops, T0 + 200 * MIN);
      await store.act(event.id, { action: 'close' }, ops, T0 + 210 * MIN);
    };
    await closeAfter('city-management', 'city-management-bureau', 60);
    await closeAfter('city-management', 'city-management-bureau', 30);
    await closeAfter('traffic', 'transport-bureau', 20);
    await store.report(aReport(), ops, T0 + MIN); // open
    const late = (await store.report(aReport({ category: 'traffic', level: 'red' }), ops, T0 + MIN)).event;
    await store.act(late.id, { action: 'accept' }, ops, T0 + 2 * MIN);
    await store.act(late.id, { action: 'dispatch', department: 'transport-bureau' }, ops, T0 + 3 * MIN);
    const refused = (await store.report(aReport(), ops, T0 + MIN)).event;
    await store.act(refused.id, { action: 'refuse', reason: 'not ours' }, ops, T0 + 2 * MIN);
    await store.sweep(T0 + 2 * HOUR); // the red one is overdue; two reports are escalated
    await store.applyAlert(raise());
    await store.applyAlert(raise({ place: place('st-2') }));
    await store.applyAlert({ kind: 'clear', ruleId: 'rain-heavy', place: place('st-2'), value: 1, at: T0 });

    const stats = await store.stats(T0 + 5 * HOUR, TEST_CATALOG);
    expect(EventStatsSchema.safeParse(stats).success).toBe(true);
    expect(stats).toEqual({
      day: '2024-06-01',
      reported: 6,
      closed: 3,
      open: 3,
      overdue: 1,
      activeAlerts: 1,
      closureRate: 0.5,
      handlingByDepartment: [
        { department: 'city-management-bureau', closed: 2, meanMin: 45 },
        { department: 'transport-bureau', closed: 1, meanMin: 20 },
      ],
    });
    // The next day: nothing reported or closed yet; what is open stays open.
    const tomorrow = await store.stats(T0 + 24 * HOUR, TEST_CATALOG);
    expect(tomorrow).toMatchObject({ day: '2024-06-02', reported: 0, closed: 0, open: 3, closureRate: 0, handlingByDepartment: [] });
    await emptyStore(sql);
    expect(await store.stats(T0, TEST_CATALOG)).toMatchObject({ reported: 0, open: 0, closureRate: 0 });
  });

  // --- Changes ---------------------------------------------------------------------------------

  it('tells listeners what changed after the commit', async () => {
    const heard: StoreChange[] = [];
    const off = store.onChange((c) => heard.push(c));
    const { event } = await store.report(aReport(), OPERATOR, T0);
    const alert = (await store.applyAlert(raise()))!;
    await store.act(event.id, { action: 'accept' }, OPERATOR, T0 + MIN);
    await expect(store.act(event.id, { action: 'close' }, OPERATOR, T0 + MIN)).rejects.toThrow(LifecycleError);
    await store.ackAlert(alert.id, OPERATOR, T0);
    const want = [
      { events: [event.id], alerts: [] },
      { events: [], alerts: [alert.id] },
      { events: [event.id], alerts: [] },
      { events: [], alerts: [alert.id] },
    ];
    await waitFor(() => heard.length >= 4, 'four changes');
    await new Promise((r) => setTimeout(r, backend === 'postgres' ? 200 : 0));
    // Heard once each (a server delivers this process's own NOTIFY; nothing is emitted twice).
    expect(heard).toEqual(want);
    off();
  });

  onServer('tells every hub process sharing the database, also after its listener reconnects', async () => {
    const other = await secondHub();
    const heard: StoreChange[] = [];
    other.onChange((c) => heard.push(c));
    const { event } = await store.report(aReport(), OPERATOR, T0);
    await waitFor(() => heard.some((c) => c.events.includes(event.id)), 'the other hub to hear the report');

    // The listeners' connections drop (a network blip, a server restart): they come back.
    const admin = await openPostgresSql({ url });
    const listeners = async () =>
      (
        await admin.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND state = 'idle' AND query ILIKE 'LISTEN%'",
          [LISTEN_APPLICATION_NAME],
        )
      ).rows.map((r) => r.pid);
    const old = await listeners();
    expect(old).toHaveLength(2);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])', [old]);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const now = await listeners();
      if (now.length === 2 && !now.some((pid) => old.includes(pid))) break;
      if (Date.now() > deadline) throw new Error(`the listeners did not come back: ${now.join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await admin.close();
    const mine: StoreChange[] = [];
    store.onChange((c) => mine.push(c));
    const accepted = await store.act(event.id, { action: 'accept' }, OPERATOR, T0 + MIN);
    await waitFor(() => heard.some((c) => c.events.includes(accepted.id) && c !== heard[0]), 'the other hub to hear a change after reconnecting');
    await waitFor(() => mine.some((c) => c.events.includes(accepted.id)), 'this hub to hear its own change after reconnecting');
  });

  // --- Migrations ------------------------------------------------------------------------------

  it('records applied migrations and applies nothing twice', async () => {
    expect(await migrate(sql)).toEqual([]);
    const { rows } = await sql.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
    const changed = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'x' } : m));
    await expect(migrate(sql, { migrations: changed })).rejects.toThrow(MigrationError);
    await expect(migrate(sql, { migrations: [] })).rejects.toThrow(/does not know/);
  });

  onServer('migrates once when several hub processes start on an empty database at once', async () => {
    const fresh = await newDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openEventStore({ databaseUrl: fresh, catalog: TEST_CATALOG })));
    extra.push(...stores);
    const check = await openPostgresSql({ url: fresh });
    const { rows } = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0].n).toBe(loadMigrations().length);
    await check.close();
    await Promise.all(stores.map((s, i) => s.seedRules({ schemaVersion: 1, rules: [rule(`r${i}`)] }, T0)));
    expect((await stores[0].rules()).rules).toHaveLength(1);
  });
});
