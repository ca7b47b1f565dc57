import { randomBytes } from 'node:crypto';
import { CONTROL_LIMITS, WallIdSchema } from '../../src/hub/control.ts';

/** How the hub's one-screen control is set up: the operator's and designer's credentials, tokens, Redis. */
export interface ControlOptions {
  operatorUser: string;
  operatorPassword: string;
  /** The scene designer's account: publishes scenes, never steers a wall. */
  designerUser: string;
  designerPassword: string;
  /** HS256 key for every token. Random per process unless set: then tokens die with the process. */
  tokenSecret: string;
  operatorTokenTtlS: number;
  displayTokenTtlS: number;
  designerTokenTtlS: number;
  ackTimeoutMs: number;
  /** Sign-ins (operator and designer together) per client address per minute before 429. */
  loginAttemptsPerMinute: number;
  /**
   * Demo mode (`npm start`, the tests): displays on loopback are enrolled at once into the slot
   * they ask for, and the default passwords are allowed. Off: the hub refuses to start with a
   * default password, and every display waits for an operator's approval.
   */
  demo: boolean;
  /** Walls that exist from configuration (HUB_WALLS); others exist because an operator made them. */
  walls: string[];
  /** Open sockets one client address may hold (every hub process counts its own). */
  maxSocketsPerAddress: number;
  /** Open sockets one token may hold. */
  maxSocketsPerToken: number;
  /** Several hub processes share walls, rooms and revocations through this Redis. */
  redisUrl?: string;
}

export const DEFAULT_OPERATOR_USER = 'operator';
export const DEFAULT_OPERATOR_PASSWORD = 'onescreen';
export const DEFAULT_DESIGNER_USER = 'designer';
export const DEFAULT_DESIGNER_PASSWORD = 'onescreen';

export function defaultControlOptions(): ControlOptions {
  return {
    operatorUser: DEFAULT_OPERATOR_USER,
    operatorPassword: DEFAULT_OPERATOR_PASSWORD,
    designerUser: DEFAULT_DESIGNER_USER,
    designerPassword: DEFAULT_DESIGNER_PASSWORD,
    tokenSecret: randomBytes(32).toString('base64url'),
    operatorTokenTtlS: 8 * 3600,
    displayTokenTtlS: 24 * 3600,
    designerTokenTtlS: 8 * 3600,
    ackTimeoutMs: CONTROL_LIMITS.ackTimeoutMs,
    loginAttemptsPerMinute: 10,
    demo: false,
    walls: ['main'],
    maxSocketsPerAddress: 100,
    maxSocketsPerToken: 8,
  };
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** Reads HUB_OPERATOR_*, HUB_DESIGNER_*, HUB_TOKEN_SECRET, HUB_*_TOKEN_TTL_S, HUB_DEMO, HUB_WALLS, HUB_MAX_SOCKETS_*, REDIS_URL. Throws on bad config. */
export function controlOptionsFromEnv(env: Record<string, string | undefined>): ControlOptions {
  const base = defaultControlOptions();
  const redisUrl = env.REDIS_URL || undefined;
  const secret = env.HUB_TOKEN_SECRET || undefined;
  // Every hub process must verify the tokens the others issued: a random key per process cannot.
  if (redisUrl && !secret) throw new Error('HUB_TOKEN_SECRET is required when REDIS_URL is set (all hub processes share it)');
  if (secret && secret.length < 16) throw new Error('HUB_TOKEN_SECRET must be at least 16 characters');
  if (env.HUB_DISPLAY_KEY)
    throw new Error('HUB_DISPLAY_KEY is gone: displays are enrolled by an operator in the console (see docs/security.md); unset it');
  const walls = (env.HUB_WALLS ?? base.walls.join(',')).split(',').map((w) => w.trim()).filter(Boolean);
  for (const w of walls) if (!WallIdSchema.safeParse(w).success) throw new Error(`HUB_WALLS: "${w}" is not a wall id (lower-case letters, digits and dashes)`);
  return {
    ...base,
    operatorUser: env.HUB_OPERATOR_USER || base.operatorUser,
    operatorPassword: env.HUB_OPERATOR_PASSWORD || base.operatorPassword,
    designerUser: env.HUB_DESIGNER_USER || base.designerUser,
    designerPassword: env.HUB_DESIGNER_PASSWORD || base.designerPassword,
    tokenSecret: secret ?? base.tokenSecret,
    operatorTokenTtlS: positive(env, 'HUB_OPERATOR_TOKEN_TTL_S', base.operatorTokenTtlS),
    displayTokenTtlS: positive(env, 'HUB_DISPLAY_TOKEN_TTL_S', base.displayTokenTtlS),
    designerTokenTtlS: positive(env, 'HUB_DESIGNER_TOKEN_TTL_S', base.designerTokenTtlS),
    ackTimeoutMs: positive(env, 'HUB_ACK_TIMEOUT_MS', base.ackTimeoutMs),
    loginAttemptsPerMinute: positive(env, 'HUB_LOGIN_ATTEMPTS_PER_MIN', base.loginAttemptsPerMinute),
    demo: env.HUB_DEMO === '1',
    walls,
    maxSocketsPerAddress: positive(env, 'HUB_MAX_SOCKETS_PER_ADDRESS', base.maxSocketsPerAddress),
    maxSocketsPerToken: positive(env, 'HUB_MAX_SOCKETS_PER_TOKEN', base.maxSocketsPerToken),
    redisUrl,
  };
}

/** Outside demo mode the default password is refused: the hub asks for one instead of starting. */
export function checkOperatorPassword(options: Pick<ControlOptions, 'demo' | 'operatorPassword'>): void {
  if (!options.demo && options.operatorPassword === DEFAULT_OPERATOR_PASSWORD)
    throw new Error(
      `the operator password is the default "${DEFAULT_OPERATOR_PASSWORD}": set HUB_OPERATOR_PASSWORD (or HUB_DEMO=1 for a demo on one machine)`,
    );
}

/** The designer's account, likewise: publishing to every wall deserves a password of its own. */
export function checkDesignerPassword(options: Pick<ControlOptions, 'demo' | 'designerPassword'>): void {
  if (!options.demo && options.designerPassword === DEFAULT_DESIGNER_PASSWORD)
    throw new Error(
      `the designer password is the default "${DEFAULT_DESIGNER_PASSWORD}": set HUB_DESIGNER_PASSWORD (or HUB_DEMO=1 for a demo on one machine)`,
    );
}
