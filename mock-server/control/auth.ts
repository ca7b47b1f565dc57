import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { TokenResponse } from '../../src/hub/control.ts';

export type Role = 'operator' | 'display';

export interface TokenClaims {
  role: Role;
  /** The operator's user name, or `<wall>/<display>`. */
  sub: string;
  wall?: string;
  display?: string;
  jti: string;
  /** Expiry, epoch seconds (JWT `exp`). */
  exp: number;
}

/** Revoked token ids, each kept until its token would have expired anyway. */
export interface RevocationList {
  revoke(jti: string, expiresAtMs: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
}

export type Verified =
  | { ok: true; claims: TokenClaims }
  | { ok: false; error: 'token-expired' | 'unauthorised'; message: string };

const ISSUER = 'onescreen-hub';
const MAX_REVOKED = 100_000;

export function memoryRevocations(now: () => number = Date.now): RevocationList {
  const revoked = new Map<string, number>();
  return {
    async revoke(jti, expiresAtMs) {
      if (revoked.size >= MAX_REVOKED) for (const [id, exp] of revoked) if (exp <= now()) revoked.delete(id);
      // Still full of live revocations: drop the oldest rather than grow without bound.
      if (revoked.size >= MAX_REVOKED) revoked.delete(revoked.keys().next().value!);
      revoked.set(jti, expiresAtMs);
    },
    async isRevoked(jti) {
      const exp = revoked.get(jti);
      if (exp === undefined) return false;
      // Past its expiry the token is refused as expired anyway: forget it.
      if (exp > now()) return true;
      revoked.delete(jti);
      return false;
    },
  };
}

/** Compares secrets in time independent of where they differ (hashing first evens the lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface TokenServiceOptions {
  secret: string;
  operatorTtlS: number;
  displayTtlS: number;
  revocations: RevocationList;
  now?: () => number;
}

export function createTokenService(options: TokenServiceOptions) {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;

  async function issue(role: Role, sub: string, extra: { wall?: string; display?: string } = {}): Promise<TokenResponse> {
    const iat = Math.floor(now() / 1000);
    const exp = iat + Math.round(role === 'operator' ? options.operatorTtlS : options.displayTtlS);
    const token = await new SignJWT({ role, ...extra })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(sub)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
    return { token, role, expiresAt: exp * 1000 };
  }

  async function verify(token: unknown): Promise<Verified> {
    if (typeof token !== 'string' || token.length === 0) return { ok: false, error: 'unauthorised', message: 'no token' };
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: new Date(now()) }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, error: 'token-expired', message: 'token expired: sign in again' };
      return { ok: false, error: 'unauthorised', message: 'invalid token' };
    }
    const { role, sub, jti, exp, wall, display } = payload;
    if ((role !== 'operator' && role !== 'display') || typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number')
      return { ok: false, error: 'unauthorised', message: 'token lacks its claims' };
    if (await options.revocations.isRevoked(jti)) return { ok: false, error: 'unauthorised', message: 'token revoked' };
    const claims: TokenClaims = { role, sub, jti, exp };
    if (typeof wall === 'string') claims.wall = wall;
    if (typeof display === 'string') claims.display = display;
    return { ok: true, claims };
  }

  /** Revokes a valid token; an expired one needs nothing. */
  async function revoke(token: unknown): Promise<Verified> {
    const verified = await verify(token);
    if (verified.ok) await options.revocations.revoke(verified.claims.jti, verified.claims.exp * 1000);
    return verified;
  }

  return {
    issueOperator: (user: string) => issue('operator', user),
    issueDisplay: (wall: string, display: string) => issue('display', `${wall}/${display}`, { wall, display }),
    verify,
    revoke,
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
