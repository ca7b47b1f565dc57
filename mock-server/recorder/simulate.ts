/**
 * A recording without a running hub (`npm run record`, the recorder benchmark): the hub's
 * simulators stepped on a virtual clock over a span, recorded as the live recorder would
 * (same envelopes, same reduced rates, same MCAP channels), into one file, as fast as the CPU goes.
 *
 * The simulators are deterministic functions of the seed and the times they are stepped at (none
 * reads the clock or Math.random: they take `time` from the caller), so stepping each module at its
 * tickMs from the span's start, as the topic engine's timers do, gives the values a hub started at
 * that moment would have published. What a virtual clock cannot reproduce: timer jitter, the
 * conflator's few-millisecond delays (it passes everything at these rates), and an epoch drawn at
 * random (here it is derived from the seed and the start).
 */
import { CONTRACT_VERSION, TOPICS, type DistrictsResponse } from '../../src/hub/contract.ts';
import { loadDistricts } from '../geo.ts';
import { SIM_MODULES } from '../sim/index.ts';
import { overviewSimModule } from '../sim/overview-sim.ts';
import type { SimModule } from '../sim/sim-module.ts';
import { encodeEnvelope, isBinaryTopic, type Envelope } from './codec.ts';
import { nanoClock } from './recorder.ts';
import { createRateLimit, recordInterval } from './rate-limit.ts';
import { SegmentWriter } from './segment-writer.ts';
import { recordRates } from './settings.ts';

/** The record script writes bigger chunks than the live recorder: nothing is lost to a crash there. */
const FILE_CHUNK_BYTES = 1024 * 1024;

export interface SimulatedRecording {
  out: string;
  startTime: number;
  endTime: number;
  seed: number;
  /** Simulator sizes (HUB_TRAFFIC_VEHICLES, …) and the reduced rates (HUB_RECORD_MAX_HZ, HUB_RECORD_BINARY_MAX_HZ). */
  env?: Record<string, string | undefined>;
  /** The overview's interval (the hub's HUB_TICK_MS). */
  tickMs?: number;
  modules?: SimModule[];
  districts?: DistrictsResponse;
  /** Chunk size (tests: small, for many chunks). */
  chunkSize?: number;
  /** Called now and then with the virtual time reached. */
  progress?: (time: number) => void;
}

export interface SimulatedResult {
  path: string;
  epoch: string;
  from: number;
  to: number;
  /** Messages written per topic. */
  messages: Map<string, number>;
  /** Values the reduced rate passed over. */
  superseded: number;
}

export async function recordSimulated(opts: SimulatedRecording): Promise<SimulatedResult> {
  const env = opts.env ?? {};
  const rates = recordRates(env);
  const districts = opts.districts ?? loadDistricts();
  const ctx = { seed: opts.seed, districts, districtProps: districts.features.map((f) => f.properties), startTime: opts.startTime, env };
  const modules = opts.modules ?? [overviewSimModule(opts.tickMs ?? 1000), ...SIM_MODULES];
  const sims = modules.map((module) => ({ module, sim: module.create(ctx), next: opts.startTime }));
  const epoch = `rec-${opts.seed.toString(36)}-${opts.startTime.toString(36)}`;
  const seqs = new Map<string, number>();
  const counts = new Map<string, number>();
  const limit = createRateLimit<Envelope>((topic) => recordInterval(topic, rates));
  const stamp = nanoClock();
  const writer = await SegmentWriter.create(opts.out, {
    startedAt: opts.startTime,
    chunkSize: opts.chunkSize ?? FILE_CHUNK_BYTES,
    metadata: { source: 'npm run record (simulated)', seed: String(opts.seed), epoch },
  });

  const write = async (topic: string, envelope: Envelope, publishedAt: number, now: number) => {
    const bytes = encodeEnvelope(envelope, isBinaryTopic(TOPICS.get(topic)));
    await writer.add(topic, 'live', bytes, envelope.seq, stamp(now), BigInt(publishedAt) * 1_000_000n);
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
  };

  let lastProgress = opts.startTime;
  try {
    for (;;) {
      // The module due first (ties in module order, as the hub's timers were started).
      let due = sims[0];
      for (const s of sims) if (s.next < due.next) due = s;
      const now = due.next;
      if (now > opts.endTime) break;
      for (const o of limit.due(now)) await write(o.topic, o.value, o.publishedAt, now);
      for (const [topic, data] of due.sim.step(now)) {
        if (!TOPICS.has(topic)) continue;
        const seq = (seqs.get(topic) ?? 0) + 1;
        seqs.set(topic, seq);
        const taken = limit.offer(topic, { v: CONTRACT_VERSION, topic, epoch, seq, time: now, data }, now);
        if (taken) await write(topic, taken.value, taken.publishedAt, now);
      }
      due.next += due.module.tickMs;
      if (opts.progress && now - lastProgress >= 3_600_000) {
        lastProgress = now;
        opts.progress(now);
      }
    }
    for (const o of limit.due(opts.endTime, true)) await write(o.topic, o.value, o.publishedAt, opts.endTime);
    await writer.close();
  } catch (err) {
    await writer.abandon();
    throw err;
  }
  return { path: opts.out, epoch, from: opts.startTime, to: opts.endTime, messages: counts, superseded: limit.superseded };
}
