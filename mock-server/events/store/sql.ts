/**
 * The little SQL the store needs, over two engines: PGlite (PostgreSQL in WASM, one process, a data
 * directory) and a real PostgreSQL server through a node-postgres Pool. Values always travel as
 * parameters; the only text the store builds is from its own constant column names.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /** Several statements without parameters (a migration file). */
  exec(text: string): Promise<void>;
}

/** query and exec outside a transaction are for reads (and tests): every write goes through transaction(). */
export interface Sql extends Queryable {
  /** 'pglite': this process alone; 'postgres': a server other hub processes share. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in a transaction (READ COMMITTED): committed when it resolves, rolled back when it
   * throws. Resolves only once the commit is durable.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a dedicated connection (PostgreSQL only), reconnecting with backoff when it drops;
   * `onReconnect` gets the time the connection was lost (notifications in between are gone).
   */
  listen?(channel: string, onPayload: (payload: string) => void, onReconnect: (downSince: number) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The listener's connection names itself so (tests drop it with pg_terminate_backend). */
export const LISTEN_APPLICATION_NAME = 'onescreen-hub-listen';

/** int8 (counts, epoch milliseconds) as a JS number: every value the store keeps is below 2^53. */
const INT8_OID = 20;
const toNumber = (v: string) => Number(v);

// --- PGlite --------------------------------------------------------------------------------------

export interface PgliteOptions {
  /** A directory (created if missing), or memory:// for a store that lives as long as the process. */
  dataDir: string;
  /** A data directory dumped by PGlite (dumpDataDir) to start from (default: the initialised template). */
  loadDataDir?: Blob;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A freshly initialised PGlite data directory, as a tarball file. PGlite's initdb takes 10–20 s on
 * a busy machine: it runs once per PGlite version and the result is kept in node_modules/.cache,
 * so a new store (every test hub, a first `npm start`) opens in a second or two.
 */
export async function pgliteTemplateFile(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules/.cache/onescreen-pglite');
  const file = join(dir, `initdb-${version}.tar`);
  if (!existsSync(file)) {
    const db = await PGlite.create({ dataDir: 'memory://' });
    const dump = await db.dumpDataDir('none');
    await db.close();
    mkdirSync(dir, { recursive: true });
    // Another process may be making it at the same time: write aside, then rename.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return file;
}

export async function pgliteTemplate(): Promise<Blob> {
  return new Blob([readFileSync(await pgliteTemplateFile())]);
}

export async function openPgliteSql(opts: PgliteOptions): Promise<Sql> {
  const inMemory = opts.dataDir.startsWith('memory://');
  const dir = inMemory ? opts.dataDir : resolve(opts.dataDir);
  if (!inMemory) mkdirSync(dir, { recursive: true });
  // A new store starts from the template rather than running initdb; an existing one opens as it is.
  const fresh = inMemory || !existsSync(join(dir, 'PG_VERSION'));
  const loadDataDir = opts.loadDataDir ?? (fresh ? await pgliteTemplate() : undefined);
  // relaxedDurability stays false (the default): PGlite then awaits its filesystem sync after every
  // query. On Node's filesystem that sync is empty, and PGlite runs PostgreSQL with fsync off (-F)
  // over an Emscripten filesystem whose fsync is a no-op: a commit is written to the OS before the
  // promise resolves, but flushed to the disk by nobody. WalSync below does the flushing.
  const db = await PGlite.create({
    dataDir: dir,
    relaxedDurability: false,
    parsers: { [INT8_OID]: toNumber },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const sync = inMemory ? null : new WalSync(dir);
  // Whatever PGlite wrote while opening (initdb, crash recovery and its checkpoint) goes to disk now.
  if (sync) await sync.syncAll();
  type Target = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (q: Target): Queryable => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(text, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  const base = wrap(db);
  let closed = false;
  return {
    kind: 'pglite',
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const out = await db.transaction((tx) => fn(wrap(tx)));
      if (sync) await sync.afterCommit();
      return out;
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      // The shutdown checkpoint wrote data files and pg_control without an fsync.
      if (sync) await sync.syncAll();
    },
  };
}

/**
 * fsync from the host for a PGlite data directory, since PostgreSQL inside WASM cannot: after each
 * commit the WAL segments written lately (and pg_wal itself when its files changed); the whole
 * directory at open, at close, and whenever pg_control changed (a checkpoint wrote data files).
 * Commits that arrive while a sync runs share the next one (group commit).
 */
export class WalSync {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private walNames = '';
  private lastFullSync = 0;

  constructor(private readonly dir: string) {}

  /** Resolves once every commit that finished before the call is on disk. */
  afterCommit(): Promise<void> {
    if (this.next) return this.next;
    if (!this.running) return this.start();
    this.next = this.running.catch(() => undefined).then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<void> {
    const run = this.syncWal().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async syncWal() {
    const started = Date.now();
    const control = await stat(join(this.dir, 'global', 'pg_control'));
    // A checkpoint (PGlite runs them at close, after recovery and after max_wal_size of WAL)
    // relies on the data files it wrote being flushed: flush them all.
    if (control.mtimeMs >= this.lastFullSync - 50) return this.syncAll();
    const walDir = join(this.dir, 'pg_wal');
    const names = (await readdir(walDir)).filter((n) => /^[0-9A-F]{24}$/.test(n)).sort();
    for (const name of names) {
      const st = await stat(join(walDir, name)).catch(ignoreGone);
      // mtime ticks coarsely (a few ms): anything touched in the last two seconds is flushed again.
      if (st && st.mtimeMs >= started - 2000) await fsyncPath(join(walDir, name));
    }
    const key = names.join(',');
    if (key !== this.walNames) {
      await fsyncPath(walDir);
      this.walNames = key;
    }
  }

  /** Every file and directory of the data directory. */
  async syncAll(): Promise<void> {
    const started = Date.now();
    const walk = async (path: string): Promise<void> => {
      for (const entry of (await readdir(path, { withFileTypes: true }).catch(ignoreGone)) ?? []) {
        const p = join(path, entry.name);
        if (entry.isDirectory()) await walk(p);
        else if (entry.isFile()) await fsyncPath(p);
      }
      await fsyncPath(path);
    };
    await walk(this.dir);
    this.lastFullSync = started;
    this.walNames = (await readdir(join(this.dir, 'pg_wal')).catch(() => [] as string[])).filter((n) => /^[0-9A-F]{24}$/.test(n)).sort().join(',');
  }
}

/** A file PostgreSQL removed or renamed meanwhile (a temp file, a recycled WAL segment) needs no flush. */
function ignoreGone(err: NodeJS.ErrnoException): undefined {
  if (err.code === 'ENOENT') return undefined;
  throw err;
}

async function fsyncPath(path: string) {
  const fh = await open(path, 'r').catch(ignoreGone);
  if (!fh) return;
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// --- PostgreSQL server ---------------------------------------------------------------------------

export interface PostgresOptions {
  url: string;
  /** Connections in the pool. */
  max?: number;
  log?: (msg: string) => void;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
const types = { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? toNumber : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser };

export async function openPostgresSql(opts: PostgresOptions): Promise<Sql> {
  const log = opts.log ?? (() => undefined);
  const config: pg.PoolConfig = {
    connectionString: opts.url,
    max: opts.max ?? 8,
    types,
    keepAlive: true,
    connectionTimeoutMillis: 15_000,
    // A lock held by a hung peer surfaces as an error instead of a hub that hangs.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'onescreen-hub',
  };
  const pool = new pg.Pool(config);
  // An idle client that dies (server restart) is removed by the pool; without a listener it would crash the process.
  pool.on('error', (err) => log(`database: idle connection lost: ${err.message}`));
  // Fail at open, with the server's own words, when it cannot be reached.
  await pool.query('SELECT 1');

  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const r = await c.query(text, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(text: string) {
      await c.query(text);
    },
  });
  const base = wrap(pool);
  const stops = new Set<() => Promise<void>>();

  async function once<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // Set when the connection may be unusable: the pool then discards it instead of reusing it.
    let broken: Error | undefined;
    // A checked-out client has no error listener of the pool's: a dropped socket would crash the process.
    const onError = (err: Error) => {
      broken = err;
      log(`database: connection lost in a transaction: ${err.message}`);
    };
    client.on('error', onError);
    try {
      try {
        await client.query('BEGIN');
      } catch (err) {
        broken = err as Error;
        throw err;
      }
      try {
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        // A refused step (LifecycleError, …) lands here too: the connection is fine once rolled back.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      }
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  return {
    kind: 'postgres',
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(fn);
        } catch (err) {
          if (attempt >= 3 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
          await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
        }
      }
    },
    async listen(channel, onPayload, onReconnect) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`listen: a bad channel name "${channel}"`);
      const stop = await listenWithReconnect(opts.url, channel, onPayload, onReconnect, log);
      stops.add(stop);
      return async () => {
        stops.delete(stop);
        await stop();
      };
    },
    async close() {
      for (const stop of [...stops]) await stop();
      stops.clear();
      await pool.end();
    },
  };
}

/** A dedicated client for LISTEN: pooled connections come and go, a listener must stay. */
async function listenWithReconnect(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: (downSince: number) => void,
  log: (msg: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let downSince = 0;

  const connect = async () => {
    const c = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 15_000, application_name: LISTEN_APPLICATION_NAME });
    c.on('notification', (m) => {
      if (m.channel === channel && m.payload !== undefined) onPayload(m.payload);
    });
    c.on('error', (err) => {
      log(`database: listener connection lost: ${err.message}`);
      drop(c);
    });
    c.on('end', () => drop(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      c.removeAllListeners('end');
      c.removeAllListeners('error');
      c.on('error', () => undefined);
      await c.end().catch(() => undefined);
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    attempt = 0;
  };
  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    downSince = Date.now();
    c.end().catch(() => undefined);
    if (!stopped) schedule();
  };
  const schedule = () => {
    const delay = Math.min(30_000, 250 * 2 ** attempt) * (0.5 + Math.random());
    attempt++;
    timer = setTimeout(async () => {
      if (stopped) return;
      try {
        await connect();
        if (!stopped) onReconnect(downSince);
      } catch (err) {
        log(`database: listener reconnect failed: ${(err as Error).message}`);
        if (!stopped) schedule();
      }
    }, delay);
    timer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const c = client;
    client = null;
    if (c) await c.end().catch(() => undefined);
  };
}
