// The edge of the designer's REST: bodies read (large ones for designers only), checked with their
// schemas, scenes migrated; whatever is wrong becomes a 400 naming the field.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import { SCENE_LIMITS, type ErrorBody, type Scene } from '../../src/hub/contract.ts';
import { parseScene } from '../../src/hub/scene-migrations.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import type { TokenService } from '../control/auth.ts';

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });

/** A request the designer got wrong: 400 `bad-request` with this message (it starts with the field). */
export class BadRequest extends Error {}

/**
 * The designer's JSON bodies: a scene file may be up to SCENE_LIMITS.maxFileBytes, eight times the
 * hub's other bodies, so only a signed-in designer gets the larger parser (anyone else falls through
 * to the hub's 64 KB one, and the route refuses them anyway). Mount before the hub's express.json,
 * on the designer's paths only.
 */
export function designerBodies(tokens: Pick<TokenService, 'verify'>) {
  const parser = express.json({ limit: SCENE_LIMITS.maxFileBytes });
  const designersOnly = (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer (\S{16,2000})$/.exec(req.get('authorization') ?? '');
    if (!match) return next();
    tokens.verify(match[1]).then(
      (v) => (v.ok && v.claims.role === 'designer' ? parser(req, res, next) : next()),
      (err: Error) => next(err),
    );
  };
  const refusals = (err: Error & { type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large')
      return void res.status(413).json(errorBody('too-large', `the body is over ${SCENE_LIMITS.maxFileBytes} bytes, the most a scene file may be`));
    if (err.type === 'entity.parse.failed') return void res.status(400).json(errorBody('bad-request', `body: not JSON (${err.message})`));
    next(err);
  };
  return [designersOnly, refusals];
}

/** `scene` from a body, migrated to the current format; the error names the field inside it. */
export function sceneFrom(raw: unknown): Scene {
  const parsed = parseScene(raw);
  if (parsed.ok) return parsed.scene;
  const error = parsed.error.replace(/^\(root\): /, '');
  throw new BadRequest(/^[\w.-]+: /.test(error) ? `scene.${error}` : `scene: ${error}`);
}

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BadRequest(describeIssue(parsed.error));
  return parsed.data;
}
