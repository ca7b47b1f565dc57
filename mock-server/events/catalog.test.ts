import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../src/hub/contract.ts';
import { CatalogError, displayPath, loadCatalog, parseCatalog } from './catalog.ts';
import { loadRuleFiles } from './rule-files.ts';

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
/** The darkest panel background of the wall. */
const WALL_BACKGROUND = '#0b1220';
const LEVEL_COLOURS = ['#2f80ff', '#ffd000', '#ff8c00', '#ff2d2d'];

describe('events catalogue', () => {
  const catalog = loadCatalog();

  it('validates against the contract', () => {
    expect(CatalogSchema.safeParse(catalog).success).toBe(true);
    expect(catalog.version).toBe(1);
  });

  it('has the categories and departments of city practice', () => {
    const names = catalog.categories.map((c) => c.name);
    for (const n of ['城市管理', '交通出行', '生态环境', '公共安全', '地质灾害', '气象灾害', '城市内涝', '12345市民诉求']) expect(names).toContain(n);
    const depts = catalog.departments.map((d) => d.name);
    for (const n of ['市城市管理局', '市交通局', '市生态环境局', '市公安局', '市规划自然资源局', '市应急管理局', '市气象局', '市水利局', '市住房城乡建委', '12345热线办', '区县网格中心'])
      expect(depts).toContain(n);
  });

  it('has colours readable on the dark wall and apart from one another', () => {
    const bg = luminance(WALL_BACKGROUND);
    for (const c of catalog.categories) expect((luminance(c.colour) + 0.05) / (bg + 0.05), c.id).toBeGreaterThan(4.5);
    expect(new Set(catalog.categories.map((c) => c.colour.toLowerCase())).size).toBe(catalog.categories.length);
    for (const c of catalog.categories) expect(LEVEL_COLOURS).not.toContain(c.colour.toLowerCase());
  });

  it('has deadlines that shorten as the level rises', () => {
    for (const c of catalog.categories) {
      const d = c.deadlineHours;
      expect(d.blue >= d.yellow && d.yellow >= d.orange && d.orange >= d.red, c.id).toBe(true);
    }
  });

  it('knows every category the default rules open events in', () => {
    const ids = new Set(catalog.categories.map((c) => c.id));
    for (const r of loadRuleFiles().rules) if (r.opensEvent) expect(ids.has(r.opensEvent.category), r.id).toBe(true);
  });

  it('names the file and the field of a mistake', () => {
    const bad = structuredClone(catalog) as { categories: Array<{ colour: string; departments: string[] }> };
    bad.categories[3].colour = 'pink';
    bad.categories[1].departments.push('no-such-department');
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify(bad));
    expect(() => loadCatalog(file)).toThrow(CatalogError);
    expect(() => loadCatalog(file)).toThrow(`${file}: categories.3.colour: a colour as #rrggbb`);
    expect(() => loadCatalog(file)).toThrow(`${file}: categories.1.departments.3: unknown department "no-such-department"`);
    expect(() => parseCatalog('{', 'x.json')).toThrow(/^x\.json: not valid JSON/);
    expect(() => loadCatalog(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read/);
  });

  it('names files inside the working directory by their relative path', () => {
    expect(displayPath(join(process.cwd(), 'rules', 'default.json'))).toBe('rules/default.json');
    expect(displayPath('/elsewhere/rules/x.json')).toBe('/elsewhere/rules/x.json');
  });
});
