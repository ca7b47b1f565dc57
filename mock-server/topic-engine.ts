import type { Namespace } from 'socket.io';
import { CONTRACT_VERSION, TOPICS } from '../src/hub/contract.ts';
import { SIM_MODULES } from './sim/index.ts';
import type { SimContext, SimInstance, SimModule } from './sim/sim-module.ts';
import { createConflator } from './conflate.ts';

/** inject(): send this string instead of an envelope. */
export const FAULT_NOT_AN_ENVELOPE = Symbol('not an envelope');

/** How many of its regular intervals a topic stays quiet after an injected fault. */
const FAULT_QUIET_TICKS = 5;

export const topicRoom = (topic: string) => `topic:${topic}`;

export interface TopicEngineOptions {
  /**
   * Told of each envelope as it leaves for the walls (after conflation: what they got), e.g. the
   * recorder (mock-server/recorder/). Called synchronously: it must not throw or wait.
   */
  onPublish?: (topic: string, envelope: unknown) => void;
}

/**
 * Steps every module simulator on its own timer and pushes each changed topic, as an envelope
 * with a per-topic sequence number, to the displays subscribed to it (a socket.io room per topic).
 */
export function startTopicEngine(
  live: Namespace,
  ctx: SimContext,
  log: (msg: string) => void,
  modules: readonly SimModule[] = SIM_MODULES,
  options: TopicEngineOptions = {},
) {
  // This run of the hub: sequences start at 1 with each run, and the epoch says so to the walls.
  const epoch = `${ctx.startTime.toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
  const seqs = new Map<string, number>();
  const times = new Map<string, number>();
  const owners = new Map<string, SimInstance>();
  /** Each topic's regular interval, and until when it is kept quiet after an injected fault. */
  const ticks = new Map<string, number>();
  const heldUntil = new Map<string, number>();
  const timers: ReturnType<typeof setInterval>[] = [];
  // Benchmarks only (the soak runs at 10× the normal rate): HUB_RATE_SCALE=10 steps every simulator
  // ten times as often. Simulators step by wall-clock time, so the data stays plausible, only denser.
  const rateScale = settingInRange('HUB_RATE_SCALE', ctx.env.HUB_RATE_SCALE, 1, 100, 1);
  // Each topic leaves at most HUB_TOPIC_MAX_HZ times a second (default 30: twice a 15 fps wall,
  // half a 60 fps one), only its newest value (see conflate.ts).
  const maxHz = settingInRange('HUB_TOPIC_MAX_HZ', ctx.env.HUB_TOPIC_MAX_HZ, 1, 240, 30);
  // Each hub process publishes to its own displays only (`local`): with Redis scale-out every
  // process runs the same deterministic simulators, and a display must hear one epoch's sequence.
  // Binary topics (the fleet) go out volatile: not kept for connection-state recovery (at 1 Hz a
  // 100k-vehicle fleet would hold 100+ MB for the two-minute window, and only the newest matters)
  // and dropped for a display whose socket is not writable, rather than queued behind it.
  const out = createConflator<unknown>(maxHz, (topic, envelope) => {
    const room = live.local.to(topicRoom(topic));
    (TOPICS.get(topic)?.codec === 'json' ? room : room.volatile).emit(topic, envelope);
    options.onPublish?.(topic, envelope);
  });

  for (const module of modules) {
    const sim = module.create(ctx);
    const publish = (time: number) => {
      for (const [topic, data] of sim.step(time)) {
        if (!TOPICS.has(topic)) {
          log(`simulator ${module.id} produced unknown topic ${topic}`);
          continue;
        }
        owners.set(topic, sim);
        ticks.set(topic, module.tickMs / rateScale);
        if ((heldUntil.get(topic) ?? 0) > time) continue;
        const seq = (seqs.get(topic) ?? 0) + 1;
        seqs.set(topic, seq);
        times.set(topic, time);
        out.publish(topic, { v: CONTRACT_VERSION, topic, epoch, seq, time, data });
      }
    };
    publish(ctx.startTime);
    timers.push(setInterval(() => publish(Date.now()), module.tickMs / rateScale));
  }

  const bench = startBenchRate(ctx.env, owners, (topic, data) => {
    const seq = (seqs.get(topic) ?? 0) + 1;
    const time = Date.now();
    seqs.set(topic, seq);
    times.set(topic, time);
    out.publish(topic, { v: CONTRACT_VERSION, topic, epoch, seq, time, data });
  });
  if (bench) {
    timers.push(bench.timer);
    log(`BENCHMARK MODE: re-publishing ${bench.topic} at ${bench.rate} messages/s (HUB_BENCH_RATE)`);
  }

  return {
    epoch,
    /** Latest value of a topic with its run, sequence number, time (and history if it keeps one), or undefined. */
    snapshot(topic: string) {
      const sim = owners.get(topic);
      const data = sim?.latest(topic);
      if (data === undefined) return undefined;
      const history = sim?.history?.(topic);
      return { epoch, seq: seqs.get(topic) ?? 0, time: times.get(topic) ?? Date.now(), data, ...(history ? { history } : {}) };
    },
    /**
     * Faults only: sends a raw payload as the next event of a topic to the displays subscribed to it.
     */
    inject(topic: string, data: unknown) {
      // The next sequence number, and a regular event still waiting in the conflator never goes.
      const seq = (seqs.get(topic) ?? 0) + 1;
      seqs.set(topic, seq);
      out.drop(topic);
      const envelope = { v: CONTRACT_VERSION, topic, epoch, seq, time: Date.now(), data };
      live.local.to(topicRoom(topic)).emit(topic, data === FAULT_NOT_AN_ENVELOPE ? `${topic} unavailable` : envelope);
      // Then the topic goes quiet for a while, as a hub that sent garbage often does. A wall reads
      // only the newest event of a topic per apply: a busy one (a slow frame) would otherwise shed
      // the fault unread behind the next good event, which is right but makes the fault untestable.
      heldUntil.set(topic, Date.now() + FAULT_QUIET_TICKS * (ticks.get(topic) ?? 1000));
    },
    /**
     * Faults only: `count` valid events of a topic at once, each with the next sequence number,
     * past the conflator, as a hub that does not conflate would flood a wall.
     */
    flood(topic: string, count: number) {
      const data = owners.get(topic)?.latest(topic);
      if (data === undefined) return;
      const room = live.local.to(topicRoom(topic));
      for (let i = 0; i < count; i++) {
        const seq = (seqs.get(topic) ?? 0) + 1;
        seqs.set(topic, seq);
        room.emit(topic, { v: CONTRACT_VERSION, topic, epoch, seq, time: Date.now(), data });
      }
    },
    stop() {
      for (const t of timers) clearInterval(t);
      out.stop();
    },
  };
}

/** A numeric setting: its default when unset; out of range or not a number is refused at start rather than guessed at. */
export function settingInRange(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, not "${value}"`);
  return n;
}

/**
 * Benchmarks only (bench/latency.ts): HUB_BENCH_RATE=<messages/s> re-publishes the latest value of
 * HUB_BENCH_TOPIC (default environment.summary, under 1 KB) that often, each with a new sequence
 * number and the hub time of its emit, through the same rooms and envelopes as the simulators, so the
 * wall validates and applies every one of them. Off unless set.
 */
function startBenchRate(
  env: Record<string, string | undefined>,
  owners: Map<string, SimInstance>,
  emit: (topic: string, data: unknown) => void,
) {
  if (!env.HUB_BENCH_RATE) return null;
  const rate = Number(env.HUB_BENCH_RATE);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 50_000) throw new Error(`HUB_BENCH_RATE must be 1 to 50000 messages/s, not "${env.HUB_BENCH_RATE}"`);
  const topic = env.HUB_BENCH_TOPIC ?? 'environment.summary';
  if (!TOPICS.has(topic)) throw new Error(`HUB_BENCH_TOPIC: unknown topic "${topic}"`);
  const started = performance.now();
  let sent = 0;
  // Timers fire at best every millisecond or so: every 5 ms, send what the rate owes since the start.
  const timer = setInterval(() => {
    const data = owners.get(topic)?.latest(topic);
    if (data === undefined) return;
    const owed = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
    for (let i = 0; i < Math.min(owed, rate); i++) emit(topic, data);
    sent += owed;
  }, 5);
  return { timer, topic, rate };
}
