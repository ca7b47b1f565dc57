/**
 * The console's door to the hub's REST routes, shared by the events desk and the Displays view: the
 * operator's token in the Authorization header (never in a URL), a timeout on every request, every
 * JSON answer validated with its schema where it arrives. Nothing throws: each call answers a
 * Result, and a failure says what kind it was and, in Chinese with English, why (with the hub's own
 * message where it gave one), so a 404 or 409 reads the same way in every view.
 */
import type { z } from 'zod';
import type { StoreApi } from 'zustand/vanilla';
import { API_PREFIX, ErrorBodySchema, describeIssue } from '../../hub/contract.ts';

const TIMEOUT_MS = 8_000;

export type HubErrorKind =
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'invalid-request'
  | 'bad-request'
  | 'unauthorised'
  | 'forbidden'
  | 'not-found'
  | 'illegal-step'
  | 'conflict'
  | 'rate-limited'
  | 'server';

export interface HubError {
  kind: HubErrorKind;
  /** HTTP status, null when no answer came. */
  status: number | null;
  /** The hub's error code, when its body carried one. */
  code?: string;
  /** For the operator: Chinese with English, the hub's message last. */
  message: string;
  /**
   * A refusal's JSON body as it came, unchecked: for a caller whose refusal carries more than
   * ErrorBody (the scene designer's save conflict), which validates it with its own schema.
   */
  body?: unknown;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: HubError };
export type Failure = { ok: false; error: HubError };

const KIND_WORDS: Record<HubErrorKind, string> = {
  network: '无法连接中枢 Hub unreachable',
  timeout: '中枢未应答 No answer from the hub',
  'invalid-response': '中枢应答无效 Invalid answer from the hub',
  'invalid-request': '输入无效 Invalid input',
  'bad-request': '请求被拒 Bad request',
  unauthorised: '登录已失效 Session no longer valid',
  forbidden: '无权操作 Not allowed',
  'not-found': '未找到 Not found',
  'illegal-step': '不可执行此步骤 Step refused',
  conflict: '状态已变化 Already changed',
  'rate-limited': '操作过于频繁 Too many requests',
  server: '中枢出错 Hub error',
};

export function fail(kind: HubErrorKind, status: number | null, detail?: string, code?: string): Failure {
  return { ok: false, error: { kind, status, ...(code ? { code } : {}), message: detail ? `${KIND_WORDS[kind]}: ${detail}` : KIND_WORDS[kind] } };
}

/** An HTTP refusal as the operator should read it: the hub's reason when its body says one. */
export function errorOfResponse(status: number, body: unknown): Failure {
  const parsed = ErrorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  const hubMessage = parsed.success ? parsed.data.message.slice(0, 500) : `HTTP ${status}`;
  if (status === 409) return fail(code === 'illegal-step' ? 'illegal-step' : 'conflict', status, hubMessage, code);
  const kind: HubErrorKind =
    status === 400 || status === 422
      ? 'bad-request'
      : status === 401
        ? 'unauthorised'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not-found'
            : status === 429
              ? 'rate-limited'
              : 'server';
  return fail(kind, status, hubMessage, code);
}

type Fetch = typeof fetch;

export interface HubRestOptions {
  /** The operator's token now (it changes with every sign-in). */
  token: () => string | null;
  /** The hub no longer takes the token (401): the console signs out. */
  onUnauthorised?: (error: HubError) => void;
  /** An answer failed its schema and was dropped: counted with the console's other rejections. */
  onRejected?: (what: string, why: string) => void;
  /** Where a view words a refusal its own way (in place of the words above). */
  refusalWords?: Partial<Record<HubErrorKind, string>>;
  fetch?: Fetch;
  timeoutMs?: number;
}

export interface HubRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  accept?: string;
}

export class HubRest {
  private fetchImpl: Fetch;
  private timeoutMs: number;

  constructor(
    private hubUrl: string,
    private options: HubRestOptions,
  ) {
    // Bound at call time so a test (or a later polyfill) can replace the global.
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  /** One request: the token, a timeout, and the answer as a Response or a failure. */
  async request(path: string, init: HubRequest = {}): Promise<Result<Response>> {
    const token = this.options.token();
    if (!token) return fail('unauthorised', null, '未登录 Not signed in');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: init.accept ?? 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.hubUrl}${API_PREFIX}${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error)?.name;
      return name === 'TimeoutError' || name === 'AbortError' ? fail('timeout', null) : fail('network', null, (err as Error)?.message);
    }
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => undefined);
      const failed = errorOfResponse(res.status, body);
      if (body !== undefined) failed.error.body = body;
      if (failed.error.kind === 'unauthorised') this.options.onUnauthorised?.(failed.error);
      const words = this.options.refusalWords?.[failed.error.kind];
      if (words) failed.error.message = words + failed.error.message.slice(KIND_WORDS[failed.error.kind].length);
      return failed;
    }
    return { ok: true, data: res };
  }

  /**
   * A JSON answer validated with its schema: a body that fails it is an error, never trusted, and
   * is reported to onRejected as `what` (the path unless named).
   */
  async json<S extends z.ZodType>(path: string, schema: S, init: HubRequest & { what?: string } = {}): Promise<Result<z.infer<S>>> {
    const res = await this.request(path, init);
    if (!res.ok) return res;
    let body: unknown;
    try {
      body = await res.data.json();
    } catch (err) {
      // The timeout also covers reading the body: a slow answer is not a malformed one.
      const name = (err as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') return fail('timeout', res.data.status);
      return this.rejected(init.what ?? path, res.data.status, '不是 JSON not JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return this.rejected(init.what ?? path, res.data.status, describeIssue(parsed.error));
    return { ok: true, data: parsed.data };
  }

  private rejected(what: string, status: number, why: string): Failure {
    this.options.onRejected?.(what, why);
    return fail('invalid-response', status, why);
  }
}

/**
 * A desk's step against the hub with its busy flag up (its buttons disabled, no double submit)
 * until the answer lands, however it ends.
 */
export async function whileBusy<S, T>(store: StoreApi<S>, busy: Partial<S>, idle: Partial<S>, step: () => Promise<T>): Promise<T> {
  store.setState(busy);
  try {
    return await step();
  } finally {
    store.setState(idle);
  }
}
