// The scene store against both engines, as the event store's suite runs: PGlite in memory, and a
// real PostgreSQL server (one for the file, a fresh database per engine) where a second Sql handle
// stands for a second hub process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScenePublished } from '../../src/hub/designer.ts';
import { startPostgresServer, type TestPostgres } from '../../tests/postgres-server.ts';
import { openHubSql } from '../events/store/open-store.ts';
import { openPostgresSql, type Sql } from '../events/store/sql.ts';
import { openTestPglite, openTestPostgres, type Backend } from '../events/store/store-fixture.ts';
import { publishedScenes, type PublishedScenes } from './published-scenes.ts';
import { aScene, sceneDir } from './scene-fixture.ts';
import { SceneConflictError, SceneStoreError, sceneStore } from './scene-store.ts';
import { seedScenes } from './seed.ts';

let server: TestPostgres;
let pglite: Sql;
const dirs: string[] = [];
beforeAll(async () => {
  [server, pglite] = await Promise.all([startPostgresServer(), openTestPglite()]);
}, 60_000);
afterAll(async () => {
  await pglite?.close();
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const by = (author = 'alice', message = '') => ({ author, message });

async function waitFor(probe: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function refusal(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a refusal');
}

describe.each(['pglite', 'postgres'] as Backend[])('scene store on %s', (backend) => {
  let sql: Sql;
  let url = '';
  /** Other hub processes' handles and mirrors, closed after each test. */
  const extra: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    if (backend === 'pglite') sql = pglite;
    else sql = await openTestPostgres((url = await server.createDatabase(`scenes_${process.pid}`)));
  }, 60_000);
  afterAll(async () => {
    if (backend === 'postgres') await sql?.close();
  });
  beforeEach(async () => {
    while (extra.length) await extra.pop()!.close();
    await sql.exec('DELETE FROM scenes; DELETE FROM scene_seeding');
  });

  /** Another hub process on the same database (the server only). */
  async function secondHub(): Promise<Sql> {
    const other = await openPostgresSql({ url });
    extra.push(other);
    return other;
  }
  const onServer = backend === 'postgres' ? it : it.skip;

  it('creates, reads, lists and versions a scene; an id is taken once', async () => {
    const store = sceneStore(sql, { now: () => 1_800_000_000_000 });
    const created = await store.create(aScene('rain-watch'), by('alice', 'first cut'));
    expect(created).toEqual({
      id: 'rain-watch',
      head: { version: 1, author: 'alice', message: 'first cut', savedAt: 1_800_000_000_000 },
      scene: aScene('rain-watch'),
      published: null,
    });
    await store.create(aScene('flood', { description: 'Yangtze water levels' }), by());
    expect(await store.list()).toMatchObject([
      { id: 'rain-watch', title: '场景 rain-watch', titleEn: 'Scene rain-watch', layerCount: 2, panelCount: 1, published: null, head: { version: 1 } },
      { id: 'flood', description: 'Yangtze water levels' },
    ]);
    const taken = await refusal(store.create(aScene('flood'), by('bob')));
    expect(taken).toBeInstanceOf(SceneStoreError);
    expect(taken).toMatchObject({ code: 'exists' });
    expect(await store.versions('flood')).toEqual({ versions: [expect.objectContaining({ version: 1, author: 'alice' })], published: null });
    expect(await store.version('flood', 1)).toMatchObject({ version: 1, scene: aScene('flood', { description: 'Yangtze water levels' }) });
    expect(await store.version('flood', 2)).toBeNull();
    expect(await store.get('nothing')).toBeNull();
    expect(await store.versions('nothing')).toBeNull();
  });

  it('saves on the head; a save on an older base is a conflict that writes nothing and tells the head', async () => {
    const store = sceneStore(sql);
    await store.create(aScene('traffic'), by('alice'));
    const v2 = await store.save('traffic', 1, aScene('traffic', { title: '交通 v2' }), by('bob', 'retitled'));
    expect(v2.head).toMatchObject({ version: 2, author: 'bob', message: 'retitled' });
    expect(v2.scene.title).toBe('交通 v2');
    const stale = await refusal(store.save('traffic', 1, aScene('traffic', { title: '交通 alice' }), by('alice')));
    expect(stale).toBeInstanceOf(SceneConflictError);
    const conflict = stale as SceneConflictError;
    expect(conflict.head).toMatchObject({ version: 2, author: 'bob' });
    expect(conflict.headScene.title).toBe('交通 v2');
    expect(conflict.baseScene.title).toBe(aScene('traffic').title);
    expect((await store.versions('traffic'))!.versions.map((v) => v.version)).toEqual([2, 1]);
    // A base that is not a version at all is a mistake of the request, not a conflict.
    expect(await refusal(store.save('traffic', 7, aScene('traffic'), by()))).toMatchObject({ code: 'no-version' });
    expect(await refusal(store.save('nothing', 1, aScene('nothing'), by()))).toMatchObject({ code: 'not-found' });
  });

  it('of two saves on the same base, from two hub processes on a server, exactly one lands', async () => {
    const a = sceneStore(sql);
    // On PGlite one process owns the store: two requests at once stand for two designers.
    const b = backend === 'postgres' ? sceneStore(await secondHub()) : a;
    await a.create(aScene('race'), by());
    for (let round = 1; round <= 3; round++) {
      const results = await Promise.allSettled([
        a.save('race', round, aScene('race', { title: `甲 ${round}` }), by('alice')),
        b.save('race', round, aScene('race', { title: `乙 ${round}` }), by('bob')),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(SceneConflictError);
      expect((lost[0].reason as SceneConflictError).head.version).toBe(round + 1);
    }
    expect((await a.versions('race'))!.versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('publishes any kept version: rolling back is publishing an older one', async () => {
    const store = sceneStore(sql);
    await store.create(aScene('gov'), by());
    expect(await store.published()).toEqual([]);
    await store.save('gov', 1, aScene('gov', { title: '政务 v2' }), by());
    expect((await store.publish('gov', 2)).published).toBe(2);
    expect(await store.publishedOne('gov')).toMatchObject({ version: 2, scene: { title: '政务 v2' } });
    // Saving drafts after it does not change what walls see.
    await store.save('gov', 2, aScene('gov', { title: '政务 v3' }), by());
    expect((await store.publishedOne('gov'))!.version).toBe(2);
    const back = await store.publish('gov', 1);
    expect(back).toMatchObject({ published: 1, head: { version: 3 } });
    expect((await store.publishedOne('gov'))!.scene.title).toBe(aScene('gov').title);
    expect(await refusal(store.publish('gov', 9))).toMatchObject({ code: 'no-version' });
    expect(await refusal(store.publish('nothing', 1))).toMatchObject({ code: 'not-found' });
  });

  it('prunes the oldest versions past the limit, never the head nor the published one', async () => {
    const store = sceneStore(sql, { maxVersions: 3 });
    await store.create(aScene('prune'), by());
    await store.publish('prune', 1);
    for (let v = 1; v < 6; v++) await store.save('prune', v, aScene('prune', { title: `v${v + 1}` }), by());
    expect((await store.versions('prune'))!.versions.map((v) => v.version)).toEqual([6, 5, 1]);
    await store.publish('prune', 5);
    await store.save('prune', 6, aScene('prune', { title: 'v7' }), by());
    expect((await store.versions('prune'))!).toEqual({ versions: [7, 6, 5].map((version) => expect.objectContaining({ version })), published: 5 });
  });

  it('holds at most maxScenes; a deleted scene takes its versions along and frees its place', async () => {
    const store = sceneStore(sql, { maxScenes: 2 });
    await store.create(aScene('one'), by());
    await store.create(aScene('two'), by());
    expect(await refusal(store.create(aScene('three'), by()))).toMatchObject({ code: 'too-many-scenes' });
    await store.publish('two', 1);
    expect(await store.remove('two')).toBe(true);
    expect(await store.remove('two')).toBe(false);
    expect(await store.versions('two')).toBeNull();
    expect(await store.published()).toEqual([]);
    await store.create(aScene('three'), by());
    expect((await store.list()).map((s) => s.id)).toEqual(['one', 'three']);
  });

  it('keeps the published copy current in this process and announces a new version once', async () => {
    const store = sceneStore(sql);
    const heard: { message: ScenePublished; everywhere: boolean }[] = [];
    const mirror = await publishedScenes({ sql, store, announce: (message, everywhere) => heard.push({ message, everywhere }), log: () => {} });
    extra.push(mirror);
    await store.create(aScene('a'), by());
    await store.create(aScene('b'), by());
    await store.publish('b', 1);
    await mirror.changed('b');
    await store.publish('a', 1);
    await mirror.changed('a');
    // The store's order, not the order of publishing.
    expect(mirror.list().map((s) => s.id)).toEqual(['a', 'b']);
    expect(mirror.scenes.get('b')?.layers.map((l) => l.id)).toEqual(['rain', 'stations']);
    await store.publish('a', 1);
    await mirror.changed('a');
    await waitFor(() => heard.length >= 2, 'two announcements');
    expect(heard.map((h) => [h.message.scene.id, h.message.version])).toEqual([
      ['b', 1],
      ['a', 1],
    ]);
    // With PGlite the publishing process tells every process's sockets (the adapter); on a server each tells its own.
    expect(heard.every((h) => h.everywhere === (backend === 'pglite'))).toBe(true);
    await store.remove('a');
    await mirror.changed('a');
    expect([...mirror.scenes.keys()]).toEqual(['b']);
  });

  onServer('another hub process on the server learns of a publish, a rollback and a delete at once', async () => {
    const store = sceneStore(sql);
    const other = await secondHub();
    const heard: ScenePublished[] = [];
    const theirs: PublishedScenes = await publishedScenes({ sql: other, store: sceneStore(other), announce: (m) => heard.push(m), log: () => {} });
    extra.push(theirs);
    await store.create(aScene('shared'), by());
    await store.save('shared', 1, aScene('shared', { layers: [aScene('x').layers[0]] }), by());
    await store.publish('shared', 2);
    await waitFor(() => theirs.scenes.get('shared')?.layers.length === 1, 'the other process to serve version 2');
    expect(heard.map((m) => m.version)).toEqual([2]);
    await store.publish('shared', 1);
    await waitFor(() => heard.length === 2, 'the rollback');
    expect(theirs.scenes.get('shared')?.layers.map((l) => l.id)).toEqual(['rain', 'stations']);
    await store.remove('shared');
    await waitFor(() => !theirs.scenes.has('shared'), 'the delete');
  });

  it('is seeded from the files once: each published at version 1; a bad file is skipped with its reason', async () => {
    const dir = sceneDir({
      '01-first.json': aScene('first'),
      '02-old.json': { ...aScene('old'), schemaVersion: 1, description: undefined },
      '03-bad.json': { ...aScene('bad'), title: '' },
      '04-newer.json': { ...aScene('newer'), schemaVersion: 9 },
      '05-again.json': aScene('first'),
    });
    dirs.push(dir);
    const logged: string[] = [];
    const log = (m: string) => void logged.push(m);
    expect(await seedScenes(sql, { dir, log })).toBe(2);
    expect(logged.join('\n')).toMatch(/scene 03-bad\.json skipped: title: /);
    expect(logged.join('\n')).toMatch(/scene 04-newer\.json skipped: schemaVersion: this scene was written by a newer OneScreen \(format 9\)/);
    expect(logged.join('\n')).toMatch(/scene 05-again\.json skipped: id "first" is taken/);
    const store = sceneStore(sql);
    expect((await store.published()).map((p) => [p.id, p.version])).toEqual([
      ['first', 1],
      ['old', 1],
    ]);
    expect((await store.versions('old'))!.versions).toEqual([expect.objectContaining({ version: 1, author: 'scenes/', message: 'from scenes/02-old.json' })]);
    // Seeded once: later starts change nothing, even with every scene deleted meanwhile.
    await store.remove('first');
    expect(await seedScenes(sql, { dir, log })).toBeNull();
    expect((await store.list()).map((s) => s.id)).toEqual(['old']);
  });

  onServer('hub processes starting at once on an empty database seed it once', async () => {
    const dir = sceneDir({ '01-a.json': aScene('a'), '02-b.json': aScene('b') });
    dirs.push(dir);
    const others = [sql, await secondHub(), await secondHub()];
    const results = await Promise.all(others.map((s) => seedScenes(s, { dir, log: () => {} })));
    expect(results.filter((r) => r === 2)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(2);
    expect((await sceneStore(sql).list()).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('seeding a hub data directory (PGlite on disk)', () => {
  it('does not seed again, nor duplicate, after a restart', async () => {
    const data = mkdtempSync(join(tmpdir(), 'onescreen-scene-data-'));
    const files = sceneDir({ '01-overview.json': aScene('overview') });
    dirs.push(data, files);
    let sql = await openHubSql({ dataDir: data });
    expect(await seedScenes(sql, { dir: files, log: () => {} })).toBe(1);
    await sceneStore(sql).save('overview', 1, aScene('overview', { title: '总览 v2' }), by('designer'));
    await sql.close();
    sql = await openHubSql({ dataDir: data });
    try {
      expect(await seedScenes(sql, { dir: files, log: () => {} })).toBeNull();
      expect(await sceneStore(sql).list()).toEqual([expect.objectContaining({ id: 'overview', title: '总览 v2', published: 1, head: expect.objectContaining({ version: 2 }) })]);
    } finally {
      await sql.close();
    }
  }, 60_000);
});
