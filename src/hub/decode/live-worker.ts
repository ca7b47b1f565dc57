/**
 * The decode worker: validates and decodes high-rate binary frames off the main thread and hands
 * the typed arrays back by transfer (no copy). Started by workerDecoder() in decoders.ts.
 */
/// <reference lib="webworker" />
import { SPEED_LUT } from '../../modules/traffic/scales.ts';
import { decodeVehicleFrame, transferablesOf } from './vehicle-frame.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<{ id: number; payload: unknown }>) => {
  const { id, payload } = e.data;
  const result = decodeVehicleFrame(payload, SPEED_LUT);
  if (result.ok) self.postMessage({ id, result }, transferablesOf(result.frame));
  else self.postMessage({ id, result });
};
