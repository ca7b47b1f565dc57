// The hub side of bench/ingest-e2e.ts, in its own thread (the hub is another process than the
// wall): a socket.io server configured as mock-server/server.ts configures the hub's, and a bare
// `ws` WebSocket server beside it. Both send a vehicle frame for every credit the wall returns.
//
// socket.io: the hub's envelope {v, topic, epoch, seq, time, data: {count, positions, speeds}} with the
// columns as Uint8Arrays (as mock-server/sim/traffic/simulator.ts hands them over: socket.io sends
// them as binary attachments), emitted to the topic's room of the /live namespace exactly as the
// topic engine's send does (`live.to(topicRoom(topic)).emit(topic, envelope)`), but without the
// 30 Hz conflator in front (the benchmark measures how fast the path can go, not the hub's cap).
// Connection-state recovery is on as in the hub, so every frame is also kept for replay.
//
// Bare: one binary WebSocket message a frame: a 16-byte header (count u32, seq u32, time f64,
// little-endian; the epoch is the run's, known to both ends) and then the same column bytes
// (positions, then speeds): no JSON, no framing of attachments, one message instead of three.
// Each frame is one buffer built before the run and its header rewritten at each send (safe: at
// most `window` frames are in flight, fewer than the frames cycled through).
//
// Both cycle through DISTINCT_FRAMES prebuilt frames, where the hub builds a new one each step:
// the cost of producing a frame is the simulator's, not the transport's.
import { parentPort } from 'node:worker_threads';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer, type Namespace } from 'socket.io';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIVE_NAMESPACE } from '../src/hub/contract.ts';
import { encodeVehicleFrame, VEHICLES_TOPIC } from '../src/hub/decode/vehicle-frame.ts';
import { BARE_HEADER_BYTES, EPOCH, fleet, ownThreadId } from './ingest-common.ts';

/** mock-server/topic-engine.ts's topicRoom (not imported: that module starts every simulator). */
const ROOM = `topic:${VEHICLES_TOPIC}`;
/** Distinct frames a size cycles through (more than the credit window). */
const DISTINCT_FRAMES = 4;

type Envelope = ReturnType<typeof encodeVehicleFrame>;
interface HubFrame {
  envelope: Envelope;
  bare: Buffer;
}

let frames: HubFrame[] = [];
let seq = 0;
const sentAt = new Map<number, number>();
/** [seq, ms from emit to the wall's credit for that frame arriving back]. */
const roundTrips: Array<[number, number]> = [];
const now = () => performance.timeOrigin + performance.now();

function prepare(n: number) {
  frames = Array.from({ length: DISTINCT_FRAMES }, (_, b) => {
    const { positions, speeds } = fleet(n, b);
    const envelope = encodeVehicleFrame(0, Date.now(), positions, speeds, EPOCH);
    const bare = Buffer.alloc(BARE_HEADER_BYTES + n * 9);
    bare.writeUInt32LE(n, 0);
    bare.set(new Uint8Array(positions.buffer), BARE_HEADER_BYTES);
    bare.set(speeds, BARE_HEADER_BYTES + n * 8);
    return { envelope, bare };
  });
}

function next(): { frame: HubFrame; seq: number; time: number } {
  seq += 1;
  sentAt.set(seq, now());
  return { frame: frames[seq % frames.length], seq, time: Date.now() };
}

function credited(ackSeq: unknown) {
  const acked = ackSeq as number;
  const t = sentAt.get(acked);
  if (t === undefined) return;
  sentAt.delete(acked);
  roundTrips.push([acked, now() - t]);
}

// --- socket.io, as the hub configures it (mock-server/server.ts), less cors and the Redis adapter.
// With BENCH_INGEST_E2E_DIAGNOSE=1, two variants beside it to weigh where socket.io's cost is:
// 'socketio-norecovery', a second server without connection-state recovery (no offset appended to
// each packet, nothing kept for replay), and 'socketio-packed', the hub's server sending both
// columns as one attachment ({count, columns}: positions then speeds, a contract change).
type SioName = 'socketio' | 'socketio-norecovery' | 'socketio-packed';
const DIAGNOSE = process.env.BENCH_INGEST_E2E_DIAGNOSE === '1';

function sioServer(recovery: boolean) {
  const http = createServer();
  const io = new IoServer(http, {
    maxHttpBufferSize: 64 * 1024, // what a display may send: bounds client → hub only, not the frames
    ...(recovery ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true } } : {}),
    perMessageDeflate: false, // socket.io's default, and the hub's (it does not set it)
  });
  return { http, io, live: io.of(LIVE_NAMESPACE) };
}
const hubIo = sioServer(true);
const plainIo = DIAGNOSE ? sioServer(false) : null;
const live = hubIo.live;

interface SioEnd {
  live: Namespace;
  room: string;
  packed: boolean;
  credit: number;
}
const sioEnds: Record<SioName, SioEnd | null> = {
  socketio: { live, room: ROOM, packed: false, credit: 0 },
  'socketio-norecovery': plainIo && { live: plainIo.live, room: ROOM, packed: false, credit: 0 },
  'socketio-packed': DIAGNOSE ? { live, room: `packed:${ROOM}`, packed: true, credit: 0 } : null,
};

function pumpIo(end: SioEnd) {
  while (end.credit > 0 && frames.length) {
    end.credit -= 1;
    const { frame, seq: s, time } = next();
    const { count, positions, speeds } = frame.envelope.data;
    // The hub's shape: typed arrays over the fleet's columns (socket.io sends any binary the same way).
    const data = end.packed ? { count, columns: frame.bare.subarray(BARE_HEADER_BYTES) } : { count, positions: new Uint8Array(positions), speeds: new Uint8Array(speeds) };
    end.live.to(end.room).emit(VEHICLES_TOPIC, { ...frame.envelope, seq: s, time, data });
  }
}
for (const nsp of [live, plainIo?.live]) {
  nsp?.on('connection', (socket) => {
    const variant = (socket.handshake.auth as { variant?: SioName }).variant ?? 'socketio';
    const end = sioEnds[variant];
    if (!end || end.live !== nsp) return void socket.disconnect(true);
    void socket.join(end.room);
    socket.on('credit', (ackSeq: unknown) => {
      credited(ackSeq);
      end.credit += 1;
      pumpIo(end);
    });
  });
}

// --- the bare binary WebSocket.
const wsHttp = createServer();
const wss = new WebSocketServer({ server: wsHttp, perMessageDeflate: false, maxPayload: 64 * 1024 });
let bareCredit = 0;
let bareSocket: WebSocket | null = null;
function pumpBare() {
  while (bareCredit > 0 && bareSocket && frames.length) {
    bareCredit -= 1;
    const { frame, seq: s, time } = next();
    frame.bare.writeUInt32LE(s, 4);
    frame.bare.writeDoubleLE(time, 8);
    bareSocket.send(frame.bare, { binary: true, compress: false });
  }
}
wss.on('connection', (socket) => {
  bareSocket = socket;
  socket.on('message', (data) => {
    credited(Number(data.toString()));
    bareCredit += 1;
    pumpBare();
  });
});

const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const [ioPort, wsPort, plainPort] = await Promise.all([listen(hubIo.http), listen(wsHttp), plainIo ? listen(plainIo.http) : 0]);

parentPort!.on('message', (msg: { type: 'prepare'; vehicles: number } | { type: 'stats' } | { type: 'close' }) => {
  if (msg.type === 'prepare') {
    prepare(msg.vehicles);
    bareCredit = 0;
    for (const end of Object.values(sioEnds)) if (end) end.credit = 0;
    sentAt.clear();
    parentPort!.postMessage({ type: 'prepared' });
  } else if (msg.type === 'stats') {
    // Connection-state recovery keeps every broadcast packet for replay (socket.io-adapter's
    // SessionAwareAdapter): how many it holds now, and the frame bytes they reference.
    const kept = (live.adapter as unknown as { packets?: Array<{ data: unknown[] }> }).packets ?? [];
    const keptBytes = kept.reduce((sum, p) => {
      const env = p.data[1] as { data?: { positions?: Uint8Array; speeds?: Uint8Array; columns?: Uint8Array } } | undefined;
      return sum + (env?.data?.positions?.byteLength ?? 0) + (env?.data?.speeds?.byteLength ?? 0) + (env?.data?.columns?.byteLength ?? 0);
    }, 0);
    parentPort!.postMessage({ type: 'stats', roundTrips: roundTrips.splice(0), recovery: { packets: kept.length, frameBytes: keptBytes } });
  } else if (msg.type === 'close') {
    hubIo.io.close();
    plainIo?.io.close();
    wss.close();
    for (const c of wss.clients) c.terminate();
    wsHttp.close();
    parentPort!.close();
  }
});
parentPort!.postMessage({ type: 'listening', ioPort, wsPort, plainPort, tid: ownThreadId() });
