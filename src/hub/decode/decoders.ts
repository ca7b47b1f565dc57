/**
 * The two decoders of the live path: a Web Worker in the browser (decoding off the main thread,
 * buffers moved by transfer both ways), and the same codecs run synchronously where there are no
 * workers (Node unit tests, benchmarks) or the worker failed to start.
 */
import { decodeWith, type DecodeAnswer, type FrameDecoder } from './codecs.ts';

export function syncDecoder(): FrameDecoder {
  return { decode: (job, done) => done(decodeWith(job.codec, job.payload, job.options)) };
}

/** Buffers of an event's binary columns that can be moved to the worker without copying. */
export function columnBuffers(payload: unknown): ArrayBuffer[] {
  const data = (payload as { data?: Record<string, unknown> } | null)?.data;
  if (!data || typeof data !== 'object') return [];
  const out = new Set<ArrayBuffer>();
  // Only whole ArrayBuffers: a view's buffer may hold other data the main thread still needs.
  for (const v of Object.values(data)) if (v instanceof ArrayBuffer) out.add(v);
  return [...out];
}

export function workerDecoder(onFailure: (message: string) => void): FrameDecoder {
  const worker = new Worker(new URL('./live-worker.ts', import.meta.url), { type: 'module', name: 'onescreen-decode' });
  const callbacks = new Map<number, (r: DecodeAnswer) => void>();
  let nextId = 1;
  let failed: FrameDecoder | null = null;
  worker.onmessage = (e: MessageEvent<{ id: number; result: DecodeAnswer }>) => {
    const done = callbacks.get(e.data.id);
    callbacks.delete(e.data.id);
    done?.(e.data.result);
  };
  worker.onerror = (e) => {
    // A worker that cannot run (blocked script, crash) must not stop the live feed: decode on
    // the main thread from now on, and answer the events the worker was holding as lost.
    e.preventDefault();
    onFailure(`decode worker failed (${e.message || 'error'}); decoding on the main thread`);
    failed = syncDecoder();
    for (const done of callbacks.values()) done({ ok: false, error: 'frame lost: the decode worker failed' });
    callbacks.clear();
    worker.terminate();
  };
  return {
    decode(job, done) {
      if (failed) return failed.decode(job, done);
      const id = nextId++;
      callbacks.set(id, done);
      try {
        worker.postMessage({ id, ...job }, columnBuffers(job.payload));
      } catch (err) {
        // Not cloneable (a hub sent a function or similar): reject like any bad payload.
        callbacks.delete(id);
        done({ ok: false, error: `not a frame: ${(err as Error).message}` });
      }
    },
    dispose() {
      worker.terminate();
      callbacks.clear();
    },
  };
}

/** A worker where the platform has them, else synchronous decoding. */
export function defaultDecoder(onFailure: (message: string) => void): FrameDecoder {
  if (typeof Worker === 'undefined') return syncDecoder();
  try {
    return workerDecoder(onFailure);
  } catch (err) {
    onFailure(`decode worker could not start (${(err as Error).message}); decoding on the main thread`);
    return syncDecoder();
  }
}
