/**
 * The published scenes as this hub process serves them (GET /scenes) and checks commands against
 * (command-rules.ts): a copy in memory of what the store says, so both stay synchronous and cheap.
 *
 * The store is the truth; the copy is refreshed scene by scene whenever a publish or delete commits:
 * - in this process, before the designer's request is answered (`changed`);
 * - on a PostgreSQL server shared by several hub processes, in every one of them, through the
 *   store's NOTIFY (scene-store.ts), and in full after the listener reconnects.
 * A newly published version is announced to sockets once the copy holds it: each process tells
 * its own sockets on a shared server (every process hears the NOTIFY, so every socket hears it
 * once); with PGlite, where one process owns the store, through the adapter to every process.
 */
import type { Scene } from '../../src/hub/contract.ts';
import type { ScenePublished } from '../../src/hub/designer.ts';
import type { Sql } from '../events/store/sql.ts';
import { SCENES_CHANNEL, type PublishedScene, type SceneStore } from './scene-store.ts';

export interface PublishedScenesOptions {
  sql: Pick<Sql, 'kind' | 'listen'>;
  store: Pick<SceneStore, 'published' | 'publishedOne'>;
  /** Tells sockets: `everywhere` through the adapter (every hub process), else only this process's. */
  announce(message: ScenePublished, everywhere: boolean): void;
  log(msg: string): void;
}

export async function publishedScenes(opts: PublishedScenesOptions) {
  const entries = new Map<string, PublishedScene>();
  /** What command checks read: the same object for the hub's life, rebuilt in place. */
  const view = new Map<string, Scene>();
  const shared = opts.sql.kind === 'postgres';
  /** Refreshes run one after another, so an older read never lands after a newer one. */
  let chain: Promise<void> = Promise.resolve();

  const rebuild = () => {
    view.clear();
    for (const e of [...entries.values()].sort((a, b) => a.seq - b.seq)) view.set(e.id, e.scene);
  };

  function apply(id: string, now: PublishedScene | null) {
    const before = entries.get(id);
    if (now) entries.set(id, now);
    else entries.delete(id);
    rebuild();
    // Versions never change once saved: the same version is the same scene, nothing to announce.
    if (now && now.version !== before?.version) opts.announce({ scene: now.scene, version: now.version }, !shared);
  }

  const queue = (what: string, work: () => Promise<void>) =>
    (chain = chain.then(work).catch((err: Error) => opts.log(`scenes: refreshing ${what} failed: ${err.message}`)));

  const refresh = (id: string) => queue(`scene ${id}`, async () => apply(id, await opts.store.publishedOne(id)));
  const refreshAll = () =>
    queue('every scene', async () => {
      const all = new Map((await opts.store.published()).map((e) => [e.id, e]));
      for (const id of new Set([...entries.keys(), ...all.keys()])) apply(id, all.get(id) ?? null);
    });

  for (const e of await opts.store.published()) entries.set(e.id, e);
  rebuild();

  const stop = opts.sql.listen
    ? await opts.sql.listen(
        SCENES_CHANNEL,
        (id) => void (id.length <= 40 && refresh(id)),
        // Notifications sent while the listener was down are gone: read everything again.
        () => void refreshAll(),
      )
    : null;

  return {
    /** Published scenes by id, in the store's order; kept current in place. */
    scenes: view as ReadonlyMap<string, Scene>,
    list: (): Scene[] => [...view.values()],
    /** After this process published or deleted `id`: resolves once the copy (and its sockets) know. */
    changed: (id: string): Promise<void> => refresh(id),
    async close() {
      await stop?.();
      await chain;
    },
  };
}
export type PublishedScenes = Awaited<ReturnType<typeof publishedScenes>>;
