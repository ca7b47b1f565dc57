import { Router, type Request } from 'express';
import { DisplayLoginSchema, OperatorLoginSchema } from '../../src/hub/control.ts';
import type { ErrorBody } from '../../src/hub/contract.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import { sameSecret, type TokenService } from './auth.ts';
import type { ControlOptions } from './config.ts';
import { windowLimiter } from './rate-limit.ts';

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });
const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
/** Displays sign in far more often than people (every display of every wall, after every outage). */
const DISPLAY_LOGINS_PER_MINUTE = 120;

/** POST /auth/operator, /auth/display, /auth/revoke (mounted under API_PREFIX). */
export function authRoutes(tokens: TokenService, options: ControlOptions): Router {
  const router = Router();
  const operatorLogins = windowLimiter(options.loginAttemptsPerMinute, 60_000);
  const displayLogins = windowLimiter(DISPLAY_LOGINS_PER_MINUTE, 60_000);

  router.post('/auth/operator', async (req, res) => {
    if (!operatorLogins.hit(clientAddress(req)))
      return void res.status(429).set('retry-after', '60').json(errorBody('rate-limited', 'too many sign-in attempts: wait a minute'));
    const parsed = OperatorLoginSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    // Both compared every time, so the answer's timing does not tell which one was wrong.
    const userOk = sameSecret(parsed.data.user, options.operatorUser);
    const passwordOk = sameSecret(parsed.data.password, options.operatorPassword);
    if (!(userOk && passwordOk)) return void res.status(401).json(errorBody('unauthorised', 'wrong user or password'));
    res.json(await tokens.issueOperator(parsed.data.user));
  });

  router.post('/auth/display', async (req, res) => {
    if (!displayLogins.hit(clientAddress(req)))
      return void res.status(429).set('retry-after', '60').json(errorBody('rate-limited', 'too many display sign-ins: wait a minute'));
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
