import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LifecycleError, allowedActions, applyCommand, hubDay, openEvent, sweepEvent } from './lifecycle.ts';
import { CatalogSchema, CityEventSchema, EVENT_STATUSES, type Catalog, type CityEvent, type EventCommand, type Transition } from './schemas.ts';

const catalog: Catalog = CatalogSchema.parse({
  version: 1,
  departments: [
    { id: 'city-admin', name: '市城市管理局', nameEn: 'City Administration' },
    { id: 'water', name: '市水利局', nameEn: 'Water Resources' },
  ],
  categories: [
    {
      id: 'city-management',
      name: '城市管理',
      nameEn: 'City management',
      colour: '#3fa7ff',
      acceptWithinMin: 30,
      deadlineHours: { blue: 72, yellow: 24, orange: 8, red: 2 },
      departments: ['city-admin'],
    },
  ],
});
const T0 = Date.UTC(2026, 11, 7, 1, 0);
const operator = { id: 'duty-1', role: 'operator' as const };
const report = { source: 'grid' as const, category: 'city-management', level: 'yellow' as const, title: '井盖缺失', description: '', district: '500103', position: [106.58, 29.56] as [number, number] };

const commandArb: fc.Arbitrary<EventCommand> = fc.oneof(
  fc.record({ action: fc.constant('accept' as const) }),
  fc.record({ action: fc.constant('refuse' as const), reason: fc.constant('重复上报') }),
  fc.record({ action: fc.constant('dispatch' as const), department: fc.constantFrom('city-admin', 'water', 'nobody') }),
  fc.record({ action: fc.constant('start' as const) }),
  fc.record({ action: fc.constant('handle' as const), feedback: fc.constant('已修复') }),
  fc.record({ action: fc.constant('verify' as const) }),
  fc.record({ action: fc.constant('reopen' as const), reason: fc.constant('未修复') }),
  fc.record({ action: fc.constant('close' as const) }),
  fc.record({ action: fc.constant('comment' as const), text: fc.constant('现场有积水') }),
  fc.record({ action: fc.constant('escalate' as const), reason: fc.constant('群众反映强烈') }),
);

describe('event lifecycle', () => {
  it('opens an event reported, numbered by the hub day (UTC+8), with its accept-by time', () => {
    const { event, transition } = openEvent({ ...report }, 42, { catalog, actor: operator, now: T0 });
    expect(event.id).toBe(`EV-${hubDay(T0)}-00042`);
    expect(CityEventSchema.parse(event)).toEqual(event);
    expect(event.acceptBy).toBe(T0 + 30 * 60_000);
    expect(transition).toMatchObject({ n: 1, action: 'report', from: null, to: 'reported' });
    expect(hubDay(Date.UTC(2026, 11, 6, 16, 30))).toBe('20261207');
  });

  it('refuses an illegal step with the reason: closing an event nobody handled', () => {
    const { event } = openEvent({ ...report }, 1, { catalog, actor: operator, now: T0 });
    expect(() => applyCommand(event, { action: 'close' }, 1, { catalog, actor: operator, now: T0 })).toThrow(
      /cannot close an event that is reported \(上报\): only verified/,
    );
    expect(() => applyCommand(event, { action: 'dispatch', department: 'city-admin' }, 1, { catalog, actor: operator, now: T0 })).toThrow(LifecycleError);
  });

  it('dispatch sets the department and the deadline of the level; sending elsewhere keeps the clock', () => {
    const ctx = (now: number) => ({ catalog, actor: operator, now });
    let { event } = openEvent({ ...report }, 1, ctx(T0));
    event = applyCommand(event, { action: 'accept', level: 'red' }, 1, ctx(T0 + 1000)).event;
    event = applyCommand(event, { action: 'dispatch', department: 'city-admin' }, 2, ctx(T0 + 2000)).event;
    expect(event).toMatchObject({ status: 'dispatched', department: 'city-admin', deadline: T0 + 2000 + 2 * 3_600_000, level: 'red' });
    expect(() => applyCommand(event, { action: 'dispatch', department: 'water' }, 3, ctx(T0 + 3000))).toThrow(/does not handle City management/);
  });

  it('the sweeper escalates an event not accepted in time, and marks one past its deadline overdue, each once', () => {
    const { event } = openEvent({ ...report }, 1, { catalog, actor: operator, now: T0 });
    expect(sweepEvent(event, 1, T0 + 29 * 60_000)).toBeNull();
    const late = sweepEvent(event, 1, T0 + 31 * 60_000)!;
    expect(late.event.escalated).toBe(true);
    expect(late.transition).toMatchObject({ action: 'escalate', actor: { role: 'system' } });
    expect(sweepEvent(late.event, 2, T0 + 32 * 60_000)).toBeNull();

    const ctx = { catalog, actor: operator, now: T0 };
    let e = applyCommand(event, { action: 'accept' }, 1, ctx).event;
    e = applyCommand(e, { action: 'dispatch', department: 'city-admin' }, 2, ctx).event;
    const overdue = sweepEvent(e, 3, e.deadline! + 1)!;
    expect(overdue.event).toMatchObject({ overdue: true, escalated: true });
    expect(sweepEvent(overdue.event, 4, e.deadline! + 2)).toBeNull();
    // Closing clears the overdue mark: it is no longer open.
    let c = applyCommand(overdue.event, { action: 'handle', feedback: '已处理' }, 4, ctx).event;
    c = applyCommand(c, { action: 'verify' }, 5, ctx).event;
    c = applyCommand(c, { action: 'close' }, 6, ctx).event;
    expect(c).toMatchObject({ status: 'closed', overdue: false });
  });

  it('any sequence of commands keeps the invariants', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(commandArb, fc.integer({ min: -5_000, max: 3_600_000 })), { maxLength: 40 }), (steps) => {
        let now = T0;
        const opened = openEvent({ ...report }, 7, { catalog, actor: operator, now });
        let event: CityEvent = opened.event;
        const timeline: Transition[] = [opened.transition];
        for (const [command, dt] of steps) {
          now += dt; // the clock may even step back: event times must not
          const legal = allowedActions(event.status).includes(command.action);
          let result;
          try {
            result = applyCommand(event, command, timeline.length, { catalog, actor: operator, now });
          } catch (err) {
            expect(err).toBeInstanceOf(LifecycleError);
            // Only an illegal step, or a dispatch to a department that does not handle it, is refused.
            if (legal) expect(command.action).toBe('dispatch');
            continue;
          }
          expect(legal).toBe(true);
          expect(result.event.version).toBe(event.version + 1);
          event = result.event;
          timeline.push(result.transition);
          expect(CityEventSchema.safeParse(event).success).toBe(true);
        }
        // Timeline numbered 1..k, times never going back, and each step's `to` is the next step's `from`.
        timeline.forEach((t, i) => {
          expect(t.n).toBe(i + 1);
          if (i > 0) {
            expect(t.at).toBeGreaterThanOrEqual(timeline[i - 1].at);
            expect(t.from).toBe(timeline[i - 1].to);
          }
        });
        expect(timeline.at(-1)!.to).toBe(event.status);
        // No closed event without a verification; closed and refused events have a closing time.
        if (event.status === 'closed') expect(timeline.some((t) => t.action === 'verify')).toBe(true);
        expect(event.closedAt !== undefined).toBe(event.status === 'closed' || event.status === 'refused');
        if (event.status === 'dispatched' || event.status === 'in-progress') expect(event.deadline).toBeGreaterThan(event.reportedAt - 1);
        expect(EVENT_STATUSES).toContain(event.status);
      }),
      { numRuns: 300 },
    );
  });
});
