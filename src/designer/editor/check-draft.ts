import type { z } from 'zod';
import { SceneSchema, TOPICS, type Scene } from '../../hub/contract.ts';
import { LAYER_KINDS, MODULE_IDS, PANEL_KINDS } from '../../modules/registry.ts';
import { checkScene } from '../../modules/scene-validation.ts';
import { moduleOf, topicsFor } from './actions/index.ts';
import { issueWords } from './issue-words.ts';
import { parsePath, pathWords } from './problem-words.ts';
import type { Problem } from './types.ts';

type Path = readonly PropertyKey[];

class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly scene: Scene) {}
  /** One problem a place: the contract and a kind's schema may both object to one field. */
  add(path: Path, what: string): void {
    const key = path.join('.');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ path: key, message: `${pathWords(this.scene, path)}: ${what}` });
  }
}

const list = (names: Iterable<string>) => [...names].sort().join(', ');

/** Every issue of the scene file's shape (the hub's own SceneSchema). */
function shapeProblems(scene: Scene, out: Problems): void {
  const parsed = SceneSchema.safeParse(scene);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) out.add(issue.path, issueWords(issue));
}

/** Every name the registry must know, and every style against its kind's schema. */
function registryProblems(scene: Scene, out: Problems): void {
  const modules = Array.isArray(scene.modules) ? scene.modules : [];
  modules.forEach((m, i) => {
    if (!MODULE_IDS.has(m)) out.add(['modules', i], `no module “${m}” in this build (it has: ${list(MODULE_IDS)})`);
  });
  const layers = Array.isArray(scene.layers) ? scene.layers : [];
  layers.forEach((layer, i) => {
    const kind = LAYER_KINDS.get(layer?.kind);
    if (!kind) return out.add(['layers', i, 'kind'], `no layer kind “${String(layer?.kind)}” in this build`);
    const module = moduleOf(layer.kind);
    if (!modules.includes(module)) out.add(['layers', i, 'kind'], `belongs to module “${module}”, which the scene does not list`);
    if (layer.topic !== undefined) {
      const accepted = topicsFor(layer.kind);
      if (!TOPICS.has(layer.topic)) out.add(['layers', i, 'topic'], `the hub has no topic “${layer.topic}”`);
      else if (!accepted.includes(layer.topic)) out.add(['layers', i, 'topic'], `this kind reads ${list(accepted) || 'no topic'}, not “${layer.topic}”`);
    }
    for (const issue of styleIssues(kind.style, layer.style ?? {})) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) out.add(['layers', i, 'style', key], `“${layer.kind}” has no such style field (remove it)`);
      } else out.add(['layers', i, 'style', ...issue.path], issueWords(issue));
    }
  });
  const panels = Array.isArray(scene.panels) ? scene.panels : [];
  panels.forEach((panel, i) => {
    if (!PANEL_KINDS.has(panel?.kind)) return out.add(['panels', i, 'kind'], `no panel kind “${String(panel?.kind)}” in this build`);
    const module = moduleOf(panel.kind);
    if (!modules.includes(module)) out.add(['panels', i, 'kind'], `belongs to module “${module}”, which the scene does not list`);
  });
}

/** A style object's issues, kept while the object lives: undo, redo and other layers' edits reuse them. */
const STYLE_ISSUES = new WeakMap<object, { schema: z.ZodType; issues: z.core.$ZodIssue[] }>();

function styleIssues(schema: z.ZodType, style: unknown): z.core.$ZodIssue[] {
  if (typeof style !== 'object' || style === null) return schema.safeParse(style).error?.issues ?? [];
  const hit = STYLE_ISSUES.get(style);
  if (hit?.schema === schema) return hit.issues;
  const issues = schema.safeParse(style).error?.issues ?? [];
  STYLE_ISSUES.set(style, { schema, issues });
  return issues;
}

/** Verdicts by scene object: undo, redo and the shell's own call on the store's scene cost nothing. */
const VERDICTS = new WeakMap<Scene, Problem[]>();

/**
 * Why the draft cannot go to a wall, every reason in words that name the layer, panel or field;
 * [] exactly when the wall's own check (checkScene) accepts it. That check stops at the first
 * error, so only a draft it refuses is walked in full. Scenes are never changed in place (the
 * editor's actions copy what they change), so a verdict is kept for as long as its scene lives.
 */
export function checkDraft(scene: Scene): Problem[] {
  const known = VERDICTS.get(scene);
  if (known) return known;
  const problems = check(scene);
  VERDICTS.set(scene, problems);
  return problems;
}

function check(scene: Scene): Problem[] {
  const wall = checkScene(scene);
  if (wall.ok) return [];
  const out = new Problems(scene);
  shapeProblems(scene, out);
  registryProblems(scene, out);
  if (out.list.length === 0) {
    const m = /^([\w.-]+): ([\s\S]*)$/.exec(wall.error);
    const path = m ? parsePath(m[1]) : [];
    out.list.push({ path: path.join('.'), message: `${pathWords(scene, path)}: ${m ? m[2] : wall.error}` });
  }
  return out.list;
}
