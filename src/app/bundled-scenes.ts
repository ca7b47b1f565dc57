import type { Scene } from '../hub/contract.ts';
import { checkScene } from '../modules/scene-validation.ts';

// The scene files ship inside the wall, so it starts with its scenes even without the hub.
const files = import.meta.glob('../../scenes/*.json', { eager: true, import: 'default' });

export interface BundledScenes {
  scenes: Scene[];
  errors: string[];
}

/** Scenes in file-name order ("01-overview.json" first); a bad file is reported, not fatal. */
export function loadBundledScenes(raw: Record<string, unknown> = files): BundledScenes {
  const scenes: Scene[] = [];
  const errors: string[] = [];
  for (const path of Object.keys(raw).sort()) {
    const name = path.split('/').pop();
    const check = checkScene(raw[path]);
    if (check.ok) scenes.push(check.scene);
    else errors.push(`scenes/${name}: ${check.error}`);
  }
  return { scenes, errors };
}
