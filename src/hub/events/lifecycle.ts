/**
 * The lifecycle of a city event, as a pure function: the hub applies it inside a transaction, the
 * console asks it which steps to offer. An illegal step is refused with the reason, and nothing
 * changes.
 */
import type { Actor, Catalog, CityEvent, EventAction, EventCommand, EventStatus, Level, Report, Transition } from './schemas.ts';
import { isOpen, levelRank } from './schemas.ts';

/** Which status each step may start from, and where it leads (`null`: the status stays). */
const STEPS: Record<Exclude<EventAction, 'report' | 'overdue'>, { from: readonly EventStatus[] | 'open'; to: EventStatus | null }> = {
  accept: { from: ['reported'], to: 'accepted' },
  refuse: { from: ['reported'], to: 'refused' },
  // A dispatched event may be sent again to another department.
  dispatch: { from: ['accepted', 'dispatched'], to: 'dispatched' },
  start: { from: ['dispatched'], to: 'in-progress' },
  handle: { from: ['dispatched', 'in-progress'], to: 'handled' },
  verify: { from: ['handled'], to: 'verified' },
  reopen: { from: ['handled'], to: 'dispatched' },
  close: { from: ['verified'], to: 'closed' },
  comment: { from: 'open', to: null },
  escalate: { from: 'open', to: null },
};

const STATUS_NAMES: Record<EventStatus, string> = {
  reported: 'reported (上报)',
  accepted: 'accepted (立案)',
  refused: 'refused (不予立案)',
  dispatched: 'dispatched (派遣)',
  'in-progress': 'in hand (处置)',
  handled: 'handled (反馈)',
  verified: 'verified (核查)',
  closed: 'closed (结案)',
};

export class LifecycleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LifecycleError';
  }
}

/** The steps an operator may take on an event now (for the console's buttons). */
export function allowedActions(status: EventStatus): EventCommand['action'][] {
  return (Object.keys(STEPS) as (keyof typeof STEPS)[]).filter((a) => {
    const from = STEPS[a].from;
    return from === 'open' ? isOpen(status) : from.includes(status);
  });
}

export interface StepContext {
  catalog: Catalog;
  actor: Actor;
  now: number;
}

/** The hub-time day (UTC+8) of a time, as yyyymmdd. */
export function hubDay(time: number): string {
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** A new event from a report: its first timeline step. `number` is the day's running number. */
export function openEvent(report: Report & { level: Level }, number: number, ctx: StepContext & { alertId?: string }): { event: CityEvent; transition: Transition } {
  const category = ctx.catalog.categories.find((c) => c.id === report.category);
  if (!category) throw new LifecycleError(`category: unknown category "${report.category}"`);
  const id = `EV-${hubDay(ctx.now)}-${String(number).padStart(5, '0')}`;
  const event: CityEvent = {
    id,
    category: category.id,
    level: report.level,
    status: 'reported',
    source: ctx.alertId ? 'rule' : report.source,
    title: report.title,
    description: report.description ?? '',
    district: report.district,
    position: report.position,
    ...(report.address ? { address: report.address } : {}),
    reportedAt: ctx.now,
    acceptBy: ctx.now + category.acceptWithinMin * 60_000,
    overdue: false,
    escalated: false,
    ...(ctx.alertId ? { alertId: ctx.alertId } : {}),
    updatedAt: ctx.now,
    version: 1,
  };
  return { event, transition: { eventId: id, n: 1, action: 'report', from: null, to: 'reported', at: ctx.now, actor: ctx.actor, level: report.level } };
}

/**
 * Applies one command to an event: the changed event and the timeline step to record, or a
 * LifecycleError that says why not. `lastN` is the number of the event's last step. Hub time never
 * goes backwards on an event: a step is dated no earlier than the event's last change.
 */
export function applyCommand(event: CityEvent, command: EventCommand, lastN: number, ctx: StepContext): { event: CityEvent; transition: Transition } {
  const step = STEPS[command.action];
  const legal = step.from === 'open' ? isOpen(event.status) : step.from.includes(event.status);
  if (!legal) {
    const from = step.from === 'open' ? 'an open event' : step.from.map((s) => STATUS_NAMES[s]).join(' or ');
    throw new LifecycleError(`cannot ${command.action} an event that is ${STATUS_NAMES[event.status]}: only ${from}`);
  }
  const at = Math.max(ctx.now, event.updatedAt);
  const next: CityEvent = { ...event, status: step.to ?? event.status, updatedAt: at, version: event.version + 1 };
  const transition: Transition = { eventId: event.id, n: lastN + 1, action: command.action, from: event.status, to: next.status, at, actor: ctx.actor };
  const category = ctx.catalog.categories.find((c) => c.id === event.category);
  switch (command.action) {
    case 'accept':
      next.acceptedAt = at;
      if (command.level) {
        next.level = command.level;
        transition.level = command.level;
      }
      if (command.note) transition.note = command.note;
      break;
    case 'refuse':
      transition.note = command.reason;
      next.closedAt = at;
      break;
    case 'dispatch': {
      if (!ctx.catalog.departments.some((d) => d.id === command.department))
        throw new LifecycleError(`department: unknown department "${command.department}"`);
      if (category && !category.departments.includes(command.department))
        throw new LifecycleError(`department: "${command.department}" does not handle ${category.nameEn} events`);
      next.department = command.department;
      // The deadline runs from the first dispatch; sending it elsewhere does not reset the clock.
      if (event.status !== 'dispatched') {
        next.dispatchedAt = at;
        next.deadline = at + (category?.deadlineHours[next.level] ?? 24) * 3_600_000;
      }
      transition.department = command.department;
      if (command.note) transition.note = command.note;
      break;
    }
    case 'handle':
      next.handledAt = at;
      transition.note = command.feedback;
      break;
    case 'reopen':
      transition.note = command.reason;
      delete next.handledAt;
      break;
    case 'verify':
      next.verifiedAt = at;
      if (command.note) transition.note = command.note;
      break;
    case 'close':
      next.closedAt = at;
      next.overdue = false;
      if (command.note) transition.note = command.note;
      break;
    case 'comment':
      transition.note = command.text;
      break;
    case 'escalate':
      next.escalated = true;
      transition.note = command.reason;
      break;
    case 'start':
      if (command.note) transition.note = command.note;
      break;
  }
  if (!isOpen(next.status)) next.overdue = false;
  return { event: next, transition };
}

/**
 * The hub's clock on an open event: past its acceptance time unaccepted, or past its deadline, it
 * is escalated (and marked overdue); null when nothing is due. Applied by the hub's sweeper, once
 * per event (the flags make it idempotent).
 */
export function sweepEvent(event: CityEvent, lastN: number, now: number): { event: CityEvent; transition: Transition } | null {
  if (!isOpen(event.status)) return null;
  const system: Actor = { id: 'hub', role: 'system' };
  const at = Math.max(now, event.updatedAt);
  const base = { eventId: event.id, n: lastN + 1, from: event.status, to: event.status, at, actor: system };
  if (event.deadline !== undefined && now > event.deadline && !event.overdue && event.status !== 'handled' && event.status !== 'verified')
    return {
      event: { ...event, overdue: true, escalated: true, updatedAt: at, version: event.version + 1 },
      transition: { ...base, action: 'overdue', note: 'past its handling deadline: escalated (超期督办)' },
    };
  if (event.status === 'reported' && now > event.acceptBy && !event.escalated)
    return {
      event: { ...event, escalated: true, updatedAt: at, version: event.version + 1 },
      transition: { ...base, action: 'escalate', note: 'not accepted in time: escalated (督办)' },
    };
  return null;
}

/** Whether a level is at least another (for rules that open events from a level on). */
export const atLeast = (level: Level, floor: Level) => levelRank(level) >= levelRank(floor);
