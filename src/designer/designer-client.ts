/**
 * The designer's calls to the hub (DESIGNER_API in src/hub/designer.ts), through the console's
 * HubRest: the designer token in the header, a timeout, a Result per call, never a throw. Every
 * answer is checked with the contract's schema and against the request (the record of the scene
 * asked for, the version asked for): one that fails is an error shown, never trusted. A save that
 * another designer overtook comes back as its SceneConflict, checked like any answer.
 */
import type { z } from 'zod';
import { describeIssue } from '../hub/contract.ts';
import {
  CreateSceneSchema,
  DESIGNER_API,
  PublishSchema,
  SaveSceneSchema,
  SceneConflictSchema,
  SceneListSchema,
  SceneRecordSchema,
  SceneVersionSchema,
  VersionListSchema,
  type SceneConflict,
  type SceneList,
  type SceneRecord,
  type SceneVersion,
  type VersionList,
} from '../hub/designer.ts';
import { HubRest, fail, type HubError, type HubRestOptions, type Result } from '../control/console/hub-rest.ts';

export type { HubError, Result } from '../control/console/hub-rest.ts';

/** A save: the new head, or a refusal; `conflict` when another designer saved since the base. */
export type SaveResult = { ok: true; data: SceneRecord } | { ok: false; error: HubError; conflict?: SceneConflict };

const recordOf = (id: string) =>
  SceneRecordSchema.superRefine((r, ctx) => {
    if (r.id !== id) ctx.addIssue({ code: 'custom', path: ['id'], message: `asked for scene "${id}", got "${r.id}"` });
    if (r.scene.id !== r.id) ctx.addIssue({ code: 'custom', path: ['scene', 'id'], message: `the record of "${r.id}" holds scene "${r.scene.id}"` });
  });

const ListAnswerSchema = SceneListSchema.superRefine((l, ctx) => {
  const ids = l.scenes.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) ctx.addIssue({ code: 'custom', path: ['scenes'], message: `scene "${twice}" listed twice` });
});

export type DesignerClientOptions = Omit<HubRestOptions, 'refusalWords'>;

/**
 * Longer than the console's: a save carries up to a 512 KB scene and publishing tells every wall
 * before it answers, and a save that timed out leaves the designer unsure whether it happened.
 */
const DESIGNER_TIMEOUT_MS = 20_000;

export class DesignerClient {
  private rest: HubRest;

  constructor(hubUrl: string, options: DesignerClientOptions) {
    // A 409 here is a clash with the hub's scenes (an id taken, a scene a wall shows), in the hub's words.
    this.rest = new HubRest(hubUrl, { timeoutMs: DESIGNER_TIMEOUT_MS, ...options, refusalWords: { conflict: '冲突 Conflict' } });
  }

  /** GET /designer/scenes?q=: the hub matches the words. */
  list(q = ''): Promise<Result<SceneList>> {
    const words = q.trim();
    const path = words ? `${DESIGNER_API.scenes}?q=${encodeURIComponent(words)}` : DESIGNER_API.scenes;
    return this.rest.json(path, ListAnswerSchema, { what: 'designer scenes' });
  }

  /** GET /designer/scenes/:id: head (with its scene) and published version. */
  get(id: string): Promise<Result<SceneRecord>> {
    return this.rest.json(DESIGNER_API.scene(id), recordOf(id), { what: `scene ${id}` });
  }

  /** POST /designer/scenes: a new scene (blank, template, duplicate, import); its id must be new. */
  create(scene: { id: string }, message = ''): Promise<Result<SceneRecord>> {
    const body = checked(CreateSceneSchema, { scene, message });
    if (!body.ok) return Promise.resolve(body);
    return this.rest.json(DESIGNER_API.scenes, recordOf(scene.id), { method: 'POST', body: body.data, what: `new scene ${scene.id}` });
  }

  /** PUT /designer/scenes/:id with the version the draft is based on. */
  async save(id: string, baseVersion: number, scene: unknown, message = ''): Promise<SaveResult> {
    const body = checked(SaveSceneSchema, { baseVersion, scene, message });
    if (!body.ok) return body;
    const res = await this.rest.json(DESIGNER_API.scene(id), recordOf(id), { method: 'PUT', body: body.data, what: `save ${id}` });
    if (res.ok || res.error.status !== 409) return res;
    return conflictOf(res.error);
  }

  /** DELETE /designer/scenes/:id (refused while a wall shows it). */
  async remove(id: string): Promise<Result<null>> {
    const res = await this.rest.request(DESIGNER_API.scene(id), { method: 'DELETE' });
    if (!res.ok) return res;
    // Drain the body so the connection is reused; nothing in it is trusted.
    await res.data.arrayBuffer().catch(() => undefined);
    return { ok: true, data: null };
  }

  /** GET …/versions: every version, newest first (sorted here too: the order is what is shown). */
  async versions(id: string): Promise<Result<VersionList>> {
    const res = await this.rest.json(DESIGNER_API.versions(id), VersionListSchema, { what: `versions of ${id}` });
    if (!res.ok) return res;
    return { ok: true, data: { ...res.data, versions: [...res.data.versions].sort((a, b) => b.version - a.version) } };
  }

  /** GET …/versions/:v: one version, whole. */
  version(id: string, v: number): Promise<Result<SceneVersion>> {
    const schema = SceneVersionSchema.superRefine((sv, ctx) => {
      if (sv.version !== v) ctx.addIssue({ code: 'custom', path: ['version'], message: `asked for version ${v}, got ${sv.version}` });
      if (sv.scene.id !== id) ctx.addIssue({ code: 'custom', path: ['scene', 'id'], message: `asked for scene "${id}", got "${sv.scene.id}"` });
    });
    return this.rest.json(DESIGNER_API.version(id, v), schema, { what: `${id} v${v}` });
  }

  /** POST …/publish {version}: what walls show from now on. */
  publish(id: string, version: number): Promise<Result<SceneRecord>> {
    const body = checked(PublishSchema, { version });
    if (!body.ok) return Promise.resolve(body);
    return this.rest.json(DESIGNER_API.publish(id), recordOf(id), { method: 'POST', body: body.data, what: `publish ${id} v${version}` });
  }
}

/** A request checked with the contract before it leaves: a bad one never reaches the hub. */
function checked<S extends z.ZodType>(schema: S, body: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : fail('invalid-request', null, describeIssue(parsed.error));
}

/**
 * A 409 on save: the SceneConflict it carries, or (a 409 of another kind, e.g. the id in the body
 * is not the path's) the hub's refusal as it is. A body that says "conflict" but fails the schema
 * is an invalid answer: the designer must not be offered to overwrite changes nobody can show.
 */
export function conflictOf(error: HubError): SaveResult {
  const body = error.body as { error?: unknown } | undefined;
  if (body?.error !== 'conflict') return { ok: false, error };
  const parsed = SceneConflictSchema.safeParse(body);
  if (!parsed.success) return fail('invalid-response', 409, `conflict: ${describeIssue(parsed.error)}`);
  return { ok: false, error, conflict: parsed.data };
}
