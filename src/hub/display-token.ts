import { describeIssue, type DisplayAuth } from './contract.ts';
import { DisplayLoginSchema, TokenResponseSchema, type TokenResponse } from './control.ts';
import { wallNow } from '../core/wall-clock.ts';
import { PayloadError, type HubRest } from './rest.ts';

/**
 * The display's receive-only token (POST /auth/display), fetched before a handshake and again
 * when the hub refused it (expired, revoked, a restarted hub's new key) or it is about to expire.
 */
export class DisplayToken {
  private token: TokenResponse | null = null;
  private stale = false;

  constructor(
    private rest: HubRest,
    private auth: DisplayAuth,
    private displayKey?: string,
  ) {}

  /** The hub refused the token: fetch a fresh one before the next handshake. */
  refused() {
    this.stale = true;
  }

  /** A token good for the next handshake; '' when none could be had (the hub refuses, and the refusal path retries). */
  async current(): Promise<string> {
    const t = this.token;
    if (t && !this.stale && t.expiresAt - wallNow() > 30_000) return t.token;
    try {
      this.token = await this.fetch();
      this.stale = false;
    } catch (err) {
      this.rest.diag.error('auth', (err as Error).message);
    }
    return this.token?.token ?? '';
  }

  private async fetch(): Promise<TokenResponse> {
    const { wall, display } = this.auth;
    const body = DisplayLoginSchema.parse({ wall, display, ...(this.displayKey ? { key: this.displayKey } : {}) });
    const { res, answer } = await this.rest.postJson('/auth/display', body);
    if (!res.ok) {
      const message = (answer as { message?: unknown } | undefined)?.message;
      throw new Error(`display token: HTTP ${res.status}${typeof message === 'string' ? ` ${message.slice(0, 200)}` : ''}`);
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
