/**
 * Refusals (bad commands, rate limits, refused sockets and sign-ins) are logged once per key per
 * window, then as one line with how many more there were: 5,000 refused attempts write two lines,
 * not 5,000, and the log still tells what happened and how often.
 */
type Log = (msg: string, fields?: Record<string, unknown>) => void;

export const REFUSAL_WINDOW_MS = 60_000;
/** Distinct keys held per window; past it, the rest of the window's refusals count under one key. */
const MAX_KEYS = 10_000;

export function refusalLog(log: Log, windowMs = REFUSAL_WINDOW_MS) {
  const open = new Map<string, { msg: string; fields?: Record<string, unknown>; more: number }>();

  const flush = () => {
    for (const { msg, fields, more } of open.values()) if (more > 0) log(`${msg} (and ${more} more like it in ${windowMs / 1000} s)`, { ...fields, repeated: more });
    open.clear();
  };
  const timer = setInterval(flush, windowMs);
  timer.unref();

  return {
    /** Logs the first refusal of `key` in this window; counts the rest. */
    note(key: string, msg: string, fields?: Record<string, unknown>) {
      const k = open.size >= MAX_KEYS && !open.has(key) ? 'overflow' : key;
      const entry = open.get(k);
      if (entry) return void entry.more++;
      open.set(k, k === 'overflow' ? { msg: 'refusals from too many sources to name', more: 0 } : { msg, fields, more: 0 });
      log(k === 'overflow' ? 'refusals from too many sources to name' : msg, fields);
    },
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
export type RefusalLog = ReturnType<typeof refusalLog>;
