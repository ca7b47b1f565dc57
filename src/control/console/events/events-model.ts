/**
 * The events desk's wording and rules, free of React and fetch: labels in Chinese with English,
 * the urgency order of the queue, SLA countdowns, the query strings of the hub's lists, and the
 * commands an operator's form turns into (checked with the hub's own schema before they leave).
 */
import {
  EventCommandSchema,
  LEVELS,
  METRICS,
  describeIssue,
  isOpen,
  type Actor,
  type Catalog,
  type CityEvent,
  type Department,
  type EventAction,
  type EventCommand,
  type EventSource,
  type EventStatus,
  type Level,
  type Metric,
} from '../../../hub/contract.ts';
import { compareUrgency, dueOf } from '../../../hub/events/urgency.ts';
import type { Command } from '../../../hub/control.ts';

// --- Labels -------------------------------------------------------------------------------------

export const STATUS_LABELS: Record<EventStatus, string> = {
  reported: '上报 Reported',
  accepted: '立案 Accepted',
  refused: '不予立案 Refused',
  dispatched: '已派遣 Dispatched',
  'in-progress': '处置中 In progress',
  handled: '已反馈 Handled',
  verified: '已核查 Verified',
  closed: '已结案 Closed',
};

export const ACTION_LABELS: Record<EventAction, string> = {
  report: '上报 Report',
  accept: '立案 Accept',
  refuse: '不予立案 Refuse',
  dispatch: '派遣 Dispatch',
  start: '开始处置 Start',
  handle: '反馈 Handled',
  verify: '核查通过 Verify',
  reopen: '退回重办 Reopen',
  close: '结案 Close',
  comment: '备注 Comment',
  escalate: '督办 Escalate',
  overdue: '超期 Overdue',
};

/** China's warning colours keep their own order and names (WALL-STYLE.md). */
export const LEVEL_STYLE: Record<Level, { colour: string; label: string }> = {
  blue: { colour: '#3d8bff', label: '蓝 Blue' },
  yellow: { colour: '#ffd23f', label: '黄 Yellow' },
  orange: { colour: '#ff8c1a', label: '橙 Orange' },
  red: { colour: '#ff3b30', label: '红 Red' },
};

export const SOURCE_LABELS: Record<EventSource, string> = {
  grid: '网格 Grid',
  hotline: '12345 热线 Hotline',
  sensor: '感知 Sensor',
  rule: '预警规则 Rule',
  operator: '操作员 Operator',
};

export const ROLE_LABELS: Record<Actor['role'], string> = {
  operator: '操作员',
  system: '系统',
  reporter: '上报人',
  department: '部门',
};

export const categoryName = (catalog: Catalog | null, id: string) => {
  const c = catalog?.categories.find((x) => x.id === id);
  return c ? `${c.name} ${c.nameEn}` : id;
};
export const departmentName = (catalog: Catalog | null, id: string) => {
  const d = catalog?.departments.find((x) => x.id === id);
  return d ? `${d.name} ${d.nameEn}` : id;
};

/** The departments an event of a category may be sent to, the usual one first. */
export function departmentsFor(catalog: Catalog | null, category: string): Department[] {
  const cat = catalog?.categories.find((c) => c.id === category);
  if (!cat || !catalog) return [];
  return cat.departments.flatMap((id) => catalog.departments.filter((d) => d.id === id));
}

const stampFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
/** "2026/05/20 14:20:05" in Chongqing time: audit entries are told apart by the second. */
export const formatStamp = (ms: number) => stampFormat.format(ms);

// --- Urgency and SLA ----------------------------------------------------------------------------

export { compareUrgency, dueOf };

export const sortByUrgency = (events: readonly CityEvent[]) => [...events].sort(compareUrgency);

export type SlaTone = 'ok' | 'attention' | 'warning' | 'alarm' | 'none';

export interface Sla {
  kind: 'accept' | 'deadline' | 'waiting' | 'final';
  /** ms left (negative: past due); null when no clock runs. */
  remainingMs: number | null;
  tone: SlaTone;
  text: string;
}

/** "45s", "12:05", "3:04:05", "2天 03:04": a countdown a tablet reader takes in at once. */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}天 ${pad(h)}:${pad(m)}`;
  if (h > 0) return `${h}:${pad(m)}:${pad(sec)}`;
  if (m > 0) return `${m}:${pad(sec)}`;
  return `${sec}s`;
}

/** The SLA clock of an event at hub time `now`. */
export function slaOf(e: CityEvent, now: number): Sla {
  if (!isOpen(e.status)) return { kind: 'final', remainingMs: null, tone: 'none', text: e.status === 'closed' ? '已结案 Closed' : '不予立案 Refused' };
  const due = dueOf(e);
  if (!due) {
    const waiting = e.status === 'accepted' ? '待派遣 To dispatch' : e.status === 'handled' ? '待核查 To verify' : '待结案 To close';
    return { kind: 'waiting', remainingMs: null, tone: e.overdue ? 'alarm' : 'none', text: waiting };
  }
  const left = due.at - now;
  const what = due.kind === 'accept' ? '受理 Accept' : '处置 Handle';
  if (left < 0 || (due.kind === 'deadline' && e.overdue)) return { kind: due.kind, remainingMs: left, tone: 'alarm', text: `${what} 超时 ${formatDuration(left)} over` };
  // Acceptance windows are minutes, handling deadlines hours: the tone follows the window's share left.
  const window = due.kind === 'accept' ? 15 * 60_000 : 2 * 3_600_000;
  const tone: SlaTone = left < window / 3 ? 'warning' : left < window ? 'attention' : 'ok';
  return { kind: due.kind, remainingMs: left, tone, text: `${what} 剩 ${formatDuration(left)} left` };
}

// --- Queries ------------------------------------------------------------------------------------

export const QUEUE_PAGE = 100;
/** The longest search texts the hub takes (longer ones are cut here, not refused there). */
export const MAX_TEXT = { q: 80, actor: 60, action: 40 } as const;

export interface QueueFilter {
  statuses: EventStatus[];
  category: string;
  district: string;
  open: boolean;
  overdue: boolean;
  q: string;
}
export const DEFAULT_FILTER: QueueFilter = { statuses: [], category: '', district: '', open: true, overdue: false, q: '' };

/** GET /events query: chosen statuses say it all, so `open` is sent only when none is chosen. */
export function eventsQuery(f: QueueFilter, page: number): string {
  const p = new URLSearchParams();
  if (f.statuses.length) p.set('status', f.statuses.join(','));
  else if (f.open) p.set('open', 'true');
  if (f.category) p.set('category', f.category);
  if (f.district) p.set('district', f.district);
  if (f.overdue) p.set('overdue', 'true');
  const q = f.q.trim();
  if (q) p.set('q', q.slice(0, MAX_TEXT.q));
  p.set('limit', String(QUEUE_PAGE));
  p.set('offset', String(Math.max(0, page) * QUEUE_PAGE));
  return p.toString();
}

export interface AuditQuery {
  q: string;
  actor: string;
  action: string;
  /** epoch ms, or null */
  from: number | null;
  to: number | null;
  limit: number;
}
export const DEFAULT_AUDIT: AuditQuery = { q: '', actor: '', action: '', from: null, to: null, limit: 200 };

export function auditQuery(a: AuditQuery, format?: 'csv'): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'actor', 'action'] as const) if (a[k].trim()) p.set(k, a[k].trim().slice(0, MAX_TEXT[k]));
  if (a.from !== null) p.set('from', String(a.from));
  if (a.to !== null) p.set('to', String(a.to));
  p.set('limit', String(Math.min(500, Math.max(1, Math.floor(a.limit)))));
  if (format) p.set('format', format);
  return p.toString();
}

// --- The operator's form → an event command -------------------------------------------------------

export type CommandAction = EventCommand['action'];
export type FormField = 'level' | 'department' | 'reason' | 'feedback' | 'text' | 'note';
export type ActionForm = Partial<Record<FormField, string>>;

/** The fields each step asks for; required ones must be filled before it can be sent. */
export const ACTION_FIELDS: Record<CommandAction, { field: FormField; required: boolean }[]> = {
  accept: [
    { field: 'level', required: false },
    { field: 'note', required: false },
  ],
  refuse: [{ field: 'reason', required: true }],
  dispatch: [
    { field: 'department', required: true },
    { field: 'note', required: false },
  ],
  start: [{ field: 'note', required: false }],
  handle: [{ field: 'feedback', required: true }],
  verify: [{ field: 'note', required: false }],
  reopen: [{ field: 'reason', required: true }],
  close: [{ field: 'note', required: false }],
  comment: [{ field: 'text', required: true }],
  escalate: [{ field: 'reason', required: true }],
};

export const FIELD_LABELS: Record<FormField, string> = {
  level: '级别 Level',
  department: '处置部门 Department',
  reason: '理由 Reason',
  feedback: '处置反馈 Feedback',
  text: '备注内容 Comment',
  note: '说明（可选） Note (optional)',
};

/** Steps that end or turn back an event: their button reads as a warning. */
export const WARN_ACTIONS: readonly CommandAction[] = ['refuse', 'reopen', 'escalate'];

/** The command a filled form makes, checked with the schema the hub checks it with. */
export function buildCommand(action: CommandAction, form: ActionForm): { ok: true; command: EventCommand } | { ok: false; error: string } {
  const raw: Record<string, string> = { action };
  for (const { field, required } of ACTION_FIELDS[action]) {
    const v = (form[field] ?? '').trim();
    if (!v) {
      if (required) return { ok: false, error: `请填写${FIELD_LABELS[field]}` };
      continue;
    }
    raw[field] = v;
  }
  if (raw.level !== undefined && !(LEVELS as readonly string[]).includes(raw.level)) return { ok: false, error: `级别无效 Unknown level "${raw.level}"` };
  const parsed = EventCommandSchema.safeParse(raw);
  return parsed.success ? { ok: true, command: parsed.data } : { ok: false, error: describeIssue(parsed.error) };
}

// --- Alerts ---------------------------------------------------------------------------------------

const METRIC_DIGITS: Record<Metric, number> = { rain: 1, 'river-level': 2, waterlogging: 0, displacement: 1, aqi: 0, congestion: 1, 'red-code-share': 1 };

/** A reading with its unit (METRICS), as few digits as the quantity deserves. */
export function formatReading(metric: Metric, value: number): string {
  const unit = METRICS[metric].unit;
  const abs = Math.abs(value);
  // A value that would read 0 at the usual digits (a red-code share of 0.004) keeps two significant ones.
  const digits = abs > 0 && abs < 10 ** -METRIC_DIGITS[metric] ? Math.min(6, 1 - Math.floor(Math.log10(abs))) : METRIC_DIGITS[metric];
  const v = value.toFixed(digits);
  return unit === '%' ? `${v}%` : unit ? `${v} ${unit}` : v;
}
export const metricName = (metric: Metric) => `${METRICS[metric].name} ${METRICS[metric].nameEn}`;

// --- The wall -------------------------------------------------------------------------------------

/** The wall's highlight label holds 40 characters (code points, not UTF-16 units). */
export const wallLabel = (text: string) => {
  const chars = Array.from(text.trim());
  return chars.length <= 40 ? chars.join('') : `${chars.slice(0, 39).join('')}…`;
};

/** Show a place on every display of a wall: fly there close enough to see the street, then mark it. */
export function showOnWallCommands(position: [number, number], label: string): [Command, Command] {
  const text = wallLabel(label);
  return [
    { type: 'fly', to: { center: position, zoom: 14 } },
    { type: 'highlight', target: { point: position, ...(text ? { label: text } : {}) } },
  ];
}
