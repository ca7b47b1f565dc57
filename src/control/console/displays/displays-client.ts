/**
 * The Displays view's calls to the hub's enrolment routes (ENROL_API), through the console's HubRest
 * (the token in the header, a timeout, a Result for each call, never a throw): the same error kinds
 * and wording as the events desk, so a 404 reads the same way in both views. An answer that fails
 * the contract is dropped and counted (onRejected).
 */
import type { z } from 'zod';
import { describeIssue } from '../../../hub/contract.ts';
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
import { HubRest, fail, type HubRestOptions, type Result } from '../hub-rest.ts';

export type { HubError, Result } from '../hub-rest.ts';

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

export type DisplaysClientOptions = Omit<HubRestOptions, 'refusalWords'>;

export class DisplaysClient {
  private rest: HubRest;

  constructor(hubUrl: string, options: DisplaysClientOptions) {
    // A 409 here is a limit or a clash (too many walls…), not an event that moved on meanwhile.
    this.rest = new HubRest(hubUrl, { ...options, refusalWords: { conflict: '冲突 Conflict' } });
  }

  /** GET /displays: pending requests, enrolled displays, walls. */
  list(): Promise<Result<DisplaysResponse>> {
    return this.rest.json(ENROL_API.displays, ListAnswerSchema, { what: 'displays' });
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
    const res = await this.rest.request(path, { method, ...(checked !== undefined ? { body: checked } : {}) });
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
