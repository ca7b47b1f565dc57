import { ErrorBodySchema, describeIssue } from './contract.ts';
import { TokenResponseSchema, type TokenResponse } from './control.ts';
import { DisplayLoginSchema } from './enrolment.ts';
import { wallNow } from '../core/wall-clock.ts';
import { PayloadError, type HubRest } from './rest.ts';

/** Where the live socket gets the token for its next handshake. */
export interface TokenSource {
  /** A token good for the next handshake; '' when none could be had. */
  current(): Promise<string>;
  /** The hub refused the last one: the next must be fresh. */
  refused(): void;
}

/**
 * The display's receive-only token (POST /auth/display), traded for its device credential
 * (enrolment.ts) before a handshake and again when the hub refused it (expired, revoked, a
 * restarted hub's new key) or it is about to expire. A credential the hub no longer knows
 * (401 not-enrolled: revoked, or another device took the slot) is the owner's to deal with:
 * `onNotEnrolled` is called once, and no token comes from it again.
 */
export class DisplayToken implements TokenSource {
  private token: TokenResponse | null = null;
  private stale = false;
  private notEnrolled = false;

  constructor(
    private rest: HubRest,
    private credential: string | undefined,
    private onNotEnrolled: () => void = () => {},
  ) {}

  /** The hub refused the token: fetch a fresh one before the next handshake. */
  refused() {
    this.stale = true;
  }

  /** A token good for the next handshake; '' when none could be had (the hub refuses, and the refusal path retries). */
  async current(): Promise<string> {
    if (this.notEnrolled) return '';
    const t = this.token;
    if (t && !this.stale && t.expiresAt - wallNow() > 30_000) return t.token;
    try {
      this.token = await this.fetch();
      this.stale = false;
    } catch (err) {
      this.rest.diag.error('auth', (err as Error).message);
    }
    return this.notEnrolled ? '' : (this.token?.token ?? '');
  }

  private async fetch(): Promise<TokenResponse> {
    if (this.credential === undefined) throw new Error('display token: this display has no device credential (not enrolled)');
    const { res, answer } = await this.rest.postJson('/auth/display', DisplayLoginSchema.parse({ credential: this.credential }));
    if (!res.ok) {
      const body = ErrorBodySchema.safeParse(answer);
      if (res.status === 401 && body.success && body.data.error === 'not-enrolled' && !this.notEnrolled) {
        this.notEnrolled = true;
        this.onNotEnrolled();
      }
      throw new Error(`display token: HTTP ${res.status}${body.success ? ` ${body.data.error}: ${body.data.message.slice(0, 200)}` : ''}`);
    }
    const parsed = TokenResponseSchema.safeParse(answer);
    if (!parsed.success || parsed.data.role !== 'display') {
      const why = parsed.success ? `role ${parsed.data.role}` : describeIssue(parsed.error);
      this.rest.diag.rejected('auth/display', why);
      throw new PayloadError(`display token rejected: ${why}`);
    }
    this.rest.diag.accepted();
    return parsed.data;
  }
}
