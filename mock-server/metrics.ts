import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Express } from 'express';

/**
 * Opt-in hub metrics (HUB_METRICS=1; used by bench/fanout.ts): GET /api/v1/metrics answers the
 * event loop's lag (p50/p99/max in ms since the last reset) and the bytes written to every TCP
 * connection (HTTP and sockets), so a benchmark can read bytes/s out. `?reset=1` starts a new
 * window. Read-only figures about the process, no data of the city; off unless set.
 */
export function hubMetrics(app: Express, prefix: string) {
  // Sampled every millisecond; the histogram holds each sample's interval, so lag = delay − 1 ms.
  const RESOLUTION_MS = 1;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const open = new Set<Socket>();
  let closedBytes = 0;
  let windowStart = Date.now();
  let bytesAtWindowStart = 0;
  const bytesOut = () => closedBytes + [...open].reduce((sum, s) => sum + s.bytesWritten, 0);
  const lagMs = (ns: number) => +Math.max(0, ns / 1e6 - RESOLUTION_MS).toFixed(2);

  app.get(`${prefix}/metrics`, (req, res) => {
    const now = Date.now();
    const bytes = bytesOut();
    res.json({
      windowS: (now - windowStart) / 1000,
      eventLoopLagMs: { p50: lagMs(delay.percentile(50)), p99: lagMs(delay.percentile(99)), max: lagMs(delay.max), mean: lagMs(delay.mean) },
      bytesOut: bytes - bytesAtWindowStart,
      connections: open.size,
      rssMB: +(process.memoryUsage().rss / 2 ** 20).toFixed(1),
    });
    if (req.query.reset === '1') {
      delay.reset();
      windowStart = now;
      bytesAtWindowStart = bytes;
    }
  });

  return {
    track(server: HttpServer) {
      server.on('connection', (socket: Socket) => {
        open.add(socket);
        socket.once('close', () => {
          open.delete(socket);
          closedBytes += socket.bytesWritten;
        });
      });
    },
    stop: () => delay.disable(),
  };
}
