// Events (npm run bench -- events; Node only, no build):
//  1. The wall's main-thread cost of one change of a board holding 10,000 open events: the
//     change's validation (BoardSchema) and its merge (mergeBoard), per change, over 2,000 changes.
//     The layer then updates the changed rows only (src/modules/events: changedRows + _dataDiff).
//  2. Alert latency: sources post readings to the hub at 1,000 readings/s (100 posts of 10 a
//     second, over 1,000 calm places); five times a second one reading crosses a rule's red
//     threshold at a new place (a storm's worth of alerts). Timed from
//     just before the POST leaves (an upper bound of its arrival at the hub) until the alert is in
//     a wall's topic store: a Node wall on the real HubClient (REST snapshot + live socket + feed).
//     The hub runs as `npm start` does, with PGlite (in memory) as its store.
//   EVENTS_BENCH_SECONDS (20) sets the second part's length.
import { loadavg } from 'node:os';
import { BoardSchema, EVENTS_BOARD_TOPIC, mergeBoard, type Alert, type Board, type CityEvent } from '../src/hub/contract.ts';
import { HubClient } from '../src/hub/hub-client.ts';
import { createCityStore } from '../src/store/city-store.ts';
import { createConnectionStore } from '../src/store/connection-store.ts';
import { createDiagnosticsStore } from '../src/store/diagnostics-store.ts';
import { createDistrictStore } from '../src/store/district-store.ts';
import { createTopicStore } from '../src/store/topic-store.ts';
import { testHub } from '../tests/servers.ts';
import { enrolDisplay } from '../mock-server/control-test-kit.ts';
import { quantile, round } from './stats.ts';

const SECONDS = Number(process.env.EVENTS_BENCH_SECONDS ?? 20);
/** One post in this many carries a reading that raises an alert. */
const HOT_EVERY = 20;
const T0 = Date.UTC(2026, 11, 7, 2, 0);

function event(i: number, version = 1): CityEvent {
  return {
    id: `EV-20261207-${String(i).padStart(5, '0')}`,
    category: 'city-management',
    level: (['blue', 'yellow', 'orange', 'red'] as const)[i % 4],
    status: 'dispatched',
    source: 'grid',
    title: `事件 ${i}`,
    description: '',
    district: '500103',
    position: [106.3 + (i % 100) * 0.005, 29.4 + Math.floor(i / 100) * 0.003],
    reportedAt: T0,
    acceptBy: T0 + 3_600_000,
    department: 'city-management-bureau',
    dispatchedAt: T0 + 60_000,
    deadline: T0 + 86_400_000,
    overdue: false,
    escalated: false,
    updatedAt: T0 + version,
    version,
  };
}

function boardChangeCost() {
  let board: Board = { events: Array.from({ length: 10_000 }, (_, i) => event(i)), alerts: [], removed: [] };
  const times: number[] = [];
  for (let k = 0; k < 2_000; k++) {
    const change = { events: [event((k * 7919) % 10_000, 2 + k)], alerts: [], removed: [] };
    const wire = JSON.parse(JSON.stringify(change)) as unknown; // as it arrives from the socket
    const t = performance.now();
    const parsed = BoardSchema.parse(wire);
    board = mergeBoard(board, parsed);
    times.push(performance.now() - t);
  }
  const warm = times.slice(200);
  return { openEvents: board.events.length, changes: warm.length, p50ms: round(quantile(warm, 0.5), 3), p99ms: round(quantile(warm, 0.99), 3) };
}

async function alertLatency() {
  const key = 'bench-ingest-key-0123456789';
  const hub = testHub(0, { HUB_EVENTS_RATE: '0', HUB_INGEST_KEY: key });
  await hub.start();
  const api = (path: string, init: RequestInit = {}) => fetch(`${hub.url}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const { token } = (await (await api('/auth/operator', { method: 'POST', body: JSON.stringify({ user: 'operator', password: 'onescreen' }) })).json()) as { token: string };
  const rule = { id: 'bench-waterlogging', version: 1, name: '积水（基准）', nameEn: 'Waterlogging (benchmark)', metric: 'waterlogging', scope: 'site', thresholds: { red: 50 }, minDurationS: 0, hysteresis: 1 };
  const put = await api(`/rules/${rule.id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(rule) });
  if (!put.ok) throw new Error(`PUT rule: ${put.status} ${await put.text()}`);

  const topics = createTopicStore();
  const { credential } = await enrolDisplay(hub.url, 'bench', 'd0');
  const client = new HubClient({
    hubUrl: hub.url,
    auth: { role: 'display', wall: 'bench', display: 'd0' },
    credential,
    connection: createConnectionStore(),
    diagnostics: createDiagnosticsStore(),
    districts: createDistrictStore(),
    topics,
    city: createCityStore(),
    // Scenes do not matter here (and the module registry needs a bundler for its CSS).
    checkScene: () => ({ ok: false, error: 'not checked in this benchmark' }),
    onScenes: () => {},
  });
  client.start();
  client.setTopics([EVENTS_BOARD_TOPIC]);
  const boardOf = () => topics.getState().values[EVENTS_BOARD_TOPIC]?.data as Board | undefined;
  while (!boardOf()) await new Promise((r) => setTimeout(r, 50));

  const sentAt = new Map<string, number>();
  const failures: string[] = [];
  const latencies: number[] = [];
  let seen = boardOf()!.alerts.length;
  const unsubscribe = topics.subscribe(() => {
    const alerts: Alert[] = boardOf()?.alerts ?? [];
    const now = performance.now();
    for (; seen < alerts.length; seen++) {
      const t = sentAt.get(alerts[seen].place.id);
      if (t !== undefined) latencies.push(now - t);
    }
  });

  const place = (id: string) => ({ kind: 'site', id, name: `低点 ${id}`, district: '500103', position: [106.55, 29.56] });
  const load = loadavg()[0];
  const posts = SECONDS * 100;
  const start = performance.now();
  for (let p = 0; p < posts; p++) {
    const due = start + p * 10;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const hot = p % HOT_EVERY === 0;
    const readings = Array.from({ length: 10 }, (_, i) => ({
      metric: 'waterlogging',
      place: place(hot && i === 0 ? `hot-${p}` : `calm-${(p * 10 + i) % 1000}`),
      value: hot && i === 0 ? 60 : 5 + (p % 7),
      time: Date.now(),
    }));
    if (hot) sentAt.set(`hot-${p}`, performance.now());
    api('/readings', { method: 'POST', headers: { 'x-ingest-key': key }, body: JSON.stringify({ readings }) })
      .then((r) => void (r.ok || failures.push(`${r.status}`)))
      .catch((err: Error) => failures.push(String((err.cause as Error | undefined)?.message ?? err.message)));
  }
  const deadline = performance.now() + 10_000;
  const expected = Math.ceil(posts / HOT_EVERY);
  while (latencies.length < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  unsubscribe();
  client.stop();
  await hub.stop();
  return {
    readingsPerSecond: 1000,
    alertsExpected: expected,
    alertsSeen: latencies.length,
    failedPosts: failures.length,
    ...(failures.length ? { firstFailure: failures[0] } : {}),
    p50ms: round(quantile(latencies, 0.5), 1),
    p90ms: round(quantile(latencies, 0.9), 1),
    p99ms: round(quantile(latencies, 0.99), 1),
    maxms: round(Math.max(...latencies), 1),
    loadAverage: round(load, 1),
  };
}

export async function run() {
  return { boardChange: boardChangeCost(), alertLatency: await alertLatency() };
}
