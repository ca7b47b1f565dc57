/**
 * The scene designer's store, in the hub's database (the Sql handle events and devices use): every
 * version of every scene, its head and its published version. Safe with several hub processes on
 * one PostgreSQL: a save locks its scene's row (SELECT … FOR UPDATE), so of two saves on the same
 * base exactly one lands and the other is told what the winner changed; creates are serialised by
 * an advisory lock, so the scene count stays within DESIGNER_LIMITS.maxScenes.
 */
import type { Scene } from '../../src/hub/contract.ts';
import { DESIGNER_LIMITS, type VersionInfo } from '../../src/hub/designer.ts';
import { parseScene } from '../../src/hub/scene-migrations.ts';
import type { Queryable, Sql } from '../events/store/sql.ts';

/** NOTIFY channel: a scene's published version changed (payload: its id). Every hub process listens. */
export const SCENES_CHANNEL = 'onescreen_scenes';
/** pg_advisory_xact_lock key of scene creation (the migrator's is 4_242_000_001). */
const CREATE_LOCK_KEY = 4_242_000_002;

export type SceneRefusal = 'not-found' | 'no-version' | 'exists' | 'too-many-scenes';

/** A change the store refuses; `code` is the ErrorBody's `error`. */
export class SceneStoreError extends Error {
  constructor(
    readonly code: SceneRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'SceneStoreError';
  }
}

/** A save whose base is not the head any more: someone else saved since. */
export class SceneConflictError extends Error {
  constructor(
    readonly head: VersionInfo,
    readonly headScene: Scene,
    readonly baseScene: Scene,
  ) {
    super(`${head.author} saved version ${head.version} since: look at their changes, then save on top of them`);
    this.name = 'SceneConflictError';
  }
}

/** A scene with its head version whole. */
export interface StoredScene {
  id: string;
  head: VersionInfo;
  scene: Scene;
  published: number | null;
}

/** A line of the list: the head's words and counts, without its body. */
export interface SceneLine {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  head: VersionInfo;
  published: number | null;
  layerCount: number;
  panelCount: number;
}

export interface PublishedScene {
  id: string;
  version: number;
  scene: Scene;
  /** Order of arrival (the list's order). */
  seq: number;
}

export interface SaveInfo {
  author: string;
  message: string;
}

type InfoRow = { version: number; author: string; message: string; saved_at: number };
type HeadRow = InfoRow & { id: string; published: number | null; body: unknown };

const info = (r: InfoRow): VersionInfo => ({ version: r.version, author: r.author, message: r.message, savedAt: Number(r.saved_at) });

/** A stored body, read as the current format: rows written by an older hub are migrated like files. */
function sceneOf(id: string, version: number, body: unknown): Scene {
  const parsed = parseScene(typeof body === 'string' ? JSON.parse(body) : body);
  if (!parsed.ok) throw new Error(`scene ${id} version ${version} in the database does not read: ${parsed.error}`);
  return parsed.scene;
}

const HEAD = `SELECT s.id, s.published, v.version, v.author, v.message, v.saved_at, v.body
  FROM scenes s JOIN scene_versions v ON v.scene_id = s.id AND v.version = s.head`;

type PublishedRow = { id: string; published: number; seq: number; body: unknown };
const PUBLISHED = `SELECT s.id, s.published, s.seq, v.body FROM scenes s
  JOIN scene_versions v ON v.scene_id = s.id AND v.version = s.published`;
const toPublished = (r: PublishedRow): PublishedScene => ({ id: r.id, version: r.published, seq: Number(r.seq), scene: sceneOf(r.id, r.published, r.body) });

async function headOf(q: Queryable, id: string): Promise<StoredScene | null> {
  const { rows } = await q.query<HeadRow>(`${HEAD} WHERE s.id = $1`, [id]);
  const r = rows[0];
  return r ? { id: r.id, head: info(r), scene: sceneOf(r.id, r.version, r.body), published: r.published } : null;
}

async function insertVersion(tx: Queryable, id: string, version: number, scene: Scene, by: SaveInfo, at: number) {
  await tx.query('INSERT INTO scene_versions (scene_id, version, body, author, message, saved_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)', [
    id,
    version,
    JSON.stringify(scene),
    by.author,
    by.message,
    at,
  ]);
}

/** Inserts a new scene at version 1 (the caller checked that it is new); published at once if asked. */
export async function insertScene(tx: Queryable, scene: Scene, by: SaveInfo, at: number, publish: boolean) {
  await tx.query('INSERT INTO scenes (id, head, published, created_at) VALUES ($1, 1, $2, $3)', [scene.id, publish ? 1 : null, at]);
  await insertVersion(tx, scene.id, 1, scene, by, at);
}

export interface SceneStoreOptions {
  /** Versions kept per scene (DESIGNER_LIMITS.maxVersionsPerScene); small in tests. */
  maxVersions?: number;
  maxScenes?: number;
  now?: () => number;
}

export function sceneStore(sql: Sql, opts: SceneStoreOptions = {}) {
  const maxVersions = opts.maxVersions ?? DESIGNER_LIMITS.maxVersionsPerScene;
  const maxScenes = opts.maxScenes ?? DESIGNER_LIMITS.maxScenes;
  const now = opts.now ?? Date.now;

  /** Inside the transaction, so other hub processes hear it only once it is committed. */
  const notify = async (tx: Queryable, id: string) => {
    if (sql.kind === 'postgres') await tx.query('SELECT pg_notify($1, $2)', [SCENES_CHANNEL, id]);
  };

  /** The scene's row, locked until the transaction ends: the one place saves and publishes of it queue up. */
  async function lock(tx: Queryable, id: string) {
    const { rows } = await tx.query<{ head: number; published: number | null }>('SELECT head, published FROM scenes WHERE id = $1 FOR UPDATE', [id]);
    if (!rows[0]) throw new SceneStoreError('not-found', `no scene "${id}"`);
    return rows[0];
  }

  async function versionBody(q: Queryable, id: string, version: number): Promise<Scene | null> {
    const { rows } = await q.query<{ body: unknown }>('SELECT body FROM scene_versions WHERE scene_id = $1 AND version = $2', [id, version]);
    return rows[0] ? sceneOf(id, version, rows[0].body) : null;
  }

  /** Drops the oldest versions beyond maxVersions, never the head nor the published one. */
  async function prune(tx: Queryable, id: string, head: number, published: number | null) {
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM scene_versions WHERE scene_id = $1', [id]);
    const excess = rows[0].n - maxVersions;
    if (excess <= 0) return;
    await tx.query(
      `DELETE FROM scene_versions WHERE scene_id = $1 AND version IN (
         SELECT version FROM scene_versions
         WHERE scene_id = $1 AND version <> $2 AND ($3::int IS NULL OR version <> $3::int)
         ORDER BY version LIMIT $4)`,
      [id, head, published, excess],
    );
  }

  return {
    /** Every scene with its head's words, in order of arrival. */
    async list(): Promise<SceneLine[]> {
      const { rows } = await sql.query<InfoRow & { id: string; published: number | null; title: string; title_en: string; description: string | null; layers: number; panels: number }>(
        `SELECT s.id, s.published, v.version, v.author, v.message, v.saved_at,
           v.body->>'title' AS title, v.body->>'titleEn' AS title_en, v.body->>'description' AS description,
           jsonb_array_length(v.body->'layers') AS layers, jsonb_array_length(v.body->'panels') AS panels
         FROM scenes s JOIN scene_versions v ON v.scene_id = s.id AND v.version = s.head
         ORDER BY s.seq`,
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        titleEn: r.title_en,
        description: r.description ?? '',
        head: info(r),
        published: r.published,
        layerCount: r.layers,
        panelCount: r.panels,
      }));
    },

    get: (id: string) => headOf(sql, id),

    /** Every version kept, newest first; null for an unknown scene. */
    async versions(id: string): Promise<{ versions: VersionInfo[]; published: number | null } | null> {
      const { rows } = await sql.query<InfoRow & { published: number | null }>(
        `SELECT s.published, v.version, v.author, v.message, v.saved_at
         FROM scenes s JOIN scene_versions v ON v.scene_id = s.id WHERE s.id = $1 ORDER BY v.version DESC`,
        [id],
      );
      return rows.length ? { versions: rows.map(info), published: rows[0].published } : null;
    },

    async version(id: string, version: number): Promise<(VersionInfo & { scene: Scene }) | null> {
      const { rows } = await sql.query<InfoRow & { body: unknown }>(
        'SELECT version, author, message, saved_at, body FROM scene_versions WHERE scene_id = $1 AND version = $2',
        [id, version],
      );
      return rows[0] ? { ...info(rows[0]), scene: sceneOf(id, version, rows[0].body) } : null;
    },

    /** A new scene at version 1, not published. Refused when its id is taken or the hub is full. */
    async create(scene: Scene, by: SaveInfo): Promise<StoredScene> {
      return sql.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [CREATE_LOCK_KEY]);
        const { rows } = await tx.query<{ n: number; taken: boolean }>('SELECT count(*)::int AS n, bool_or(id = $1) AS taken FROM scenes', [scene.id]);
        if (rows[0].taken) throw new SceneStoreError('exists', `scene "${scene.id}" exists already: save a new version of it, or choose another id`);
        if (rows[0].n >= maxScenes) throw new SceneStoreError('too-many-scenes', `the hub holds its maximum of ${maxScenes} scenes: delete one first`);
        await insertScene(tx, scene, by, now(), false);
        return (await headOf(tx, scene.id))!;
      });
    },

    /**
     * A new version on top of `baseVersion`, which must still be the head: otherwise nothing is
     * written and SceneConflictError says what the head is now.
     */
    async save(id: string, baseVersion: number, scene: Scene, by: SaveInfo): Promise<StoredScene> {
      return sql.transaction(async (tx) => {
        const row = await lock(tx, id);
        if (baseVersion !== row.head) {
          const base = baseVersion < row.head ? await versionBody(tx, id, baseVersion) : null;
          if (!base) throw new SceneStoreError('no-version', `baseVersion: scene "${id}" has no version ${baseVersion} (its head is ${row.head})`);
          const head = (await headOf(tx, id))!;
          throw new SceneConflictError(head.head, head.scene, base);
        }
        const next = row.head + 1;
        await insertVersion(tx, id, next, scene, by, now());
        await tx.query('UPDATE scenes SET head = $2 WHERE id = $1', [id, next]);
        await prune(tx, id, next, row.published);
        return (await headOf(tx, id))!;
      });
    },

    /** Makes any kept version the one walls show (an older one: a rollback). */
    async publish(id: string, version: number): Promise<StoredScene> {
      return sql.transaction(async (tx) => {
        await lock(tx, id);
        const { rows } = await tx.query('SELECT 1 FROM scene_versions WHERE scene_id = $1 AND version = $2', [id, version]);
        if (!rows.length) throw new SceneStoreError('no-version', `version: scene "${id}" has no version ${version}`);
        await tx.query('UPDATE scenes SET published = $2 WHERE id = $1', [id, version]);
        await notify(tx, id);
        return (await headOf(tx, id))!;
      });
    },

    /** Deletes a scene with every version; false when there was none. */
    async remove(id: string): Promise<boolean> {
      return sql.transaction(async (tx) => {
        const r = await tx.query('DELETE FROM scenes WHERE id = $1', [id]);
        if (r.rowCount > 0) await notify(tx, id);
        return r.rowCount > 0;
      });
    },

    /** What walls are served: every published scene at its published version, in order of arrival. */
    async published(): Promise<PublishedScene[]> {
      const { rows } = await sql.query<PublishedRow>(`${PUBLISHED} ORDER BY s.seq`);
      return rows.map(toPublished);
    },

    /** One scene as walls are served it; null when it is gone or was never published. */
    async publishedOne(id: string): Promise<PublishedScene | null> {
      const { rows } = await sql.query<PublishedRow>(`${PUBLISHED} WHERE s.id = $1`, [id]);
      return rows[0] ? toPublished(rows[0]) : null;
    },
  };
}
export type SceneStore = ReturnType<typeof sceneStore>;
