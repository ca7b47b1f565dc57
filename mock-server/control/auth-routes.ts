import { Router, type Request } from 'express';
import { DisplayLoginSchema, OperatorLoginSchema } from '../../src/hub/control.ts';
import type { ErrorBody } from '../../src/hub/contract.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import { sameSecret, type TokenService } from './auth.ts';
import type { ControlOptions } from './config.ts';
import { controlLimits, type ControlLimits } from './rate-limit.ts';

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });
const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * POST /auth/operator, /auth/display, /auth/revoke (mounted under API_PREFIX). Sign-ins count per
 * client address in `limits`: the hub backend's (shared through Redis when scaled out); without
 * them, in this process.
 */
export function authRoutes(
  tokens: TokenService,
  options: ControlOptions,
  limits: Pick<ControlLimits, 'operatorLogins' | 'displayLogins'> = controlLimits(options),
): Router {
  const router = Router();

  router.post('/auth/operator', async (req, res) => {
    const limit = await limits.operatorLogins.hit(clientAddress(req));
    if (!limit.ok)
      return void res
        .status(429)
        .set('retry-after', String(limit.retryAfterS))
        .json(errorBody('rate-limited', 'too many sign-in attempts: wait a minute'));
    const parsed = OperatorLoginSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    // Both compared every time, so the answer's timing does not tell which one was wrong.
    const userOk = sameSecret(parsed.data.user, options.operatorUser);
    const passwordOk = sameSecret(parsed.data.password, options.operatorPassword);
    if (!(userOk && passwordOk)) return void res.status(401).json(errorBody('unauthorised', 'wrong user or password'));
    res.json(await tokens.issueOperator(parsed.data.user));
  });

  router.post('/auth/display', async (req, res) => {
    const limit = await limits.displayLogins.hit(clientAddress(req));
    if (!limit.ok)
      return void res
        .status(429)
        .set('retry-after', String(limit.retryAfterS))
        .json(errorBody('rate-limited', 'too many display sign-ins: wait a minute'));
    const parsed = DisplayLoginSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    if (options.displayKey !== undefined && !sameSecret(parsed.data.key ?? '', options.displayKey))
      return void res.status(401).json(errorBody('unauthorised', 'this hub needs the display key'));
    res.json(await tokens.issueDisplay(parsed.data.wall, parsed.data.display));
  });

  router.post('/auth/revoke', async (req, res) => {
    const match = /^Bearer (\S{16,2000})$/.exec(req.get('authorization') ?? '');
    if (!match) return void res.status(401).json(errorBody('unauthorised', 'send the token as "Authorization: Bearer <token>"'));
    const result = await tokens.revoke(match[1]);
    // An expired token is as good as revoked already.
    if (!result.ok && result.error !== 'token-expired') return void res.status(401).json(errorBody('unauthorised', result.message));
    res.status(204).end();
  });

  return router;
}
