import type { Scene } from '../../../hub/contract.ts';

/** The module a layer or panel kind belongs to: its id's prefix, as the wall's checkScene reads it. */
export const moduleOf = (kind: string): string => kind.split('.')[0];

/** The scene's modules with those of `kinds` added (same array when none is missing). */
export function withModulesFor(modules: string[], kinds: Iterable<string>): string[] {
  let out = modules;
  for (const kind of kinds) {
    const m = moduleOf(kind);
    if (!out.includes(m)) out = [...out, m];
  }
  return out;
}

/**
 * Drops the modules of removed kinds that nothing in the scene uses any more. Only those: a module
 * the designer listed without using it stays. The last module stays too (a scene names at least one).
 */
export function pruneModules(scene: Scene, removedKinds: Iterable<string>): Scene {
  const candidates = new Set([...removedKinds].map(moduleOf));
  if (candidates.size === 0) return scene;
  const used = new Set([...scene.layers.map((l) => moduleOf(l.kind)), ...scene.panels.map((p) => moduleOf(p.kind))]);
  let modules = scene.modules.filter((m) => !candidates.has(m) || used.has(m));
  if (modules.length === 0) modules = scene.modules.slice(0, 1);
  return modules.length === scene.modules.length ? scene : { ...scene, modules };
}
