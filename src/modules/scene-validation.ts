import type { z } from 'zod';
import { TOPICS, type Scene } from '../hub/contract.ts';
import { parseScene } from '../hub/scene-migrations.ts';
import { LAYER_KINDS, MODULE_IDS, PANEL_KINDS, REGISTRY } from './registry.ts';
import { sceneTopics as topicsOf, type LayerVisibility } from '../core/scene-view.ts';

export type SceneCheck = { ok: true; scene: Scene } | { ok: false; error: string };

const list = (names: Iterable<string>) => [...names].sort().join(', ');

/** ".opacity: expected a number, not a string": the field's path after "style", and what is wrong. */
function styleIssue(kind: string, keys: string[], issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return `.${[...issue.path, key].join('.')}: "${kind}" has no style "${key}" (it has: ${list(keys) || 'none'})`;
  }
  const path = issue.path.map((p) => `.${String(p)}`).join('');
  if (issue.code === 'invalid_type') return `${path}: expected a ${issue.expected}, not ${describeValue(issue.input)}`;
  return `${path}: ${issue.message}`;
}

const describeValue = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/**
 * Checks a scene file: first its shape (migrated from an older format if it is one, then the
 * contract's SceneSchema), then its names against the registry: modules, layer kinds, topics,
 * styles (each kind's schema), panel kinds. The error names the field.
 */
export function checkScene(raw: unknown): SceneCheck {
  const parsed = parseScene(raw);
  if (!parsed.ok) return parsed;
  const scene = parsed.scene;
  const fail = (error: string): SceneCheck => ({ ok: false, error });

  for (const [i, m] of scene.modules.entries()) {
    if (!MODULE_IDS.has(m)) return fail(`modules.${i}: unknown module "${m}" (known: ${list(MODULE_IDS)})`);
  }
  for (const [i, layer] of scene.layers.entries()) {
    const kind = LAYER_KINDS.get(layer.kind);
    if (!kind) return fail(`layers.${i}.kind: unknown layer kind "${layer.kind}" (known: ${list(LAYER_KINDS.keys())})`);
    const module = layer.kind.split('.')[0];
    if (!scene.modules.includes(module)) return fail(`layers.${i}.kind: "${layer.kind}" belongs to module "${module}", which the scene does not list`);
    if (layer.topic !== undefined) {
      const accepted = [kind.topic, ...(kind.acceptsTopics ?? [])].filter(Boolean) as string[];
      if (!TOPICS.has(layer.topic)) return fail(`layers.${i}.topic: unknown topic "${layer.topic}"`);
      if (!accepted.includes(layer.topic)) return fail(`layers.${i}.topic: "${layer.kind}" reads ${list(accepted) || 'no topic'}, not "${layer.topic}"`);
    }
    // The bad input is reported only once a style has failed: asking for it on every parse costs
    // several times more, and the designer checks a scene of 100 layers on each keystroke.
    const style = kind.style.safeParse(layer.style).success ? null : kind.style.safeParse(layer.style, { reportInput: true });
    if (style && !style.success) return fail(`layers.${i}.style${styleIssue(layer.kind, Object.keys(kind.style.shape), style.error.issues[0])}`);
  }
  for (const [i, panel] of scene.panels.entries()) {
    if (!PANEL_KINDS.has(panel.kind)) return fail(`panels.${i}.kind: unknown panel kind "${panel.kind}" (known: ${list(PANEL_KINDS.keys())})`);
    const module = panel.kind.split('.')[0];
    if (!scene.modules.includes(module)) return fail(`panels.${i}.kind: "${panel.kind}" belongs to module "${module}", which the scene does not list`);
  }
  return { ok: true, scene };
}

/** Topics a scene needs as its file stands (no console overrides): see src/core/scene-view.ts. */
export function sceneTopics(scene: Scene, visibility?: LayerVisibility): string[] {
  return topicsOf(scene, REGISTRY, visibility);
}
