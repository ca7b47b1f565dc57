import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { TokenResponse } from '../../src/hub/control.ts';

export type Role = 'operator' | 'display' | 'designer';

export interface TokenClaims {
  role: Role;
  /** The operator's or designer's user name, or `<wall>/<display>`. */
  sub: string;
  wall?: string;
  display?: string;
  /** The enrolled device a display token was issued to (revoking the device revokes its tokens). */
  dev?: string;
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
/** A token issued this far in the future (clock skew between hub processes) still verifies. */
const MAX_SKEW_S = 60;

/** The revocation key of a device: every token issued to it is refused while this is revoked. */
export const deviceRevocation = (dev: string) => `device:${dev}`;

/**
 * In this process only, for tests of the token logic: the hub keeps revocations in its database
 * (devices.ts) or Redis. Never drops an entry before its token's expiry, so it never forgets a live one.
 */
export function memoryRevocations(now: () => number = Date.now): RevocationList {
  const revoked = new Map<string, number>();
  let sincePurge = 0;
  return {
    async revoke(jti, expiresAtMs) {
      // Expired entries go now and then (a sweep per revocation would be quadratic).
      if (++sincePurge >= 1000) {
        sincePurge = 0;
        for (const [id, exp] of revoked) if (exp <= now()) revoked.delete(id);
      }
      revoked.set(jti, Math.max(expiresAtMs, revoked.get(jti) ?? 0));
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
  /** Default: the operator's (both are people at a screen). */
  designerTtlS?: number;
  revocations: RevocationList;
  now?: () => number;
}

export function createTokenService(options: TokenServiceOptions) {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;

  const ttls: Record<Role, number> = {
    operator: options.operatorTtlS,
    display: options.displayTtlS,
    designer: options.designerTtlS ?? options.operatorTtlS,
  };
  const ttlS = (role: Role) => Math.round(ttls[role]);

  async function issue(role: Role, sub: string, extra: { wall?: string; display?: string; dev?: string } = {}): Promise<TokenResponse> {
    const iat = Math.floor(now() / 1000);
    const exp = iat + ttlS(role);
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
    const { role, sub, jti, exp, iat, wall, display, dev } = payload;
    if ((role !== 'operator' && role !== 'display' && role !== 'designer') || typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof iat !== 'number')
      return { ok: false, error: 'unauthorised', message: 'token lacks its claims' };
    // Even a correctly signed token (a leaked key, a hub with other settings) lives no longer than this hub issues.
    if (iat > now() / 1000 + MAX_SKEW_S || exp - iat > ttlS(role) + MAX_SKEW_S)
      return { ok: false, error: 'unauthorised', message: 'token lifetime out of bounds' };
    if (role === 'display' && (typeof dev !== 'string' || typeof wall !== 'string' || typeof display !== 'string'))
      return { ok: false, error: 'unauthorised', message: 'a display token without its enrolled device' };
    if (await options.revocations.isRevoked(jti)) return { ok: false, error: 'unauthorised', message: 'token revoked' };
    if (typeof dev === 'string' && (await options.revocations.isRevoked(deviceRevocation(dev))))
      return { ok: false, error: 'unauthorised', message: 'display revoked' };
    const claims: TokenClaims = { role, sub, jti, exp };
    if (typeof wall === 'string') claims.wall = wall;
    if (typeof display === 'string') claims.display = display;
    if (typeof dev === 'string') claims.dev = dev;
    return { ok: true, claims };
  }

  /** Revokes a valid token; an expired one needs nothing. */
  async function revoke(token: unknown): Promise<Verified> {
    const verified = await verify(token);
    if (verified.ok) await options.revocations.revoke(verified.claims.jti, verified.claims.exp * 1000);
    return verified;
  }

  /** Revokes every token of a device, for as long as any of them could still verify. */
  async function revokeDevice(dev: string) {
    await options.revocations.revoke(deviceRevocation(dev), now() + (ttlS('display') + MAX_SKEW_S) * 1000);
  }

  return {
    issueOperator: (user: string) => issue('operator', user),
    issueDesigner: (user: string) => issue('designer', user),
    issueDisplay: (device: { id: string; wall: string; display: string }) =>
      issue('display', `${device.wall}/${device.display}`, { wall: device.wall, display: device.display, dev: device.id }),
    verify,
    revoke,
    revokeDevice,
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
