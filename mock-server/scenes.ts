import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SceneSummarySchema, describeIssue, type SceneSummary } from '../src/hub/contract.ts';

const SCENES_DIR = fileURLToPath(new URL('../scenes/', import.meta.url));

/** Scene files the hub serves. A file that fails validation is skipped with a logged reason. */
export function loadSceneSummaries(dir = SCENES_DIR, log: (msg: string) => void = console.warn): SceneSummary[] {
  const scenes: SceneSummary[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const parsed = SceneSummarySchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (parsed.success) scenes.push(parsed.data);
      else log(`scene ${name} skipped: ${describeIssue(parsed.error)}`);
    } catch (err) {
      log(`scene ${name} skipped: ${(err as Error).message}`);
    }
  }
  return scenes;
}
