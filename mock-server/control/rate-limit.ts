/**
 * Fixed-window counter per key (e.g. client address): at most `limit` hits per window.
 * The key table is bounded: expired windows are swept when it grows.
 */
export function windowLimiter(limit: number, windowMs: number, now: () => number = Date.now, maxKeys = 10_000) {
  const windows = new Map<string, { start: number; hits: number }>();
  return {
    /** Counts a hit; false when the key is over its limit for this window. */
    hit(key: string): boolean {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        if (!w && windows.size >= maxKeys) {
          for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        }
        w = { start: t, hits: 0 };
        windows.set(key, w);
      }
      w.hits += 1;
      return w.hits <= limit;
    },
  };
}

/** Sliding one-second window for one socket: keeps at most `perSecond` timestamps. */
export function perSecondLimiter(perSecond: number, now: () => number = Date.now) {
  const times: number[] = [];
  return {
    hit(): boolean {
      const t = now();
      while (times.length > 0 && t - times[0]! >= 1000) times.shift();
      if (times.length >= perSecond) return false;
      times.push(t);
      return true;
    },
  };
}
