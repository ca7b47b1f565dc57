/**
 * Opens the hub's event store: a PostgreSQL server when `databaseUrl` is set (every hub process
 * pointed at it shares the work), else PGlite in `dataDir` (embedded, this process alone; memory://
 * keeps nothing). Migrations run first.
 */
import type { Catalog } from '../../../src/hub/contract.ts';
import type { EventStore } from './event-store.ts';
import { migrate } from './migrate.ts';
import { PgEventStore } from './pg-event-store.ts';
import { openPgliteSql, openPostgresSql, type Sql } from './sql.ts';

export interface OpenEventStoreOptions {
  /** postgres://… of a server shared by every hub process. */
  databaseUrl?: string;
  /** PGlite's data directory (created if missing), or memory://; used when databaseUrl is not set. */
  dataDir?: string;
  catalog: Catalog;
  log?: (msg: string) => void;
}

/** Where a store keeps its data, in words for the log (no password). */
export function describeLocation(opts: Pick<OpenEventStoreOptions, 'databaseUrl' | 'dataDir'>): string {
  if (opts.databaseUrl) {
    try {
      const u = new URL(opts.databaseUrl);
      return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL is not a valid URL)';
    }
  }
  return `PGlite in ${opts.dataDir ?? 'memory://'}`;
}

/**
 * The hub's database, migrated: the event store and the control plane's enrolments and revocations
 * (mock-server/control/devices.ts) share it. Whoever opens it closes it.
 */
export async function openHubSql(opts: Pick<OpenEventStoreOptions, 'databaseUrl' | 'dataDir' | 'log'>): Promise<Sql> {
  const log = opts.log ?? (() => undefined);
  const sql: Sql = opts.databaseUrl
    ? await openPostgresSql({ url: opts.databaseUrl, log })
    : await openPgliteSql({ dataDir: opts.dataDir ?? 'memory://' });
  try {
    await migrate(sql, { log });
    return sql;
  } catch (err) {
    await sql.close().catch(() => undefined);
    throw err;
  }
}

/** An event store on its own database connection (closed with the store); `sql` shares one already open. */
export async function openEventStore(opts: OpenEventStoreOptions & { sql?: Sql }): Promise<EventStore> {
  const log = opts.log ?? (() => undefined);
  const sql = opts.sql ?? (await openHubSql(opts));
  try {
    const store = await PgEventStore.open(sql, { catalog: opts.catalog, log });
    log(`events: store on ${describeLocation(opts)}`);
    return store;
  } catch (err) {
    await sql.close().catch(() => undefined);
    throw err;
  }
}
