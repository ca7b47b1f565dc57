/**
 * Versioned migrations: mock-server/events/migrations/NNN_name.sql, applied in order at open, in
 * one transaction under an advisory lock (two hub processes starting at once: the second waits,
 * then finds nothing left to do). schema_migrations records each version with a checksum; a file
 * changed after it was applied, or a database migrated by a newer hub, stops the hub.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from './sql.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** pg_advisory_xact_lock key of the migrator ("onescreen" in spirit; any constant shared by every hub). */
export const MIGRATION_LOCK_KEY = 4_242_000_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const FILE = /^(\d{3,})_([a-z0-9_-]+)\.sql$/;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE.exec(file);
    if (!m) {
      if (file.endsWith('.sql')) throw new MigrationError(`${file}: a migration is named NNN_name.sql`);
      continue;
    }
    const sql = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new MigrationError(`${file}: version ${version} is taken twice`);
    out.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return out.sort((a, b) => a.version - b.version);
}

/** Applies what is missing; returns the versions applied now (empty when up to date). */
export async function migrate(sql: Sql, opts: { migrations?: Migration[]; log?: (msg: string) => void } = {}): Promise<number[]> {
  const migrations = opts.migrations ?? loadMigrations();
  const log = opts.log ?? (() => undefined);
  const applied = await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const m = known.get(row.version);
      if (!m) throw new MigrationError(`the database has migration ${row.name}, which this hub does not know: a newer hub migrated it`);
      if (m.checksum !== row.checksum)
        throw new MigrationError(`${m.name} changed after it was applied to this database: add a new migration instead of editing an applied one`);
    }
    const done = new Set(rows.map((r) => r.version));
    const now: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new MigrationError(`${m.name}: ${(err as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      now.push(m.version);
    }
    return now;
  });
  if (applied.length) log(`database: applied migrations ${applied.map((v) => String(v).padStart(3, '0')).join(', ')}`);
  return applied;
}
