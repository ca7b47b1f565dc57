/**
 * The Displays view's door to the hub's enrolment routes (ENROL_API): the operator's token in the
 * Authorization header (never in a URL), a timeout on every request, every answer validated with the
 * contract's schemas where it arrives. Nothing throws: each call answers a Result, with the same
 * error kinds and wording as the events desk's client (errorOfResponse), so a 404 or 409 reads the
 * same way in both views, with the hub's own message last.
 */
import { z } from 'zod';
import { API_PREFIX, describeIssue } from '../../../hub/contract.ts';
import {
  ApproveRequestSchema,
  CreateWallRequestSchema,
  DeviceIdSchema,
  DisplaysResponseSchema,
  ENROL_API,
  RefuseRequestSchema,
  type ApproveRequest,
  type DisplaysResponse,
} from '../../../hub/enrolment.ts';
import { errorOfResponse, type EventsError, type Result } from '../events/events-client.ts';

export type { Result };
export type HubError = EventsError;

const TIMEOUT_MS = 8_000;

/** The words for failures found here (the hub's refusals are worded by errorOfResponse). */
const LOCAL_WORDS = {
  network: '无法连接中枢 Hub unreachable',
  timeout: '中枢未应答 No answer from the hub',
  'invalid-response': '中枢应答无效 Invalid answer from the hub',
  'invalid-request': '输入无效 Invalid input',
  unauthorised: '登录已失效 Session no longer valid',
} as const;

function fail(kind: keyof typeof LOCAL_WORDS, status: number | null, detail?: string): { ok: false; error: HubError } {
  return { ok: false, error: { kind, status, message: detail ? `${LOCAL_WORDS[kind]}: ${detail}` : LOCAL_WORDS[kind] } };
}

/**
 * The list, checked beyond its shape: the console finds pending requests by code and enrolled
 * displays by id, so a repeated one would make a row (or an approval) ambiguous.
 */
const ListAnswerSchema = DisplaysResponseSchema.superRefine((d, ctx) => {
  const twice = <T,>(xs: T[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const code = twice(d.pending.map((p) => p.code));
  if (code !== undefined) ctx.addIssue({ code: 'custom', path: ['pending'], message: `pairing code ${code} listed twice` });
  const id = twice(d.enrolled.map((e) => e.id));
  if (id !== undefined) ctx.addIssue({ code: 'custom', path: ['enrolled'], message: `device ${id} listed twice` });
});

type Fetch = typeof fetch;

export interface DisplaysClientOptions {
  /** The operator's token now (it changes with every sign-in). */
  token: () => string | null;
  /** The hub no longer takes the token (401): the console signs out. */
  onUnauthorised?: (error: HubError) => void;
  /** An answer failed the contract and was dropped: counted with the console's other rejections. */
  onRejected?: (what: string, why: string) => void;
  fetch?: Fetch;
  timeoutMs?: number;
}

export class DisplaysClient {
  private fetchImpl: Fetch;
  private timeoutMs: number;

  constructor(
    private hubUrl: string,
    private options: DisplaysClientOptions,
  ) {
    // Bound at call time so a test (or a later polyfill) can replace the global.
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  private async request(path: string, init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown } = {}): Promise<Result<Response>> {
    const token = this.options.token();
    if (!token) return fail('unauthorised', null, '未登录 Not signed in');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
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
      if (failed.error.kind === 'unauthorised') this.options.onUnauthorised?.(failed.error);
      // A 409 here is a limit or a clash (too many walls…), not an event that moved on meanwhile.
      if (failed.error.kind === 'conflict') failed.error.message = failed.error.message.replace(/^状态已变化 Already changed/, '冲突 Conflict');
      return failed;
    }
    return { ok: true, data: res };
  }

  private invalid(what: string, status: number, why: string): { ok: false; error: HubError } {
    this.options.onRejected?.(what, why);
    return fail('invalid-response', status, why);
  }

  /** GET /displays: pending requests, enrolled displays, walls. */
  async list(): Promise<Result<DisplaysResponse>> {
    const res = await this.request(ENROL_API.displays);
    if (!res.ok) return res;
    let body: unknown;
    try {
      body = await res.data.json();
    } catch {
      return this.invalid('displays', res.data.status, '不是 JSON not JSON');
    }
    const parsed = ListAnswerSchema.safeParse(body);
    if (!parsed.success) return this.invalid('displays', res.data.status, describeIssue(parsed.error));
    return { ok: true, data: parsed.data };
  }

  /**
   * An operator's step: checked with the contract before it leaves. The contract names no answer
   * body for these routes, so the console uses none: a 2xx is success, and the list fetched next is
   * what the console shows.
   */
  private async step<S extends z.ZodType>(path: string, method: 'POST' | 'DELETE', schema: S | null, body?: unknown): Promise<Result<null>> {
    let checked: unknown = body;
    if (schema) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) return fail('invalid-request', null, describeIssue(parsed.error));
      checked = parsed.data;
    }
    const res = await this.request(path, { method, ...(checked !== undefined ? { body: checked } : {}) });
    if (!res.ok) return res;
    // Drain the body (if any) so the connection is reused; nothing in it is trusted.
    await res.data.arrayBuffer().catch(() => undefined);
    return { ok: true, data: null };
  }

  /** POST /displays/approve {code, slot}. */
  approve(request: ApproveRequest): Promise<Result<null>> {
    return this.step(ENROL_API.approve, 'POST', ApproveRequestSchema, request);
  }

  /** POST /displays/refuse {code}. */
  refuse(code: string): Promise<Result<null>> {
    return this.step(ENROL_API.refuse, 'POST', RefuseRequestSchema, { code });
  }

  /** DELETE /displays/:id (204). */
  async revoke(id: string): Promise<Result<null>> {
    const checked = DeviceIdSchema.safeParse(id);
    if (!checked.success) return fail('invalid-request', null, describeIssue(checked.error));
    return this.step(ENROL_API.display(checked.data), 'DELETE', null);
  }

  /** POST /walls {wall}: an empty wall, for displays to be approved into. */
  createWall(wall: string): Promise<Result<null>> {
    return this.step(ENROL_API.walls, 'POST', CreateWallRequestSchema, { wall });
  }
}
