// The hub's log: JSON lines (pino) on stdout. Every value, the message included, is a JSON string
// field, so a newline or control character in a Host header, a user name or an error message is
// escaped (\n, \u001b…) and can never start a forged line of its own.
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * What hub code calls: `log('display main/0 connected')`, or with fields for machines to read,
 * `log('refused a request', { host, path })`. A message that starts with "WARNING" is logged at
 * level warn, everything else at info.
 */
export type HubLog = (msg: string, fields?: Record<string, unknown>) => void;

/** Levels HUB_LOG_LEVEL may name. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Keys pino writes itself: a field of the same name is renamed rather than doubling the key. */
const RESERVED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name']);

function fieldsFor(fields: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(fields)) {
    if (!RESERVED.has(key)) continue;
    out ??= { ...fields };
    delete out[key];
    out[`field_${key}`] = fields[key];
  }
  return out ?? fields;
}

export interface HubLogger {
  log: HubLog;
  /** The pino logger underneath (child loggers, flush). */
  logger: Logger;
}

/**
 * The hub's logger. `level` is HUB_LOG_LEVEL (default info); an unknown name falls back to info
 * with a warning rather than stopping the hub. `destination` is stdout unless given (tests).
 */
export function createHubLog(options: { level?: string; destination?: DestinationStream } = {}): HubLogger {
  const asked = options.level?.trim().toLowerCase() || 'info';
  const level: LogLevel = (LOG_LEVELS as readonly string[]).includes(asked) ? (asked as LogLevel) : 'info';
  const logger = pino(
    {
      name: 'hub',
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than "level":30: people read these lines too.
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  if (level !== asked) logger.warn({ asked: options.level }, 'HUB_LOG_LEVEL is not a level (fatal, error, warn, info, debug, trace, silent): using info');
  const log: HubLog = (msg, fields) => {
    const at = /^WARNING\b/.test(msg) ? 'warn' : 'info';
    if (fields) logger[at](fieldsFor(fields), msg);
    else logger[at](msg);
  };
  return { log, logger };
}
