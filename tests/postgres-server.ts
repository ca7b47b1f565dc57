// A throw-away PostgreSQL server (Debian's package) for tests: a fresh cluster in a temp directory
// (initdb, trust authentication on loopback only), on a free loopback port, fsync on like a real
// one, stopped by its own pid and deleted when the test file is done. PostgreSQL refuses to run as
// root: as root, initdb and postgres run as the `postgres` system user (the package creates it)
// and the temp directory is given to that user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './servers.ts';

const INSTALL_HINT = 'apt-get install -y postgresql (npm test does it)';

/** The newest /usr/lib/postgresql/<major>/bin with a postgres binary, or PG_BIN_DIR. */
export function postgresBinDir(): string {
  const named = process.env.PG_BIN_DIR;
  if (named) {
    if (!existsSync(join(named, 'postgres'))) throw new Error(`PG_BIN_DIR=${named} has no postgres binary: unset it, or ${INSTALL_HINT}`);
    return named;
  }
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'postgres')) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) throw new Error(`PostgreSQL's server binaries are missing (no ${root}/*/bin/postgres): ${INSTALL_HINT}`);
  return join(root, majors[0], 'bin');
}

/** uid and gid of the postgres system user, when this process is root (else undefined: run as ourselves). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error(`running as root, and there is no postgres user to run PostgreSQL as: ${INSTALL_HINT}`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Servers started here and still running, and their directories: killed by their own pids and deleted if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function accepts(port: number): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** The URL of database `name` on this server. */
  urlOf(name: string): string;
  /** A new, empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Kills the server with SIGKILL, as a crash would (the data directory stays). */
  crash(): Promise<void>;
  /** Starts the server again on the same data directory and port (crash recovery runs). */
  restart(): Promise<void>;
  /** Stops the server (fast shutdown) and deletes its data directory. */
  stop(): Promise<void>;
}

export async function startPostgresServer(opts: { port?: number } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'onescreen-pg-'));
  dirs.add(dir);
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C', ...(user ? { HOME: dir, USER: 'postgres' } : {}) };

  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
    ...ids,
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.error?.message ?? ''}${init.stderr}`);
  }

  const port = opts.port || (await freePort());
  let child: ChildProcess | null = null;
  let stderr = '';

  const start = async () => {
    stderr = '';
    const args = [
      '-D', data,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${dir}`,
      '-c', 'fsync=on',
      '-c', 'synchronous_commit=on',
      '-c', 'max_connections=60',
      '-c', 'shared_buffers=16MB',
      '-c', 'dynamic_shared_memory_type=mmap',
      '-c', 'logging_collector=off',
      '-c', 'log_min_messages=warning',
    ];
    const c = spawn(join(bin, 'postgres'), args, { ...ids, cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(c);
    c.once('exit', () => running.delete(c));
    // Kept short: only to say why, when it does not come up.
    c.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child = c;
    const deadline = Date.now() + 30_000;
    while (!(await accepts(port))) {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`postgres exited (${c.exitCode ?? c.signalCode}) at start:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections on 127.0.0.1:${port} within 30 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const kill = (signal: NodeJS.Signals, graceMs: number): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      c.once('exit', () => resolve());
      c.kill(signal);
      setTimeout(() => c.kill('SIGKILL'), graceMs).unref();
    });
  };

  try {
    await start();
  } catch (err) {
    await kill('SIGKILL', 0);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  return {
    port,
    url: urlOf('postgres'),
    urlOf,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`a database name of lower-case letters, digits and _: "${name}"`);
      const client = new pg.Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    async crash() {
      await kill('SIGKILL', 0);
    },
    async restart() {
      await kill('SIGINT', 10_000);
      // Backends of a killed postmaster leave on their own; until then the old shared memory is in use.
      const deadline = Date.now() + 20_000;
      for (;;) {
        try {
          await start();
          return;
        } catch (err) {
          await kill('SIGKILL', 0);
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    },
    async stop() {
      // SIGINT: fast shutdown (SIGTERM would wait for every client to leave).
      await kill('SIGINT', 10_000);
      rmSync(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}
