// Acknowledged means committed and on disk: a hub process changing the store as fast as it can is
// killed with SIGKILL mid-burst; every change it had acknowledged must be there when the store is
// opened again. On PGlite (a data directory) and on a real server (where the server itself is also
// killed right after, and comes back through crash recovery).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type TestPostgres } from '../../../tests/postgres-server.ts';
import type { EventStore } from './event-store.ts';
import { openEventStore } from './open-store.ts';
import { initPgliteDir, TEST_CATALOG } from './store-fixture.ts';

const CHILD = fileURLToPath(new URL('./durability-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Acknowledged changes before the kill. */
const KILL_AFTER = 60;

interface Acked {
  kind: 'report' | 'act';
  id: string;
  version: number;
}

/** Runs the child on `where` and SIGKILLs it once it has acknowledged KILL_AFTER changes. */
function burstAndKill(where: string): Promise<{ acked: Acked[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, where], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: Acked[] = [];
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [kind, id, version] = line.split(' ');
      if (kind !== 'report' && kind !== 'act') return;
      acked.push({ kind, id, version: Number(version) });
      // Killed by its own pid, in the middle of the next change.
      if (acked.length === KILL_AFTER) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (acked.length < KILL_AFTER) reject(new Error(`the child exited (${code ?? signal}) after ${acked.length} changes:\n${stderr}`));
      else resolve({ acked, signal });
    });
  });
}

/** Every acknowledged change is in the store: each report, and each step up to the version acknowledged. */
async function expectAllThere(store: EventStore, acked: Acked[]) {
  const highest = new Map<string, number>();
  for (const a of acked) highest.set(a.id, Math.max(highest.get(a.id) ?? 0, a.version));
  const stored = new Map((await store.events([...highest.keys()])).map((e) => [e.id, e]));
  const missing = [...highest].filter(([id, version]) => (stored.get(id)?.version ?? 0) < version);
  expect(missing).toEqual([]);
  for (const [id, version] of highest) {
    const timeline = (await store.detail(id))!.timeline;
    expect(timeline.map((t) => t.n).slice(0, version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  }
  // One audit entry per step, also for the steps acknowledged just before the kill.
  const audit = await store.auditLog({ limit: 500, actor: 'burst' });
  expect(audit.length).toBeGreaterThanOrEqual(acked.length);
}

describe('durability: acknowledged changes survive a killed hub', () => {
  const dirs: string[] = [];
  let server: TestPostgres | undefined;
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await server?.stop();
  });

  it('on PGlite in a data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onescreen-pglite-'));
    dirs.push(dir);
    // Start from an initialised directory (initdb takes 10–20 s on a busy machine).
    await initPgliteDir(dir);

    const { acked, signal } = await burstAndKill(dir);
    expect(signal).toBe('SIGKILL');
    const store = await openEventStore({ dataDir: dir, catalog: TEST_CATALOG });
    try {
      await expectAllThere(store, acked);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('on a PostgreSQL server, also when the server is killed right after', async () => {
    server = await startPostgresServer();
    const url = await server.createDatabase('durability');
    const { acked } = await burstAndKill(url);
    await server.crash();
    await server.restart();
    const store = await openEventStore({ databaseUrl: url, catalog: TEST_CATALOG });
    try {
      await expectAllThere(store, acked);
    } finally {
      await store.close();
    }
  }, 120_000);
});
