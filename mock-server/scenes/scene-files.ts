import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Scene } from '../../src/hub/contract.ts';
import { parseScene } from '../../src/hub/scene-migrations.ts';

export const SCENES_DIR = fileURLToPath(new URL('../../scenes/', import.meta.url));

export interface SceneFile {
  /** The file's name in its folder (the seed's message names it). */
  file: string;
  scene: Scene;
}

/**
 * The scene files of a folder, in name order, migrated to the current format. A file that fails is
 * skipped with a logged reason naming the file and the field; the others still load.
 */
export function loadSceneFiles(dir = SCENES_DIR, log: (msg: string) => void = console.warn): SceneFile[] {
  const out: SceneFile[] = [];
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const parsed = parseScene(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (parsed.ok) out.push({ file, scene: parsed.scene });
      else log(`scene ${file} skipped: ${parsed.error}`);
    } catch (err) {
      log(`scene ${file} skipped: ${(err as Error).message}`);
    }
  }
  return out;
}
