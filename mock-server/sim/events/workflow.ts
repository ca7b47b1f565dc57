/**
 * The simulated other side of the center's work, so an unattended demo keeps moving instead of
 * piling up events:
 * - a dispatch desk (actor `dispatch-desk (simulated)`, role system) accepts routine events (blue
 *   or yellow, from grid workers or the hotline) a few minutes after they arrive, refuses a few
 *   (duplicates, out of scope), dispatches them to the category's usual department, and later
 *   verifies and closes what the department handled (now and then sending it back);
 * - the departments (role department, id = department id) start on every dispatched event, routine
 *   or dispatched by an operator, and report it handled with a short feedback.
 * Orange and red events and events opened by rules wait for real operators to accept, dispatch,
 * verify and close them. Delays are drawn per event from the seed; about one in twelve is handled
 * after its deadline and one in twenty accepted late, so the hub's sweeper marks some overdue and
 * escalates them, as happens in practice.
 *
 * The simulator holds no state of its own beyond the commands in flight: each pass reads the open
 * events and takes the steps that are due, so it picks up after a restart, and two hub processes
 * running it settle on the same steps (the loser's command fails the lifecycle check and is dropped).
 */
import type { Actor, Catalog, CityEvent, EventCommand } from '../../../src/hub/contract.ts';
import { hashSeed } from '../random.ts';
import { FEEDBACK, REFUSALS, REOPEN_REASONS } from './texts.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A pass over the open events at most this often (sim time). */
export const WORKFLOW_PASS_MS = 10_000;
/** Commands in flight at most (a slow store does not queue up work without bound). */
const MAX_IN_FLIGHT = 200;
/** Share of events handled after their deadline, accepted after their acceptance time, refused, reopened. */
export const SHARES = { overdue: 0.08, lateAccept: 0.05, refuse: 0.03, reopen: 0.05 } as const;

export const DISPATCH_DESK: Actor = { id: 'dispatch-desk (simulated)', role: 'system' };

export interface WorkflowSink {
  act(id: string, cmd: EventCommand, actor: Actor): Promise<unknown>;
  openEvents(): readonly CityEvent[];
}

/** Whether the simulated desk takes an event through its steps (else it waits for an operator). */
export function isRoutine(e: CityEvent): boolean {
  return (e.level === 'blue' || e.level === 'yellow') && (e.source === 'grid' || e.source === 'hotline') && e.alertId === undefined;
}

/** A step the simulation will take on an event, and when. */
export interface Step {
  at: number;
  cmd: EventCommand;
  actor: Actor;
}

export interface WorkflowStats {
  passes: number;
  sent: Record<string, number>;
  failed: number;
  skippedBusy: number;
}

export function createWorkflowSimulator(opts: { seed: number; catalog: Catalog }, sink: WorkflowSink) {
  const categories = new Map(opts.catalog.categories.map((c) => [c.id, c]));
  const inFlight = new Set<string>();
  /**
   * Event versions already acted on (bounded): the open events may lag behind the store, and a
   * step that failed is not retried until the event changes.
   */
  const settled = new Set<string>();
  const stats: WorkflowStats = { passes: 0, sent: {}, failed: 0, skippedBusy: 0 };
  let lastPass = -Infinity;

  /** A uniform number in [0, 1) for one decision about one event. */
  const u = (e: CityEvent, what: string) => hashSeed(`${e.id}:${what}`, opts.seed) / 4294967296;
  /** Log-normal delay around a median, clamped. */
  const delay = (e: CityEvent, what: string, medianMs: number, minMs: number, maxMs: number) => {
    const a = u(e, `${what}:a`) || 1e-9;
    const b = u(e, `${what}:b`);
    const z = Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
    return Math.min(maxMs, Math.max(minMs, medianMs * Math.exp(0.6 * z)));
  };

  /** The next step the simulation takes on an event, when and by whom; null when it waits for an operator. */
  function plan(e: CityEvent): Step | null {
    const category = categories.get(e.category);
    const routine = isRoutine(e);
    switch (e.status) {
      case 'reported': {
        if (!routine || !category) return null;
        const late = u(e, 'late-accept') < SHARES.lateAccept;
        const wait = late ? category.acceptWithinMin * MINUTE * (1.1 + 0.7 * u(e, 'late-by')) : delay(e, 'accept', 4 * MINUTE, 90_000, 12 * MINUTE);
        const at = e.reportedAt + Math.min(wait, category.acceptWithinMin * MINUTE * 1.8);
        if (u(e, 'refuse') < SHARES.refuse) return { at, cmd: { action: 'refuse', reason: REFUSALS[Math.floor(u(e, 'refuse-why') * REFUSALS.length)] }, actor: DISPATCH_DESK };
        return { at, cmd: { action: 'accept', note: '受理（模拟调度台）' }, actor: DISPATCH_DESK };
      }
      case 'accepted': {
        if (!routine || !category) return null;
        const at = (e.acceptedAt ?? e.updatedAt) + delay(e, 'dispatch', 3 * MINUTE, MINUTE, 10 * MINUTE);
        const depts = category.departments;
        const department = u(e, 'dept') < 0.8 || depts.length === 1 ? depts[0] : depts[1 + Math.floor(u(e, 'dept-other') * (depts.length - 1))];
        return { at, cmd: { action: 'dispatch', department }, actor: DISPATCH_DESK };
      }
      case 'dispatched': {
        if (!e.department) return null;
        const at = e.updatedAt + delay(e, `start:${e.version}`, 12 * MINUTE, 2 * MINUTE, 45 * MINUTE);
        return { at, cmd: { action: 'start', note: '已接单，正在处置' }, actor: { id: e.department, role: 'department' } };
      }
      case 'in-progress': {
        if (!e.department) return null;
        const deadlineMs = (e.deadline ?? e.updatedAt + 24 * HOUR) - (e.dispatchedAt ?? e.updatedAt);
        const share = u(e, 'overdue') < SHARES.overdue ? 1.05 + 0.5 * u(e, 'overdue-by') : Math.min(0.9, delay(e, 'handle', 0.2, 0.03, 0.9));
        const at = Math.max((e.dispatchedAt ?? e.updatedAt) + share * deadlineMs, e.updatedAt + 10 * MINUTE);
        const lines = FEEDBACK[e.category] ?? FEEDBACK['city-management'];
        return { at, cmd: { action: 'handle', feedback: `${lines[Math.floor(u(e, `feedback:${e.version}`) * lines.length)]}（模拟）` }, actor: { id: e.department, role: 'department' } };
      }
      case 'handled': {
        if (!routine) return null;
        const at = (e.handledAt ?? e.updatedAt) + delay(e, `verify:${e.version}`, 20 * MINUTE, 5 * MINUTE, 90 * MINUTE);
        if (u(e, `reopen:${e.version}`) < SHARES.reopen)
          return { at, cmd: { action: 'reopen', reason: REOPEN_REASONS[Math.floor(u(e, `reopen-why:${e.version}`) * REOPEN_REASONS.length)] }, actor: DISPATCH_DESK };
        return { at, cmd: { action: 'verify', note: '核查属实，处置到位' }, actor: DISPATCH_DESK };
      }
      case 'verified': {
        if (!routine) return null;
        const at = (e.verifiedAt ?? e.updatedAt) + delay(e, 'close', 5 * MINUTE, MINUTE, 20 * MINUTE);
        return { at, cmd: { action: 'close', note: '结案' }, actor: DISPATCH_DESK };
      }
      default:
        return null;
    }
  }

  /** Plans by event id, for the version they were made for (a pass costs a lookup per event). */
  const plans = new Map<string, { version: number; step: Step | null }>();
  const planOf = (e: CityEvent) => {
    const held = plans.get(e.id);
    if (held && held.version === e.version) return held.step;
    const made = plan(e);
    plans.set(e.id, { version: e.version, step: made });
    return made;
  };
  /** The step due on an event at `now`, or null. */
  const due = (e: CityEvent, now: number) => {
    const p = planOf(e);
    return p && now >= p.at ? p : null;
  };

  function step(now: number) {
    if (now - lastPass < WORKFLOW_PASS_MS) return;
    lastPass = now;
    stats.passes++;
    const open = sink.openEvents();
    // Plans of events no longer open go (checked now and then: the map stays about as large as the board).
    if (plans.size > 2 * open.length + 1000) {
      const ids = new Set(open.map((e) => e.id));
      for (const id of plans.keys()) if (!ids.has(id)) plans.delete(id);
    }
    for (const e of open) {
      const next = due(e, now);
      if (!next) continue;
      const key = `${e.id}@${e.version}`;
      if (inFlight.has(key) || settled.has(key)) continue;
      if (inFlight.size >= MAX_IN_FLIGHT) {
        stats.skippedBusy++;
        break;
      }
      inFlight.add(key);
      stats.sent[next.cmd.action] = (stats.sent[next.cmd.action] ?? 0) + 1;
      const settle = (ok: boolean) => {
        inFlight.delete(key);
        if (!ok) stats.failed++;
        if (settled.size >= 20_000) settled.clear();
        settled.add(key);
      };
      let sent: Promise<unknown>;
      try {
        sent = sink.act(e.id, next.cmd, next.actor);
      } catch (err) {
        sent = Promise.reject(err);
      }
      sent.then(
        () => settle(true),
        () => settle(false),
      );
    }
  }

  return { step, due, stats: () => ({ ...stats, sent: { ...stats.sent }, inFlight: inFlight.size }) };
}
