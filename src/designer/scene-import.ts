/**
 * A scene file a designer brings in: checked before anything reaches the hub, each refusal saying
 * what is wrong with the file in the designer's terms (too large, not JSON, not a scene, written by
 * a newer OneScreen, naming kinds this build does not have). An older format is migrated, so what
 * the hub stores is the current format.
 */
import { SCENE_LIMITS, SCENE_SCHEMA_VERSION, type Scene } from '../hub/contract.ts';
import { parseScene } from '../hub/scene-migrations.ts';
import { checkScene } from '../modules/scene-validation.ts';

export type ImportCheck = { ok: true; scene: Scene; migratedFrom: number | null } | { ok: false; error: string };

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** Before reading it: a file past the limit is not opened at all. */
export function checkFileSize(bytes: number): string | null {
  return bytes > SCENE_LIMITS.maxFileBytes ? `文件过大 File too large: ${kb(bytes)}, at most ${kb(SCENE_LIMITS.maxFileBytes)}` : null;
}

export function checkImport(text: string, bytes = new TextEncoder().encode(text).length): ImportCheck {
  const tooLarge = checkFileSize(bytes);
  if (tooLarge) return { ok: false, error: tooLarge };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `不是 JSON 文件 Not a JSON file: ${(err as Error).message}` };
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  const newer = typeof version === 'number' && version > SCENE_SCHEMA_VERSION;
  const checked = checkScene(raw);
  if (!checked.ok) {
    const what = newer ? '来自较新版本 From a newer OneScreen' : '不是可用的场景 Not a usable scene';
    return { ok: false, error: `${what}: ${checked.error}` };
  }
  const parsed = parseScene(raw);
  return { ok: true, scene: checked.scene, migratedFrom: parsed.ok ? parsed.migratedFrom : null };
}
