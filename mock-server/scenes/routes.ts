/**
 * The scene designer's REST (src/hub/designer.ts, mounted under API_PREFIX): designer tokens only.
 * Every body is checked with its schema and every scene with parseScene (an older format migrated,
 * a newer one refused: designer-bodies.ts); a refusal names the field.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { SceneIdSchema, type ErrorBody } from '../../src/hub/contract.ts';
import {
  CreateSceneSchema,
  DESIGNER_API,
  PublishSchema,
  SaveSceneSchema,
  type SceneConflict,
  type SceneEntry,
  type SceneList,
  type SceneRecord,
  type SceneVersion,
  type VersionList,
} from '../../src/hub/designer.ts';
import { diffScenes } from '../../src/hub/scene-diff.ts';
import type { TokenService } from '../control/auth.ts';
import { designerOf } from '../control/http-kit.ts';
import type { WallStore } from '../control/wall-store.ts';
import { BadRequest, parse, sceneFrom } from './designer-bodies.ts';
import type { PublishedScenes } from './published-scenes.ts';
import { SceneConflictError, SceneStoreError, type SceneStore, type StoredScene } from './scene-store.ts';
import { matchesWords, ListQuerySchema } from './scene-search.ts';

export interface SceneRoutesDeps {
  store: SceneStore;
  published: Pick<PublishedScenes, 'changed'>;
  tokens: TokenService;
  /** Each wall's current scene: what a scene is shown on, and what must not be deleted. */
  walls: Pick<WallStore, 'walls' | 'state'>;
  log(msg: string, fields?: Record<string, unknown>): void;
}

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });
const STATUS: Record<SceneStoreError['code'], number> = { 'not-found': 404, 'no-version': 404, exists: 409, 'too-many-scenes': 429 };

const PathSchema = z.object({ id: SceneIdSchema });
const idOf = (req: Request) => parse(PathSchema, { id: req.params.id }).id;

export function sceneRoutes(deps: SceneRoutesDeps): Router {
  const { store, log } = deps;
  const router = Router();
  const one = '/designer/scenes/:id';

  /** Walls by the scene they show now. */
  async function showing(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const walls = (await deps.walls.walls()).sort();
    const states = await Promise.all(walls.map((w) => deps.walls.state(w)));
    for (const s of states) if (s.scene) out.set(s.scene, [...(out.get(s.scene) ?? []), s.wall]);
    return out;
  }

  const record = async (s: StoredScene): Promise<SceneRecord> => ({ ...s, shownOn: (await showing()).get(s.id) ?? [] });

  /** A designer's handler: the token checked first, the store's refusals answered with their status. */
  const designer =
    (fn: (req: Request, res: Response, who: string) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const claims = await designerOf(req, res, deps.tokens);
        if (claims) await fn(req, res, claims.sub);
      } catch (err) {
        if (err instanceof BadRequest) return void res.status(400).json(errorBody('bad-request', err.message));
        if (err instanceof SceneStoreError) return void res.status(STATUS[err.code]).json(errorBody(err.code === 'no-version' ? 'not-found' : err.code, err.message));
        if (err instanceof SceneConflictError) {
          const body: SceneConflict = { error: 'conflict', message: err.message, head: err.head, theirs: diffScenes(err.baseScene, err.headScene), headScene: err.headScene };
          return void res.status(409).json(body);
        }
        next(err);
      }
    };

  router.get(
    DESIGNER_API.scenes,
    designer(async (req, res) => {
      const { q } = parse(ListQuerySchema, req.query);
      const shown = await showing();
      const scenes: SceneEntry[] = (await store.list()).filter((s) => matchesWords(s, q)).map((s) => ({ ...s, shownOn: shown.get(s.id) ?? [] }));
      res.json({ scenes } satisfies SceneList);
    }),
  );

  router.post(
    DESIGNER_API.scenes,
    designer(async (req, res, who) => {
      const body = parse(CreateSceneSchema, req.body);
      const scene = sceneFrom(body.scene);
      const created = await store.create(scene, { author: who, message: body.message });
      log(`designer ${who} created scene ${scene.id}`, { event: 'scene-created', scene: scene.id, by: who });
      res.status(201).json(await record(created));
    }),
  );

  router.get(
    one,
    designer(async (req, res) => {
      const id = idOf(req);
      const s = await store.get(id);
      if (!s) return void res.status(404).json(errorBody('not-found', `no scene "${id}"`));
      res.json(await record(s));
    }),
  );

  router.put(
    one,
    designer(async (req, res, who) => {
      const id = idOf(req);
      const body = parse(SaveSceneSchema, req.body);
      const scene = sceneFrom(body.scene);
      if (scene.id !== id) throw new BadRequest(`scene.id: "${scene.id}" is not the scene saved here ("${id}"): create a new scene to change its id`);
      let saved: StoredScene;
      try {
        saved = await store.save(id, body.baseVersion, scene, { author: who, message: body.message });
      } catch (err) {
        // A base that never existed (or was pruned) is the request's mistake, not a missing scene.
        if (err instanceof SceneStoreError && err.code === 'no-version') throw new BadRequest(err.message);
        throw err;
      }
      log(`designer ${who} saved scene ${id} version ${saved.head.version}`, { event: 'scene-saved', scene: id, version: saved.head.version, by: who });
      res.json(await record(saved));
    }),
  );

  router.delete(
    one,
    designer(async (req, res, who) => {
      const id = idOf(req);
      const walls = (await showing()).get(id);
      if (walls?.length)
        return void res.status(409).json(errorBody('in-use', `scene "${id}" is shown on wall${walls.length > 1 ? 's' : ''} ${walls.join(', ')}: switch ${walls.length > 1 ? 'them' : 'it'} to another scene first`));
      if (!(await store.remove(id))) return void res.status(404).json(errorBody('not-found', `no scene "${id}"`));
      await deps.published.changed(id);
      log(`designer ${who} deleted scene ${id}`, { event: 'scene-deleted', scene: id, by: who });
      res.status(204).end();
    }),
  );

  router.get(
    `${one}/versions`,
    designer(async (req, res) => {
      const id = idOf(req);
      const list = await store.versions(id);
      if (!list) return void res.status(404).json(errorBody('not-found', `no scene "${id}"`));
      res.json(list satisfies VersionList);
    }),
  );

  router.get(
    `${one}/versions/:v`,
    designer(async (req, res) => {
      const id = idOf(req);
      const v = /^[1-9]\d{0,8}$/.test(String(req.params.v)) ? Number(req.params.v) : null;
      if (v === null) throw new BadRequest(`version: a whole number from 1, not "${String(req.params.v).slice(0, 20)}"`);
      const version = await store.version(id, v);
      if (!version) return void res.status(404).json(errorBody('not-found', `scene "${id}" has no version ${v}`));
      res.json(version satisfies SceneVersion);
    }),
  );

  router.post(
    `${one}/publish`,
    designer(async (req, res, who) => {
      const id = idOf(req);
      const { version } = parse(PublishSchema, req.body);
      const published = await store.publish(id, version);
      // Served (GET /scenes), checked (commands) and announced (scene:published) before the answer.
      await deps.published.changed(id);
      log(`designer ${who} published scene ${id} version ${version}`, { event: 'scene-published', scene: id, version, by: who });
      res.json(await record(published));
    }),
  );

  return router;
}
