// Ingest: entity updates per second decoded and applied, the wall's binary path against a naive
// JSON path, in the same run, at 10k and 100k vehicles.
//   npm run bench -- ingest          (BENCH_INGEST_BATCHES=40 batches a size by default)
// Ours: the hub's binary frame is moved (transfer) to a worker thread running the wall's own
// decodeVehicleFrame (validation + colour lookup), the typed arrays come back by transfer and the
// main thread builds the deck.gl binary attributes object (vehicleData). Main-thread ms per batch
// = posting the frame + handling the answer; the worker's decode is reported apart.
// Naive: the hub sends [{id, lon, lat, speed}…] as JSON; the main thread parses it and runs
// deck-style accessors (getPosition, getFillColor) over the objects into typed arrays, as a
// ScatterplotLayer with object data does on every update.
// Both stop where the GPU upload starts (Node has no WebGL); that upload is the same bytes for both.
import { Worker } from 'node:worker_threads';
import { SPEED_LUT } from '../src/modules/traffic/scales.ts';
import { encodeVehicleFrame, type DecodeResult, type DecodedVehicles } from '../src/hub/decode/vehicle-frame.ts';
import { vehicleData } from '../src/modules/traffic/layers/vehicles.ts';

const SIZES = [10_000, 100_000];
const BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 40);
const WARMUP = 5;

/** A fleet in Chongqing's main city, moved a little each batch so no two frames are equal. */
function fleet(n: number, batch: number) {
  const positions = new Float32Array(n * 2);
  const speeds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    positions[i * 2] = 106.3 + ((i * 7919) % 10_000) / 20_000 + batch * 1e-5;
    positions[i * 2 + 1] = 29.4 + ((i * 104_729) % 10_000) / 25_000 + batch * 1e-5;
    speeds[i] = (i * 31 + batch) % 90;
  }
  return { positions, speeds };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const round = (x: number, d = 3) => +x.toFixed(d);

async function oursAt(n: number) {
  // tsx's loader must be registered inside the worker before the TypeScript entry is imported.
  const entry = new URL('./ingest-worker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
  const frames = Array.from({ length: BATCHES + WARMUP }, (_, b) => {
    const { positions, speeds } = fleet(n, b);
    return encodeVehicleFrame(b + 1, Date.now(), positions, speeds);
  });
  const mainMs: number[] = [];
  const workerMs: number[] = [];
  let applied = 0;
  const roundTrip = (payload: ReturnType<typeof encodeVehicleFrame>, id: number) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (msg: { id: number; result: DecodeResult; decodeMs: number }) => {
        const t0 = performance.now();
        if (!msg.result.ok) return reject(new Error(msg.result.error));
        const data = vehicleData(msg.result.frame as DecodedVehicles);
        applied += data.length;
        const handleMs = performance.now() - t0;
        worker.off('message', onMessage);
        if (id >= WARMUP) (mainMs.push(sendMs + handleMs), workerMs.push(msg.decodeMs));
        resolve();
      };
      worker.on('message', onMessage);
      const s0 = performance.now();
      worker.postMessage({ id, payload }, [payload.data.positions, payload.data.speeds]);
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

export async function run() {
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
  return {
    benchmark: 'ingest',
    batches: BATCHES,
    targets: { updatesPerSecond: 2_000_000, speedupOverNaive: 10, mainThreadMsPer100k: 2 },
    results,
  };
}
