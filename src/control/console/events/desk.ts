/**
 * The events desk's state and the work behind its buttons, free of React: a small zustand store
 * and a controller that loads the queue, the selected event, alerts and the audit log through the
 * EventsClient, polls while the desk is on screen, and guards every step against a double submit.
 */
import { createStore } from 'zustand/vanilla';
import type { Alert, AuditEntry, Catalog, CityEvent, EventCommand, EventDetail } from '../../../hub/contract.ts';
import { whileBusy } from '../hub-rest.ts';
import type { EventsClient, EventsError } from './events-client.ts';
import { DEFAULT_AUDIT, DEFAULT_FILTER, QUEUE_PAGE, sortByUrgency, type AuditQuery, type QueueFilter } from './events-model.ts';

export type DeskView = 'events' | 'alerts' | 'audit';
export type ErrorSource = 'catalog' | 'queue' | 'detail' | 'action' | 'alerts' | 'ack' | 'audit' | 'export';

export interface DeskState {
  view: DeskView;
  catalog: Catalog | null;
  filter: QueueFilter;
  page: number;
  /** The page on screen, most urgent first; null until the first answer. */
  queue: { total: number; events: CityEvent[]; at: number } | null;
  queueLoading: boolean;
  selectedId: string | null;
  detail: EventDetail | null;
  /** The step in flight on the selected event (its buttons are disabled meanwhile). */
  acting: EventCommand['action'] | null;
  alertsScope: 'active' | 'all';
  alerts: Alert[] | null;
  /** The alert whose acknowledgement is in flight. */
  acking: string | null;
  auditQuery: AuditQuery;
  audit: AuditEntry[] | null;
  auditLoading: boolean;
  exporting: boolean;
  /** What went wrong last, shown in the desk's banner until dismissed or, for a poll, until it works again. */
  error: { source: ErrorSource; text: string } | null;
}

export const createDeskStore = () =>
  createStore<DeskState>(() => ({
    view: 'events',
    catalog: null,
    filter: DEFAULT_FILTER,
    page: 0,
    queue: null,
    queueLoading: false,
    selectedId: null,
    detail: null,
    acting: null,
    alertsScope: 'active',
    alerts: null,
    acking: null,
    auditQuery: DEFAULT_AUDIT,
    audit: null,
    auditLoading: false,
    exporting: false,
    error: null,
  }));
export type DeskStore = ReturnType<typeof createDeskStore>;

/** How often the desk asks again while on screen. */
export const POLL = { queueMs: 5_000, alertsMs: 10_000 } as const;

const LABELS: Record<ErrorSource, string> = {
  catalog: '事件目录 Catalog',
  queue: '事件队列 Queue',
  detail: '事件详情 Event',
  action: '操作 Step',
  alerts: '预警 Alerts',
  ack: '确认预警 Acknowledge',
  audit: '审计日志 Audit log',
  export: '导出 Export',
};

/**
 * The desk's controller. The console has no live socket for events (its socket carries wall
 * commands only; the events board topic is a wall's subscription), so the desk polls the REST
 * routes every few seconds while it is visible, and at once after each step.
 */
export class Desk {
  readonly store = createDeskStore();
  /** Bumped by every load of a kind; an answer to an older one is dropped (a poll never overwrites a step's result). */
  private gen = { queue: 0, detail: 0, alerts: 0, audit: 0 };
  private timers: ReturnType<typeof setInterval>[] = [];
  private visible: () => boolean;

  constructor(
    readonly client: Pick<EventsClient, 'catalog' | 'list' | 'detail' | 'act' | 'alerts' | 'ack' | 'audit' | 'auditCsv'>,
    options: { visible?: () => boolean } = {},
  ) {
    this.visible = options.visible ?? (() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
  }

  private set(patch: Partial<DeskState>) {
    this.store.setState(patch);
  }

  private failed(source: ErrorSource, error: EventsError) {
    this.set({ error: { source, text: `${LABELS[source]} — ${error.message}` } });
  }

  /** A poll that worked again takes its own error off the banner, never another's. */
  private recovered(...sources: ErrorSource[]) {
    const e = this.store.getState().error;
    if (e && sources.includes(e.source)) this.set({ error: null });
  }

  dismissError() {
    this.set({ error: null });
  }

  /** Loads what the desk shows and polls while it is mounted. */
  start() {
    this.stop();
    void this.loadCatalog();
    void this.refreshQueue();
    void this.refreshAlerts();
    this.timers.push(
      setInterval(() => {
        if (!this.visible()) return;
        if (!this.store.getState().catalog) void this.loadCatalog();
        void this.refreshQueue({ poll: true });
        if (this.store.getState().selectedId) void this.refreshDetail({ poll: true });
      }, POLL.queueMs),
      setInterval(() => this.visible() && void this.refreshAlerts({ poll: true }), POLL.alertsMs),
    );
  }

  stop() {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  setView(view: DeskView) {
    this.set({ view });
    if (view === 'audit' && !this.store.getState().audit) void this.searchAudit();
    if (view === 'alerts') void this.refreshAlerts();
  }

  async loadCatalog() {
    const res = await this.client.catalog();
    if (!res.ok) return this.failed('catalog', res.error);
    this.set({ catalog: res.data });
    this.recovered('catalog');
  }

  // --- The queue ------------------------------------------------------------------------------------

  setFilter(patch: Partial<QueueFilter>) {
    this.set({ filter: { ...this.store.getState().filter, ...patch }, page: 0 });
    void this.refreshQueue();
  }

  setPage(page: number) {
    const { queue } = this.store.getState();
    const last = queue ? Math.max(0, Math.ceil(queue.total / QUEUE_PAGE) - 1) : 0;
    this.set({ page: Math.min(Math.max(0, page), last) });
    void this.refreshQueue();
  }

  /** A poll is skipped while a load is running; anything else supersedes it. */
  async refreshQueue({ poll = false } = {}) {
    if (poll && this.store.getState().queueLoading) return;
    const gen = ++this.gen.queue;
    const { filter, page } = this.store.getState();
    this.set({ queueLoading: true });
    const res = await this.client.list(filter, page);
    if (gen !== this.gen.queue) return;
    this.set({ queueLoading: false });
    if (!res.ok) return this.failed('queue', res.error);
    this.set({ queue: { total: res.data.total, events: sortByUrgency(res.data.events), at: Date.now() } });
    this.recovered('queue');
  }

  // --- The selected event ------------------------------------------------------------------------

  select(id: string | null) {
    if (id === this.store.getState().selectedId) return;
    this.gen.detail++;
    // Until its detail arrives, the queue's copy stands in (no timeline yet).
    const row = id ? this.store.getState().queue?.events.find((e) => e.id === id) : undefined;
    this.set({ selectedId: id, detail: row ? { event: row, timeline: [] } : null });
    if (id) void this.refreshDetail();
  }

  /** From an alert to the event it opened, whether or not the queue's filter shows it. */
  openEvent(id: string) {
    this.set({ view: 'events' });
    this.select(id);
  }

  async refreshDetail({ poll = false } = {}) {
    const id = this.store.getState().selectedId;
    if (!id) return;
    // A step in flight will refresh the detail itself when it lands.
    if (poll && this.store.getState().acting) return;
    const gen = ++this.gen.detail;
    const res = await this.client.detail(id);
    if (gen !== this.gen.detail || this.store.getState().selectedId !== id) return;
    if (!res.ok) return this.failed('detail', res.error);
    if (res.data.event.id !== id) return this.failed('detail', { kind: 'invalid-response', status: 200, message: `中枢应答无效 answered for ${res.data.event.id}` });
    const timeline = [...res.data.timeline].sort((a, b) => a.n - b.n);
    this.set({ detail: { event: res.data.event, timeline } });
    this.recovered('detail');
  }

  /**
   * One step on the selected event. Refused while another is in flight (no double submit). The hub
   * is the truth either way: on success its event replaces ours, on a refusal (409: the lifecycle's
   * reason) nothing changes here but the banner, and the detail and queue are fetched again.
   */
  async act(command: EventCommand): Promise<boolean> {
    const { selectedId: id, acting } = this.store.getState();
    if (!id || acting) return false;
    this.gen.detail++; // a poll answer from before the step must not land after it
    const res = await whileBusy(this.store, { acting: command.action }, { acting: null }, () => this.client.act(id, command));
    if (res.ok) {
      const detail = this.store.getState().detail;
      if (this.store.getState().selectedId === id && detail) this.set({ detail: { ...detail, event: res.data } });
      const e = this.store.getState().error;
      if (e && (e.source === 'action' || e.source === 'detail')) this.set({ error: null });
    } else this.failed('action', res.error);
    await Promise.all([this.refreshDetail(), this.refreshQueue()]);
    return res.ok;
  }

  // --- Alerts ---------------------------------------------------------------------------------------

  setAlertsScope(scope: 'active' | 'all') {
    this.set({ alertsScope: scope });
    void this.refreshAlerts();
  }

  async refreshAlerts({ poll = false } = {}) {
    if (poll && this.store.getState().acking) return;
    const gen = ++this.gen.alerts;
    const res = await this.client.alerts(this.store.getState().alertsScope);
    if (gen !== this.gen.alerts) return;
    if (!res.ok) return this.failed('alerts', res.error);
    // Highest level first, then the newest change.
    const rank = { red: 0, orange: 1, yellow: 2, blue: 3 } as const;
    const alerts = [...res.data].sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) || rank[a.level] - rank[b.level] || b.updatedAt - a.updatedAt);
    this.set({ alerts });
    this.recovered('alerts');
  }

  async ack(id: string): Promise<boolean> {
    if (this.store.getState().acking) return false;
    this.gen.alerts++;
    const res = await whileBusy(this.store, { acking: id }, { acking: null }, () => this.client.ack(id));
    if (res.ok) {
      const acked = res.data;
      const alerts = this.store.getState().alerts;
      if (alerts) this.set({ alerts: alerts.map((a) => (a.id === id ? acked : a)) });
      this.recovered('ack');
    } else this.failed('ack', res.error);
    await this.refreshAlerts();
    return res.ok;
  }

  // --- Audit ----------------------------------------------------------------------------------------

  async searchAudit(query: AuditQuery = this.store.getState().auditQuery) {
    const gen = ++this.gen.audit;
    this.set({ auditQuery: query, auditLoading: true });
    const res = await this.client.audit(query);
    if (gen !== this.gen.audit) return;
    this.set({ auditLoading: false });
    if (!res.ok) return this.failed('audit', res.error);
    this.set({ audit: [...res.data].sort((a, b) => b.at - a.at || b.id - a.id) });
    this.recovered('audit');
  }

  /** The CSV of the current search, or null (the banner says why). */
  async exportAudit(query: AuditQuery = this.store.getState().auditQuery): Promise<Blob | null> {
    if (this.store.getState().exporting) return null;
    this.set({ exporting: true });
    try {
      const res = await this.client.auditCsv(query);
      if (!res.ok) {
        this.failed('export', res.error);
        return null;
      }
      this.recovered('export');
      return res.data;
    } finally {
      this.set({ exporting: false });
    }
  }
}
