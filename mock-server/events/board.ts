/**
 * The events board of one hub process: what walls show (open events, those closed in the last day,
 * active and recently cleared alerts, today's figures), held in memory from the store and published
 * as the journal topic `events.board`: a snapshot, then every change numbered without gaps. Changes
 * committed by any hub process reach it through the store's onChange (LISTEN/NOTIFY on a server).
 */
import {
  CONTRACT_VERSION,
  EVENTS_BOARD_TOPIC,
  EVENTS_LIMITS,
  isOpen,
  type Alert,
  type Board,
  type Catalog,
  type CityEvent,
  type EventStats,
} from '../../src/hub/contract.ts';
import type { EventStore, StoreChange } from './store/event-store.ts';

const DAY_MS = 24 * 3_600_000;
/** Changes committed within this window go out as one change of the board. */
const BATCH_MS = 5;
/** Today's figures are recounted at most this often while events change (and once a minute anyway). */
const STATS_EVERY_MS = 2_000;

export interface BoardOptions {
  store: EventStore;
  catalog: Catalog;
  /** Sends one envelope to the walls subscribed to the board (this process's displays). */
  emit(envelope: unknown): void;
  epoch: string;
  log(msg: string): void;
  now?: () => number;
}

export async function startBoard(opts: BoardOptions) {
  const now = opts.now ?? Date.now;
  const events = new Map<string, CityEvent>();
  const alerts = new Map<string, Alert>();
  let stats: EventStats | undefined;
  let seq = 0;
  let time = now();
  let pending: StoreChange = { events: [], alerts: [] };
  let batchTimer: ReturnType<typeof setTimeout> | null = null;
  let statsTimer: ReturnType<typeof setTimeout> | null = null;
  let lastStats = 0;
  let closed = false;
  /** Changes are read and sent one batch at a time, so they leave in the order they were committed. */
  let chain: Promise<void> = Promise.resolve();

  for (const e of await opts.store.board(now() - DAY_MS)) events.set(e.id, e);
  for (const a of await opts.store.boardAlerts(now() - DAY_MS)) alerts.set(a.id, a);
  await recount();

  function send(change: Board) {
    seq += 1;
    time = now();
    opts.emit({ v: CONTRACT_VERSION, topic: EVENTS_BOARD_TOPIC, epoch: opts.epoch, seq, time, data: change });
  }

  async function publish(change: StoreChange) {
    const [changedEvents, changedAlerts] = await Promise.all([opts.store.events(change.events), opts.store.alerts(change.alerts)]);
    const fresh = {
      events: changedEvents.filter((e) => (events.get(e.id)?.version ?? 0) < e.version),
      alerts: changedAlerts.filter((a) => (alerts.get(a.id)?.version ?? 0) < a.version),
    };
    for (const e of fresh.events) events.set(e.id, e);
    for (const a of fresh.alerts) alerts.set(a.id, a);
    let newStats: EventStats | undefined;
    if (now() - lastStats > STATS_EVERY_MS) newStats = await recount();
    else if (fresh.events.length || fresh.alerts.length) recountSoon();
    if (closed) return;
    // A change of the board is bounded: a burst goes out in several.
    const n = EVENTS_LIMITS.maxDeltaItems;
    for (let i = 0; i < Math.max(fresh.events.length, fresh.alerts.length, newStats ? 1 : 0); i += n)
      send({ events: fresh.events.slice(i, i + n), alerts: fresh.alerts.slice(i, i + n), removed: [], ...(newStats && i === 0 ? { stats: newStats } : {}) });
  }

  async function recount() {
    stats = await opts.store.stats(now(), opts.catalog);
    lastStats = now();
    return stats;
  }

  /** Today's figures changed a moment ago: counted again (and sent) once STATS_EVERY_MS has passed. */
  function recountSoon() {
    if (statsTimer) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      chain = chain
        .then(async () => {
          const fresh = await recount();
          if (!closed) send({ events: [], alerts: [], removed: [], stats: fresh });
        })
        .catch((err) => opts.log(`events board: ${(err as Error).message}`));
    }, Math.max(0, lastStats + STATS_EVERY_MS - now()));
  }

  function queue(change: StoreChange) {
    pending.events.push(...change.events);
    pending.alerts.push(...change.alerts);
    if (batchTimer) return;
    batchTimer = setTimeout(() => {
      batchTimer = null;
      const batch = { events: [...new Set(pending.events)], alerts: [...new Set(pending.alerts)] };
      pending = { events: [], alerts: [] };
      chain = chain.then(() => publish(batch)).catch((err) => opts.log(`events board: ${(err as Error).message}`));
    }, BATCH_MS);
  }

  /** Lets go of what closed or cleared more than a day ago, and recounts today's figures. */
  function tidy() {
    chain = chain
      .then(async () => {
        const cutoff = now() - DAY_MS;
        const removed: string[] = [];
        for (const e of events.values()) if (!isOpen(e.status) && (e.closedAt ?? e.updatedAt) < cutoff) removed.push(e.id);
        for (const a of alerts.values()) if (a.status === 'cleared' && (a.clearedAt ?? a.updatedAt) < cutoff) removed.push(a.id);
        for (const id of removed) events.delete(id) || alerts.delete(id);
        await recount();
        if (closed) return;
        for (let i = 0; i < Math.max(1, removed.length); i += EVENTS_LIMITS.maxDeltaItems)
          send({ events: [], alerts: [], removed: removed.slice(i, i + EVENTS_LIMITS.maxDeltaItems), ...(i === 0 ? { stats } : {}) });
      })
      .catch((err) => opts.log(`events board: ${(err as Error).message}`));
  }

  const unsubscribe = opts.store.onChange(queue);
  const tidyTimer = setInterval(tidy, 60_000);

  return {
    /** GET /api/v1/topics/events.board */
    snapshot() {
      const data: Board = { events: [...events.values()], alerts: [...alerts.values()], removed: [], ...(stats ? { stats } : {}) };
      return { epoch: opts.epoch, seq, time, data };
    },
    openEvents(): CityEvent[] {
      return [...events.values()].filter((e) => isOpen(e.status));
    },
    /** Resolves when every change committed so far has been sent (tests, shutdown). */
    async settled() {
      while (batchTimer) await new Promise((r) => setTimeout(r, BATCH_MS));
      await chain;
    },
    stop() {
      closed = true;
      unsubscribe();
      clearInterval(tidyTimer);
      if (batchTimer) clearTimeout(batchTimer);
      if (statsTimer) clearTimeout(statsTimer);
    },
  };
}
export type EventsBoard = Awaited<ReturnType<typeof startBoard>>;
