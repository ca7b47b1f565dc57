import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CommandSchema } from '../../../hub/control.ts';
import { EVENT_STATUSES, LEVELS } from '../../../hub/contract.ts';
import { allowedActions } from '../../../hub/events/lifecycle.ts';
import {
  ACTION_FIELDS,
  DEFAULT_FILTER,
  auditQuery,
  buildCommand,
  compareUrgency,
  departmentsFor,
  eventsQuery,
  formatDuration,
  formatReading,
  showOnWallCommands,
  slaOf,
  sortByUrgency,
  wallLabel,
} from './events-model.ts';
import { T0, catalog, cityEvent } from './events-fixture.ts';

const H = 3_600_000;

describe('queue order', () => {
  it('puts overdue, escalated and red first, then the nearest acceptance time or deadline', () => {
    const e = (id: number, over: Parameters<typeof cityEvent>[0]) => cityEvent({ id: `EV-20260520-0000${id}`, ...over });
    const calm = e(1, { status: 'reported', acceptBy: T0 + 20 * 60_000 });
    const soon = e(2, { status: 'reported', acceptBy: T0 + 5 * 60_000 });
    const red = e(3, { level: 'red', status: 'dispatched', deadline: T0 + 2 * H });
    const escalated = e(4, { escalated: true, status: 'reported', acceptBy: T0 - 60_000 });
    const overdue = e(5, { overdue: true, escalated: true, status: 'in-progress', deadline: T0 - H });
    const handled = e(6, { status: 'handled' });
    const closed = e(7, { status: 'closed', level: 'red', overdue: false });
    const order = sortByUrgency([closed, handled, calm, red, soon, escalated, overdue]).map((x) => x.id.slice(-1));
    expect(order).toEqual(['5', '4', '3', '2', '1', '6', '7']);
  });

  it('is a total order: antisymmetric, and sorting is stable under shuffles', () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 99_999 }),
      status: fc.constantFrom(...EVENT_STATUSES),
      level: fc.constantFrom(...LEVELS),
      overdue: fc.boolean(),
      escalated: fc.boolean(),
      acceptBy: fc.integer({ min: T0 - 10 * H, max: T0 + 10 * H }),
      deadline: fc.option(fc.integer({ min: T0 - 10 * H, max: T0 + 10 * H }), { nil: undefined }),
      reportedAt: fc.integer({ min: T0 - 10 * H, max: T0 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (raw) => {
        const events = raw.map((r) => cityEvent({ ...r, id: `EV-20260520-${String(r.n).padStart(5, '0')}`, ...(r.deadline === undefined ? {} : { deadline: r.deadline }) }));
        for (const a of events) for (const b of events) expect(Math.sign(compareUrgency(a, b))).toBe(-Math.sign(compareUrgency(b, a)) || 0);
        const once = sortByUrgency(events).map((x) => x.id);
        expect(sortByUrgency([...events].reverse()).map((x) => x.id)).toEqual(once);
      }),
    );
  });
});

describe('SLA clock', () => {
  it('counts down to acceptance, then to the deadline, and turns red once past', () => {
    const reported = cityEvent({ acceptBy: T0 + 30 * 60_000 });
    expect(slaOf(reported, T0)).toMatchObject({ kind: 'accept', remainingMs: 30 * 60_000, tone: 'ok', text: '受理 Accept 剩 30:00 left' });
    expect(slaOf(reported, T0 + 20 * 60_000)).toMatchObject({ tone: 'attention' });
    expect(slaOf(reported, T0 + 27 * 60_000)).toMatchObject({ tone: 'warning' });
    expect(slaOf(reported, T0 + 31 * 60_000)).toMatchObject({ tone: 'alarm', remainingMs: -60_000, text: '受理 Accept 超时 1:00 over' });
    const dispatched = cityEvent({ status: 'dispatched', deadline: T0 + 26 * H });
    expect(slaOf(dispatched, T0)).toMatchObject({ kind: 'deadline', text: '处置 Handle 剩 1天 02:00 left', tone: 'ok' });
    // The hub's overdue flag wins over a tablet clock that runs slow.
    expect(slaOf({ ...dispatched, overdue: true }, T0).tone).toBe('alarm');
    expect(slaOf(cityEvent({ status: 'handled' }), T0)).toMatchObject({ kind: 'waiting', remainingMs: null, text: '待核查 To verify' });
    expect(slaOf(cityEvent({ status: 'closed' }), T0)).toMatchObject({ kind: 'final', tone: 'none' });
  });

  it('formats durations compactly', () => {
    expect([45_000, 65_000, 3_725_000, 90_061_000, -3_600_000].map(formatDuration)).toEqual(['45s', '1:05', '1:02:05', '1天 01:01', '1:00:00']);
  });
});

describe('queries', () => {
  it('sends open=true by default and cuts search text to what the hub takes', () => {
    const q = new URLSearchParams(eventsQuery({ ...DEFAULT_FILTER, q: 'x'.repeat(200), district: '500103', category: 'traffic' }, 0));
    expect(Object.fromEntries(q)).toEqual({ open: 'true', district: '500103', category: 'traffic', q: 'x'.repeat(80), limit: '100', offset: '0' });
    expect(new URLSearchParams(eventsQuery({ ...DEFAULT_FILTER, open: false }, -3)).get('offset')).toBe('0');
    const a = new URLSearchParams(auditQuery({ q: ' close ', actor: '', action: 'event.close', from: null, to: 5, limit: 10_000 }, 'csv'));
    expect(Object.fromEntries(a)).toEqual({ q: 'close', action: 'event.close', to: '5', limit: '500', format: 'csv' });
  });
});

describe('commands from the form', () => {
  it('requires what the step requires and drops empty optional fields', () => {
    expect(buildCommand('refuse', { reason: '  ' })).toMatchObject({ ok: false });
    expect(buildCommand('refuse', { reason: ' 重复上报 duplicate ' })).toEqual({ ok: true, command: { action: 'refuse', reason: '重复上报 duplicate' } });
    expect(buildCommand('accept', { level: '', note: '' })).toEqual({ ok: true, command: { action: 'accept' } });
    expect(buildCommand('accept', { level: 'red' })).toEqual({ ok: true, command: { action: 'accept', level: 'red' } });
    expect(buildCommand('accept', { level: 'purple' })).toMatchObject({ ok: false });
    expect(buildCommand('dispatch', {})).toMatchObject({ ok: false });
    expect(buildCommand('dispatch', { department: 'district-grid-centre' })).toEqual({ ok: true, command: { action: 'dispatch', department: 'district-grid-centre' } });
    expect(buildCommand('handle', { feedback: '已修复 fixed' })).toEqual({ ok: true, command: { action: 'handle', feedback: '已修复 fixed' } });
    expect(buildCommand('comment', { text: 'x'.repeat(501) })).toMatchObject({ ok: false });
    expect(buildCommand('close', { reason: 'ignored' })).toEqual({ ok: true, command: { action: 'close' } });
  });

  it('has a form for every step the lifecycle can offer', () => {
    for (const s of EVENT_STATUSES) for (const a of allowedActions(s)) expect(ACTION_FIELDS[a]).toBeDefined();
  });

  it('offers a category’s departments, the usual one first', () => {
    expect(departmentsFor(catalog, 'city-management').map((d) => d.id)).toEqual(['city-management-bureau', 'district-grid-centre']);
    expect(departmentsFor(catalog, 'unknown')).toEqual([]);
    expect(departmentsFor(null, 'city-management')).toEqual([]);
  });
});

describe('the wall', () => {
  it('flies to the event at street zoom and marks it with a label the wall accepts', () => {
    const [fly, mark] = showOnWallCommands([106.577, 29.559], '井盖缺失'.repeat(15));
    expect(fly).toEqual({ type: 'fly', to: { center: [106.577, 29.559], zoom: 14 } });
    expect(CommandSchema.safeParse(fly).success).toBe(true);
    expect(CommandSchema.safeParse(mark).success).toBe(true);
    expect(Array.from(wallLabel('😀'.repeat(50))).length).toBe(40);
    expect(showOnWallCommands([1, 2], '  ')[1]).toEqual({ type: 'highlight', target: { point: [1, 2] } });
  });

  it('writes readings with their unit', () => {
    expect(formatReading('rain', 42.345)).toBe('42.3 mm/h');
    expect(formatReading('red-code-share', 3.21)).toBe('3.2%');
    expect(formatReading('congestion', 7.46)).toBe('7.5');
    expect(formatReading('river-level', 181.5)).toBe('181.50 m');
    expect(formatReading('red-code-share', 0.0042)).toBe('0.0042%');
    expect(formatReading('aqi', 0)).toBe('0 AQI');
  });
});
