// Ingest: entity updates per second decoded and applied. Two modes (BENCH_INGEST_MODE, default all):
//   decode: the wall's binary path against a naive JSON path, in process, at 10k and 100k vehicles
//           (below; BENCH_INGEST_BATCHES=40 batches a size by default);
//   e2e:    hub emit → socket → decode worker → deck.gl attributes, through the real socket.io
//           connection beside a bare binary WebSocket carrying the same frames, at 10k, 100k and
//           1M vehicles (bench/ingest-e2e.ts).
//   npm run bench -- ingest          BENCH_INGEST_MODE=e2e|decode|all
// Decode mode. Ours: the hub's binary frame is moved (transfer) to a worker thread running what
// the wall's live-worker.ts runs (the 'vehicle-frame' codec: decodeVehicleFrame, validation +
// colour lookup), the typed arrays come back by transfer and the main thread builds the deck.gl
// binary attributes object (vehicleData).
// Main-thread ms per batch = posting the frame + handling the answer; the worker's decode is
// reported apart.
// Naive: the hub sends [{id, lon, lat, speed}…] as JSON; the main thread parses it and runs
// deck-style accessors (getPosition, getFillColor) over the objects into typed arrays, as a
// ScatterplotLayer with object data does on every update.
// Both stop where the GPU upload starts (Node has no WebGL); that upload is the same bytes for both.
import { SPEED_LUT } from '../src/modules/traffic/scales.ts';
import { encodeVehicleFrame, type DecodedVehicles } from '../src/hub/decode/vehicle-frame.ts';
import type { DecodeAnswer } from '../src/hub/decode/codecs.ts';
import { vehicleData } from '../src/modules/traffic/layers/vehicles.ts';
import { fleet, median, p95, round, tsWorker } from './ingest-common.ts';

const SIZES = [10_000, 100_000];
const BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 40);
const WARMUP = 5;
const MODE = process.env.BENCH_INGEST_MODE ?? 'all';

async function oursAt(n: number) {
  const worker = tsWorker(new URL('./ingest-worker.ts', import.meta.url));
  const frames = Array.from({ length: BATCHES + WARMUP }, (_, b) => {
    const { positions, speeds } = fleet(n, b);
    return encodeVehicleFrame(b + 1, Date.now(), positions, speeds);
  });
  const mainMs: number[] = [];
  const workerMs: number[] = [];
  let applied = 0;
  const roundTrip = (payload: ReturnType<typeof encodeVehicleFrame>, id: number) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (msg: { id: number; result: DecodeAnswer; decodeMs: number }) => {
        const t0 = performance.now();
        if (!msg.result.ok) return reject(new Error(msg.result.error));
        const data = vehicleData(msg.result.event.data as DecodedVehicles);
        applied += data.length;
        const handleMs = performance.now() - t0;
        worker.off('message', onMessage);
        if (id >= WARMUP) (mainMs.push(sendMs + handleMs), workerMs.push(msg.decodeMs));
        resolve();
      };
      worker.on('message', onMessage);
      const s0 = performance.now();
      // The job as the wall's workerDecoder posts it (src/hub/decode/decoders.ts).
      worker.postMessage({ id, codec: 'vehicle-frame', options: { colourLut: SPEED_LUT }, payload }, [payload.data.positions, payload.data.speeds]);
      const sendMs = performance.now() - s0;
    });
  for (let b = 0; b < WARMUP; b++) await roundTrip(frames[b], b);
  applied = 0;
  const t0 = performance.now();
  for (let b = WARMUP; b < frames.length; b++) await roundTrip(frames[b], b);
  const wallMs = performance.now() - t0;
  await worker.terminate();
  return {
    updatesPerSecond: Math.round(applied / (wallMs / 1000)),
    mainThreadMsPerBatch: { median: round(median(mainMs)), p95: round(p95(mainMs)) },
    workerDecodeMsPerBatch: { median: round(median(workerMs)), p95: round(p95(workerMs)) },
    roundTripMsPerBatch: round(wallMs / BATCHES),
  };
}

interface Vehicle {
  id: number;
  lon: number;
  lat: number;
  speed: number;
}

function naiveAt(n: number) {
  const messages = Array.from({ length: BATCHES + WARMUP }, (_, b) => {
    const { positions, speeds } = fleet(n, b);
    const objects: Vehicle[] = Array.from({ length: n }, (_, i) => ({ id: i, lon: positions[i * 2], lat: positions[i * 2 + 1], speed: speeds[i] }));
    return JSON.stringify(objects); // the hub's work, not timed
  });
  // Accessors as a layer with object data would have them: one call per object per attribute.
  const getPosition = (d: Vehicle): [number, number] => [d.lon, d.lat];
  const getFillColor = (d: Vehicle): [number, number, number, number] => {
    const o = d.speed * 4;
    return [SPEED_LUT[o], SPEED_LUT[o + 1], SPEED_LUT[o + 2], SPEED_LUT[o + 3]];
  };
  const parseMs: number[] = [];
  const mainMs: number[] = [];
  let applied = 0;
  let checksum = 0;
  const t0all = performance.now();
  for (let b = 0; b < messages.length; b++) {
    if (b === WARMUP) applied = 0;
    const t0 = performance.now();
    const objects = JSON.parse(messages[b]) as Vehicle[];
    const t1 = performance.now();
    const positions = new Float32Array(objects.length * 2);
    const colors = new Uint8Array(objects.length * 4);
    for (let i = 0; i < objects.length; i++) {
      const p = getPosition(objects[i]);
      positions[i * 2] = p[0];
      positions[i * 2 + 1] = p[1];
      const c = getFillColor(objects[i]);
      colors.set(c, i * 4);
    }
    const t2 = performance.now();
    checksum += positions[0] + colors[3];
    applied += objects.length;
    if (b >= WARMUP) (parseMs.push(t1 - t0), mainMs.push(t2 - t0));
  }
  const wallMs = mainMs.reduce((a, b) => a + b, 0);
  void t0all;
  return {
    updatesPerSecond: Math.round(applied / (wallMs / 1000)),
    mainThreadMsPerBatch: { median: round(median(mainMs)), p95: round(p95(mainMs)) },
    jsonParseMsPerBatch: { median: round(median(parseMs)), p95: round(p95(parseMs)) },
    wireBytes: Buffer.byteLength(messages[0]),
    checksum: round(checksum, 1),
  };
}

async function runDecode() {
  const results = [];
  for (const vehicles of SIZES) {
    const ours = await oursAt(vehicles);
    const naive = naiveAt(vehicles);
    const row = {
      vehicles,
      ours: { ...ours, wireBytes: vehicles * 9 },
      naive,
      speedup: round(ours.updatesPerSecond / naive.updatesPerSecond, 1),
      mainThreadRatio: round(naive.mainThreadMsPerBatch.median / ours.mainThreadMsPerBatch.median, 1),
    };
    console.error(
      `ingest ${vehicles.toLocaleString('en')}: ours ${ours.updatesPerSecond.toLocaleString('en')}/s (main ${ours.mainThreadMsPerBatch.median} ms, worker ${ours.workerDecodeMsPerBatch.median} ms), ` +
        `naive ${naive.updatesPerSecond.toLocaleString('en')}/s (main ${naive.mainThreadMsPerBatch.median} ms): ×${row.speedup}`,
    );
    results.push(row);
  }
  return results;
}

export async function run() {
  if (!['all', 'decode', 'e2e'].includes(MODE)) throw new Error(`BENCH_INGEST_MODE must be all, decode or e2e, not "${MODE}"`);
  const decode = MODE === 'e2e' ? undefined : await runDecode();
  let e2e;
  if (MODE !== 'decode') {
    const { runE2e } = await import('./ingest-e2e.ts');
    e2e = await runE2e();
  }
  return {
    benchmark: 'ingest',
    mode: MODE,
    batches: BATCHES,
    targets: { updatesPerSecond: 2_000_000, speedupOverNaive: 10, mainThreadMsPer100k: 2, e2eSocketioOverBare: 0.5 },
    ...(decode ? { results: decode } : {}),
    ...(e2e ? { e2e } : {}),
  };
}
