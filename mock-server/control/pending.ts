/**
 * Enrolment requests waiting for an operator (see src/hub/enrolment.ts). Held in this process's
 * memory, bounded in all and per address, each for ENROL_LIMITS.pendingTtlMs: a request is worth
 * nothing until an operator approves it, and a display whose hub restarted simply asks again.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { ENROL_LIMITS, type EnrolAnswer, type PendingEnrolment, type Slot } from '../../src/hub/enrolment.ts';

interface Request {
  requestId: string;
  code: string;
  hint: Slot;
  address: string;
  requestedAt: number;
  expiresAt: number;
  /** Set once decided; the display reads it with its next status poll, then the request is gone. */
  outcome?: EnrolAnswer;
}

export type AddResult = { ok: true; answer: EnrolAnswer } | { ok: false; error: 'too-many-pending'; message: string };

export function pendingEnrolments(now: () => number = Date.now, limits: { [K in keyof typeof ENROL_LIMITS]: number } = ENROL_LIMITS) {
  const byId = new Map<string, Request>();
  const byCode = new Map<string, Request>();

  const drop = (r: Request) => {
    byId.delete(r.requestId);
    if (byCode.get(r.code) === r) byCode.delete(r.code);
  };
  const expire = () => {
    const t = now();
    for (const r of byId.values()) if (r.expiresAt <= t) drop(r);
  };
  const pendingAnswer = (r: Request): EnrolAnswer => ({ status: 'pending', requestId: r.requestId, code: r.code, expiresAt: r.expiresAt, pollMs: limits.pollMs });

  return {
    add(hint: Slot, address: string): AddResult {
      expire();
      // The same screen asking again (it reloaded): its older code goes, so it never blocks itself.
      for (const r of byCode.values()) if (r.address === address && r.hint.wall === hint.wall && r.hint.display === hint.display) drop(r);
      const waiting = [...byCode.values()];
      if (waiting.length >= limits.maxPending)
        return { ok: false, error: 'too-many-pending', message: `${limits.maxPending} displays are already waiting for approval: try again in a few minutes` };
      if (waiting.filter((r) => r.address === address).length >= limits.maxPendingPerAddress)
        return { ok: false, error: 'too-many-pending', message: `${limits.maxPendingPerAddress} displays from ${address} are already waiting for approval` };
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (byCode.has(code));
      const t = now();
      const r: Request = { requestId: randomBytes(24).toString('base64url'), code, hint, address, requestedAt: t, expiresAt: t + limits.pendingTtlMs };
      byId.set(r.requestId, r);
      byCode.set(code, r);
      return { ok: true, answer: pendingAnswer(r) };
    },

    /** What the display with this request id learns: still pending, its outcome once, or expired. */
    status(requestId: string): EnrolAnswer {
      expire();
      const r = byId.get(requestId);
      if (!r) return { status: 'expired', message: 'no such request, or it expired unapproved: enrol again for a new code' };
      if (!r.outcome) return pendingAnswer(r);
      drop(r);
      return r.outcome;
    },

    /** The request showing `code`, if one waits. */
    byCode(code: string): Readonly<Request> | undefined {
      expire();
      return byCode.get(code);
    },

    /** Decides a request: the display learns `outcome` at its next poll; the code is free again. */
    decide(code: string, outcome: EnrolAnswer): boolean {
      const r = byCode.get(code);
      if (!r) return false;
      r.outcome = outcome;
      byCode.delete(code);
      return true;
    },

    list(): PendingEnrolment[] {
      expire();
      return [...byCode.values()].map(({ code, hint, address, requestedAt, expiresAt }) => ({ code, hint, address, requestedAt, expiresAt }));
    },
  };
}
export type PendingEnrolments = ReturnType<typeof pendingEnrolments>;
