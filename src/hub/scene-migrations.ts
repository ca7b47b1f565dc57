/**
 * Scene files of every format this build has written load here: each version is migrated to the
 * next, one step at a time (kepler.gl's way with saved maps), then checked against the current
 * SceneSchema. A file from a newer build is refused with both versions named rather than guessed at.
 *
 * Adding format N+1: freeze format N's schema below as SceneVNSchema, write `N: (vN) => vN+1`
 * into MIGRATIONS, bump SCENE_SCHEMA_VERSION in contract.ts, and add a fixture of format N to
 * scene-migrations.test.ts.
 */
import { z } from 'zod';
import { CameraSchema, SCENE_SCHEMA_VERSION, SceneSchema, SceneLayerSchema, describeIssue, type Scene } from './contract.ts';
import { tourIssueText } from './tour.ts';

/** Format 1 (up to 2026-12): four panel slots a side, at most 16 layers, no description. */
const V1_SLOTS = ['left-1', 'left-2', 'left-3', 'left-4', 'right-1', 'right-2', 'right-3', 'right-4'] as const;
export const SceneV1Schema = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  modules: z.array(z.string()).min(1).max(8),
  camera: CameraSchema,
  city: z.object({ buildings: z.boolean().default(true) }).default({ buildings: true }),
  layers: z.array(SceneLayerSchema).max(16),
  panels: z.array(z.object({ kind: z.string(), slot: z.enum(V1_SLOTS) })).max(V1_SLOTS.length),
});
export type SceneV1 = z.infer<typeof SceneV1Schema>;

/** Each entry turns a file of format `from` (already checked by its schema) into format from+1. */
const MIGRATIONS: Record<number, { schema: z.ZodType; up(old: never): Record<string, unknown> }> = {
  1: {
    schema: SceneV1Schema,
    // Format 2 adds a description and room for more layers and panels; every v1 slot keeps its name.
    up: (v1: SceneV1) => ({ ...v1, schemaVersion: 2, description: '' }),
  },
};

export type SceneParse = { ok: true; scene: Scene; migratedFrom: number | null } | { ok: false; error: string };

/** The version a raw file says it is, or why it cannot be read as a scene at all. */
function versionOf(raw: unknown): number | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a scene: expected a JSON object';
  const v = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (v === undefined) return 'schemaVersion: missing (a scene file says which format it is)';
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return `schemaVersion: expected a whole number from 1, not ${JSON.stringify(v)}`;
  if (v > SCENE_SCHEMA_VERSION)
    return `schemaVersion: this scene was written by a newer OneScreen (format ${v}); this one reads formats 1 to ${SCENE_SCHEMA_VERSION}`;
  return v;
}

/**
 * The first problem of a scene, naming the field: "layers.2.style: …"; inside a tour, its step and
 * field in words: "tours.0 · Step 3 · camera · duration: must be at most 20 s".
 */
export function describeSceneIssue(error: z.ZodError): string {
  const first = error.issues[0];
  const [top, index, ...rest] = first?.path ?? [];
  if (top !== 'tours' || typeof index !== 'number' || !rest.length) return describeIssue(error);
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `tours.${index} · ${tourIssueText({ ...first, path: rest } as z.core.$ZodIssue)}${more}`;
}

/** Migrates a scene file of any known format to the current one, then checks its shape. */
export function parseScene(raw: unknown): SceneParse {
  const version = versionOf(raw);
  if (typeof version === 'string') return { ok: false, error: version };
  let value = raw as Record<string, unknown>;
  for (let v = version; v < SCENE_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    const old = step.schema.safeParse(value);
    if (!old.success) return { ok: false, error: `${describeIssue(old.error)} (in a format-${v} scene)` };
    value = step.up(old.data as never);
  }
  const parsed = SceneSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeSceneIssue(parsed.error) };
  return { ok: true, scene: parsed.data, migratedFrom: version === SCENE_SCHEMA_VERSION ? null : version };
}
