// The decode worker of bench/ingest.ts: the wall's decode function in a real worker thread, with
// buffers transferred both ways as in the browser's live-worker.ts.
import { parentPort } from 'node:worker_threads';
import { SPEED_LUT } from '../src/modules/traffic/scales.ts';
import { decodeVehicleFrame, transferablesOf } from '../src/hub/decode/vehicle-frame.ts';

parentPort!.on('message', ({ id, payload }: { id: number; payload: unknown }) => {
  const t0 = performance.now();
  const result = decodeVehicleFrame(payload, SPEED_LUT);
  const decodeMs = performance.now() - t0;
  if (result.ok) parentPort!.postMessage({ id, result, decodeMs }, transferablesOf(result.frame));
  else parentPort!.postMessage({ id, result, decodeMs });
});
