/**
 * The scene files (scenes/, or HUB_SCENES_DIR) become the store's first scenes on the hub's first
 * start, each as version 1, published. Only once: afterwards the store is what the designers made of
 * it (a scene they deleted stays deleted, an edited file does not overwrite their versions).
 */
import { DESIGNER_LIMITS } from '../../src/hub/designer.ts';
import type { Sql } from '../events/store/sql.ts';
import { loadSceneFiles, SCENES_DIR } from './scene-files.ts';
import { insertScene } from './scene-store.ts';

export const SEED_AUTHOR = 'scenes/';

/** Seeds an empty store; the number of scenes seeded, or null when the store was seeded before. */
export async function seedScenes(sql: Sql, opts: { dir?: string; log: (msg: string) => void; now?: () => number }): Promise<number | null> {
  const at = (opts.now ?? Date.now)();
  // Read (and complained about) only while the store still needs them.
  if ((await sql.query('SELECT 1 FROM scene_seeding')).rows.length) return null;
  const files = loadSceneFiles(opts.dir ?? SCENES_DIR, opts.log);
  const seeded = await sql.transaction(async (tx) => {
    // The claim and the scenes commit together: a hub starting beside this one waits on the row,
    // then finds it taken; a crash part-way leaves nothing claimed.
    const claim = await tx.query('INSERT INTO scene_seeding (seeded_at, files) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING done', [at, files.length]);
    if (!claim.rows.length) return null;
    const ids = new Set<string>();
    for (const { file, scene } of files) {
      if (ids.has(scene.id)) opts.log(`scene ${file} skipped: id "${scene.id}" is taken by an earlier file`);
      else if (ids.size >= DESIGNER_LIMITS.maxScenes) opts.log(`scene ${file} skipped: the hub holds at most ${DESIGNER_LIMITS.maxScenes} scenes`);
      else {
        await insertScene(tx, scene, { author: SEED_AUTHOR, message: `from scenes/${file}` }, at, true);
        ids.add(scene.id);
      }
    }
    return ids.size;
  });
  if (seeded !== null) opts.log(`scenes: seeded ${seeded} from ${files.length} files`);
  return seeded;
}
