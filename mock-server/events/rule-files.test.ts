import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS, RuleSetSchema, type RuleSet } from '../../src/hub/contract.ts';
import { DEFAULT_RULES_DIR, RuleFileError, loadRuleFiles, parseRuleFile, rulesDirOf } from './rule-files.ts';

const DEFAULT_FILE = join(DEFAULT_RULES_DIR, 'default.json');
const defaults = (): RuleSet => JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

describe('rule files', () => {
  it('loads the default rules: one per metric, valid, with events from orange or red', () => {
    const set = loadRuleFiles();
    expect(RuleSetSchema.safeParse(set).success).toBe(true);
    expect(new Set(set.rules.map((r) => r.metric))).toEqual(new Set(Object.keys(METRICS)));
    const opens = Object.fromEntries(set.rules.filter((r) => r.opensEvent).map((r) => [r.id, r.opensEvent]));
    expect(opens['rain-hourly']).toEqual({ category: 'meteorological-hazard', fromLevel: 'orange' });
    expect(opens['rock-displacement']).toEqual({ category: 'geological-hazard', fromLevel: 'orange' });
    expect(opens['waterlogging-depth']).toEqual({ category: 'flooding', fromLevel: 'orange' });
    expect(opens['river-level']?.fromLevel).toBe('red');
  });

  it('names the file and the field of a mistake, relative to the working directory', () => {
    const bad = defaults();
    bad.rules[2].thresholds.red = 1;
    expect(() => parseRuleFile(JSON.stringify(bad), 'rules/default.json')).toThrow('rules/default.json: rules.2.thresholds.red: must be above the orange threshold');
    const dir = folder({ 'default.json': bad });
    expect(() => loadRuleFiles(dir)).toThrow(RuleFileError);
    expect(() => loadRuleFiles(dir)).toThrow(`${join(dir, 'default.json')}: rules.2.thresholds.red: must be above the orange threshold`);
    // Inside the working directory the path is relative, as in the example.
    expect(() => parseRuleFile('{"schemaVersion": 2, "rules": []}', 'rules/x.json')).toThrow(/^rules\/x\.json: schemaVersion: /);
    expect(() => loadRuleFiles(folder({ 'a.json': '{ nope' }))).toThrow(/a\.json: not valid JSON/);
  });

  it('lists every issue of a file', () => {
    const bad = defaults() as unknown as { rules: Array<Record<string, unknown>> };
    bad.rules[0].metric = 'snow';
    bad.rules[4].minDurationS = -1;
    try {
      parseRuleFile(JSON.stringify(bad), 'rules/default.json');
      expect.unreachable();
    } catch (e) {
      const lines = (e as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^rules\/default\.json: rules\.0\.metric: /);
      expect(lines[1]).toMatch(/^rules\/default\.json: rules\.4\.minDurationS: /);
    }
  });

  it('merges every file of the folder in name order', () => {
    const extra: RuleSet = { schemaVersion: 1, rules: [{ ...defaults().rules[0], id: 'rain-hourly-strict', thresholds: { red: 60 } }] };
    const set = loadRuleFiles(folder({ 'default.json': defaults(), 'extra.json': extra, 'notes.txt': 'ignored' }));
    expect(set.rules.map((r) => r.id)).toEqual([...defaults().rules.map((r) => r.id), 'rain-hourly-strict']);
    expect(loadRuleFiles(folder({})).rules).toEqual([]);
  });

  it('refuses a rule id used in two files, naming both', () => {
    const dir = folder({ 'a.json': defaults(), 'b.json': { schemaVersion: 1, rules: [defaults().rules[1]] } });
    expect(() => loadRuleFiles(dir)).toThrow(`${join(dir, 'b.json')}: rules.0.id: duplicate rule id "river-level" (also in ${join(dir, 'a.json')})`);
  });

  it('refuses a folder that is not there, and takes HUB_RULES_DIR', () => {
    expect(() => loadRuleFiles('/no/such/rules')).toThrow('/no/such/rules: no such folder of rule files');
    expect(rulesDirOf({ HUB_RULES_DIR: '/etc/hub-rules' })).toBe('/etc/hub-rules');
    expect(rulesDirOf({})).toBe(DEFAULT_RULES_DIR);
  });
});
