// Small pieces every control route needs: who is asking (address, operator, designer) and how to refuse.
import type { Request, Response } from 'express';
import type { ErrorBody } from '../../src/hub/contract.ts';
import type { TokenClaims, TokenService } from './auth.ts';
import type { RefusalLog } from './refusal-log.ts';

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });

/** The client's address: the peer's, unless express is told to trust a proxy in front (`trust proxy`, off by default). */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
export const isLoopbackAddress = (address: string | undefined): boolean => LOOPBACK.test(address ?? '');
/** Whether the peer itself is on this machine (never a forwarded address: a proxy on loopback forwards anyone). */
export const isLoopback = (req: Request): boolean => isLoopbackAddress(req.socket.remoteAddress);

/** Token answers must not be kept by any cache. */
export function noStore(res: Response): Response {
  return res.set('cache-control', 'no-store');
}

/** 429 with Retry-After; logged once per window per key. */
export function tooMany(res: Response, retryAfterS: number, message: string, refusals: RefusalLog, key: string): void {
  refusals.note(key, `rate-limited: ${key}`, { event: 'rate-limited', key });
  res.status(429).set('retry-after', String(retryAfterS)).json(errorBody('rate-limited', message));
}

/**
 * The holder of a `role` token behind `Authorization: Bearer <token>`, or null after answering 401
 * (no token, a bad, expired or revoked one) or 403 (a token of another role: roles are per token).
 */
async function bearerOf(req: Request, res: Response, tokens: TokenService, role: 'operator' | 'designer'): Promise<TokenClaims | null> {
  const match = /^Bearer (\S{16,2000})$/.exec(req.get('authorization') ?? '');
  if (!match) return void res.status(401).json(errorBody('unauthorised', `sign in: send "Authorization: Bearer <${role} token>"`)), null;
  const verified = await tokens.verify(match[1]);
  if (!verified.ok) return void res.status(401).json(errorBody(verified.error, verified.message)), null;
  if (verified.claims.role !== role) return void res.status(403).json(errorBody('forbidden', `${role}s only`)), null;
  return verified.claims;
}

/** The operator behind `Authorization: Bearer <token>`, or null after answering 401/403. */
export const operatorOf = (req: Request, res: Response, tokens: TokenService) => bearerOf(req, res, tokens, 'operator');

/** The scene designer behind `Authorization: Bearer <token>`, or null after answering 401/403. */
export const designerOf = (req: Request, res: Response, tokens: TokenService) => bearerOf(req, res, tokens, 'designer');
