import { Router, type Request, type Response } from 'express';
import { OperatorLoginSchema } from '../../src/hub/control.ts';
import type { ErrorBody } from '../../src/hub/contract.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import { sameSecret, type TokenService } from './auth.ts';
import type { ControlOptions } from './config.ts';
import { clientAddress, noStore, tooMany } from './http-kit.ts';
import type { ControlLimits } from './rate-limit.ts';
import type { RefusalLog } from './refusal-log.ts';

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });

export interface AuthDeps {
  tokens: TokenService;
  options: Pick<ControlOptions, 'operatorUser' | 'operatorPassword' | 'designerUser' | 'designerPassword'>;
  limits: Pick<ControlLimits, 'operatorLogins' | 'accountBackoff'>;
  /** Disconnects every socket of a token (its jti), on every hub process. */
  cutOff(jti: string): void;
  log(msg: string, fields?: Record<string, unknown>): void;
  refusals: RefusalLog;
}

type Person = 'operator' | 'designer';

/**
 * POST /auth/operator, /auth/designer and /auth/revoke (mounted under API_PREFIX). A sign-in counts
 * against its client address (a fixed window, one count for both accounts, so alternating them wins
 * a guesser nothing) and, when it fails, against the account it names (exponential back-off,
 * capped: a guesser elsewhere slows the real person by a minute at most). Every attempt is logged
 * with its outcome; refusals while limited are logged once per window.
 */
export function authRoutes(deps: AuthDeps): Router {
  const { tokens, options, limits, log } = deps;
  const router = Router();
  const accounts = {
    operator: { user: options.operatorUser, password: options.operatorPassword, issue: tokens.issueOperator },
    designer: { user: options.designerUser, password: options.designerPassword, issue: tokens.issueDesigner },
  } satisfies Record<Person, unknown>;

  const signIn = (role: Person) => async (req: Request, res: Response) => {
    const account = accounts[role];
    const address = clientAddress(req);
    const limit = await limits.operatorLogins.hit(address);
    if (!limit.ok) return tooMany(res, limit.retryAfterS, 'too many sign-in attempts from this address: wait a minute', deps.refusals, `sign-in ${address}`);
    const parsed = OperatorLoginSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    // Operator keys predate the designer's (they are kept as they were, in Redis too).
    const key = role === 'operator' ? parsed.data.user.toLowerCase() : `${role}:${parsed.data.user.toLowerCase()}`;
    const wait = await limits.accountBackoff.wait(key);
    if (wait > 0) return tooMany(res, wait, `too many failed sign-ins for this account: wait ${wait} s`, deps.refusals, `sign-in account ${key}`);
    // Both compared every time, so the answer's timing does not tell which one was wrong.
    const userOk = sameSecret(parsed.data.user, account.user);
    const passwordOk = sameSecret(parsed.data.password, account.password);
    if (!(userOk && passwordOk)) {
      const backoffS = await limits.accountBackoff.failed(key);
      log(`${role} sign-in failed for "${parsed.data.user}" from ${address}`, { event: 'sign-in', role, user: parsed.data.user, address, outcome: 'failed', backoffS });
      return void res.status(401).json(errorBody('unauthorised', 'wrong user or password'));
    }
    await limits.accountBackoff.succeeded(key);
    log(`${role} ${parsed.data.user} signed in from ${address}`, { event: 'sign-in', role, user: parsed.data.user, address, outcome: 'ok' });
    noStore(res).json(await account.issue(parsed.data.user));
  };

  router.post('/auth/operator', signIn('operator'));
  router.post('/auth/designer', signIn('designer'));

  router.post('/auth/revoke', async (req, res) => {
    const match = /^Bearer (\S{16,2000})$/.exec(req.get('authorization') ?? '');
    if (!match) return void res.status(401).json(errorBody('unauthorised', 'send the token as "Authorization: Bearer <token>"'));
    const result = await tokens.revoke(match[1]);
    // An expired token is as good as revoked already.
    if (!result.ok && result.error !== 'token-expired') return void res.status(401).json(errorBody('unauthorised', result.message));
    if (result.ok) {
      deps.cutOff(result.claims.jti);
      log(`token of ${result.claims.sub} revoked`, { event: 'token-revoked', sub: result.claims.sub, role: result.claims.role });
    }
    res.status(204).end();
  });

  return router;
}
