/**
 * The events desk's calls to the hub's REST routes (EVENTS_API), through the console's HubRest: the
 * token in the header, a timeout, every body validated where it arrives, a Result for each call
 * (never a throw). The failure kinds and their words are hub-rest's, re-exported here.
 */
import { z } from 'zod';
import {
  AlertSchema,
  AuditListSchema,
  CatalogSchema,
  CityEventSchema,
  EVENTS_API,
  EVENTS_LIMITS,
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
import { HubRest, fail, type HubError, type HubErrorKind, type HubRestOptions, type Result } from '../hub-rest.ts';
import { auditQuery, eventsQuery, type AuditQuery, type QueueFilter } from './events-model.ts';

/** An audit export is at most a page of entries: anything far larger is not what was asked for. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;

export { errorOfResponse, type Result } from '../hub-rest.ts';
export type EventsErrorKind = HubErrorKind;
export type EventsError = HubError;

const ActionAnswerSchema = z.object({ event: CityEventSchema });
const ReportAnswerSchema = z.object({ event: CityEventSchema, created: z.boolean() });
const AlertsAnswerSchema = z.object({ alerts: z.array(AlertSchema).max(EVENTS_LIMITS.maxBoardAlerts) });
const AckAnswerSchema = z.object({ alert: AlertSchema });

export type EventsClientOptions = Omit<HubRestOptions, 'onRejected' | 'refusalWords'>;

export class EventsClient {
  private rest: HubRest;

  constructor(hubUrl: string, options: EventsClientOptions) {
    this.rest = new HubRest(hubUrl, options);
  }

  catalog(): Promise<Result<Catalog>> {
    return this.rest.json(EVENTS_API.catalog, CatalogSchema);
  }

  /** One page of the queue (QUEUE_PAGE events at most). */
  list(filter: QueueFilter, page: number): Promise<Result<EventList>> {
    return this.rest.json(`${EVENTS_API.events}?${eventsQuery(filter, page)}`, EventListSchema);
  }

  detail(id: string): Promise<Result<EventDetail>> {
    return this.rest.json(EVENTS_API.event(id), EventDetailSchema);
  }

  /** One step of an event's lifecycle; checked here with the hub's schema before it leaves. */
  async act(id: string, command: EventCommand): Promise<Result<CityEvent>> {
    const checked = EventCommandSchema.safeParse(command);
    if (!checked.success) return fail('invalid-request', null, describeIssue(checked.error));
    const res = await this.rest.json(EVENTS_API.actions(id), ActionAnswerSchema, { method: 'POST', body: checked.data });
    if (!res.ok) return res;
    if (res.data.event.id !== id) return fail('invalid-response', 200, `answered for ${res.data.event.id}, asked for ${id}`);
    return { ok: true, data: res.data.event };
  }

  async report(report: Report): Promise<Result<{ event: CityEvent; created: boolean }>> {
    const checked = ReportSchema.safeParse(report);
    if (!checked.success) return fail('invalid-request', null, describeIssue(checked.error));
    return this.rest.json(EVENTS_API.reports, ReportAnswerSchema, { method: 'POST', body: checked.data });
  }

  async alerts(status: 'active' | 'all'): Promise<Result<Alert[]>> {
    const res = await this.rest.json(`${EVENTS_API.alerts}?status=${status}`, AlertsAnswerSchema);
    return res.ok ? { ok: true, data: res.data.alerts } : res;
  }

  async ack(id: string): Promise<Result<Alert>> {
    const res = await this.rest.json(EVENTS_API.ack(id), AckAnswerSchema, { method: 'POST', body: {} });
    if (!res.ok) return res;
    if (res.data.alert.id !== id) return fail('invalid-response', 200, `answered for ${res.data.alert.id}, asked for ${id}`);
    return { ok: true, data: res.data.alert };
  }

  async audit(query: AuditQuery): Promise<Result<AuditEntry[]>> {
    const res = await this.rest.json(`${EVENTS_API.audit}?${auditQuery(query)}`, AuditListSchema);
    return res.ok ? { ok: true, data: res.data.entries } : res;
  }

  /**
   * The audit log as CSV, for a download. Fetched with the bearer header and handed over as a Blob
   * (the page saves it through a Blob URL): a link to the route would need the token in the URL.
   */
  async auditCsv(query: AuditQuery): Promise<Result<Blob>> {
    const res = await this.rest.request(`${EVENTS_API.audit}?${auditQuery(query, 'csv')}`, { accept: 'text/csv' });
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
