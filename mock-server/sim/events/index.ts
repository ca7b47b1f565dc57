/**
 * The simulated sources of the center's work, for the hub's events service: sensor readings at
 * monitored sites (sensors.ts), grid-worker reports and 12345 tickets (reports.ts), and the
 * departments and a dispatch desk that work on events (workflow.ts). Deterministic from the seed
 * and the clock; everything it posts is marked as simulated.
 *
 * Timer-free: the caller (the hub service) owns the timers and calls `step(now)`, every second or
 * so of hub time; each step hands what fell due to the sink. The hub adapts its event store to
 * EventSink.
 *
 * HUB_EVENTS_RATE scales the volume of reports (1, the default: about 600 a day; 0.5 half; 3 three
 * times as many, at most 50). 0 disables every source: no readings, reports or simulated work.
 */
import type { Actor, Catalog, CityEvent, EventCommand, Reading, Report } from '../../../src/hub/contract.ts';
import { loadCatalog } from '../../events/catalog.ts';
import { ReportSimulator, reportsBetween, type DistrictInfo, type ReportSource, type SimReport } from './reports.ts';
import { SensorSimulator } from './sensors.ts';
import { createWorkflowSimulator, type WorkflowStats } from './workflow.ts';

export { DISPATCH_DESK, isRoutine } from './workflow.ts';
export type { DistrictInfo } from './reports.ts';

/** Where the simulated sources deliver. The hub service adapts its store and rules engine to it. */
export interface EventSink {
  /** A new report (a grid worker's, a 12345 ticket); the store dedupes by externalId. */
  report(r: Report, actor: Actor): Promise<unknown>;
  /** Sensor readings, for the rules engine. */
  readings(rs: Reading[]): void;
  /** One lifecycle step on an event; a step another process took first fails, and is dropped. */
  act(id: string, cmd: EventCommand, actor: Actor): Promise<unknown>;
  /** The open events as the hub knows them now. */
  openEvents(): readonly CityEvent[];
}

export interface EventSourcesContext {
  seed: number;
  districts: readonly DistrictInfo[];
  startTime: number;
  env: Record<string, string | undefined>;
  /** Categories and departments; default: mock-server/events/catalog.json. */
  catalog?: Catalog;
}

export interface EventSourcesStats {
  rate: number;
  readings: number;
  reports: Record<ReportSource, number>;
  reportFailures: number;
  /** Reports not posted because too many were still in flight. */
  reportsDropped: number;
  workflow: (WorkflowStats & { inFlight: number }) | null;
}

export interface EventSources {
  step(now: number): void;
  /** The reports of the whole minutes in [from, to), oldest first, for a first start to post (see reportsBetween). */
  backfill(from: number, to: number): SimReport[];
  /** Stops every source: later steps do nothing (there are no timers to clear). */
  stop(): void;
  stats(): EventSourcesStats;
}

/** The reporters' actors (the report's `reporter` names the person). */
export const REPORTERS: Record<ReportSource, Actor> = {
  grid: { id: 'grid-workers (simulated)', role: 'reporter' },
  hotline: { id: '12345-hotline (simulated)', role: 'reporter' },
};

/** Reports posted and not yet answered at most. */
const MAX_REPORTS_IN_FLIGHT = 100;

/** HUB_EVENTS_RATE: a number from 0 to 50; anything else is 1. */
export function eventsRateOf(env: Record<string, string | undefined>): number {
  const raw = env.HUB_EVENTS_RATE?.trim();
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 && n <= 50 ? n : 1;
}

export function createEventSources(ctx: EventSourcesContext, sink: EventSink): EventSources {
  const rate = eventsRateOf(ctx.env);
  const stats: EventSourcesStats = { rate, readings: 0, reports: { grid: 0, hotline: 0 }, reportFailures: 0, reportsDropped: 0, workflow: null };
  if (rate === 0) return { step: () => {}, backfill: () => [], stop: () => {}, stats: () => ({ ...stats }) };

  const catalog = ctx.catalog ?? loadCatalog();
  const sensors = new SensorSimulator({ seed: ctx.seed, startTime: ctx.startTime });
  const reports = new ReportSimulator({ seed: ctx.seed, districts: ctx.districts, rate, startTime: ctx.startTime });
  const workflow = createWorkflowSimulator({ seed: ctx.seed, catalog }, sink);
  let reportsInFlight = 0;
  let stopped = false;

  return {
    backfill: (from, to) => reportsBetween({ seed: ctx.seed, districts: ctx.districts, rate }, from, to),
    step(now) {
      if (stopped) return;
      const rs = sensors.step(now);
      if (rs.length) {
        stats.readings += rs.length;
        sink.readings(rs);
      }
      for (const r of reports.step(now)) {
        if (reportsInFlight >= MAX_REPORTS_IN_FLIGHT) {
          stats.reportsDropped++;
          continue;
        }
        reportsInFlight++;
        stats.reports[r.source]++;
        let sent: Promise<unknown>;
        try {
          sent = sink.report(r.report, REPORTERS[r.source]);
        } catch (err) {
          sent = Promise.reject(err);
        }
        sent.then(
          () => reportsInFlight--,
          () => {
            reportsInFlight--;
            stats.reportFailures++;
          },
        );
      }
      workflow.step(now);
    },
    stop() {
      stopped = true;
    },
    stats: () => ({ ...stats, reports: { ...stats.reports }, workflow: workflow.stats() }),
  };
}
