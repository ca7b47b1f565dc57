import type { Command, CommandLogEntry, DisplayStatus } from '../../src/hub/control.ts';

export interface Ack {
  at: number;
  ok: boolean;
  error?: string;
}

/**
 * What the hub stores for an accepted command. Timeouts and status are derived when read (from the
 * acks and the deadline), so no timer has to survive for a log entry to end up right, whichever hub
 * process accepted it.
 */
export interface LogRecord {
  id: string;
  wall: string;
  rev: number;
  command: Command;
  by: string;
  issuedAt: number;
  expected: string[];
  /** By display id: a Map, so an id such as "constructor" is only ever a display. */
  acks: Map<string, Ack>;
}

/**
 * Whether an ack may be recorded: from a display that was expected, once, and before the deadline
 * (a late ack shows in the display's own status, not as having applied the command in time).
 */
export function acceptsAck(record: LogRecord, display: string, at: number, ackTimeoutMs: number): boolean {
  return record.expected.includes(display) && !record.acks.has(display) && at <= record.issuedAt + ackTimeoutMs;
}

export function toLogEntry(record: LogRecord, ackTimeoutMs: number, now: number): CommandLogEntry {
  const overdue = now > record.issuedAt + ackTimeoutMs;
  const missing = record.expected.filter((d) => !record.acks.has(d));
  const timedOut = overdue ? missing : [];
  const ok = record.expected.filter((d) => record.acks.get(d)?.ok).length;
  let status: CommandLogEntry['status'];
  if (missing.length > 0 && !overdue) status = 'pending';
  else if (ok === record.expected.length) status = 'applied';
  else if (timedOut.length > 0) status = 'timeout';
  else if (ok === 0) status = 'failed';
  else status = 'partial';
  return { ...record, acks: Object.fromEntries(record.acks), expected: [...record.expected], timedOut, status };
}

/** A display as the hub tracks it: its status for the console, and the socket that holds it. */
export interface Presence extends DisplayStatus {
  socketId: string;
  /** The enrolled device connected as this display. */
  device: string;
  /** Last time its hub process vouched for it (epoch ms); stale entries of a dead process drop out. */
  seenAt: number;
}

export function toDisplayStatus(p: Presence): DisplayStatus {
  const { socketId: _s, seenAt: _t, device: _d, ...status } = p;
  return status;
}
