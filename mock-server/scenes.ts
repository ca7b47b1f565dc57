import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Scene } from '../src/hub/contract.ts';
import { parseScene } from '../src/hub/scene-migrations.ts';

const SCENES_DIR = fileURLToPath(new URL('../scenes/', import.meta.url));

/**
 * Scene files the hub serves, checked against the scene schema. A file that fails is skipped
 * with a logged reason naming the file and the field; the others are still served.
 */
export function loadScenes(dir = SCENES_DIR, log: (msg: string) => void = console.warn): Scene[] {
  const scenes: Scene[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const parsed = parseScene(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (parsed.ok) scenes.push(parsed.scene);
      else log(`scene ${name} skipped: ${parsed.error}`);
    } catch (err) {
      log(`scene ${name} skipped: ${(err as Error).message}`);
    }
  }
  return scenes;
}
