/**
 * The scene designer's part of the hub contract (all under API_PREFIX, `Authorization: Bearer
 * <designer token>` from POST /auth/designer; operators and displays get 403).
 *
 * Every save makes a new numbered version of a scene (author, time, message); versions are never
 * changed or removed while the scene exists. A scene's *head* is its newest version (the draft the
 * designers work on); its *published* version is the one walls show, set only by an explicit
 * publish, and may be any version (rolling back is publishing, or saving, an older one).
 *
 * Saves name the version they were based on (`baseVersion`): when another designer saved since,
 * the hub answers 409 with what they changed (SceneConflict), never overwriting it.
 *
 * Publishing tells every connected display and console at once (CONTROL_EVENTS.scenePublished);
 * a wall showing the scene switches to the new version without a reload. GET /scenes (contract.ts)
 * serves the published version of every published scene.
 */
import { z } from 'zod';
import { SceneIdSchema, SceneSchema } from './contract.ts';
import { epochMs } from './schema-kit.ts';

export const DESIGNER_API = {
  signIn: '/auth/designer',
  /** GET ?q=<words> (list), POST (create). */
  scenes: '/designer/scenes',
  /** GET (head and published), PUT (save a version), DELETE (refused while a wall shows it). */
  scene: (id: string) => `/designer/scenes/${encodeURIComponent(id)}`,
  /** GET: every version, newest first. */
  versions: (id: string) => `/designer/scenes/${encodeURIComponent(id)}/versions`,
  /** GET: one version, whole. */
  version: (id: string, v: number) => `/designer/scenes/${encodeURIComponent(id)}/versions/${v}`,
  /** POST { version }: make it what walls show. */
  publish: (id: string) => `/designer/scenes/${encodeURIComponent(id)}/publish`,
} as const;

export const DESIGNER_LIMITS = {
  /** Versions kept per scene; the oldest unpublished beyond this are pruned. */
  maxVersionsPerScene: 500,
  messageChars: 200,
  /** Scenes a hub holds (published or not). */
  maxScenes: 64,
} as const;

const VersionNumberSchema = z.number().int().min(1);
const MessageSchema = z.string().trim().max(DESIGNER_LIMITS.messageChars);

/** One saved version, without its body. */
export const VersionInfoSchema = z.object({
  version: VersionNumberSchema,
  author: z.string().min(1).max(64),
  message: z.string().max(DESIGNER_LIMITS.messageChars),
  savedAt: epochMs(),
});
export type VersionInfo = z.infer<typeof VersionInfoSchema>;

/** GET /designer/scenes: a line per scene. */
export const SceneEntrySchema = z.object({
  id: SceneIdSchema,
  title: z.string(),
  titleEn: z.string(),
  description: z.string(),
  head: VersionInfoSchema,
  /** The version walls show; null while never published. */
  published: VersionNumberSchema.nullable(),
  /** Walls whose current scene this is (such a scene cannot be deleted). */
  shownOn: z.array(z.string()).max(256),
  layerCount: z.number().int().min(0),
  panelCount: z.number().int().min(0),
});
export type SceneEntry = z.infer<typeof SceneEntrySchema>;
export const SceneListSchema = z.object({ scenes: z.array(SceneEntrySchema).max(DESIGNER_LIMITS.maxScenes) });
export type SceneList = z.infer<typeof SceneListSchema>;

/** GET /designer/scenes/:id, and the answer to create, save and publish. */
export const SceneRecordSchema = z.object({
  id: SceneIdSchema,
  head: VersionInfoSchema,
  /** The head version's scene, in the current format. */
  scene: SceneSchema,
  published: VersionNumberSchema.nullable(),
  shownOn: z.array(z.string()).max(256),
});
export type SceneRecord = z.infer<typeof SceneRecordSchema>;

/** GET /designer/scenes/:id/versions/:v */
export const SceneVersionSchema = VersionInfoSchema.extend({ scene: SceneSchema });
export type SceneVersion = z.infer<typeof SceneVersionSchema>;
export const VersionListSchema = z.object({ versions: z.array(VersionInfoSchema), published: VersionNumberSchema.nullable() });
export type VersionList = z.infer<typeof VersionListSchema>;

/**
 * POST /designer/scenes. `scene` is any scene file (an older format is migrated, src/hub/
 * scene-migrations.ts); its id must be new (409 `exists` otherwise). Import, duplicate and
 * create-from-template are this call with the scene the designer built.
 */
export const CreateSceneSchema = z.object({ scene: z.unknown(), message: MessageSchema.default('') });
/** PUT /designer/scenes/:id: the scene's id must be the path's. */
export const SaveSceneSchema = z.object({ baseVersion: VersionNumberSchema, scene: z.unknown(), message: MessageSchema.default('') });
export const PublishSchema = z.object({ version: VersionNumberSchema });

/** What changed between two versions of a scene, in a designer's terms (src/hub/scene-diff.ts). */
export const SceneDiffSchema = z.object({
  /** Top-level fields that changed: "title", "camera", "description", "modules", "city", "tours". */
  fields: z.array(z.string()),
  layers: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    /** Layer id → the fields of it that changed ("style.opacity", "topic", "visible", "kind"). */
    changed: z.record(z.string(), z.array(z.string())),
    reordered: z.boolean(),
  }),
  panels: z.object({
    /** "kind @ slot" */
    added: z.array(z.string()),
    removed: z.array(z.string()),
    /** Panel kind → "left-1 → right-2" */
    moved: z.record(z.string(), z.string()),
  }),
});
export type SceneDiff = z.infer<typeof SceneDiffSchema>;

/** The body of a 409 on save: another designer saved since `baseVersion`. */
export const SceneConflictSchema = z.object({
  error: z.literal('conflict'),
  message: z.string(),
  /** The version now at the head, saved by someone else. */
  head: VersionInfoSchema,
  /** What changed from the save's base to that head. */
  theirs: SceneDiffSchema,
  headScene: SceneSchema,
});
export type SceneConflict = z.infer<typeof SceneConflictSchema>;

/** Socket CONTROL_EVENTS.scenePublished, hub → displays and consoles. */
export const ScenePublishedSchema = z.object({ scene: SceneSchema, version: VersionNumberSchema });
export type ScenePublished = z.infer<typeof ScenePublishedSchema>;
