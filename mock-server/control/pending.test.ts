import { describe, expect, it } from 'vitest';
import { pendingEnrolments } from './pending.ts';

const hint = { wall: 'main', display: '0', grid: null };
const limits = { pendingTtlMs: 1000, maxPending: 5, maxPendingPerAddress: 2, pollMs: 500 };

describe('pending enrolments', () => {
  it('gives each request a unique code and a secret id; the outcome reaches the display once', () => {
    const clock = { t: 0 };
    const p = pendingEnrolments(() => clock.t, limits);
    const a = p.add(hint, '10.0.0.1');
    const b = p.add(hint, '10.0.0.2');
    if (!a.ok || !b.ok || a.answer.status !== 'pending' || b.answer.status !== 'pending') throw new Error('expected pending');
    expect(a.answer.code).not.toBe(b.answer.code);
    expect(a.answer.code).toMatch(/^\d{6}$/);
    expect(p.list().map((r) => r.address)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(JSON.stringify(p.list())).not.toContain(a.answer.requestId);
    expect(p.decide(a.answer.code, { status: 'refused', message: 'no' })).toBe(true);
    expect(p.decide(a.answer.code, { status: 'refused', message: 'twice' })).toBe(false);
    expect(p.status(a.answer.requestId)).toEqual({ status: 'refused', message: 'no' });
    expect(p.status(a.answer.requestId).status).toBe('expired');
    expect(p.status(b.answer.requestId).status).toBe('pending');
  });

  it('a screen asking again replaces its own older request', () => {
    const p = pendingEnrolments(() => 0, limits);
    const first = p.add(hint, '10.0.0.1');
    const again = p.add(hint, '10.0.0.1');
    if (!first.ok || !again.ok || first.answer.status !== 'pending' || again.answer.status !== 'pending') throw new Error('expected pending');
    expect(p.list().map((r) => r.code)).toEqual([again.answer.code]);
    expect(p.status(first.answer.requestId).status).toBe('expired');
  });

  it('caps requests per address and in all, and forgets them when they expire', () => {
    const clock = { t: 0 };
    const p = pendingEnrolments(() => clock.t, limits);
    const other = (k: number) => ({ ...hint, display: `d${k}` });
    expect([1, 2, 3].map((k) => p.add(other(k), '10.0.0.1').ok)).toEqual([true, true, false]);
    expect([1, 2, 3, 4].map((k) => p.add(other(k), `10.0.1.${k}`).ok)).toEqual([true, true, true, false]);
    clock.t = 1000;
    expect(p.list()).toEqual([]);
    expect(p.add(hint, '10.0.0.1').ok).toBe(true);
  });
});
