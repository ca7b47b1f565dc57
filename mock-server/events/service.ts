/**
 * The center's work at the hub: the event store, the early-warning rules, the sweeper that
 * escalates what is due, the board the walls show, and (simulated) sources. One per hub process;
 * processes sharing DATABASE_URL share every event, alert, rule and audit entry.
 */
import type { Namespace } from 'socket.io';
import {
  EVENTS_BOARD_TOPIC,
  EVENTS_CATALOG_TOPIC,
  METRICS,
  type Alert,
  type Catalog,
  type DistrictProperties,
  type Reading,
} from '../../src/hub/contract.ts';
import { atLeast } from '../../src/hub/events/lifecycle.ts';
import type { TokenService } from '../control/auth.ts';
import { topicRoom } from '../topic-engine.ts';
import { startBoard } from './board.ts';
import { loadCatalog } from './catalog.ts';
import { eventRoutes } from './routes.ts';
import { loadRuleFiles } from './rule-files.ts';
import { createRuleEngine } from './rules-engine.ts';
import { READING_TOPICS, readingsFromTopics } from './readings-from-topics.ts';
import { openEventStore } from './store/open-store.ts';
import type { Sql } from './store/sql.ts';
import type { AlertChange, EventStore } from './store/event-store.ts';
import { REPORTERS, createEventSources } from '../sim/events/index.ts';

const SWEEP_EVERY_MS = 10_000;
/** A first start posts what the simulated sources would have reported in the hours before it. */
const BACKFILL_HOURS = 3;
const SOURCES_EVERY_MS = 1_000;
/** City topics that rules watch, read this often. */
const TOPIC_READINGS_EVERY_MS = 10_000;

export interface EventsOptions {
  live: Namespace;
  tokens: TokenService;
  epoch: string;
  seed: number;
  startTime: number;
  districts: DistrictProperties[];
  env: Record<string, string | undefined>;
  /** The latest value of a city topic (the topic engine's snapshot). */
  topicValue(topic: string): { time: number; data: unknown } | undefined;
  log(msg: string): void;
  /** Where rule files are (default: the repository's rules/). */
  rulesDir?: string;
  /** The hub's database, already open and migrated (closed with the events service). */
  sql?: Sql;
}

export async function startEvents(opts: EventsOptions) {
  const catalog: Catalog = loadCatalog();
  const store: EventStore = await openEventStore({
    databaseUrl: opts.env.DATABASE_URL || undefined,
    dataDir: opts.env.HUB_DATA_DIR ?? 'data/hub',
    catalog,
    log: opts.log,
    ...(opts.sql ? { sql: opts.sql } : {}),
  });
  await store.seedRules(loadRuleFiles(opts.rulesDir), Date.now());
  let rules = await store.rules();
  const engine = createRuleEngine(rules);

  const board = await startBoard({
    store,
    catalog,
    epoch: opts.epoch,
    log: opts.log,
    emit: (envelope) => opts.live.local.to(topicRoom(EVENTS_BOARD_TOPIC)).emit(EVENTS_BOARD_TOPIC, envelope),
  });

  // Alert changes are written one after another, in the order the rules decided them.
  let alertWrites: Promise<void> = Promise.resolve();
  const system = { id: 'hub rules', role: 'system' as const };

  async function writeAlert(change: AlertChange) {
    const alert = await store.applyAlert(change);
    if (alert && alert.status === 'active' && !alert.eventId) await maybeOpenEvent(alert);
  }

  /** A rule with `opensEvent` opens one event per alert once the alert reaches its level. */
  async function maybeOpenEvent(alert: Alert) {
    const rule = rules.rules.find((r) => r.id === alert.ruleId);
    if (!rule?.opensEvent || !atLeast(alert.level, rule.opensEvent.fromLevel)) return;
    const metric = METRICS[alert.metric];
    const { event } = await store.report(
      {
        source: 'sensor',
        category: rule.opensEvent.category,
        level: alert.level,
        title: `${alert.place.name} ${metric.name}${alert.level === 'red' ? '红色' : alert.level === 'orange' ? '橙色' : alert.level === 'yellow' ? '黄色' : '蓝色'}预警`.slice(0, 60),
        description: `${rule.name}: ${alert.value} ${metric.unit} ≥ ${alert.threshold} ${metric.unit}`.slice(0, 500),
        district: alert.place.district,
        position: alert.place.position,
        // Every hub process sees the same alert: the store keeps one event for it.
        externalId: `alert-${alert.id}`,
      },
      system,
      Date.now(),
      { alertId: alert.id },
    );
    await store.linkAlertEvent(alert.id, event.id);
  }

  function writeAlerts(changes: readonly AlertChange[]) {
    for (const change of changes) alertWrites = alertWrites.then(() => writeAlert(change)).catch((err) => opts.log(`alerts: ${(err as Error).message}`));
  }

  const decided: AlertChange[] = [];
  function ingest(readings: readonly Reading[]) {
    decided.length = 0;
    for (const reading of readings) engine.evaluate(reading, decided);
    writeAlerts(decided);
  }
  const cityReadings = readingsFromTopics(opts.districts);

  const sources = createEventSources(
    { seed: opts.seed, districts: opts.districts.map((d) => ({ code: d.code, name: d.name, center: d.center })), startTime: opts.startTime, env: opts.env, catalog },
    {
      report: (report, actor) => store.report(report, actor, Date.now()),
      readings: ingest,
      act: (id, command, actor) => store.act(id, command, actor, Date.now()),
      openEvents: () => board.openEvents(),
    },
  );

  /**
   * Nothing reported in the last hours (a first start, or a store left idle): the simulated sources
   * post what they would have meanwhile, each at its own time, so a new wall does not open on an
   * empty board. Several hub processes doing it at once post the same reports: the store keeps one.
   */
  async function backfill() {
    const now = Date.now();
    const from = now - BACKFILL_HOURS * 3_600_000;
    if ((await store.board(from)).some((e) => e.reportedAt >= from)) return;
    const reports = sources.backfill(from, now);
    for (const r of reports) {
      if (closing) return;
      await store.report(r.report, REPORTERS[r.source], r.at);
    }
    if (reports.length) opts.log(`events: posted the ${reports.length} simulated reports of the last ${BACKFILL_HOURS} hours`);
  }
  let closing = false;
  const backfilled = backfill().catch((err) => opts.log(`events backfill: ${(err as Error).message}`));

  const timers = [
    setInterval(() => void store.sweep(Date.now()).catch((err) => opts.log(`sweep: ${(err as Error).message}`)), SWEEP_EVERY_MS),
    setInterval(() => {
      try {
        sources.step(Date.now());
      } catch (err) {
        opts.log(`event sources: ${(err as Error).message}`);
      }
    }, SOURCES_EVERY_MS),
    setInterval(() => {
      for (const topic of Object.keys(READING_TOPICS)) {
        const value = opts.topicValue(topic);
        if (value) ingest(cityReadings(topic, value.data, value.time));
      }
    }, TOPIC_READINGS_EVERY_MS),
  ];

  const router = eventRoutes({
    store,
    catalog,
    tokens: opts.tokens,
    ingestKey: opts.env.HUB_INGEST_KEY || undefined,
    ingest,
    districtCodes: new Set(opts.districts.map((d) => d.code)),
    async rulesChanged() {
      rules = await store.rules();
      // A changed or disabled rule ends the alerts it no longer stands behind.
      const cleared: AlertChange[] = [];
      engine.setRules(rules, cleared);
      writeAlerts(cleared);
    },
  });

  return {
    router,
    store,
    /** GET /api/v1/topics/<name> for the events topics. */
    snapshot(topic: string) {
      if (topic === EVENTS_BOARD_TOPIC) return board.snapshot();
      if (topic === EVENTS_CATALOG_TOPIC) return { epoch: opts.epoch, seq: 1, time: opts.startTime, data: catalog };
      return undefined;
    },
    /** Resolves when every alert decided and every change committed so far has reached the board. */
    async settled() {
      await alertWrites;
      await board.settled();
    },
    async close() {
      closing = true;
      for (const t of timers) clearInterval(t);
      await backfilled;
      sources.stop?.();
      await alertWrites.catch(() => {});
      board.stop();
      await store.close();
    },
  };
}
export type EventsService = Awaited<ReturnType<typeof startEvents>>;
