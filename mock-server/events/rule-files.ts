/**
 * The early-warning rules the hub starts with: every rules/*.json (a RuleSet each, schemaVersion 1),
 * merged into one set. The store takes them on first start (EventStore.seedRules); operators change
 * rules through the hub afterwards. A bad file stops the hub with an error that names the file and
 * the field, e.g. `rules/default.json: rules.2.thresholds.red: must be above the orange threshold`.
 *
 * The thresholds of rules/default.json are plausible figures, not official ones. River stages in
 * particular are illustrative: a rule applies the same thresholds to every site of its metric, so
 * the simulated gauges report on a common datum on which each gauge's warning stage (警戒水位)
 * reads 180.5 m and its guarantee stage (保证水位) 183.5 m, Cuntan's published figures.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES_SCHEMA_VERSION, RuleSetSchema, type Rule, type RuleSet } from '../../src/hub/contract.ts';
import { describeFileIssues, displayPath } from './catalog.ts';

/** The repository's rules/ folder. HUB_RULES_DIR points the hub elsewhere (rulesDirOf). */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Rule files read at most (each holds up to 256 rules; the merged set too). */
const MAX_FILES = 64;

export class RuleFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleFileError';
  }
}

/** The folder of rule files for a hub environment. */
export function rulesDirOf(env: Record<string, string | undefined>): string {
  return env.HUB_RULES_DIR?.trim() || DEFAULT_RULES_DIR;
}

/** Parses and checks one rule file's text; `label` names it in errors. */
export function parseRuleFile(text: string, label: string): RuleSet {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new RuleFileError(`${label}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = RuleSetSchema.safeParse(raw);
  if (!parsed.success) throw new RuleFileError(describeFileIssues(label, parsed.error));
  return parsed.data;
}

/**
 * Merges checked rule sets in the order given. A rule id in two files is an error naming both;
 * so is a merged set larger than the contract allows.
 */
export function mergeRuleSets(files: ReadonlyArray<{ label: string; set: RuleSet }>): RuleSet {
  const owner = new Map<string, string>();
  const rules: Rule[] = [];
  const problems: string[] = [];
  for (const { label, set } of files) {
    set.rules.forEach((rule, i) => {
      const first = owner.get(rule.id);
      if (first !== undefined) problems.push(`${label}: rules.${i}.id: duplicate rule id "${rule.id}" (also in ${first})`);
      else {
        owner.set(rule.id, label);
        rules.push(rule);
      }
    });
  }
  if (problems.length) throw new RuleFileError(problems.join('\n'));
  const merged = RuleSetSchema.safeParse({ schemaVersion: RULES_SCHEMA_VERSION, rules });
  if (!merged.success) throw new RuleFileError(describeFileIssues(files.map((f) => f.label).join(' + '), merged.error));
  return merged.data;
}

/**
 * Every *.json in `dir` (default: the repository's rules/), in name order, checked and merged.
 * A missing folder is an error; a folder without rule files gives an empty set.
 */
export function loadRuleFiles(dir: string = DEFAULT_RULES_DIR): RuleSet {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RuleFileError(`${displayPath(dir)}: no such folder of rule files`);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (names.length > MAX_FILES) throw new RuleFileError(`${displayPath(dir)}: ${names.length} rule files, at most ${MAX_FILES}`);
  const files = names.map((name) => {
    const file = join(dir, name);
    const label = displayPath(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new RuleFileError(`${label}: cannot read: ${(e as Error).message}`);
    }
    return { label, set: parseRuleFile(text, label) };
  });
  return mergeRuleSets(files);
}
