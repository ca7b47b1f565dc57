import { SceneSchema, TOPICS, describeIssue, type Scene } from '../hub/contract.ts';
import { LAYER_KINDS, MODULE_IDS, PANEL_KINDS } from './registry.ts';

export type SceneCheck = { ok: true; scene: Scene } | { ok: false; error: string };

const list = (names: Iterable<string>) => [...names].sort().join(', ');

/**
 * Checks a scene file: first its shape (the contract's SceneSchema), then its names against the
 * registry: modules, layer kinds, topics, style keys, panel kinds. The error names the field.
 */
export function checkScene(raw: unknown): SceneCheck {
  const parsed = SceneSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
  const scene = parsed.data;
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
    for (const key of Object.keys(layer.style)) {
      if (!(key in kind.defaultStyle)) {
        return fail(`layers.${i}.style.${key}: "${layer.kind}" has no style "${key}" (it has: ${list(Object.keys(kind.defaultStyle)) || 'none'})`);
      }
      const expected = typeof kind.defaultStyle[key];
      if (typeof layer.style[key] !== expected) return fail(`layers.${i}.style.${key}: expected a ${expected}`);
    }
  }
  for (const [i, panel] of scene.panels.entries()) {
    if (!PANEL_KINDS.has(panel.kind)) return fail(`panels.${i}.kind: unknown panel kind "${panel.kind}" (known: ${list(PANEL_KINDS.keys())})`);
    const module = panel.kind.split('.')[0];
    if (!scene.modules.includes(module)) return fail(`panels.${i}.kind: "${panel.kind}" belongs to module "${module}", which the scene does not list`);
  }
  return { ok: true, scene };
}

/** Topics a scene needs: its visible layers' topics and its panels' topics. */
export function sceneTopics(scene: Scene): string[] {
  const topics = new Set<string>();
  for (const layer of scene.layers) {
    const kind = LAYER_KINDS.get(layer.kind);
    if (!kind || !layer.visible) continue;
    const main = layer.topic ?? kind.topic;
    if (main) topics.add(main);
    for (const t of kind.extraTopics ?? []) topics.add(t);
  }
  for (const panel of scene.panels) for (const t of PANEL_KINDS.get(panel.kind)?.topics ?? []) topics.add(t);
  return [...topics].sort();
}
