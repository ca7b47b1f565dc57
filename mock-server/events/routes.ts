/**
 * REST of the center's work (docs/events.md), under API_PREFIX: events and their steps, reports
 * and readings from sources, alerts, rules, the audit log. Operators act with their token; sources
 * post with it or with the hub's ingest key. Every body and query is checked for shape and meaning
 * before anything changes; an error names the field.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  EVENTS_LIMITS,
  EVENT_STATUSES,
  EventCommandSchema,
  ReadingsPostSchema,
  ReportSchema,
  RuleSchema,
  describeIssue,
  type AuditEntry,
  type Catalog,
  type ErrorBody,
} from '../../src/hub/contract.ts';
import { LifecycleError } from '../../src/hub/events/lifecycle.ts';
import { sameSecret, type TokenService } from '../control/auth.ts';
import { ConflictError, NotFoundError, type ActingAs, type EventStore } from './store/event-store.ts';
import { operatorOf } from '../control/http-kit.ts';

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });

export interface EventRoutesDeps {
  store: EventStore;
  catalog: Catalog;
  tokens: TokenService;
  /** Sources may post reports and readings with `X-Ingest-Key: <key>` (unset: operators only). */
  ingestKey?: string;
  /** Readings go through the rules engine (service.ts). */
  ingest(readings: z.infer<typeof ReadingsPostSchema>['readings']): void;
  /** Rules changed: the engine takes the new set. */
  rulesChanged(): Promise<void>;
  districtCodes: ReadonlySet<string>;
}

/** `?status=a,b`: a comma-separated list of statuses. */
const statusList = z
  .string()
  .max(400)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(EVENT_STATUSES)).max(16));
const bool = z.enum(['true', 'false']).transform((s) => s === 'true');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EventQuerySchema = z.object({
  status: statusList.optional(),
  category: z.string().max(40).optional(),
  district: z.string().regex(/^\d{6}$/).optional(),
  open: bool.optional(),
  overdue: bool.optional(),
  q: z.string().trim().max(80).optional(),
  limit: int(1, EVENTS_LIMITS.maxListPage).default(100),
  offset: int(0, 1_000_000).default(0),
});

const AuditQuerySchema = z.object({
  q: z.string().trim().max(80).optional(),
  actor: z.string().trim().max(60).optional(),
  action: z.string().trim().max(40).optional(),
  from: z.coerce.number().int().positive().optional(),
  to: z.coerce.number().int().positive().optional(),
  limit: int(1, EVENTS_LIMITS.maxListPage).default(200),
  format: z.enum(['json', 'csv']).default('json'),
});

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [['time', 'actor', 'role', 'session', 'action', 'target', 'detail']];
  for (const e of entries) rows.push([new Date(e.at).toISOString(), e.actor.id, e.actor.role, e.session ?? '', e.action, e.target, e.detail]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function eventRoutes(deps: EventRoutesDeps): Router {
  const router = Router();
  const { store } = deps;

  /** The operator behind the request's bearer token, or null after answering 401/403. */
  async function operator(req: Request, res: Response): Promise<ActingAs | null> {
    const claims = await operatorOf(req, res, deps.tokens);
    return claims && { id: claims.sub, role: 'operator', session: claims.jti };
  }

  /** An operator, or a source showing the ingest key. */
  async function source(req: Request, res: Response): Promise<ActingAs | null> {
    const key = req.get('x-ingest-key');
    if (key !== undefined) {
      if (deps.ingestKey && sameSecret(key, deps.ingestKey)) return { id: 'ingest', role: 'reporter' };
      return void res.status(401).json(errorBody('unauthorised', 'wrong ingest key')), null;
    }
    return operator(req, res);
  }

  /** Runs a handler, answering the store's refusals with their status and reason. */
  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: (err?: unknown) => void) =>
      fn(req, res).catch((err: unknown) => {
        if (err instanceof LifecycleError) return void res.status(409).json(errorBody('illegal-step', err.message));
        if (err instanceof ConflictError) return void res.status(409).json(errorBody('conflict', err.message));
        if (err instanceof NotFoundError) return void res.status(404).json(errorBody('not-found', err.message));
        next(err);
      });

  const parse = <T extends z.ZodType>(schema: T, value: unknown, res: Response): z.infer<T> | null => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    return null;
  };

  router.get('/events/catalog', (_req, res) => void res.json(deps.catalog));

  router.get(
    '/events',
    handle(async (req, res) => {
      if (!(await operator(req, res))) return;
      const q = parse(EventQuerySchema, req.query, res);
      if (q) res.json(await store.list(q));
    }),
  );

  router.post(
    '/events/reports',
    handle(async (req, res) => {
      const actor = await source(req, res);
      if (!actor) return;
      const report = parse(ReportSchema, req.body, res);
      if (!report) return;
      if (!deps.catalog.categories.some((c) => c.id === report.category))
        return void res.status(400).json(errorBody('bad-request', `category: unknown category "${report.category}"`));
      if (!deps.districtCodes.has(report.district))
        return void res.status(400).json(errorBody('bad-request', `district: no district ${report.district}`));
      const reporter: ActingAs = actor.role === 'operator' ? actor : { id: report.reporter ?? `${report.source} source`, role: 'reporter' };
      const { event, created } = await store.report(report, reporter, Date.now());
      res.status(created ? 201 : 200).json({ event, created });
    }),
  );

  router.get(
    '/events/:id',
    handle(async (req, res) => {
      if (!(await operator(req, res))) return;
      const detail = await store.detail(String(req.params.id));
      if (!detail) return void res.status(404).json(errorBody('not-found', `no event ${String(req.params.id).slice(0, 40)}`));
      res.json(detail);
    }),
  );

  router.post(
    '/events/:id/actions',
    handle(async (req, res) => {
      const actor = await operator(req, res);
      if (!actor) return;
      const command = parse(EventCommandSchema, req.body, res);
      if (command) res.json({ event: await store.act(String(req.params.id), command, actor, Date.now()) });
    }),
  );

  // Up to 5,000 readings a post: its body parser (a larger bound) is mounted in server.ts.
  router.post(
    '/readings',
    handle(async (req, res) => {
      if (!(await source(req, res))) return;
      const body = parse(ReadingsPostSchema, req.body, res);
      if (!body) return;
      const unknown = body.readings.findIndex((r) => !deps.districtCodes.has(r.place.district));
      if (unknown >= 0) return void res.status(400).json(errorBody('bad-request', `readings.${unknown}.place.district: no district ${body.readings[unknown].place.district}`));
      deps.ingest(body.readings);
      res.status(202).json({ accepted: body.readings.length });
    }),
  );

  router.get(
    '/alerts',
    handle(async (req, res) => {
      if (!(await operator(req, res))) return;
      const q = parse(z.object({ status: z.enum(['active', 'all']).default('active') }), req.query, res);
      if (!q) return;
      const alerts = await store.boardAlerts(q.status === 'all' ? Date.now() - 24 * 3_600_000 : Date.now());
      res.json({ alerts: q.status === 'all' ? alerts : alerts.filter((a) => a.status === 'active') });
    }),
  );

  router.post(
    '/alerts/:id/ack',
    handle(async (req, res) => {
      const actor = await operator(req, res);
      if (actor) res.json({ alert: await store.ackAlert(String(req.params.id), actor, Date.now()) });
    }),
  );

  router.get(
    '/rules',
    handle(async (req, res) => {
      if (await operator(req, res)) res.json(await store.rules());
    }),
  );

  router.put(
    '/rules/:id',
    handle(async (req, res) => {
      const actor = await operator(req, res);
      if (!actor) return;
      const rule = parse(RuleSchema, req.body, res);
      if (!rule) return;
      if (rule.id !== req.params.id) return void res.status(400).json(errorBody('bad-request', `id: "${rule.id}" in the body, "${String(req.params.id).slice(0, 40)}" in the path`));
      const category = rule.opensEvent?.category;
      if (category && !deps.catalog.categories.some((c) => c.id === category))
        return void res.status(400).json(errorBody('bad-request', `opensEvent.category: unknown category "${category}"`));
      const saved = await store.putRule(rule, actor, Date.now());
      await deps.rulesChanged();
      res.json({ rule: saved });
    }),
  );

  router.get(
    '/audit',
    handle(async (req, res) => {
      const actor = await operator(req, res);
      if (!actor) return;
      const q = parse(AuditQuerySchema, req.query, res);
      if (!q) return;
      const entries = await store.auditLog(q);
      if (q.format === 'json') return void res.json({ entries });
      await store.audit({ at: Date.now(), actor, session: actor.session, action: 'audit.export', target: 'audit', detail: `exported ${entries.length} entries as CSV` });
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="onescreen-audit.csv"');
      res.send('\ufeff' + auditCsv(entries));
    }),
  );

  return router;
}
