/**
 * The hub's durable store of the center's work: events with their timelines, alerts, rules and the
 * audit log, in PostgreSQL (PGlite embedded, or a server at DATABASE_URL). Every change is one
 * transaction with its timeline step and its audit entry: acknowledged means committed.
 */
import type {
  Actor,
  Alert,
  AuditEntry,
  Catalog,
  CityEvent,
  EventCommand,
  EventDetail,
  EventStats,
  EventStatus,
  Level,
  Place,
  Report,
  Rule,
  RuleSet,
} from '../../../src/hub/contract.ts';

/** Who acted, and from which operator session (a token id), for the audit log. */
export type ActingAs = Actor & { session?: string };

export interface EventQuery {
  status?: EventStatus[];
  category?: string;
  district?: string;
  /** Only open (true) or only closed and refused (false) events. */
  open?: boolean;
  overdue?: boolean;
  /** Words in the title, description or address. */
  q?: string;
  limit: number;
  offset?: number;
}

export interface AuditQuery {
  q?: string;
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
  limit: number;
}

/** What a rule decided for one place (rules engine → store). */
export type AlertChange =
  | { kind: 'raise'; ruleId: string; ruleVersion: number; metric: Alert['metric']; place: Place; level: Level; value: number; threshold: number; at: number }
  | { kind: 'update'; ruleId: string; place: Place; value: number; at: number }
  | { kind: 'clear'; ruleId: string; place: Place; value: number; at: number };

/** What changed, for the boards of every hub process (LISTEN/NOTIFY across processes). */
export interface StoreChange {
  events: string[];
  alerts: string[];
}

export interface EventStore {
  /**
   * A new event in status reported. A report with an externalId already stored (same source) returns
   * that event, unchanged. Throws LifecycleError for a category not in the catalogue.
   */
  report(report: Report, actor: ActingAs, now: number, opts?: { alertId?: string }): Promise<{ event: CityEvent; created: boolean }>;
  /** One lifecycle step (lifecycle.ts applyCommand) under a row lock; throws LifecycleError, or NotFoundError. */
  act(id: string, command: EventCommand, actor: ActingAs, now: number): Promise<CityEvent>;
  /** The event and its timeline, oldest first (the latest EVENTS_LIMITS.maxTimeline steps when there are more). */
  detail(id: string): Promise<EventDetail | undefined>;
  list(query: EventQuery): Promise<{ total: number; events: CityEvent[] }>;
  /** By id (ids that do not exist are left out). */
  events(ids: string[]): Promise<CityEvent[]>;
  /** Open events, and those closed or refused since `since`. */
  board(since: number): Promise<CityEvent[]>;
  /** Escalates and marks overdue what is due (lifecycle.ts sweepEvent); each at most once even with several hubs sweeping. */
  sweep(now: number): Promise<CityEvent[]>;

  /**
   * Applies a rule's decision: at most one active alert per rule and place (a repeat updates it);
   * a raise of a place with an active alert raises or lowers its level. Returns the alert, or
   * undefined for an update or clear of a place with no active alert.
   */
  applyAlert(change: AlertChange): Promise<Alert | undefined>;
  /** Links an alert to the event it opened; false when another hub process linked one first (or no such alert). */
  linkAlertEvent(alertId: string, eventId: string): Promise<boolean>;
  /** Throws NotFoundError, or ConflictError when already acknowledged (a cleared alert may be acknowledged). */
  ackAlert(id: string, actor: ActingAs, now: number): Promise<Alert>;
  alerts(ids: string[]): Promise<Alert[]>;
  /** Active alerts, and those cleared since `since`. */
  boardAlerts(since: number): Promise<Alert[]>;

  rules(): Promise<RuleSet>;
  /** Replaces the whole set on first start (from the rule files) when the store has none. */
  seedRules(rules: RuleSet, now: number): Promise<void>;
  /** A changed rule: its version must be one above the stored one (a new rule: version 1), else ConflictError. */
  putRule(rule: Rule, actor: ActingAs, now: number): Promise<Rule>;

  /** Records an operator action that is not an event step (sign-in, show on wall, export). */
  audit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  /** Newest first; `q` matches detail, target or actor case-insensitively (literally: % and _ are no wildcards). */
  auditLog(query: AuditQuery): Promise<AuditEntry[]>;

  /** Today's figures (hub day, UTC+8) at `now`. */
  stats(now: number, catalog: Catalog): Promise<EventStats>;

  /** Called after every committed change, from this process or (PostgreSQL) any other. */
  onChange(listener: (change: StoreChange) => void): () => void;
  close(): Promise<void>;
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A change that conflicts with the stored state (a rule's version, an alert already acknowledged). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
