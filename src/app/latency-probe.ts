import type { TopicStore } from '../store/topic-store.ts';

/**
 * Benchmarks only (bench/latency.ts): with `?latency=<topic>` in the URL, every value of that topic
 * applied to the topic store is timed from its hub time (the envelope's `time`, stamped at emit on
 * the same machine) to the frame after it: a requestAnimationFrame callback, then a message-channel
 * task so that the frame is painted. Latencies go into a bounded ring; without the flag nothing runs.
 */
export interface LatencyProbe {
  topic: string;
  /** Values applied (and timed) so far. */
  applied: number;
  /** The latest latencies in ms to the painted frame, at most RING entries, in ring order (see `applied`). */
  ring: Float64Array;
  /** The same values' latencies to the moment they were applied to the store (before any frame). */
  appliedRing: Float64Array;
  /** Time between successive painted frames that showed a new value, ms (ring order, `frames`). */
  frameRing: Float64Array;
  frames: number;
  /** Forgets what was timed so far (the bench starts each rate afresh). */
  reset(): void;
}

const RING = 1 << 18;

declare global {
  interface Window {
    __onescreenLatency?: LatencyProbe;
  }
}

export function installLatencyProbe(topics: TopicStore, search = location.search) {
  const topic = new URLSearchParams(search).get('latency')?.match(/^[a-z][a-z0-9.-]{0,63}$/)?.[0];
  if (!topic) return;
  const probe: LatencyProbe = {
    topic,
    applied: 0,
    ring: new Float64Array(RING),
    appliedRing: new Float64Array(RING),
    frameRing: new Float64Array(RING),
    frames: 0,
    reset() {
      probe.applied = 0;
      probe.frames = 0;
      lastPaint = 0;
      pending.length = 0;
    },
  };
  window.__onescreenLatency = probe;
  // Hub times of the values applied since the last frame; bounded by one frame's worth of messages.
  const pending: number[] = [];
  let scheduled = false;
  let lastPaint = 0;
  const afterPaint = new MessageChannel();
  afterPaint.port1.onmessage = () => {
    const now = Date.now();
    if (lastPaint) probe.frameRing[probe.frames++ % RING] = now - lastPaint;
    lastPaint = now;
    for (const time of pending) probe.ring[probe.applied++ % RING] = now - time;
    pending.length = 0;
    scheduled = false;
  };
  let last = topics.getState().values[topic];
  topics.subscribe((state) => {
    const value = state.values[topic];
    if (!value || value === last) return;
    last = value;
    if (pending.length < RING) {
      probe.appliedRing[(probe.applied + pending.length) % RING] = Date.now() - value.time;
      pending.push(value.time);
    }
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => afterPaint.port2.postMessage(null));
    }
  });
}
