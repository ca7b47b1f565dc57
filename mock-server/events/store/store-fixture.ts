/**
 * For the store's tests: a small catalogue, reports, and stores on both engines (a fresh PGlite
 * starts from the initialised template of sql.ts).
 */
import { spawnSync } from 'node:child_process';
import type { Catalog, Report } from '../../../src/hub/contract.ts';
import { migrate } from './migrate.ts';
import { PgEventStore } from './pg-event-store.ts';
import { openPgliteSql, openPostgresSql, pgliteTemplate, pgliteTemplateFile, type Sql } from './sql.ts';

export const TEST_CATALOG: Catalog = {
  version: 1,
  departments: [
    { id: 'city-management-bureau', name: '城管局', nameEn: 'City management bureau' },
    { id: 'transport-bureau', name: '交通局', nameEn: 'Transport bureau' },
    { id: 'water-bureau', name: '水利局', nameEn: 'Water bureau' },
  ],
  categories: [
    {
      id: 'city-management',
      name: '城市管理',
      nameEn: 'City management',
      colour: '#4dd0e1',
      acceptWithinMin: 30,
      deadlineHours: { blue: 48, yellow: 24, orange: 8, red: 2 },
      departments: ['city-management-bureau', 'water-bureau'],
    },
    {
      id: 'traffic',
      name: '交通出行',
      nameEn: 'Traffic',
      colour: '#b39dff',
      acceptWithinMin: 15,
      deadlineHours: { blue: 24, yellow: 8, orange: 4, red: 1 },
      departments: ['transport-bureau'],
    },
  ],
};

/** 2024-06-01 10:00 hub time (UTC+8). */
export const T0 = Date.UTC(2024, 5, 1, 2, 0, 0);
export const MIN = 60_000;
export const HOUR = 3_600_000;

let reportNumber = 0;
export function aReport(over: Partial<Report> = {}): Report {
  reportNumber++;
  return {
    source: 'grid',
    category: 'city-management',
    level: 'blue',
    title: `Blocked drain ${reportNumber}`,
    description: 'Water over the road after the rain',
    district: '500103',
    position: [106.58, 29.56],
    address: 'Jiefangbei',
    ...over,
  };
}

export const OPERATOR = { id: 'op-li', role: 'operator' as const, session: 'tok-1' };

/** Fills an empty directory with an initialised PGlite data directory (tar is much faster than PGlite's own loader). */
export async function initPgliteDir(dir: string) {
  const r = spawnSync('tar', ['-xf', await pgliteTemplateFile(), '-C', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar -xf failed: ${r.error?.message ?? r.stderr}`);
}

export type Backend = 'pglite' | 'postgres';

/** A migrated PGlite in memory (or in `dataDir`), from the template. */
export async function openTestPglite(dataDir = 'memory://'): Promise<Sql> {
  const sql = await openPgliteSql({ dataDir, loadDataDir: await pgliteTemplate() });
  await migrate(sql);
  return sql;
}

export async function openTestPostgres(url: string): Promise<Sql> {
  const sql = await openPostgresSql({ url });
  await migrate(sql);
  return sql;
}

export async function storeOn(sql: Sql, log?: (msg: string) => void): Promise<PgEventStore> {
  return PgEventStore.open(sql, { catalog: TEST_CATALOG, log });
}

/** Empties every table (between tests sharing one database; DELETE: TRUNCATE of small tables is slower). */
export async function emptyStore(sql: Sql) {
  await sql.exec(`DELETE FROM transitions; DELETE FROM events; DELETE FROM event_days; DELETE FROM alerts; DELETE FROM rule_versions; DELETE FROM audit;
    ALTER SEQUENCE alert_numbers RESTART; ALTER SEQUENCE audit_id_seq RESTART; ALTER SEQUENCE rule_versions_seq_seq RESTART`);
}
