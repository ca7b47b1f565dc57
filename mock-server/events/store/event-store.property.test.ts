// Random sequences of steps, legal and illegal, on a few events (PGlite in memory): the store
// agrees with the pure lifecycle after every step, and its timelines and audit log keep their
// invariants.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityEvent, EventCommand, Level } from '../../../src/hub/contract.ts';
import { allowedActions, applyCommand, LifecycleError, sweepEvent } from '../../../src/hub/events/lifecycle.ts';
import type { PgEventStore } from './pg-event-store.ts';
import type { Sql } from './sql.ts';
import { aReport, emptyStore, MIN, openTestPglite, storeOn, T0, TEST_CATALOG } from './store-fixture.ts';

const ACTOR = { id: 'prop', role: 'operator' as const };
const LEVELS: Level[] = ['blue', 'yellow', 'orange', 'red'];
const DEPARTMENTS = TEST_CATALOG.departments.map((d) => d.id);

/** Any command, most of them illegal in most states. */
const anyCommand: fc.Arbitrary<EventCommand> = fc.oneof(
  fc.option(fc.constantFrom(...LEVELS), { nil: undefined }).map((level): EventCommand => (level ? { action: 'accept', level } : { action: 'accept' })),
  fc.constant<EventCommand>({ action: 'refuse', reason: 'not ours' }),
  fc.constantFrom(...DEPARTMENTS).map((department): EventCommand => ({ action: 'dispatch', department })),
  fc.constant<EventCommand>({ action: 'start' }),
  fc.constant<EventCommand>({ action: 'handle', feedback: 'done' }),
  fc.constant<EventCommand>({ action: 'verify' }),
  fc.constant<EventCommand>({ action: 'reopen', reason: 'not done' }),
  fc.constant<EventCommand>({ action: 'close', note: 'closed' }),
  fc.constant<EventCommand>({ action: 'comment', text: 'a comment' }),
  fc.constant<EventCommand>({ action: 'escalate', reason: 'too slow' }),
);

type Step =
  | { kind: 'any'; event: number; command: EventCommand; dt: number }
  | { kind: 'legal' | 'forward'; event: number; pick: number; dt: number }
  | { kind: 'sweep'; dt: number };

/** Minutes forward, sometimes backward (a hub clock that steps back must not date steps backwards). */
const dt = fc.integer({ min: -20, max: 180 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('any' as const), event: fc.nat(2), command: anyCommand, dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('legal' as const), event: fc.nat(2), pick: fc.nat(), dt }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('forward' as const), event: fc.nat(2), pick: fc.nat(), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const), dt }) },
);

/** The step that moves an event on towards closing. */
const FORWARD: Partial<Record<CityEvent['status'], EventCommand['action']>> = {
  reported: 'accept',
  accepted: 'dispatch',
  dispatched: 'handle',
  'in-progress': 'handle',
  handled: 'verify',
  verified: 'close',
};

/** A legal step of the event's state (or the one forward), with plausible arguments. */
function legalCommand(event: CityEvent, pick: number, forward: boolean): EventCommand | undefined {
  const actions = allowedActions(event.status);
  if (!actions.length) return undefined;
  const action = forward ? FORWARD[event.status]! : actions[pick % actions.length];
  const category = TEST_CATALOG.categories.find((c) => c.id === event.category)!;
  switch (action) {
    case 'accept':
      return { action, level: LEVELS[pick % LEVELS.length] };
    case 'refuse':
      return { action, reason: 'duplicate' };
    case 'dispatch':
      return { action, department: category.departments[pick % category.departments.length] };
    case 'handle':
      return { action, feedback: 'handled' };
    case 'reopen':
      return { action, reason: 'again' };
    case 'comment':
      return { action, text: 'noted' };
    case 'escalate':
      return { action, reason: 'urgent' };
    default:
      return { action };
  }
}

describe('event store: random step sequences (PGlite)', () => {
  let sql: Sql;
  let store: PgEventStore;
  /** How often the random walks got somewhere: closed events seen, illegal steps refused. */
  let closedSeen = 0;
  let refused = 0;
  beforeAll(async () => {
    sql = await openTestPglite();
    store = await storeOn(sql);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  async function checkInvariants(id: string) {
    const detail = (await store.detail(id))!;
    const timeline = detail.timeline;
    // n runs 1..k without gaps, and the event knows its last one (its version counts its steps).
    expect(timeline.map((t) => t.n)).toEqual(timeline.map((_, i) => i + 1));
    expect(detail.event.version).toBe(timeline.length);
    // Time never goes backwards along a timeline.
    for (let i = 1; i < timeline.length; i++) expect(timeline[i].at).toBeGreaterThanOrEqual(timeline[i - 1].at);
    // Nothing is closed without having been verified.
    if (detail.event.status === 'closed') {
      const closeAt = timeline.map((t) => t.action).lastIndexOf('close');
      expect(timeline.slice(0, closeAt).some((t) => t.action === 'verify')).toBe(true);
      closedSeen++;
    }
    // One audit entry per step, in the same order.
    const audit = await sql.query<{ action: string }>('SELECT action FROM audit WHERE target = $1 ORDER BY id', [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(timeline.map((t) => `event.${t.action}`));
  }

  it('agrees with the lifecycle and keeps timelines whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 12, maxLength: 24, size: 'max' }), fc.constantFrom('city-management', 'traffic'), async (steps, category) => {
        await emptyStore(sql);
        let now = T0;
        const model: { event: CityEvent; steps: number }[] = [];
        for (let i = 0; i < 3; i++) {
          const { event } = await store.report(aReport({ category: i ? category : 'city-management' }), ACTOR, now);
          model.push({ event, steps: 1 });
        }
        for (const s of steps) {
          now += s.dt * MIN;
          if (s.kind === 'sweep') {
            const due = model.map((m) => ({ m, next: sweepEvent(m.event, m.steps, now) })).filter((x) => x.next);
            const swept = await store.sweep(now);
            expect(swept.map((e) => e.id).sort()).toEqual(due.map((x) => x.m.event.id).sort());
            for (const { m, next } of due) {
              expect(swept.find((e) => e.id === m.event.id)).toEqual(next!.event);
              m.event = next!.event;
              m.steps++;
            }
            for (const m of model) await checkInvariants(m.event.id);
            continue;
          }
          const m = model[s.event];
          const command = s.kind === 'any' ? s.command : legalCommand(m.event, s.pick, s.kind === 'forward');
          if (!command) continue;
          let expected: CityEvent | LifecycleError;
          try {
            expected = applyCommand(m.event, command, m.steps, { catalog: TEST_CATALOG, actor: ACTOR, now }).event;
          } catch (err) {
            expected = err as LifecycleError;
          }
          const before = expected instanceof LifecycleError ? await store.detail(m.event.id) : undefined;
          const got = await store.act(m.event.id, command, ACTOR, now).catch((err: Error) => err);
          if (expected instanceof LifecycleError) {
            expect(got).toBeInstanceOf(LifecycleError);
            refused++;
            expect((got as Error).message).toBe(expected.message);
            expect(await store.detail(m.event.id)).toEqual(before);
          } else {
            expect(got).toEqual(expected);
            m.event = expected;
            m.steps++;
          }
          await checkInvariants(m.event.id);
        }
      }),
      { numRuns: 30 },
    );
    expect(closedSeen).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
