// Ingest, end to end (BENCH_INGEST_MODE=e2e or all): hub emit → socket → decode worker → deck.gl
// binary attributes, through the real socket.io connection and, in the same run and through the
// same worker and attribute step, a bare binary WebSocket carrying the same frame bytes.
//
// Three threads, as in production: the hub (bench/ingest-e2e-server.ts: a socket.io 4.8 server
// configured as the hub's, and a `ws` server), the wall's main thread (this file: socket.io-client
// with transports ['websocket'] as src/hub/hub-client.ts connects, the wall's DecodeBridge, and
// vehicleData building the attributes object) and the decode worker (bench/ingest-worker.ts: the
// wall's decodeVehicleFrame, buffers moved by transfer both ways).
//
// Rate: a credit window. The wall returns one credit to the hub (a tiny message on the same
// socket) each time a frame's attributes are built, and the hub sends one frame a credit, with
// WINDOW (2) credits at the start. This is "as fast as the receiver keeps up": the hub never
// sends into a queue, so what is measured is the sustained rate of the whole path, not how much
// the socket buffers can hold; a fixed offered rate would need a separate search for the highest
// rate that does not fall behind, per size and per transport. Two frames in flight let the hub
// send frame k+1 while the worker decodes frame k, and match the DecodeBridge's depth (one
// decoding, one waiting), so no frame is ever dropped (`dropped` is reported to show it).
//
// Each size runs rounds of one leg a transport (order alternating, ABBA), each leg a short warm-up
// and then a few seconds of measurement (4 rounds of 1.5 s; 3 of 3 s at 1M, where a frame takes a
// tenth of a second or more). Rate: the median leg; ratio: the median of the rounds' ratios (the
// two legs of a round are next to each other in time, so a neighbour's load on a shared machine
// hits both alike more often than not). Alongside, for where the time goes: CPU ms a frame for
// each thread (from /proc, so a neighbour's load does not inflate it) and for the rest of the
// process (V8's helper threads: mostly garbage collection), the event-loop utilisation of each
// thread, the worker's decode, the post to the worker, and the round trip emit → attributes built
// → credit back at the hub.
//
// Knobs: BENCH_INGEST_E2E_SIZES (10000,100000,1000000), BENCH_INGEST_E2E_SECONDS and
// BENCH_INGEST_E2E_ROUNDS (override the per-size plan), BENCH_INGEST_WINDOW (2),
// BENCH_INGEST_E2E_ONLY=socketio|bare (one transport, for profiling), BENCH_INGEST_E2E_DIAGNOSE=1
// (socket.io variants beside the hub's configuration, see bench/ingest-e2e-server.ts).
import { once } from 'node:events';
import { performance as perf } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { io as ioClient, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { Encoder } from 'socket.io-parser';
import { CONTRACT_VERSION, LIVE_NAMESPACE } from '../src/hub/contract.ts';
import { DecodeBridge } from '../src/hub/decode/decode-bridge.ts';
import type { DecodeAnswer, DecodeJob, FrameDecoder } from '../src/hub/decode/codecs.ts';
import { columnBuffers } from '../src/hub/decode/decoders.ts';
import { VEHICLES_TOPIC, type DecodedVehicles } from '../src/hub/decode/vehicle-frame.ts';
import { vehicleData } from '../src/modules/traffic/layers/vehicles.ts';
import { SPEED_LUT } from '../src/modules/traffic/scales.ts';
import { BARE_HEADER_BYTES, EPOCH, median, ownThreadId, p95, round, threadCpuMs, tsWorker } from './ingest-common.ts';

type TransportName = 'socketio' | 'bare' | 'socketio-norecovery' | 'socketio-packed';
type SioName = Exclude<TransportName, 'bare'>;
/**
 * BENCH_INGEST_E2E_DIAGNOSE=1 adds two socket.io variants to every round, to weigh where
 * socket.io's cost is (see bench/ingest-e2e-server.ts): without connection-state recovery, and
 * with the two columns packed into one attachment.
 */
const DIAGNOSE = process.env.BENCH_INGEST_E2E_DIAGNOSE === '1';
const TRANSPORTS: TransportName[] = DIAGNOSE ? ['socketio', 'bare', 'socketio-norecovery', 'socketio-packed'] : ['socketio', 'bare'];

const SIZES = (process.env.BENCH_INGEST_E2E_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const SECONDS = process.env.BENCH_INGEST_E2E_SECONDS ? Number(process.env.BENCH_INGEST_E2E_SECONDS) : undefined;
const ROUNDS = process.env.BENCH_INGEST_E2E_ROUNDS ? Number(process.env.BENCH_INGEST_E2E_ROUNDS) : undefined;
/** Measured seconds a leg and rounds a size: fewer, longer legs for the big frames. */
const plan = (vehicles: number) => (vehicles >= 1_000_000 ? { seconds: SECONDS ?? 3, rounds: ROUNDS ?? 3 } : { seconds: SECONDS ?? 1.5, rounds: ROUNDS ?? 4 });
/** Profiling one transport alone: BENCH_INGEST_E2E_ONLY=socketio|bare (no ratio then). */
const ONLY = process.env.BENCH_INGEST_E2E_ONLY as TransportName | undefined;
const WINDOW = Number(process.env.BENCH_INGEST_WINDOW ?? 2);
const WARMUP_FRAMES = 3;
const WARMUP_MS = 300;

/** A frame as the wall's hub client hands it to the bridge: codec and options from the topic. */
const job = (payload: unknown): DecodeJob => ({ codec: 'vehicle-frame', options: { colourLut: SPEED_LUT }, payload });

/** The wall's FrameDecoder contract over a Node worker thread (the browser's is a Web Worker). */
function nodeWorkerDecoder(worker: Worker, transfer: (payload: unknown) => ArrayBuffer[], decodeMs: number[], postMs: number[]): FrameDecoder {
  const callbacks = new Map<number, (r: DecodeAnswer) => void>();
  let nextId = 1;
  worker.on('message', (msg: { id: number; result: DecodeAnswer; decodeMs: number }) => {
    const done = callbacks.get(msg.id);
    callbacks.delete(msg.id);
    decodeMs.push(msg.decodeMs);
    done?.(msg.result);
  });
  return {
    decode(job, done) {
      const id = nextId++;
      callbacks.set(id, done);
      const t0 = performance.now();
      worker.postMessage({ id, ...job }, transfer(job.payload));
      postMs.push(performance.now() - t0);
    },
  };
}

/** One transport's client end: frames in, credits out. */
interface WallEnd {
  credit(seq: number): void;
  close(): void;
}

/** What one leg records while it runs; the transport's receive handler feeds it. */
class Leg {
  phase: 'idle' | 'warmup' | 'measure' | 'drain' = 'idle';
  frames = 0;
  /** Vehicles a frame of this leg carries. */
  vehicles = 0;
  dropped = 0;
  outstanding = 0;
  error: string | null = null;
  startedAt = 0;
  seconds = 1;
  measureFrom = 0;
  measureTo = 0;
  mainMs: number[] = [];
  /** Frames whose attributes were built while measuring (their round trips count). */
  seqs = new Set<number>();
  onDone: (() => void) | null = null;
}

export async function runE2e() {
  const server = tsWorker(new URL('./ingest-e2e-server.ts', import.meta.url));
  const [{ ioPort, wsPort, plainPort, tid: hubTid }] = (await once(server, 'message')) as [{ ioPort: number; wsPort: number; plainPort: number; tid: number }];
  const ask = async <T>(msg: object, answer: string): Promise<T> => {
    server.postMessage(msg);
    for (;;) {
      const [m] = (await once(server, 'message')) as [{ type: string }];
      if (m.type === answer) return m as T;
    }
  };
  const maxVehicles = Math.max(...SIZES);
  const workerTid = new Int32Array(new SharedArrayBuffer(4));
  const decodeWorker = tsWorker(new URL('./ingest-worker.ts', import.meta.url), { maxVehicles, tid: workerTid });
  const mainTid = ownThreadId();
  let leg = new Leg();
  const decodeMs: number[] = [];
  const postMs: number[] = [];

  // The end of the wall's path, the same for both transports: attributes built, one credit back.
  const bridges = new Map<TransportName, DecodeBridge>();
  const ends = new Map<TransportName, WallEnd>();
  const makeBridge = (name: TransportName, transfer: (payload: unknown) => ArrayBuffer[]) => {
    const bridge = new DecodeBridge(
      nodeWorkerDecoder(decodeWorker, transfer, decodeMs, postMs),
      (result) => {
        const t0 = performance.now();
        if (!result.ok) {
          leg.error = result.error;
          return leg.onDone?.();
        }
        const data = vehicleData(result.event.data as DecodedVehicles);
        leg.mainMs.push(performance.now() - t0);
        settle(name, result.event.seq, data.length, false);
      },
      () => settle(name, -1, 0, true),
    );
    bridges.set(name, bridge);
    return bridge;
  };
  function settle(name: TransportName, seq: number, vehicles: number, dropped: boolean) {
    leg.outstanding -= 1;
    if (!dropped && vehicles !== leg.vehicles) {
      leg.error = `attributes for ${vehicles} vehicles, sent ${leg.vehicles}`;
      return leg.onDone?.();
    }
    const t = performance.now();
    if (leg.phase === 'warmup') {
      leg.frames += 1;
      if (leg.frames >= WARMUP_FRAMES && t - leg.startedAt >= WARMUP_MS) {
        leg.phase = 'measure';
        leg.frames = leg.dropped = 0;
        leg.seqs.clear();
        leg.mainMs.length = decodeMs.length = postMs.length = 0;
        leg.measureFrom = t;
        marks.start();
      }
    } else if (leg.phase === 'measure') {
      if (dropped) leg.dropped += 1;
      else leg.frames += 1;
      leg.seqs.add(seq);
      if (t - leg.measureFrom >= leg.seconds * 1000) {
        leg.measureTo = t;
        marks.stop();
        leg.phase = 'drain';
      }
    }
    if (leg.phase === 'drain') {
      if (leg.outstanding === 0) leg.onDone?.();
      return;
    }
    leg.outstanding += 1;
    ends.get(name)!.credit(seq);
  }

  // CPU time and event-loop utilisation of the three threads over the measured part of a leg.
  const cpuNow = () => {
    const p = process.cpuUsage();
    return { process: (p.user + p.system) / 1000, hub: threadCpuMs(hubTid), main: threadCpuMs(mainTid), worker: threadCpuMs(Atomics.load(workerTid, 0)) };
  };
  const eluNow = () => ({ hub: server.performance.eventLoopUtilization(), main: perf.eventLoopUtilization(), worker: decodeWorker.performance.eventLoopUtilization() });
  const marks = {
    cpu: cpuNow(),
    elu: eluNow(),
    result: { cpuMs: { process: 0, hub: 0, main: 0, worker: 0 }, elu: { hub: 0, main: 0, worker: 0 } },
    start() {
      this.cpu = cpuNow();
      this.elu = eluNow();
    },
    stop() {
      const cpu = cpuNow();
      this.result = {
        cpuMs: { process: cpu.process - this.cpu.process, hub: cpu.hub - this.cpu.hub, main: cpu.main - this.cpu.main, worker: cpu.worker - this.cpu.worker },
        elu: {
          hub: server.performance.eventLoopUtilization(this.elu.hub).utilization,
          main: perf.eventLoopUtilization(this.elu.main).utilization,
          worker: decodeWorker.performance.eventLoopUtilization(this.elu.worker).utilization,
        },
      };
    },
  };

  // socket.io, as the wall connects (src/hub/hub-client.ts), less auth and reconnection settings.
  async function connectSocketIo(name: SioName) {
    const port = name === 'socketio-norecovery' ? plainPort : ioPort;
    const sio: Socket = ioClient(`http://127.0.0.1:${port}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { variant: name } });
    // In a browser, socket.io-client hands binary attachments over as ArrayBuffers (its browser
    // build's binaryType); its Node build defaults to Node Buffers, which are not transferable to a
    // worker as such. Give the Node client the browser's binary type so the columns reach the
    // worker by transfer, as they do on a wall (the engine has already created its WebSocket).
    const engine = sio.io.engine as unknown as { binaryType: string; transport: { ws?: { binaryType: string } } };
    engine.binaryType = 'arraybuffer';
    if (engine.transport.ws) engine.transport.ws.binaryType = 'arraybuffer';
    const bridge = makeBridge(name, (payload) => {
      const { positions } = (payload as { data: { positions: ArrayBuffer | Uint8Array } }).data;
      return positions instanceof ArrayBuffer ? columnBuffers(payload) : [positions.buffer as ArrayBuffer];
    });
    sio.on(VEHICLES_TOPIC, (payload: unknown) => {
      const p = payload as { data: { count: number; positions?: unknown; speeds?: unknown; columns?: ArrayBuffer } };
      if (p.data.columns) {
        // The packed variant: one attachment, split into the two columns as views (no copy).
        const { count, columns } = p.data;
        p.data = { count, positions: new Uint8Array(columns, 0, count * 8), speeds: new Uint8Array(columns, count * 8, count) };
      } else if (columnBuffers(payload).length !== 2) throw new Error('socket.io did not hand the columns over as ArrayBuffers');
      bridge.submit(job(payload));
    });
    ends.set(name, { credit: (seq) => void sio.emit('credit', seq), close: () => sio.close() });
    if (!sio.connected) await new Promise<void>((resolve) => sio.once('connect', () => resolve()));
  }
  for (const name of TRANSPORTS) if (name !== 'bare') await connectSocketIo(name);

  const bare = new WebSocket(`ws://127.0.0.1:${wsPort}`, { perMessageDeflate: false });
  bare.binaryType = 'arraybuffer'; // a browser's WebSocket, binaryType 'arraybuffer'
  const bareBridge = makeBridge('bare', (payload) => [((payload as { data: { positions: Uint8Array } }).data.positions.buffer as ArrayBuffer)]);
  bare.on('message', (raw) => {
    const buf = raw as ArrayBuffer;
    // The same envelope the decode expects, the columns as views of the one received buffer.
    const head = new DataView(buf, 0, BARE_HEADER_BYTES);
    const count = head.getUint32(0, true);
    bareBridge.submit(job({
      v: CONTRACT_VERSION,
      topic: VEHICLES_TOPIC,
      epoch: EPOCH,
      seq: head.getUint32(4, true),
      time: head.getFloat64(8, true),
      data: { count, positions: new Uint8Array(buf, BARE_HEADER_BYTES, count * 8), speeds: new Uint8Array(buf, BARE_HEADER_BYTES + count * 8, count) },
    }));
  });
  ends.set('bare', { credit: (seq) => bare.send(String(seq)), close: () => bare.close() });
  await once(bare, 'open');

  async function runLeg(name: TransportName, vehicles: number, seconds: number) {
    leg = new Leg();
    leg.vehicles = vehicles;
    leg.seconds = seconds;
    leg.phase = 'warmup';
    leg.startedAt = performance.now();
    const done = new Promise<void>((resolve) => (leg.onDone = resolve));
    for (let i = 0; i < WINDOW; i++) {
      leg.outstanding += 1;
      ends.get(name)!.credit(-1);
    }
    // A leg that stops moving (a lost frame, a stuck socket) fails the run instead of hanging it.
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<void>((resolve) => (watchdog = setTimeout(() => ((leg.error ??= 'stalled: no frame for 60 s'), resolve()), (seconds + 60) * 1000)));
    await Promise.race([done, stalled]);
    clearTimeout(watchdog);
    if (leg.error) throw new Error(`${name}, ${vehicles} vehicles: ${leg.error}`);
    const stats = await ask<{ roundTrips: Array<[number, number]>; recovery: { packets: number; frameBytes: number } }>({ type: 'stats' }, 'stats');
    recovery = stats.recovery;
    const roundTrips = stats.roundTrips.filter(([seq]) => leg.seqs.has(seq)).map(([, ms]) => ms);
    const measured = (leg.measureTo - leg.measureFrom) / 1000;
    return {
      framesPerSecond: leg.frames / measured,
      frames: leg.frames,
      dropped: leg.dropped,
      cpuMs: marks.result.cpuMs,
      elu: marks.result.elu,
      roundTrips,
      decodeMs: [...decodeMs],
      postMs: [...postMs],
      mainMs: [...leg.mainMs],
    };
  }

  let recovery = { packets: 0, frameBytes: 0 };
  const encoder = new Encoder();
  const results = [];
  for (const vehicles of SIZES) {
    await ask({ type: 'prepare', vehicles }, 'prepared');
    const legs = Object.fromEntries(TRANSPORTS.map((t) => [t, [] as Awaited<ReturnType<typeof runLeg>>[]])) as Record<TransportName, Awaited<ReturnType<typeof runLeg>>[]>;
    const { seconds, rounds } = plan(vehicles);
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? TRANSPORTS : [...TRANSPORTS].reverse();
      for (const name of order.filter((t) => !ONLY || t === ONLY)) legs[name].push(await runLeg(name, vehicles, seconds));
    }
    const summary = (name: TransportName) => {
      const ls = legs[name];
      const fps = ls.map((l) => l.framesPerSecond);
      const all = <K extends 'roundTrips' | 'decodeMs' | 'postMs' | 'mainMs'>(k: K) => ls.flatMap((l) => l[k]);
      return {
        framesPerSecond: round(median(fps), 1),
        vehiclesPerSecond: Math.round(median(fps) * vehicles),
        legsFramesPerSecond: fps.map((x) => round(x, 1)),
        framesMeasured: ls.reduce((a, l) => a + l.frames, 0),
        dropped: ls.reduce((a, l) => a + l.dropped, 0),
        // Summed over the legs, then per frame: the threads' shares are 10 ms ticks.
        cpuMsPerFrame: (() => {
          const frames = ls.reduce((a, l) => a + l.frames, 0);
          const sum = (k: 'process' | 'hub' | 'main' | 'worker') => ls.reduce((a, l) => a + l.cpuMs[k], 0) / frames;
          const [all, hub, main, worker] = [sum('process'), sum('hub'), sum('main'), sum('worker')];
          return { process: round(all), hub: round(hub), wallMain: round(main), decodeWorker: round(worker), other: round(all - hub - main - worker) };
        })(),
        eventLoopUtilisation: {
          hub: round(median(ls.map((l) => l.elu.hub)), 2),
          wallMain: round(median(ls.map((l) => l.elu.main)), 2),
          decodeWorker: round(median(ls.map((l) => l.elu.worker)), 2),
        },
        roundTripMs: { median: round(median(all('roundTrips'))), p95: round(p95(all('roundTrips'))) },
        workerDecodeMs: { median: round(median(all('decodeMs'))), p95: round(p95(all('decodeMs'))) },
        postToWorkerMs: { median: round(median(all('postMs')), 4), p95: round(p95(all('postMs')), 4) },
        attributesMs: { median: round(median(all('mainMs')), 4) },
      };
    };
    if (ONLY) {
      results.push({ vehicles, only: ONLY, [ONLY]: summary(ONLY) });
      console.error(`ingest e2e ${vehicles.toLocaleString('en')}, ${ONLY} only: ${JSON.stringify(summary(ONLY))}`);
      continue;
    }
    const ratiosOf = (name: SioName) => legs[name].map((l, r) => l.framesPerSecond / legs.bare[r].framesPerSecond);
    const roundRatios = ratiosOf('socketio');
    const socketio = summary('socketio');
    const bareSummary = summary('bare');
    // Bytes a frame on the wire, WebSocket framing aside: socket.io's JSON header packet (with
    // engine.io's one-character type and the recovery offset the hub's adapter appends) and its
    // two attachments; bare's one message.
    const sample = { v: CONTRACT_VERSION, topic: VEHICLES_TOPIC, epoch: EPOCH, seq: 1, time: Date.now(), data: { count: vehicles, positions: new Uint8Array(vehicles * 8), speeds: new Uint8Array(vehicles) } };
    const parts = encoder.encode({ type: 2, nsp: LIVE_NAMESPACE, data: [VEHICLES_TOPIC, sample, 'MXW3yZ4xQ7u'] }) as Array<string | Uint8Array>;
    const sioBytes = parts.reduce((s, p) => s + (typeof p === 'string' ? Buffer.byteLength(p) + 1 : p.byteLength), 0);
    const row = {
      vehicles,
      socketio: { ...socketio, wireBytesPerFrame: sioBytes, messagesPerFrame: parts.length, keptForRecoveryAtEnd: { ...recovery } },
      bare: { ...bareSummary, wireBytesPerFrame: BARE_HEADER_BYTES + vehicles * 9, messagesPerFrame: 1 },
      // Median of the rounds' ratios, and each round's.
      socketioOverBare: round(median(roundRatios), 2),
      socketioOverBareByRound: roundRatios.map((x) => round(x, 2)),
      socketioOverBareCpuPerFrame: round(socketio.cpuMsPerFrame.process / bareSummary.cpuMsPerFrame.process, 2),
      ...(DIAGNOSE
        ? {
            diagnostics: Object.fromEntries(
              (['socketio-norecovery', 'socketio-packed'] as const).map((name) => {
                const v = summary(name);
                return [name, { ...v, overBare: round(median(ratiosOf(name)), 2), overBareByRound: ratiosOf(name).map((x) => round(x, 2)), overBareCpuPerFrame: round(v.cpuMsPerFrame.process / bareSummary.cpuMsPerFrame.process, 2) }];
              }),
            ),
          }
        : {}),
    };
    console.error(
      `ingest e2e ${vehicles.toLocaleString('en')}: socket.io ${socketio.framesPerSecond} frames/s (${(socketio.vehiclesPerSecond / 1e6).toFixed(1)} M vehicles/s, legs ${socketio.legsFramesPerSecond.join('/')}), ` +
        `bare ${bareSummary.framesPerSecond} frames/s (${(bareSummary.vehiclesPerSecond / 1e6).toFixed(1)} M/s, legs ${bareSummary.legsFramesPerSecond.join('/')}): ` +
        `×${row.socketioOverBare} (rounds ${row.socketioOverBareByRound.join('/')}); CPU ms/frame ${socketio.cpuMsPerFrame.process} vs ${bareSummary.cpuMsPerFrame.process}`,
    );
    for (const [name, v] of Object.entries(row.diagnostics ?? {}))
      console.error(`  ${name}: ${v.framesPerSecond} frames/s, ×${v.overBare} of bare (rounds ${v.overBareByRound.join('/')}); CPU ms/frame ${v.cpuMsPerFrame.process}`);
    results.push(row);
  }

  for (const end of ends.values()) end.close();
  for (const bridge of bridges.values()) bridge.dispose();
  server.postMessage({ type: 'close' });
  await Promise.race([once(server, 'exit'), new Promise((r) => setTimeout(r, 2000))]);
  await server.terminate();
  await decodeWorker.terminate();
  return {
    window: WINDOW,
    legs: Object.fromEntries(SIZES.map((n) => [n, plan(n)])),
    target: { socketioOverBare: 0.5 },
    results,
  };
}
