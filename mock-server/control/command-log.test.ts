import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptsAck, toLogEntry, type LogRecord } from './command-log.ts';

const TIMEOUT = 5000;
type AckList = Record<string, { at: number; ok: boolean; error?: string }>;
const record = (expected: string[], acks: AckList = {}): LogRecord => ({
  id: 'cmd-00000001',
  wall: 'main',
  rev: 3,
  command: { type: 'reload' },
  by: 'operator',
  issuedAt: 1000,
  expected,
  acks: new Map(Object.entries(acks)),
});

describe('command log bookkeeping', () => {
  it('is pending until every expected display acks or the deadline passes', () => {
    const r = record(['a', 'b'], { a: { at: 1100, ok: true } });
    expect(toLogEntry(r, TIMEOUT, 2000)).toMatchObject({ status: 'pending', timedOut: [] });
    expect(toLogEntry(r, TIMEOUT, 1000 + TIMEOUT + 1)).toMatchObject({ status: 'timeout', timedOut: ['b'] });
    expect(toLogEntry({ ...r, acks: new Map([...r.acks, ['b', { at: 1200, ok: true }]]) }, TIMEOUT, 2000).status).toBe('applied');
  });

  it('failed when no display could apply it, partial when some could', () => {
    expect(toLogEntry(record(['a', 'b'], { a: { at: 1, ok: false, error: 'x' }, b: { at: 1, ok: false } }), TIMEOUT, 2000).status).toBe('failed');
    expect(toLogEntry(record(['a', 'b'], { a: { at: 1, ok: true }, b: { at: 1, ok: false } }), TIMEOUT, 2000).status).toBe('partial');
  });

  it('a command for a wall with no display online counts as applied', () => {
    expect(toLogEntry(record([]), TIMEOUT, 1001)).toMatchObject({ status: 'applied', timedOut: [] });
  });

  it('takes one ack per expected display, before the deadline only', () => {
    const r = record(['a', 'b'], { a: { at: 1100, ok: true } });
    expect(acceptsAck(r, 'b', 1200, TIMEOUT)).toBe(true);
    expect(acceptsAck(r, 'a', 1200, TIMEOUT)).toBe(false);
    expect(acceptsAck(r, 'c', 1200, TIMEOUT)).toBe(false);
    expect(acceptsAck(r, 'b', 1000 + TIMEOUT + 1, TIMEOUT)).toBe(false);
  });

  it('display ids that are also object keys are only display ids', () => {
    const r = record(['constructor', 'tostring'], {});
    expect(acceptsAck(r, 'constructor', 1200, TIMEOUT)).toBe(true);
    expect(toLogEntry(r, TIMEOUT, 2000)).toMatchObject({ status: 'pending', timedOut: [] });
    const acked = record(['constructor'], { constructor: { at: 1100, ok: true } });
    expect(acceptsAck(acked, 'constructor', 1200, TIMEOUT)).toBe(false);
    expect(toLogEntry(acked, TIMEOUT, 2000).status).toBe('applied');
  });

  it('status and timeouts agree with the acks for any mix', () => {
    const displays = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(
        fc.subarray(displays),
        fc.array(fc.option(fc.boolean(), { nil: undefined }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 * TIMEOUT }),
        (expected, answers, elapsed) => {
          const acks: AckList = {};
          expected.forEach((d, i) => {
            if (answers[i] !== undefined) acks[d] = { at: 1000, ok: answers[i]! };
          });
          const entry = toLogEntry(record(expected, acks), TIMEOUT, 1000 + elapsed);
          const missing = expected.filter((d) => !(d in acks));
          const oks = expected.filter((d) => acks[d]?.ok).length;
          expect(entry.timedOut).toEqual(elapsed > TIMEOUT ? missing : []);
          if (entry.status === 'applied') expect(oks).toBe(expected.length);
          if (entry.status === 'pending') expect(missing.length > 0 && elapsed <= TIMEOUT).toBe(true);
          if (entry.status === 'timeout') expect(entry.timedOut.length).toBeGreaterThan(0);
          if (entry.status === 'failed') expect(oks).toBe(0);
          if (entry.status === 'partial') expect(oks > 0 && oks < expected.length && missing.length === 0).toBe(true);
        },
      ),
    );
  });
});
