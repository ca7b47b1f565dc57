/**
 * EventStore over PostgreSQL (sql.ts: PGlite or a server). Each change is one transaction with its
 * timeline step and audit entry; rows that change are locked first (FOR UPDATE), so several hub
 * processes on one server apply each step once. Listeners hear of changes after the commit: through
 * NOTIFY on a server (every hub process, this one included), in-process with PGlite.
 */
import type { Actor, Alert, AuditEntry, Catalog, CityEvent, EventCommand, EventDetail, EventStats, Rule, RuleSet, Transition } from '../../../src/hub/contract.ts';
import { EVENTS_LIMITS, RULES_SCHEMA_VERSION } from '../../../src/hub/contract.ts';
import { applyCommand, hubDay, openEvent, sweepEvent } from '../../../src/hub/events/lifecycle.ts';
import {
  ConflictError,
  NotFoundError,
  type ActingAs,
  type AlertChange,
  type AuditQuery,
  type EventQuery,
  type EventStore,
  type StoreChange,
} from './event-store.ts';
import type { Queryable, Row, Sql } from './sql.ts';

/** The NOTIFY channel every hub process sharing a database listens on. */
export const CHANGE_CHANNEL = 'onescreen_store_change';
const SYSTEM: Actor = { id: 'hub', role: 'system' };
const SEED_LOCK_KEY = 4_242_000_002;
/** Ids per notification: a NOTIFY payload must stay under 8000 bytes. */
const IDS_PER_NOTIFY = 150;
const SWEEP_BATCH = 100;
const DAY_MS = 86_400_000;
const HUB_OFFSET_MS = 8 * 3_600_000;

export interface PgEventStoreOptions {
  catalog: Catalog;
  log?: (msg: string) => void;
}

// --- Rows ----------------------------------------------------------------------------------------

/** Columns written from an event, in one place for INSERT and UPDATE (constant names only). */
const EVENT_FIELDS: [column: string, value: (e: CityEvent) => unknown][] = [
  ['category', (e) => e.category],
  ['level', (e) => e.level],
  ['status', (e) => e.status],
  ['source', (e) => e.source],
  ['title', (e) => e.title],
  ['description', (e) => e.description],
  ['district', (e) => e.district],
  ['lon', (e) => e.position[0]],
  ['lat', (e) => e.position[1]],
  ['address', (e) => e.address ?? null],
  ['reported_at', (e) => e.reportedAt],
  ['accept_by', (e) => e.acceptBy],
  ['accepted_at', (e) => e.acceptedAt ?? null],
  ['department', (e) => e.department ?? null],
  ['dispatched_at', (e) => e.dispatchedAt ?? null],
  ['deadline', (e) => e.deadline ?? null],
  ['handled_at', (e) => e.handledAt ?? null],
  ['verified_at', (e) => e.verifiedAt ?? null],
  ['closed_at', (e) => e.closedAt ?? null],
  ['overdue', (e) => e.overdue],
  ['escalated', (e) => e.escalated],
  ['alert_id', (e) => e.alertId ?? null],
  ['updated_at', (e) => e.updatedAt],
  ['version', (e) => e.version],
];
const EVENT_COLUMNS = ['id', ...EVENT_FIELDS.map(([c]) => c), 'steps'].join(', ');
const UPDATE_EVENT = `UPDATE events SET ${EVENT_FIELDS.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, steps = $${EVENT_FIELDS.length + 2} WHERE id = $1`;
const INSERT_EVENT = `INSERT INTO events (id, ${EVENT_FIELDS.map(([c]) => c).join(', ')}, steps, external_id, reporter)
  VALUES (${Array.from({ length: EVENT_FIELDS.length + 4 }, (_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (source, external_id) DO NOTHING RETURNING id`;

interface EventRow extends Row {
  id: string;
  category: string;
  level: CityEvent['level'];
  status: CityEvent['status'];
  source: CityEvent['source'];
  title: string;
  description: string;
  district: string;
  lon: number;
  lat: number;
  address: string | null;
  reported_at: number;
  accept_by: number;
  accepted_at: number | null;
  department: string | null;
  dispatched_at: number | null;
  deadline: number | null;
  handled_at: number | null;
  verified_at: number | null;
  closed_at: number | null;
  overdue: boolean;
  escalated: boolean;
  alert_id: string | null;
  updated_at: number;
  version: number;
  steps: number;
}

function toEvent(r: EventRow): CityEvent {
  const e: CityEvent = {
    id: r.id,
    category: r.category,
    level: r.level,
    status: r.status,
    source: r.source,
    title: r.title,
    description: r.description,
    district: r.district,
    position: [r.lon, r.lat],
    reportedAt: r.reported_at,
    acceptBy: r.accept_by,
    overdue: r.overdue,
    escalated: r.escalated,
    updatedAt: r.updated_at,
    version: r.version,
  };
  if (r.address !== null) e.address = r.address;
  if (r.accepted_at !== null) e.acceptedAt = r.accepted_at;
  if (r.department !== null) e.department = r.department;
  if (r.dispatched_at !== null) e.dispatchedAt = r.dispatched_at;
  if (r.deadline !== null) e.deadline = r.deadline;
  if (r.handled_at !== null) e.handledAt = r.handled_at;
  if (r.verified_at !== null) e.verifiedAt = r.verified_at;
  if (r.closed_at !== null) e.closedAt = r.closed_at;
  if (r.alert_id !== null) e.alertId = r.alert_id;
  return e;
}

const TRANSITION_COLUMNS = 'event_id, n, action, from_status, to_status, at, actor_id, actor_role, note, department, level';
const INSERT_TRANSITION = `INSERT INTO transitions (${TRANSITION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const transitionParams = (t: Transition) => [t.eventId, t.n, t.action, t.from, t.to, t.at, t.actor.id, t.actor.role, t.note ?? null, t.department ?? null, t.level ?? null];

interface TransitionRow extends Row {
  event_id: string;
  n: number;
  action: Transition['action'];
  from_status: Transition['from'];
  to_status: Transition['to'];
  at: number;
  actor_id: string;
  actor_role: Actor['role'];
  note: string | null;
  department: string | null;
  level: Transition['level'] | null;
}

function toTransition(r: TransitionRow): Transition {
  const t: Transition = { eventId: r.event_id, n: r.n, action: r.action, from: r.from_status, to: r.to_status, at: r.at, actor: { id: r.actor_id, role: r.actor_role } };
  if (r.note !== null) t.note = r.note;
  if (r.department !== null) t.department = r.department;
  if (r.level !== null && r.level !== undefined) t.level = r.level;
  return t;
}

const ALERT_COLUMNS =
  'id, rule_id, rule_version, metric, place, level, value, threshold, status, opened_at, updated_at, cleared_at, acknowledged_by, acknowledged_at, event_id, version';

interface AlertRow extends Row {
  id: string;
  rule_id: string;
  rule_version: number;
  metric: Alert['metric'];
  place: Alert['place'];
  level: Alert['level'];
  value: number;
  threshold: number;
  status: Alert['status'];
  opened_at: number;
  updated_at: number;
  cleared_at: number | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  event_id: string | null;
  version: number;
}

function toAlert(r: AlertRow): Alert {
  const a: Alert = {
    id: r.id,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    metric: r.metric,
    place: r.place,
    level: r.level,
    value: r.value,
    threshold: r.threshold,
    status: r.status,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
  if (r.cleared_at !== null) a.clearedAt = r.cleared_at;
  if (r.acknowledged_by !== null) a.acknowledgedBy = r.acknowledged_by;
  if (r.acknowledged_at !== null) a.acknowledgedAt = r.acknowledged_at;
  if (r.event_id !== null) a.eventId = r.event_id;
  return a;
}

interface AuditRow extends Row {
  id: number;
  at: number;
  actor_id: string;
  actor_role: Actor['role'];
  session: string | null;
  action: string;
  target: string;
  detail: string;
}

function toAudit(r: AuditRow): AuditEntry {
  const a: AuditEntry = { id: r.id, at: r.at, actor: { id: r.actor_id, role: r.actor_role }, action: r.action, target: r.target, detail: r.detail };
  if (r.session !== null) a.session = r.session;
  return a;
}

const INSERT_AUDIT = 'INSERT INTO audit (at, actor_id, actor_role, session, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)';
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function auditParams(e: Omit<AuditEntry, 'id'>) {
  return [e.at, clip(e.actor.id, 60), e.actor.role, e.session ? clip(e.session, 64) : null, e.action, clip(e.target, 64), clip(e.detail, 1000)];
}

/** For ILIKE: the user's words match literally (%, _ and \ are not wildcards). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const clampLimit = (limit: number, max: number = EVENTS_LIMITS.maxListPage) => Math.min(max, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : max)));

/** A short human line for the audit log, of a step just taken. */
function stepDetail(t: Transition): string {
  const parts: string[] = [t.action];
  if (t.from !== t.to) parts.push(`${t.from} → ${t.to}`);
  if (t.department) parts.push(`to ${t.department}`);
  if (t.level) parts.push(`level ${t.level}`);
  let line = parts.join(', ');
  if (t.note) line += `: ${t.note}`;
  return line;
}

/** Start and end (epoch ms) of the hub day (UTC+8) `now` falls in, and its name yyyy-mm-dd. */
export function hubDayRange(now: number): { day: string; start: number; end: number } {
  const d = hubDay(now);
  const start = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))) - HUB_OFFSET_MS;
  return { day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, start, end: start + DAY_MS };
}

class Duplicate extends Error {}

// --- The store -----------------------------------------------------------------------------------

export class PgEventStore implements EventStore {
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly pending = new Set<Promise<unknown>>();
  private stopListening: (() => Promise<void>) | null = null;
  private closed = false;
  private readonly log: (msg: string) => void;

  private constructor(
    readonly sql: Sql,
    private readonly catalog: Catalog,
    log?: (msg: string) => void,
  ) {
    this.log = log ?? (() => undefined);
  }

  /** A store on a migrated database; on a server, listening for every hub process's changes. */
  static async open(sql: Sql, opts: PgEventStoreOptions): Promise<PgEventStore> {
    const store = new PgEventStore(sql, opts.catalog, opts.log);
    if (sql.listen)
      store.stopListening = await sql.listen(
        CHANGE_CHANNEL,
        (payload) => store.heard(payload),
        (downSince) => void store.catchUp(downSince),
      );
    return store;
  }

  /** Whether changes travel through the database (NOTIFY) rather than in-process. */
  private get shared() {
    return this.sql.kind === 'postgres';
  }

  private heard(payload: string) {
    let change: StoreChange;
    try {
      const p = JSON.parse(payload) as { e?: unknown; a?: unknown };
      const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 40) : []);
      change = { events: ids(p.e), alerts: ids(p.a) };
    } catch {
      this.log(`database: a change notification that is not JSON was ignored`);
      return;
    }
    this.emit(change);
  }

  /** After the listener was down: what changed meanwhile, as far as the clocks tell (bounded). */
  private async catchUp(downSince: number) {
    try {
      const since = downSince - 60_000;
      const [events, alerts] = await Promise.all([
        this.sql.query<{ id: string }>('SELECT id FROM events WHERE updated_at >= $1 ORDER BY updated_at DESC LIMIT $2', [since, EVENTS_LIMITS.maxDeltaItems]),
        this.sql.query<{ id: string }>('SELECT id FROM alerts WHERE updated_at >= $1 ORDER BY updated_at DESC LIMIT $2', [since, EVENTS_LIMITS.maxDeltaItems]),
      ]);
      this.log(`database: listener reconnected; ${events.rows.length} events and ${alerts.rows.length} alerts changed meanwhile`);
      if (events.rows.length || alerts.rows.length) this.emit({ events: events.rows.map((r) => r.id), alerts: alerts.rows.map((r) => r.id) });
    } catch (err) {
      this.log(`database: catching up after a reconnect failed: ${(err as Error).message}`);
    }
  }

  private emit(change: StoreChange) {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        this.log(`store change listener failed: ${(err as Error).message}`);
      }
    }
  }

  /** Inside the transaction: NOTIFY (delivered on commit) on a server; in-process after the commit otherwise. */
  private async notify(tx: Queryable, change: StoreChange) {
    if (!this.shared || (!change.events.length && !change.alerts.length)) return;
    const events = [...new Set(change.events)];
    const alerts = [...new Set(change.alerts)];
    for (let i = 0; i < Math.max(events.length, alerts.length); i += IDS_PER_NOTIFY) {
      const payload = JSON.stringify({ e: events.slice(i, i + IDS_PER_NOTIFY), a: alerts.slice(i, i + IDS_PER_NOTIFY) });
      await tx.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
    }
  }

  private committed(change: StoreChange) {
    if (this.shared || (!change.events.length && !change.alerts.length)) return;
    this.emit({ events: [...new Set(change.events)], alerts: [...new Set(change.alerts)] });
  }

  /** Runs a change, counted so that close() waits for it. */
  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    const p = work();
    this.pending.add(p);
    const done = () => this.pending.delete(p);
    p.then(done, done);
    return p;
  }

  private async lockEvent(tx: Queryable, id: string): Promise<{ event: CityEvent; steps: number } | undefined> {
    const { rows } = await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? { event: toEvent(rows[0]), steps: rows[0].steps } : undefined;
  }

  private async writeStep(tx: Queryable, event: CityEvent, transition: Transition, session?: string) {
    await tx.query(UPDATE_EVENT, [event.id, ...EVENT_FIELDS.map(([, v]) => v(event)), transition.n]);
    await tx.query(INSERT_TRANSITION, transitionParams(transition));
    await tx.query(
      INSERT_AUDIT,
      auditParams({ at: transition.at, actor: transition.actor, session, action: `event.${transition.action}`, target: event.id, detail: stepDetail(transition) }),
    );
  }

  private async findExternal(q: Queryable, source: CityEvent['source'], externalId: string): Promise<CityEvent | undefined> {
    const { rows } = await q.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE source = $1 AND external_id = $2`, [source, externalId]);
    return rows[0] ? toEvent(rows[0]) : undefined;
  }

  // --- Events ------------------------------------------------------------------------------------

  report(report: Parameters<EventStore['report']>[0], actor: ActingAs, now: number, opts: { alertId?: string } = {}) {
    return this.track(async () => {
      const r = { ...report, level: report.level ?? 'blue', description: report.description ?? '' };
      const source: CityEvent['source'] = opts.alertId ? 'rule' : r.source;
      if (r.externalId) {
        const existing = await this.findExternal(this.sql, source, r.externalId);
        if (existing) return { event: existing, created: false };
      }
      const who: Actor = { id: actor.id, role: actor.role };
      try {
        const event = await this.sql.transaction(async (tx) => {
          // The day's counter row stays locked until commit: numbers are handed out without gaps.
          const { rows } = await tx.query<{ last: number }>(
            'INSERT INTO event_days (day, last) VALUES ($1, 1) ON CONFLICT (day) DO UPDATE SET last = event_days.last + 1 RETURNING last',
            [hubDay(now)],
          );
          const { event, transition } = openEvent(r, rows[0].last, { catalog: this.catalog, actor: who, now, ...(opts.alertId ? { alertId: opts.alertId } : {}) });
          const inserted = await tx.query(INSERT_EVENT, [event.id, ...EVENT_FIELDS.map(([, v]) => v(event)), 1, r.externalId ?? null, r.reporter ?? null]);
          // Another process stored this report first: roll back (and give the number back).
          if (!inserted.rowCount) throw new Duplicate();
          await tx.query(INSERT_TRANSITION, transitionParams(transition));
          const by = r.reporter ? `, by ${r.reporter}` : '';
          await tx.query(
            INSERT_AUDIT,
            auditParams({ at: now, actor: who, session: actor.session, action: 'event.report', target: event.id, detail: `reported "${event.title}" (${event.category}, ${event.level}) in ${event.district}${by}` }),
          );
          await this.notify(tx, { events: [event.id], alerts: [] });
          return event;
        });
        this.committed({ events: [event.id], alerts: [] });
        return { event, created: true };
      } catch (err) {
        if (!(err instanceof Duplicate)) throw err;
        const existing = await this.findExternal(this.sql, source, r.externalId!);
        if (!existing) throw new ConflictError(`report ${r.externalId} conflicts with another being stored: try again`);
        return { event: existing, created: false };
      }
    });
  }

  act(id: string, command: EventCommand, actor: ActingAs, now: number): Promise<CityEvent> {
    return this.track(async () => {
      const who: Actor = { id: actor.id, role: actor.role };
      const event = await this.sql.transaction(async (tx) => {
        const held = await this.lockEvent(tx, id);
        if (!held) throw new NotFoundError(`no event ${id}`);
        // A LifecycleError leaves here: the transaction rolls back, nothing is written.
        const step = applyCommand(held.event, command, held.steps, { catalog: this.catalog, actor: who, now });
        await this.writeStep(tx, step.event, step.transition, actor.session);
        await this.notify(tx, { events: [id], alerts: [] });
        return step.event;
      });
      this.committed({ events: [id], alerts: [] });
      return event;
    });
  }

  sweep(now: number): Promise<CityEvent[]> {
    return this.track(async () => {
      const changed: CityEvent[] = [];
      const seen = new Set<string>();
      for (let batch = 0; batch < 100; batch++) {
        const { done, events } = await this.sql.transaction(async (tx) => {
          // Rows another hub process is sweeping (or changing) right now are skipped: it does them.
          const { rows } = await tx.query<EventRow>(
            `SELECT ${EVENT_COLUMNS} FROM events
             WHERE ((status = 'reported' AND NOT escalated AND accept_by < $1)
                 OR (deadline IS NOT NULL AND NOT overdue AND status IN ('reported', 'accepted', 'dispatched', 'in-progress') AND deadline < $1))
               AND NOT (id = ANY($2::text[]))
             ORDER BY id LIMIT $3
             FOR UPDATE SKIP LOCKED`,
            [now, [...seen], SWEEP_BATCH],
          );
          const events: CityEvent[] = [];
          for (const row of rows) {
            seen.add(row.id);
            // Re-checked on the locked row: the lifecycle decides, the query only narrows.
            const step = sweepEvent(toEvent(row), row.steps, now);
            if (!step) continue;
            await this.writeStep(tx, step.event, step.transition);
            events.push(step.event);
          }
          await this.notify(tx, { events: events.map((e) => e.id), alerts: [] });
          return { done: rows.length < SWEEP_BATCH, events };
        });
        this.committed({ events: events.map((e) => e.id), alerts: [] });
        changed.push(...events);
        if (done) break;
      }
      return changed;
    });
  }

  async detail(id: string): Promise<EventDetail | undefined> {
    const { rows } = await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1`, [id]);
    if (!rows[0]) return undefined;
    // The latest steps when there are more than a detail holds, oldest first.
    const timeline = await this.sql.query<TransitionRow>(
      `SELECT * FROM (SELECT ${TRANSITION_COLUMNS} FROM transitions WHERE event_id = $1 ORDER BY n DESC LIMIT $2) t ORDER BY n`,
      [id, EVENTS_LIMITS.maxTimeline],
    );
    return { event: toEvent(rows[0]), timeline: timeline.rows.map(toTransition) };
  }

  async list(query: EventQuery): Promise<{ total: number; events: CityEvent[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.status?.length) where.push(`status = ANY(${p(query.status)}::text[])`);
    if (query.category) where.push(`category = ${p(query.category)}`);
    if (query.district) where.push(`district = ${p(query.district)}`);
    if (query.open !== undefined) where.push(query.open ? 'is_open' : 'NOT is_open');
    if (query.overdue !== undefined) where.push(query.overdue ? 'overdue' : 'NOT overdue');
    if (query.q?.trim()) {
      const q = p(likePattern(query.q.trim()));
      where.push(`(title ILIKE ${q} ESCAPE '\\' OR description ILIKE ${q} ESCAPE '\\' OR address ILIKE ${q} ESCAPE '\\' OR id ILIKE ${q} ESCAPE '\\')`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM events ${filter}`, params);
    const limit = p(clampLimit(query.limit));
    const offset = p(Math.max(0, Math.floor(query.offset ?? 0)));
    const { rows } = await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ${filter} ORDER BY updated_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`, params);
    return { total: total.rows[0].n, events: rows.map(toEvent) };
  }

  async events(ids: string[]): Promise<CityEvent[]> {
    if (!ids.length) return [];
    const { rows } = await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::text[]) ORDER BY id`, [[...new Set(ids)]]);
    return rows.map(toEvent);
  }

  async board(since: number): Promise<CityEvent[]> {
    const { rows } = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE is_open OR closed_at >= $1 ORDER BY updated_at DESC, id DESC LIMIT $2`,
      [since, EVENTS_LIMITS.maxBoardEvents],
    );
    return rows.map(toEvent);
  }

  // --- Alerts ------------------------------------------------------------------------------------

  applyAlert(change: AlertChange): Promise<Alert | undefined> {
    return this.track(async () => {
      const alert = await this.sql.transaction(async (tx) => {
        const lockActive = async () =>
          (await tx.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE rule_id = $1 AND place_id = $2 AND status = 'active' FOR UPDATE`, [change.ruleId, change.place.id]))
            .rows[0];
        let row = await lockActive();
        let out: AlertRow | undefined;
        if (change.kind === 'raise') {
          if (!row) {
            // Two processes raising the same alert at once: the index admits one, the other updates it.
            const inserted = await tx.query<AlertRow>(
              `INSERT INTO alerts (rule_id, rule_version, metric, place_id, place, level, value, threshold, status, opened_at, updated_at, version)
               VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, 'active', $9, $9, 1)
               ON CONFLICT (rule_id, place_id) WHERE status = 'active' DO NOTHING
               RETURNING ${ALERT_COLUMNS}`,
              [change.ruleId, change.ruleVersion, change.metric, change.place.id, JSON.stringify(change.place), change.level, change.value, change.threshold, change.at],
            );
            out = inserted.rows[0];
            if (out)
              await tx.query(
                INSERT_AUDIT,
                auditParams({
                  at: change.at,
                  actor: SYSTEM,
                  action: 'alert.raise',
                  target: out.id,
                  detail: `${change.metric} ${change.level} at ${change.place.name} (${change.place.id}): ${change.value} ≥ ${change.threshold}, rule ${change.ruleId} v${change.ruleVersion}`,
                }),
              );
            else row = await lockActive();
          }
          if (!out && row) {
            const updated = await tx.query<AlertRow>(
              `UPDATE alerts SET level = $2, value = $3, threshold = $4, rule_version = $5, place = $6::text::jsonb, updated_at = GREATEST(updated_at, $7), version = version + 1
               WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
              [row.id, change.level, change.value, change.threshold, change.ruleVersion, JSON.stringify(change.place), change.at],
            );
            out = updated.rows[0];
            if (row.level !== change.level)
              await tx.query(
                INSERT_AUDIT,
                auditParams({
                  at: change.at,
                  actor: SYSTEM,
                  action: 'alert.raise',
                  target: row.id,
                  detail: `${change.metric} at ${change.place.name} (${change.place.id}): level ${row.level} → ${change.level}, ${change.value} against ${change.threshold}`,
                }),
              );
          }
        } else if (row) {
          const clear = change.kind === 'clear';
          const updated = await tx.query<AlertRow>(
            `UPDATE alerts SET value = $2, updated_at = GREATEST(updated_at, $3), version = version + 1
               ${clear ? ", status = 'cleared', cleared_at = GREATEST(updated_at, $3)" : ''}
             WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
            [row.id, change.value, change.at],
          );
          out = updated.rows[0];
          if (clear)
            await tx.query(
              INSERT_AUDIT,
              auditParams({ at: change.at, actor: SYSTEM, action: 'alert.clear', target: row.id, detail: `${row.metric} at ${change.place.name} (${change.place.id}) back to ${change.value}: cleared` }),
            );
        }
        if (out) await this.notify(tx, { events: [], alerts: [out.id] });
        return out && toAlert(out);
      });
      if (alert) this.committed({ events: [], alerts: [alert.id] });
      return alert;
    });
  }

  linkAlertEvent(alertId: string, eventId: string): Promise<boolean> {
    return this.track(async () => {
      const linked = await this.sql.transaction(async (tx) => {
        const { rowCount } = await tx.query('UPDATE alerts SET event_id = $2, version = version + 1 WHERE id = $1 AND event_id IS NULL', [alertId, eventId]);
        if (rowCount) await this.notify(tx, { events: [], alerts: [alertId] });
        return rowCount > 0;
      });
      if (linked) this.committed({ events: [], alerts: [alertId] });
      return linked;
    });
  }

  ackAlert(id: string, actor: ActingAs, now: number): Promise<Alert> {
    return this.track(async () => {
      const alert = await this.sql.transaction(async (tx) => {
        const { rows } = await tx.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1 FOR UPDATE`, [id]);
        const row = rows[0];
        if (!row) throw new NotFoundError(`no alert ${id}`);
        if (row.acknowledged_at !== null) throw new ConflictError(`alert ${id} was already acknowledged by ${row.acknowledged_by}`);
        const updated = await tx.query<AlertRow>(
          `UPDATE alerts SET acknowledged_by = $2, acknowledged_at = $3, updated_at = GREATEST(updated_at, $3), version = version + 1 WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
          [id, clip(actor.id, 60), now],
        );
        await tx.query(
          INSERT_AUDIT,
          auditParams({ at: now, actor, session: actor.session, action: 'alert.ack', target: id, detail: `acknowledged ${row.metric} ${row.level} at ${row.place.name} (${row.status})` }),
        );
        await this.notify(tx, { events: [], alerts: [id] });
        return toAlert(updated.rows[0]);
      });
      this.committed({ events: [], alerts: [id] });
      return alert;
    });
  }

  async alerts(ids: string[]): Promise<Alert[]> {
    if (!ids.length) return [];
    const { rows } = await this.sql.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ANY($1::text[]) ORDER BY id`, [[...new Set(ids)]]);
    return rows.map(toAlert);
  }

  async boardAlerts(since: number): Promise<Alert[]> {
    const { rows } = await this.sql.query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM alerts WHERE status = 'active' OR cleared_at >= $1 ORDER BY updated_at DESC, id DESC LIMIT $2`,
      [since, EVENTS_LIMITS.maxBoardAlerts],
    );
    return rows.map(toAlert);
  }

  // --- Rules -------------------------------------------------------------------------------------

  async rules(): Promise<RuleSet> {
    const { rows } = await this.sql.query<{ body: Rule }>(
      `SELECT cur.body FROM (SELECT DISTINCT ON (id) id, body FROM rule_versions ORDER BY id, version DESC) cur
       JOIN (SELECT id, min(seq) AS first FROM rule_versions GROUP BY id) f USING (id)
       ORDER BY f.first`,
    );
    return { schemaVersion: RULES_SCHEMA_VERSION, rules: rows.map((r) => r.body) };
  }

  seedRules(rules: RuleSet, now: number): Promise<void> {
    return this.track(async () => {
      await this.sql.transaction(async (tx) => {
        // Two hub processes starting on an empty database: one seeds, the other finds rules.
        await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [SEED_LOCK_KEY]);
        const { rows } = await tx.query('SELECT 1 FROM rule_versions LIMIT 1');
        if (rows.length) return;
        for (const rule of rules.rules)
          await tx.query('INSERT INTO rule_versions (id, version, body, saved_at) VALUES ($1, $2, $3::text::jsonb, $4)', [rule.id, rule.version, JSON.stringify(rule), now]);
        await tx.query(
          INSERT_AUDIT,
          auditParams({ at: now, actor: SYSTEM, action: 'rule.seed', target: 'rules', detail: `${rules.rules.length} rules from the rule files: ${rules.rules.map((r) => r.id).join(', ')}` }),
        );
      });
    });
  }

  putRule(rule: Rule, actor: ActingAs, now: number): Promise<Rule> {
    return this.track(async () => {
      const saved = await this.sql.transaction(async (tx) => {
        const { rowCount } = await tx.query(
          `INSERT INTO rule_versions (id, version, body, saved_at)
           SELECT $1::text, $2::int, $3::text::jsonb, $4::bigint
           WHERE coalesce((SELECT max(version) FROM rule_versions WHERE id = $1::text), 0) = $2::int - 1
           ON CONFLICT (id, version) DO NOTHING`,
          [rule.id, rule.version, JSON.stringify(rule), now],
        );
        if (!rowCount) return false;
        await tx.query(
          INSERT_AUDIT,
          auditParams({ at: now, actor, session: actor.session, action: 'rule.put', target: rule.id, detail: `rule ${rule.id} "${rule.name}" saved as version ${rule.version}` }),
        );
        return true;
      });
      if (saved) return rule;
      const { rows } = await this.sql.query<{ v: number | null }>('SELECT max(version) AS v FROM rule_versions WHERE id = $1', [rule.id]);
      const stored = rows[0]?.v ?? 0;
      throw new ConflictError(
        stored
          ? `rule ${rule.id} is at version ${stored}: a change must be version ${stored + 1}, not ${rule.version}`
          : `rule ${rule.id} is new: it must be version 1, not ${rule.version}`,
      );
    });
  }

  // --- Audit and figures ---------------------------------------------------------------------------

  audit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    return this.track(async () => {
      await this.sql.transaction((tx) => tx.query(INSERT_AUDIT, auditParams(entry)));
    });
  }

  async auditLog(query: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.actor) where.push(`actor_id = ${p(query.actor)}`);
    if (query.action) where.push(`action = ${p(query.action)}`);
    if (query.from !== undefined) where.push(`at >= ${p(query.from)}`);
    if (query.to !== undefined) where.push(`at <= ${p(query.to)}`);
    if (query.q?.trim()) {
      const q = p(likePattern(query.q.trim()));
      where.push(`(detail ILIKE ${q} ESCAPE '\\' OR target ILIKE ${q} ESCAPE '\\' OR actor_id ILIKE ${q} ESCAPE '\\')`);
    }
    const { rows } = await this.sql.query<AuditRow>(
      `SELECT id, at, actor_id, actor_role, session, action, target, detail FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT ${p(clampLimit(query.limit))}`,
      params,
    );
    return rows.map(toAudit);
  }

  async stats(now: number, catalog: Catalog): Promise<EventStats> {
    const { day, start, end } = hubDayRange(now);
    const figures = await this.sql.query<{ reported: number; closed: number; open: number; overdue: number; alerts: number }>(
      `SELECT
         (SELECT count(*) FROM events WHERE reported_at >= $1 AND reported_at < $2)::int AS reported,
         (SELECT count(*) FROM events WHERE status = 'closed' AND closed_at >= $1 AND closed_at < $2)::int AS closed,
         (SELECT count(*) FROM events WHERE is_open)::int AS open,
         (SELECT count(*) FROM events WHERE is_open AND overdue)::int AS overdue,
         (SELECT count(*) FROM alerts WHERE status = 'active')::int AS alerts`,
      [start, end],
    );
    const handling = await this.sql.query<{ department: string; closed: number; mean_min: number }>(
      `SELECT department, count(*)::int AS closed, avg((handled_at - dispatched_at) / 60000.0)::float8 AS mean_min
       FROM events
       WHERE status = 'closed' AND closed_at >= $1 AND closed_at < $2 AND department IS NOT NULL AND dispatched_at IS NOT NULL AND handled_at IS NOT NULL
       GROUP BY department`,
      [start, end],
    );
    const f = figures.rows[0];
    const order = new Map(catalog.departments.map((d, i) => [d.id, i]));
    const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    const handlingByDepartment = handling.rows
      .sort((a, b) => rank(a.department) - rank(b.department) || a.department.localeCompare(b.department))
      .slice(0, 64)
      .map((r) => ({ department: r.department, closed: r.closed, meanMin: Math.max(0, r.mean_min) }));
    return {
      day,
      reported: f.reported,
      closed: f.closed,
      open: f.open,
      overdue: f.overdue,
      activeAlerts: f.alerts,
      closureRate: f.closed + f.open ? f.closed / (f.closed + f.open) : 0,
      handlingByDepartment,
    };
  }

  // --- Changes and the end -------------------------------------------------------------------------

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.pending]);
    this.listeners.clear();
    if (this.stopListening) await this.stopListening();
    await this.sql.close();
  }
}
