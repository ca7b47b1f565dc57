import { describe, expect, it } from 'vitest';
import { ReportSchema, type Actor, type CityEvent, type EventCommand, type Reading, type Report, type Transition } from '../../../src/hub/contract.ts';
import { LifecycleError, applyCommand, openEvent, sweepEvent } from '../../../src/hub/events/lifecycle.ts';
import { loadDistricts } from '../../geo.ts';
import { loadCatalog } from '../../events/catalog.ts';
import { DISPATCH_DESK, createEventSources, eventsRateOf, isRoutine, type EventSink } from './index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2024, 6, 9, 16); // local midnight, 2024-07-10
const catalog = loadCatalog();
const districts = loadDistricts().features.map((f) => f.properties);

/** A store in memory with the hub's lifecycle: what the hub service adapts to EventSink. */
function fakeHub() {
  let now = START;
  const events = new Map<string, CityEvent>();
  const timelines = new Map<string, Transition[]>();
  const external = new Map<string, string>();
  const readings: Reading[] = [];
  let n = 0;
  let rejected = 0;
  const record = (e: CityEvent, t: Transition) => {
    events.set(e.id, e);
    const tl = timelines.get(e.id) ?? [];
    tl.push(t);
    timelines.set(e.id, tl);
  };
  const sink: EventSink = {
    async report(r: Report, actor: Actor) {
      const parsed = ReportSchema.parse(r);
      const known = parsed.externalId && external.get(parsed.externalId);
      if (known) return events.get(known);
      const { event, transition } = openEvent(parsed, ++n, { catalog, actor, now });
      if (parsed.externalId) external.set(parsed.externalId, event.id);
      record(event, transition);
      return event;
    },
    readings: (rs) => void readings.push(...rs),
    async act(id: string, cmd: EventCommand, actor: Actor) {
      const e = events.get(id)!;
      try {
        const { event, transition } = applyCommand(e, cmd, timelines.get(id)!.length, { catalog, actor, now });
        record(event, transition);
        return event;
      } catch (err) {
        if (err instanceof LifecycleError) rejected++;
        throw err;
      }
    },
    openEvents: () => [...events.values()].filter((e) => e.status !== 'closed' && e.status !== 'refused'),
  };
  return {
    sink,
    events,
    timelines,
    readings,
    rejected: () => rejected,
    setNow: (t: number) => (now = t),
    sweep() {
      for (const e of events.values()) {
        const s = sweepEvent(e, timelines.get(e.id)!.length, now);
        if (s) record(s.event, s.transition);
      }
    },
  };
}

async function runFor(hub: ReturnType<typeof fakeHub>, sources: ReturnType<typeof createEventSources>, from: number, to: number, every = 5000) {
  for (let t = from; t < to; t += every) {
    hub.setNow(t);
    sources.step(t);
    if (t % (30 * 1000) === 0) hub.sweep();
    await Promise.resolve();
    await Promise.resolve();
  }
}

describe('event sources', () => {
  it('reads HUB_EVENTS_RATE', () => {
    expect(eventsRateOf({})).toBe(1);
    expect(eventsRateOf({ HUB_EVENTS_RATE: '0' })).toBe(0);
    expect(eventsRateOf({ HUB_EVENTS_RATE: '2.5' })).toBe(2.5);
    expect(eventsRateOf({ HUB_EVENTS_RATE: 'lots' })).toBe(1);
    expect(eventsRateOf({ HUB_EVENTS_RATE: '-1' })).toBe(1);
  });

  it('does nothing at rate 0', async () => {
    const hub = fakeHub();
    const sources = createEventSources({ seed: 1, districts, startTime: START, env: { HUB_EVENTS_RATE: '0' }, catalog }, hub.sink);
    await runFor(hub, sources, START, START + HOUR, 10_000);
    expect(hub.events.size).toBe(0);
    expect(hub.readings).toHaveLength(0);
  });

  it('keeps an unattended day moving: reports arrive, routine ones get closed, the rest wait for operators', async () => {
    const hub = fakeHub();
    const sources = createEventSources({ seed: 4, districts, startTime: START, env: {}, catalog }, hub.sink);
    await runFor(hub, sources, START, START + 26 * HOUR, 10_000);
    const all = [...hub.events.values()];
    expect(all.length).toBeGreaterThan(400);
    expect(hub.readings.length).toBeGreaterThan(26 * 360 * 20);
    const routine = all.filter(isRoutine);
    const routineOld = routine.filter((e) => e.reportedAt < START + 6 * HOUR);
    const closed = routineOld.filter((e) => e.status === 'closed' || e.status === 'refused');
    expect(closed.length / routineOld.length).toBeGreaterThan(0.6);
    // Every routine event reported more than an hour before the end has at least been accepted or refused.
    for (const e of routine.filter((x) => x.reportedAt < START + 25 * HOUR)) expect(e.status).not.toBe('reported');
    // Orange and red wait for an operator: the desk never touched them.
    const waiting = all.filter((e) => !isRoutine(e));
    expect(waiting.length).toBeGreaterThan(0);
    for (const e of waiting) expect(e.status).toBe('reported');
    // The desk and the departments act under their own names.
    const actors = new Set<string>();
    for (const tl of hub.timelines.values()) for (const t of tl.slice(1)) actors.add(`${t.actor.role}:${t.actor.id}`);
    expect(actors).toContain(`system:${DISPATCH_DESK.id}`);
    expect([...actors].some((a) => a.startsWith('department:'))).toBe(true);
    for (const a of actors) expect(a).toMatch(/^(system:(dispatch-desk \(simulated\)|hub)|department:[a-z0-9-]+)$/);
    // Some fall behind, as in practice: escalated for late acceptance, or overdue.
    expect(all.some((e) => e.escalated)).toBe(true);
    const timelineActions = [...hub.timelines.values()].flat().map((t) => t.action);
    expect(timelineActions).toContain('overdue');
    expect(timelineActions).toContain('refuse');
    expect(timelineActions).toContain('start');
    expect(timelineActions).toContain('handle');
    const stats = sources.stats();
    expect(stats.reports.grid + stats.reports.hotline).toBe(all.length);
    expect(stats.reportFailures).toBe(0);
    expect(hub.rejected()).toBe(0);
  });

  it('lets departments work on what operators dispatched, whatever the level', async () => {
    const hub = fakeHub();
    const sources = createEventSources({ seed: 4, districts, startTime: START, env: { HUB_EVENTS_RATE: '0.01' }, catalog }, hub.sink);
    const operator: Actor = { id: 'duty-officer', role: 'operator' };
    const e = (await hub.sink.report(
      { source: 'operator', category: 'flooding', level: 'red', title: '下穿道积水', district: '500103', position: [106.578, 29.564] },
      operator,
    )) as CityEvent;
    await hub.sink.act(e.id, { action: 'accept' }, operator);
    await hub.sink.act(e.id, { action: 'dispatch', department: 'city-management-bureau' }, operator);
    await runFor(hub, sources, START, START + 3 * HOUR);
    const done = hub.events.get(e.id)!;
    expect(done.status).toBe('handled');
    const steps = hub.timelines.get(e.id)!.map((t) => `${t.action}:${t.actor.id}`);
    expect(steps.slice(3)).toEqual(['start:city-management-bureau', 'handle:city-management-bureau']);
  });

  it('is deterministic from the seed', async () => {
    const once = async (seed: number) => {
      const hub = fakeHub();
      const sources = createEventSources({ seed, districts, startTime: START + 9 * HOUR, env: {}, catalog }, hub.sink);
      await runFor(hub, sources, START + 9 * HOUR, START + 12 * HOUR, 10_000);
      return [...hub.timelines.values()].flat().map((t) => `${t.eventId} ${t.action} ${t.at} ${t.actor.id} ${t.note ?? ''}`);
    };
    const a = await once(9);
    expect(a.length).toBeGreaterThan(100);
    expect(await once(9)).toEqual(a);
    expect(await once(10)).not.toEqual(a);
  });
});
