// Shared by the ingest benchmark's modes (bench/ingest.ts, bench/ingest-e2e.ts) and its threads.
import { readFileSync, readlinkSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The hub's run epoch in the envelopes of the end-to-end mode (both transports). */
export const EPOCH = 'bench';
/** The bare WebSocket frame's header: count u32, seq u32, time f64, little-endian. */
export const BARE_HEADER_BYTES = 16;

/** A fleet in Chongqing's main city, moved a little each batch so no two frames are equal. */
export function fleet(n: number, batch: number) {
  const positions = new Float32Array(n * 2);
  const speeds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    positions[i * 2] = 106.3 + ((i * 7919) % 10_000) / 20_000 + batch * 1e-5;
    positions[i * 2 + 1] = 29.4 + ((i * 104_729) % 10_000) / 25_000 + batch * 1e-5;
    speeds[i] = (i * 31 + batch) % 90;
  }
  return { positions, speeds };
}

export const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] : NaN);
export const round = (x: number, d = 3) => +x.toFixed(d);

/** A worker thread running a TypeScript entry of bench/ (tsx's loader registered inside it first). */
export function tsWorker(entry: URL, workerData?: unknown) {
  const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true, workerData });
}

/** This thread's id in /proc (Linux), or 0 where there is none. */
export function ownThreadId(): number {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return 0;
  }
}

/**
 * CPU time (user + system) a thread of this process has used, in ms, from /proc (10 ms ticks:
 * CLK_TCK is 100 on Linux); NaN where there is no /proc. CPU time, unlike wall time or event-loop
 * utilisation, is not inflated when other work on a shared machine keeps the thread waiting.
 */
export function threadCpuMs(tid: number): number {
  if (!tid) return NaN;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
