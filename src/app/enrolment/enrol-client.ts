/**
 * The display's side of enrolment (src/hub/enrolment.ts): a credential kept in storage, or a
 * pairing code shown until an operator approves this screen in the console. Everything outside
 * (fetch, storage, sleep, the clock) comes in as a dependency, so the flow is tested without a hub.
 */
import { z } from 'zod';
import { API_PREFIX, ErrorBodySchema, describeIssue } from '../../hub/contract.ts';
import {
  CredentialSchema,
  DeviceIdSchema,
  ENROL_API,
  ENROL_LIMITS,
  EnrolAnswerSchema,
  SlotSchema,
  type EnrolAnswer,
  type Slot,
} from '../../hub/enrolment.ts';

/** What an approved display keeps: its credential and the slot the operator put it in. */
export const StoredDeviceSchema = z.object({ credential: CredentialSchema, device: DeviceIdSchema, slot: SlotSchema });
export type StoredDevice = z.infer<typeof StoredDeviceSchema>;

/** What the pairing card shows. */
export interface PairingView {
  /** Where the URL says this screen belongs (the operator may choose otherwise). */
  hint: Slot;
  /** The code to show ("123456"); null while one is being asked for. */
  code: string | null;
  /** When the code runs out, on this screen's clock (see localDeadline). */
  expiresAt: number | null;
  /** Why the last request failed (network, HTTP, a bad answer); null once one goes through. */
  error: string | null;
  /** The hub's word on a refused or expired code, shown while the next code is asked for. */
  notice: string | null;
}

export interface EnrolDeps {
  hubUrl: string;
  hint: Slot;
  fetch: typeof fetch;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random?: () => number;
  /** Every change of what the card shows. */
  onView?: (view: PairingView) => void;
  /** A problem worth a line in the console (bad stored record, unusable storage, rejected answer). */
  onProblem?: (message: string) => void;
}

const REQUEST_TIMEOUT_MS = 8_000;
const RETRY_MIN_MS = 1_000;
/** The card should never look dead for long: a hub back up is seen within about this. */
const RETRY_MAX_MS = 10_000;
/** A hub's Retry-After is honoured (asking sooner only earns another 429) up to this. */
const RETRY_AFTER_MAX_MS = 60_000;
/** How long a refusal or expiry is shown before the new code replaces it. */
export const NOTICE_MS = 3_000;

/** localStorage key of the credential of the slot a page's URL names (wall and display from readFlags). */
export const deviceKey = (hint: Pick<Slot, 'wall' | 'display'>) => `onescreen.device:${hint.wall}/${hint.display}`;

/** Growing, jittered, capped at RETRY_MAX_MS: the displays of a wall do not retry in step. */
export function enrolRetryDelay(failures: number, random = Math.random, retryAfterMs = 0): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, failures - 1));
  const jittered = cap / 2 + random() * (cap / 2);
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS));
}

/** A request that got no usable answer: the card shows `message` and the flow retries. */
class EnrolError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

export class DisplayEnrolment {
  readonly key: string;
  private view: PairingView;

  constructor(private deps: EnrolDeps) {
    this.key = deviceKey(deps.hint);
    this.view = { hint: deps.hint, code: null, expiresAt: null, error: null, notice: null };
  }

  /** The device stored for this page's slot, if it is one (a corrupt record is dropped, never trusted). */
  stored(): StoredDevice | null {
    let raw: string | null;
    try {
      raw = this.deps.storage.getItem(this.key);
    } catch (err) {
      this.deps.onProblem?.(`enrolment: storage unreadable (${(err as Error).message})`);
      return null;
    }
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = StoredDeviceSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    this.deps.onProblem?.(`enrolment: stored device dropped (${parsed.success ? '' : describeIssue(parsed.error)})`);
    this.forget();
    return null;
  }

  /** The hub no longer knows this credential (revoked, or another device took the slot). */
  forget() {
    try {
      this.deps.storage.removeItem(this.key);
    } catch {
      // Unusable storage holds nothing to forget.
    }
  }

  /** The stored device, or one enrolled now: resolves once an operator (or demo mode) approves. */
  async obtain(): Promise<StoredDevice> {
    return this.stored() ?? (await this.enrol());
  }

  private async enrol(): Promise<StoredDevice> {
    const { sleep, now } = this.deps;
    let pending: { requestId: string; expiresAt: number } | null = null;
    let failures = 0;
    this.show({});
    for (;;) {
      let answer: EnrolAnswer;
      try {
        // Whether a code still holds is the hub's word (it answers `expired`), not this screen's
        // clock, which may be wrong: a display whose clock ran ahead would otherwise never poll.
        answer = pending
          ? await this.post(ENROL_API.status, { requestId: pending.requestId })
          : await this.post(ENROL_API.enrol, { hint: this.deps.hint });
      } catch (err) {
        const e = err instanceof EnrolError ? err : new EnrolError(`网络 network: ${(err as Error).message}`);
        // A hub that forgot the request (restarted, say) gives no status: ask for a new code at once.
        if (pending && (e.status === 404 || e.status === 410)) {
          pending = null;
          this.show({ code: null, expiresAt: null, error: null });
          continue;
        }
        failures += 1;
        this.show({ error: e.message });
        await sleep(enrolRetryDelay(failures, this.deps.random, e.retryAfterMs));
        continue;
      }
      failures = 0;
      switch (answer.status) {
        case 'approved': {
          const device: StoredDevice = { credential: answer.credential, device: answer.device, slot: answer.slot };
          this.save(device);
          return device;
        }
        case 'pending': {
          // The deadline is fixed when a code is first seen; later polls only confirm it.
          const same: { requestId: string; expiresAt: number } | null = pending;
          const expiresAt: number = same && same.requestId === answer.requestId ? same.expiresAt : localDeadline(answer.expiresAt, now());
          pending = { requestId: answer.requestId, expiresAt };
          this.show({ code: answer.code, expiresAt, error: null, notice: null });
          await sleep(answer.pollMs);
          break;
        }
        case 'refused':
        case 'expired':
          pending = null;
          this.show({
            code: null,
            expiresAt: null,
            error: null,
            notice: `${answer.status === 'refused' ? '已拒绝 Refused' : '已过期 Expired'}${answer.message ? `: ${answer.message}` : ''}`,
          });
          await sleep(NOTICE_MS);
          break;
      }
    }
  }

  private save(device: StoredDevice) {
    try {
      this.deps.storage.setItem(this.key, JSON.stringify(device));
    } catch (err) {
      // The wall still runs; it will ask to be paired again after a reload.
      this.deps.onProblem?.(`enrolment: credential not saved (${(err as Error).message})`);
    }
  }

  private show(change: Partial<PairingView>) {
    this.view = { ...this.view, ...change };
    this.deps.onView?.(this.view);
  }

  /** POSTs and validates the answer; anything but a valid EnrolAnswer throws an EnrolError. */
  private async post(path: string, body: unknown): Promise<EnrolAnswer> {
    const res = await this.deps.fetch(`${this.deps.hubUrl}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const reason = ErrorBodySchema.safeParse(json);
      const retryAfterS = Number(res.headers.get('retry-after'));
      throw new EnrolError(
        `HTTP ${res.status}${reason.success ? ` ${reason.data.error}: ${reason.data.message}` : ''}`.slice(0, 160),
        res.status,
        Number.isFinite(retryAfterS) && retryAfterS > 0 ? retryAfterS * 1000 : 0,
      );
    }
    const parsed = EnrolAnswerSchema.safeParse(json);
    if (!parsed.success) {
      const why = describeIssue(parsed.error);
      this.deps.onProblem?.(`enrolment: answer rejected (${why})`);
      throw new EnrolError(`无效应答 invalid answer: ${why}`.slice(0, 160), res.status);
    }
    return parsed.data;
  }
}

/**
 * A new code's expiry on this screen's clock, for the time left on the card. The hub's `expiresAt`
 * is on the hub's clock; a fresh code has at most ENROL_LIMITS.pendingTtlMs left, so an expiry
 * further off than that, or already past, says the clocks disagree: then the full time is shown.
 */
export function localDeadline(hubExpiresAt: number, now: number): number {
  const left = hubExpiresAt - now;
  return now + (left > 0 && left <= ENROL_LIMITS.pendingTtlMs ? left : ENROL_LIMITS.pendingTtlMs);
}

/**
 * The hint a page sends: its URL's wall and display, and its cell; a 1×1 grid is a single
 * display (null), whether the URL said so or said nothing.
 */
export function hintFromFlags(flags: { wall: string; display: string; grid: { cols: number; rows: number; col: number; row: number } }): Slot {
  const { cols, rows, col, row } = flags.grid;
  return { wall: flags.wall, display: flags.display, grid: cols * rows > 1 ? { cols, rows, col, row } : null };
}

/** How long to wait before reloading after a not-enrolled refusal: at once, unless the last was recent (no tight loop with a confused hub). */
export function notEnrolledReloadDelay(session: Pick<Storage, 'getItem' | 'setItem'>, now: number): number {
  const KEY = 'onescreen.not-enrolled-at';
  const HOLD_MS = 30_000;
  let last = NaN;
  try {
    last = Number(session.getItem(KEY));
    session.setItem(KEY, String(now));
  } catch {
    // Without session storage every reload waits, which is the safe side.
    return HOLD_MS;
  }
  return Number.isFinite(last) && last > 0 && now - last < HOLD_MS ? HOLD_MS : 0;
}
