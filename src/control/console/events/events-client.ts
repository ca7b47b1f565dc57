/**
 * The events desk's door to the hub's REST routes (EVENTS_API): the operator's token in the
 * Authorization header (never in a URL), a timeout on every request, every body validated where it
 * arrives. Nothing throws: each call answers a Result, and a failure says what kind it was and, in
 * Chinese with English, why (with the hub's own message where it gave one).
 */
import { z } from 'zod';
import {
  API_PREFIX,
  AlertSchema,
  AuditListSchema,
  CatalogSchema,
  CityEventSchema,
  EVENTS_API,
  EVENTS_LIMITS,
  ErrorBodySchema,
  EventCommandSchema,
  EventDetailSchema,
  EventListSchema,
  ReportSchema,
  describeIssue,
  type Alert,
  type AuditEntry,
  type Catalog,
  type CityEvent,
  type EventCommand,
  type EventDetail,
  type EventList,
  type Report,
} from '../../../hub/contract.ts';
import { auditQuery, eventsQuery, type AuditQuery, type QueueFilter } from './events-model.ts';

const TIMEOUT_MS = 8_000;
/** An audit export is at most a page of entries: anything far larger is not what was asked for. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;

export type EventsErrorKind =
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'invalid-request'
  | 'bad-request'
  | 'unauthorised'
  | 'forbidden'
  | 'not-found'
  | 'illegal-step'
  | 'conflict'
  | 'rate-limited'
  | 'server';

export interface EventsError {
  kind: EventsErrorKind;
  /** HTTP status, null when no answer came. */
  status: number | null;
  /** The hub's error code, when its body carried one. */
  code?: string;
  /** For the operator: Chinese with English, the hub's message last. */
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: EventsError };

const KIND_WORDS: Record<EventsErrorKind, string> = {
  network: '无法连接中枢 Hub unreachable',
  timeout: '中枢未应答 No answer from the hub',
  'invalid-response': '中枢应答无效 Invalid answer from the hub',
  'invalid-request': '输入无效 Invalid input',
  'bad-request': '请求被拒 Bad request',
  unauthorised: '登录已失效 Session no longer valid',
  forbidden: '无权操作 Not allowed',
  'not-found': '未找到 Not found',
  'illegal-step': '不可执行此步骤 Step refused',
  conflict: '状态已变化 Already changed',
  'rate-limited': '操作过于频繁 Too many requests',
  server: '中枢出错 Hub error',
};

function fail(kind: EventsErrorKind, status: number | null, detail?: string, code?: string): { ok: false; error: EventsError } {
  return { ok: false, error: { kind, status, ...(code ? { code } : {}), message: detail ? `${KIND_WORDS[kind]}: ${detail}` : KIND_WORDS[kind] } };
}

/** An HTTP refusal as the operator should read it: the hub's reason when its body says one. */
export function errorOfResponse(status: number, body: unknown): { ok: false; error: EventsError } {
  const parsed = ErrorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  const hubMessage = parsed.success ? parsed.data.message.slice(0, 500) : `HTTP ${status}`;
  if (status === 409) return fail(code === 'illegal-step' ? 'illegal-step' : 'conflict', status, hubMessage, code);
  const kind: EventsErrorKind =
    status === 400 || status === 422
      ? 'bad-request'
      : status === 401
        ? 'unauthorised'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not-found'
            : status === 429
              ? 'rate-limited'
              : 'server';
  return fail(kind, status, hubMessage, code);
}

const ActionAnswerSchema = z.object({ event: CityEventSchema });
const ReportAnswerSchema = z.object({ event: CityEventSchema, created: z.boolean() });
const AlertsAnswerSchema = z.object({ alerts: z.array(AlertSchema).max(EVENTS_LIMITS.maxBoardAlerts) });
const AckAnswerSchema = z.object({ alert: AlertSchema });

type Fetch = typeof fetch;

export interface EventsClientOptions {
  /** The operator's token now (it changes with every sign-in). */
  token: () => string | null;
  /** The hub said the token is no longer good (401): the console signs out. */
  onUnauthorised?: (error: EventsError) => void;
  fetch?: Fetch;
  timeoutMs?: number;
}

export class EventsClient {
  private fetchImpl: Fetch;
  private timeoutMs: number;

  constructor(
    private hubUrl: string,
    private options: EventsClientOptions,
  ) {
    // Bound at call time so a test (or a later polyfill) can replace the global.
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  /** One request: the token, a timeout, and the answer as a Response or a network failure. */
  private async request(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; accept?: string } = {}): Promise<Result<Response>> {
    const token = this.options.token();
    if (!token) return fail('unauthorised', null, '未登录 Not signed in');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: init.accept ?? 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.hubUrl}${API_PREFIX}${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error)?.name;
      return name === 'TimeoutError' || name === 'AbortError' ? fail('timeout', null) : fail('network', null, (err as Error)?.message);
    }
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => undefined);
      const failed = errorOfResponse(res.status, body);
      if (failed.error.kind === 'unauthorised') this.options.onUnauthorised?.(failed.error);
      return failed;
    }
    return { ok: true, data: res };
  }

  /** A JSON answer validated with its schema: a body that fails it is an error, never trusted. */
  private async json<S extends z.ZodType>(path: string, schema: S, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<Result<z.infer<S>>> {
    const res = await this.request(path, init);
    if (!res.ok) return res;
    let body: unknown;
    try {
      body = await res.data.json();
    } catch {
      return fail('invalid-response', res.data.status, '不是 JSON not JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return fail('invalid-response', res.data.status, describeIssue(parsed.error));
    return { ok: true, data: parsed.data };
  }

  catalog(): Promise<Result<Catalog>> {
    return this.json(EVENTS_API.catalog, CatalogSchema);
  }

  /** One page of the queue (QUEUE_PAGE events at most). */
  list(filter: QueueFilter, page: number): Promise<Result<EventList>> {
    return this.json(`${EVENTS_API.events}?${eventsQuery(filter, page)}`, EventListSchema);
  }

  detail(id: string): Promise<Result<EventDetail>> {
    return this.json(EVENTS_API.event(id), EventDetailSchema);
  }

  /** One step of an event's lifecycle; checked here with the hub's schema before it leaves. */
  async act(id: string, command: EventCommand): Promise<Result<CityEvent>> {
    const checked = EventCommandSchema.safeParse(command);
    if (!checked.success) return fail('invalid-request', null, describeIssue(checked.error));
    const res = await this.json(EVENTS_API.actions(id), ActionAnswerSchema, { method: 'POST', body: checked.data });
    if (!res.ok) return res;
    if (res.data.event.id !== id) return fail('invalid-response', 200, `answered for ${res.data.event.id}, asked for ${id}`);
    return { ok: true, data: res.data.event };
  }

  async report(report: Report): Promise<Result<{ event: CityEvent; created: boolean }>> {
    const checked = ReportSchema.safeParse(report);
    if (!checked.success) return fail('invalid-request', null, describeIssue(checked.error));
    return this.json(EVENTS_API.reports, ReportAnswerSchema, { method: 'POST', body: checked.data });
  }

  async alerts(status: 'active' | 'all'): Promise<Result<Alert[]>> {
    const res = await this.json(`${EVENTS_API.alerts}?status=${status}`, AlertsAnswerSchema);
    return res.ok ? { ok: true, data: res.data.alerts } : res;
  }

  async ack(id: string): Promise<Result<Alert>> {
    const res = await this.json(EVENTS_API.ack(id), AckAnswerSchema, { method: 'POST', body: {} });
    if (!res.ok) return res;
    if (res.data.alert.id !== id) return fail('invalid-response', 200, `answered for ${res.data.alert.id}, asked for ${id}`);
    return { ok: true, data: res.data.alert };
  }

  async audit(query: AuditQuery): Promise<Result<AuditEntry[]>> {
    const res = await this.json(`${EVENTS_API.audit}?${auditQuery(query)}`, AuditListSchema);
    return res.ok ? { ok: true, data: res.data.entries } : res;
  }

  /**
   * The audit log as CSV, for a download. Fetched with the bearer header and handed over as a Blob
   * (the page saves it through a Blob URL): a link to the route would need the token in the URL.
   */
  async auditCsv(query: AuditQuery): Promise<Result<Blob>> {
    const res = await this.request(`${EVENTS_API.audit}?${auditQuery(query, 'csv')}`, { accept: 'text/csv' });
    if (!res.ok) return res;
    const type = res.data.headers.get('content-type') ?? '';
    if (!/^text\/csv\b/i.test(type)) return fail('invalid-response', res.data.status, `content-type "${type.slice(0, 60)}", not text/csv`);
    const declared = Number(res.data.headers.get('content-length') ?? 0);
    if (declared > MAX_CSV_BYTES) return fail('invalid-response', res.data.status, `${declared} bytes`);
    let blob: Blob;
    try {
      blob = await res.data.blob();
    } catch (err) {
      return fail('network', res.data.status, (err as Error)?.message);
    }
    if (blob.size > MAX_CSV_BYTES) return fail('invalid-response', res.data.status, `${blob.size} bytes`);
    return { ok: true, data: blob.type ? blob : new Blob([blob], { type: 'text/csv' }) };
  }
}
