// The decode worker of bench/ingest.ts and bench/ingest-e2e.ts: what the wall's live-worker.ts
// does, in a Node worker thread: a job {id, codec, options, payload} is decoded with the codec
// its topic names (src/hub/decode/codecs.ts) and the typed arrays go back by transfer, with the
// decode's own time added for the benchmark.
//
// workerData.maxVehicles (the end-to-end mode at 1,000,000 vehicles): the contract caps a frame
// at TRAFFIC_LIMITS.maxVehicles (100,000); to run the wall's own decode on bigger frames this
// worker raises that bound in its own copy of the contract before the codecs (whose zod header
// schema reads it once, when it loads) are imported. Nothing outside this thread changes.
import { parentPort, workerData } from 'node:worker_threads';
import { TRAFFIC_LIMITS } from '../src/hub/topics/traffic.ts';
import type { BinaryCodecName } from '../src/hub/schema-kit.ts';
import type { CodecOptions } from '../src/hub/decode/codecs.ts';
import { ownThreadId } from './ingest-common.ts';

const data = workerData as { maxVehicles?: number; tid?: Int32Array } | null;
// workerData.tid: where to leave this thread's id, for the end-to-end mode's CPU accounting.
if (data?.tid) Atomics.store(data.tid, 0, ownThreadId());
const wanted = data?.maxVehicles ?? 0;
if (wanted > TRAFFIC_LIMITS.maxVehicles) (TRAFFIC_LIMITS as { maxVehicles: number }).maxVehicles = wanted;
const { decodeWith } = await import('../src/hub/decode/codecs.ts');

parentPort!.on('message', ({ id, codec, options, payload }: { id: number; codec: BinaryCodecName; options: CodecOptions; payload: unknown }) => {
  const t0 = performance.now();
  const result = decodeWith(codec, payload, options);
  const decodeMs = performance.now() - t0;
  if (result.ok) parentPort!.postMessage({ id, result: { ok: true, event: result.event }, decodeMs }, result.transfer);
  else parentPort!.postMessage({ id, result, decodeMs });
});
