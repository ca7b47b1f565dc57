/**
 * City events, early-warning alerts, rules, the audit log: the contract of the center's work
 * (report → accept → dispatch → handle → verify → close). docs/events.md documents each entry for
 * hub implementers. The lifecycle itself is lifecycle.ts.
 */
import { z } from 'zod';
import { DistrictCodeSchema, LonLatSchema, count, epochMs, finite, ratio } from '../schema-kit.ts';

export const EVENTS_LIMITS = {
  /** Events on a wall's board (open, plus those closed or refused in the last day). */
  maxBoardEvents: 20_000,
  maxBoardAlerts: 5_000,
  /** Events or alerts in one delta of the board topic. */
  maxDeltaItems: 500,
  /** Readings in one POST /readings. */
  maxReadingsPerPost: 5_000,
  maxListPage: 500,
  maxTimeline: 200,
  maxNote: 500,
} as const;

const idOf = (what: string) => z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, `a ${what} id: lower-case letters, digits and dashes`);
/** Text from reports and operators: bounded, shown as text, never as HTML. */
const note = (max: number = EVENTS_LIMITS.maxNote) => z.string().trim().min(1).max(max);

// --- Levels, statuses, sources -------------------------------------------------------------------

/** Warning and event levels, lowest first (蓝 < 黄 < 橙 < 红). */
export const LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;
export const levelRank = (l: Level) => LEVELS.indexOf(l);

/**
 * 上报 reported → 立案 accepted | 不予立案 refused → 派遣 dispatched → 处置 in-progress → 反馈 handled
 * → 核查 verified → 结案 closed.
 */
export const EVENT_STATUSES = ['reported', 'accepted', 'refused', 'dispatched', 'in-progress', 'handled', 'verified', 'closed'] as const;
export const EventStatusSchema = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatusSchema>;
/** Statuses an event leaves no more. */
export const FINAL_STATUSES: readonly EventStatus[] = ['refused', 'closed'];
export const isOpen = (s: EventStatus) => !FINAL_STATUSES.includes(s);

export const EVENT_SOURCES = ['grid', 'hotline', 'sensor', 'rule', 'operator'] as const;
export const EventSourceSchema = z.enum(EVENT_SOURCES);
export type EventSource = z.infer<typeof EventSourceSchema>;

// --- The catalogue: categories and departments, as data --------------------------------------------

export const CategoryIdSchema = idOf('category');
export const DepartmentIdSchema = idOf('department');

export const DepartmentSchema = z.object({
  id: DepartmentIdSchema,
  name: note(20),
  nameEn: note(60),
});
export type Department = z.infer<typeof DepartmentSchema>;

const hours = () => finite().positive().max(24 * 90);

export const CategorySchema = z.object({
  id: CategoryIdSchema,
  name: note(20),
  nameEn: note(60),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour as #rrggbb'),
  /** A report not accepted or refused within this many minutes is escalated (督办). */
  acceptWithinMin: z.number().int().min(1).max(7 * 24 * 60),
  /** Hours from dispatch to the handling deadline, per level. */
  deadlineHours: z.object({ blue: hours(), yellow: hours(), orange: hours(), red: hours() }),
  /** Departments it may be dispatched to; the first is the usual one. */
  departments: z.array(DepartmentIdSchema).min(1).max(16),
});
export type Category = z.infer<typeof CategorySchema>;

/** GET /api/v1/events/catalog; the hub loads it from a versioned data file. */
export const CatalogSchema = z
  .object({
    version: z.number().int().min(1),
    categories: z.array(CategorySchema).min(1).max(64),
    departments: z.array(DepartmentSchema).min(1).max(64),
  })
  .superRefine((c, ctx) => {
    const unique = (ids: string[], path: string) =>
      ids.forEach((id, i) => ids.indexOf(id) !== i && ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id "${id}"` }));
    unique(c.categories.map((x) => x.id), 'categories');
    unique(c.departments.map((x) => x.id), 'departments');
    const known = new Set(c.departments.map((d) => d.id));
    c.categories.forEach((cat, i) =>
      cat.departments.forEach((d, j) => {
        if (!known.has(d)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'departments', j], message: `unknown department "${d}"` });
      }),
    );
  });
export type Catalog = z.infer<typeof CatalogSchema>;

// --- Events -------------------------------------------------------------------------------------------

/** EV-<yyyymmdd>-<number>: the day it was reported (hub time, UTC+8) and a running number. */
export const EventIdSchema = z.string().regex(/^EV-\d{8}-\d{5,7}$/, 'an event id: EV-yyyymmdd-nnnnn');
export const AlertIdSchema = z.string().regex(/^AL-\d{1,12}$/, 'an alert id: AL-n');

export const CityEventSchema = z.object({
  id: EventIdSchema,
  category: CategoryIdSchema,
  level: LevelSchema,
  status: EventStatusSchema,
  source: EventSourceSchema,
  title: note(60),
  description: z.string().max(EVENTS_LIMITS.maxNote),
  district: DistrictCodeSchema,
  position: LonLatSchema,
  address: note(80).optional(),
  reportedAt: epochMs(),
  /** Accept or refuse before this, or the event is escalated. */
  acceptBy: epochMs(),
  acceptedAt: epochMs().optional(),
  department: DepartmentIdSchema.optional(),
  dispatchedAt: epochMs().optional(),
  /** Handling deadline, set at dispatch. */
  deadline: epochMs().optional(),
  handledAt: epochMs().optional(),
  verifiedAt: epochMs().optional(),
  closedAt: epochMs().optional(),
  /** Past its deadline while open (超期). */
  overdue: z.boolean(),
  /** Escalated (督办): by an operator, or by the hub when not accepted in time or overdue. */
  escalated: z.boolean(),
  /** The alert that opened it, if a rule did. */
  alertId: AlertIdSchema.optional(),
  updatedAt: epochMs(),
  /** Grows with every change; a wall keeps the highest it has seen. */
  version: z.number().int().min(1),
});
export type CityEvent = z.infer<typeof CityEventSchema>;

export const ACTOR_ROLES = ['operator', 'system', 'reporter', 'department'] as const;
export const ActorSchema = z.object({
  /** Sign-in name, department id, sensor or simulator name. */
  id: note(60),
  role: z.enum(ACTOR_ROLES),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Every step of an event's timeline: who, when, what, why. */
export const EVENT_ACTIONS = ['report', 'accept', 'refuse', 'dispatch', 'start', 'handle', 'verify', 'reopen', 'close', 'comment', 'escalate', 'overdue'] as const;
export const EventActionSchema = z.enum(EVENT_ACTIONS);
export type EventAction = z.infer<typeof EventActionSchema>;

export const TransitionSchema = z.object({
  eventId: EventIdSchema,
  /** 1 for the report, then one more per step. */
  n: z.number().int().min(1),
  action: EventActionSchema,
  from: EventStatusSchema.nullable(),
  to: EventStatusSchema,
  at: epochMs(),
  actor: ActorSchema,
  /** Reason, feedback or comment. */
  note: z.string().max(EVENTS_LIMITS.maxNote).optional(),
  department: DepartmentIdSchema.optional(),
  level: LevelSchema.optional(),
});
export type Transition = z.infer<typeof TransitionSchema>;

/** GET /api/v1/events/<id>: the event and its whole timeline, oldest first. */
export const EventDetailSchema = z.object({
  event: CityEventSchema,
  timeline: z.array(TransitionSchema).max(EVENTS_LIMITS.maxTimeline),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

/** POST /api/v1/events/<id>/actions (an operator): one step of the lifecycle. */
export const EventCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), level: LevelSchema.optional(), note: note().optional() }),
  z.object({ action: z.literal('refuse'), reason: note() }),
  z.object({ action: z.literal('dispatch'), department: DepartmentIdSchema, note: note().optional() }),
  z.object({ action: z.literal('start'), note: note().optional() }),
  z.object({ action: z.literal('handle'), feedback: note() }),
  z.object({ action: z.literal('verify'), note: note().optional() }),
  /** Verification failed: back to the department, with the reason. */
  z.object({ action: z.literal('reopen'), reason: note() }),
  z.object({ action: z.literal('close'), note: note().optional() }),
  z.object({ action: z.literal('comment'), text: note() }),
  z.object({ action: z.literal('escalate'), reason: note() }),
]);
export type EventCommand = z.infer<typeof EventCommandSchema>;

/** POST /api/v1/events/reports: a grid worker's report, a 12345 ticket, a sensor's event. */
export const ReportSchema = z.object({
  source: z.enum(['grid', 'hotline', 'sensor', 'operator']),
  category: CategoryIdSchema,
  level: LevelSchema.default('blue'),
  title: note(60),
  description: z.string().trim().max(EVENTS_LIMITS.maxNote).default(''),
  district: DistrictCodeSchema,
  position: LonLatSchema,
  address: note(80).optional(),
  /** Who reported it (a grid worker's number, a hotline ticket's desk). */
  reporter: note(60).optional(),
  /** The source system's own id: the same report posted twice is one event. */
  externalId: note(64).optional(),
});
export type Report = z.input<typeof ReportSchema>;

/** GET /api/v1/events?status=&category=&district=&open=&q=&limit=&offset= */
export const EventListSchema = z.object({
  total: count(),
  events: z.array(CityEventSchema).max(EVENTS_LIMITS.maxListPage),
});
export type EventList = z.infer<typeof EventListSchema>;

// --- Readings, rules, alerts --------------------------------------------------------------------------

/** What rules watch, with their units. */
export const METRICS = {
  rain: { unit: 'mm/h', name: '降雨', nameEn: 'Rain' },
  'river-level': { unit: 'm', name: '水位', nameEn: 'River level' },
  waterlogging: { unit: 'cm', name: '积水', nameEn: 'Waterlogging' },
  displacement: { unit: 'mm', name: '危岩位移', nameEn: 'Rock displacement' },
  aqi: { unit: 'AQI', name: '空气质量', nameEn: 'Air quality' },
  congestion: { unit: '', name: '拥堵指数', nameEn: 'Congestion' },
  'red-code-share': { unit: '%', name: '红码占比', nameEn: 'Red-code share' },
} as const;
export type Metric = keyof typeof METRICS;
export const MetricSchema = z.enum(Object.keys(METRICS) as [Metric, ...Metric[]]);

/** A district (its code) or a site (a sensor station, a dangerous rock, a low point). */
export const PlaceSchema = z.object({
  kind: z.enum(['district', 'site']),
  id: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'a place id: letters, digits, . _ -'),
  name: note(40),
  district: DistrictCodeSchema,
  position: LonLatSchema,
});
export type Place = z.infer<typeof PlaceSchema>;

export const ReadingSchema = z.object({
  metric: MetricSchema,
  place: PlaceSchema,
  value: finite(),
  time: epochMs(),
});
export type Reading = z.infer<typeof ReadingSchema>;

/** POST /api/v1/readings */
export const ReadingsPostSchema = z.object({ readings: z.array(ReadingSchema).min(1).max(EVENTS_LIMITS.maxReadingsPerPost) });

export const RuleIdSchema = idOf('rule');

export const RuleSchema = z
  .object({
    id: RuleIdSchema,
    /** Grows by one with every change; alerts name the version that raised them. */
    version: z.number().int().min(1),
    name: note(40),
    nameEn: note(80),
    enabled: z.boolean().default(true),
    metric: MetricSchema,
    scope: z.enum(['district', 'site']),
    /** A level is reached at or above its threshold; at least one level, thresholds rising with the level. */
    thresholds: z.object({ blue: finite().optional(), yellow: finite().optional(), orange: finite().optional(), red: finite().optional() }),
    /** A level counts only once held this long. */
    minDurationS: z.number().int().min(0).max(86_400),
    /** A level is left only when the value falls this far below its threshold. */
    hysteresis: finite().min(0),
    /** From this level on, the alert opens an event of this category (once per alert). */
    opensEvent: z.object({ category: CategoryIdSchema, fromLevel: LevelSchema }).optional(),
  })
  .superRefine((r, ctx) => {
    const set = LEVELS.filter((l) => r.thresholds[l] !== undefined);
    if (!set.length) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'at least one level needs a threshold' });
    for (let i = 1; i < set.length; i++)
      if (r.thresholds[set[i]]! <= r.thresholds[set[i - 1]]!)
        ctx.addIssue({ code: 'custom', path: ['thresholds', set[i]], message: `must be above the ${set[i - 1]} threshold` });
  });
export type Rule = z.infer<typeof RuleSchema>;

export const RULES_SCHEMA_VERSION = 1 as const;
/** A rule file (rules/*.json at the hub) and GET /api/v1/rules. */
export const RuleSetSchema = z
  .object({ schemaVersion: z.literal(RULES_SCHEMA_VERSION), rules: z.array(RuleSchema).max(256) })
  .superRefine((s, ctx) =>
    s.rules.forEach((r, i) => {
      if (s.rules.findIndex((x) => x.id === r.id) !== i) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
    }),
  );
export type RuleSet = z.infer<typeof RuleSetSchema>;

export const AlertSchema = z.object({
  id: AlertIdSchema,
  ruleId: RuleIdSchema,
  ruleVersion: z.number().int().min(1),
  metric: MetricSchema,
  place: PlaceSchema,
  level: LevelSchema,
  /** The reading that last changed it, and the threshold of its level. */
  value: finite(),
  threshold: finite(),
  status: z.enum(['active', 'cleared']),
  openedAt: epochMs(),
  updatedAt: epochMs(),
  clearedAt: epochMs().optional(),
  acknowledgedBy: note(60).optional(),
  acknowledgedAt: epochMs().optional(),
  eventId: EventIdSchema.optional(),
  version: z.number().int().min(1),
});
export type Alert = z.infer<typeof AlertSchema>;

// --- Today's figures and the audit log ----------------------------------------------------------------

export const EventStatsSchema = z.object({
  /** The day (hub time, UTC+8) these count, yyyy-mm-dd. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reported: count(),
  closed: count(),
  open: count(),
  overdue: count(),
  activeAlerts: count(),
  /** Closed today ÷ (closed today + open). */
  closureRate: ratio(),
  /** Mean minutes from dispatch to handled, of events closed today, per department. */
  handlingByDepartment: z.array(z.object({ department: DepartmentIdSchema, closed: count(), meanMin: finite().nonnegative() })).max(64),
});
export type EventStats = z.infer<typeof EventStatsSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int().min(1),
  at: epochMs(),
  actor: ActorSchema,
  /** The operator's session (its token id), when an operator acted. */
  session: z.string().max(64).optional(),
  /** What was done: event.accept, alert.ack, rule.put, … */
  action: z.string().regex(/^[a-z][a-z0-9.-]{0,39}$/),
  /** What it was done to: an event, alert or rule id. */
  target: z.string().max(64),
  detail: z.string().max(1000),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** GET /api/v1/audit?q=&actor=&action=&from=&to=&limit= (CSV with format=csv). */
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema).max(EVENTS_LIMITS.maxListPage) });
export type AuditList = z.infer<typeof AuditListSchema>;

/** What the wall shows: open events, the recently closed, active alerts, today's figures. */
export const BoardSchema = z.object({
  events: z.array(CityEventSchema).max(EVENTS_LIMITS.maxBoardEvents),
  alerts: z.array(AlertSchema).max(EVENTS_LIMITS.maxBoardAlerts),
  /** Ids leaving the board (closed or cleared more than a day ago). */
  removed: z.array(z.string().max(40)).max(EVENTS_LIMITS.maxDeltaItems).default([]),
  stats: EventStatsSchema.optional(),
});
export type Board = z.infer<typeof BoardSchema>;
