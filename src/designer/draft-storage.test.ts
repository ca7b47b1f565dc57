import { describe, expect, it } from 'vitest';
import { DRAFT_LIMITS, DraftStorage, type DraftStore } from './draft-storage.ts';
import { scene } from './designer-fixture.ts';

/** localStorage as a Map, with an optional quota in characters. */
function memoryStorage(quota = Infinity): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...map].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
      if (used + v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

describe('draft storage', () => {
  it('keeps a draft per scene with its base version and time, and gives it back', () => {
    let now = 1_000;
    const drafts = new DraftStorage(memoryStorage(), () => now);
    expect(drafts.write('flood', 3, scene({ title: '草稿' }))).toEqual({ ok: true });
    now = 2_000;
    drafts.write('traffic', 1, scene({ id: 'traffic' }));
    expect(drafts.read('flood')).toEqual({ sceneId: 'flood', baseVersion: 3, savedAt: 1_000, scene: scene({ title: '草稿' }) });
    expect(drafts.read('traffic')?.scene.id).toBe('traffic');
    expect(drafts.read('missing')).toBeNull();
    expect(drafts.entries()).toEqual([
      { sceneId: 'flood', savedAt: 1_000 },
      { sceneId: 'traffic', savedAt: 2_000 },
    ]);
  });

  it('a later write replaces the scene’s draft; discard removes only that scene’s', () => {
    const drafts = new DraftStorage(memoryStorage());
    drafts.write('flood', 3, scene({ title: 'a' }));
    drafts.write('flood', 4, scene({ title: 'b' }));
    drafts.write('traffic', 1, scene({ id: 'traffic' }));
    expect(drafts.read('flood')).toMatchObject({ baseVersion: 4, scene: { title: 'b' } });
    drafts.discard('flood');
    expect(drafts.read('flood')).toBeNull();
    expect(drafts.read('traffic')).not.toBeNull();
  });

  it('survives a new page: another DraftStorage over the same storage reads it', () => {
    const storage = memoryStorage();
    new DraftStorage(storage).write('flood', 2, scene());
    expect(new DraftStorage(storage).read('flood')?.baseVersion).toBe(2);
  });

  it('drops an entry it cannot trust instead of loading it', () => {
    const storage = memoryStorage();
    const drafts = new DraftStorage(storage);
    const bad = ['{not json', JSON.stringify({ v: 1, sceneId: 'flood', baseVersion: 0, savedAt: 1, scene: scene() }), JSON.stringify({ v: 1, sceneId: 'flood', baseVersion: 1, savedAt: 1, scene: scene({ id: 'other' }) }), JSON.stringify({ v: 1, sceneId: 'flood', baseVersion: 1, savedAt: 1, scene: { ...scene(), schemaVersion: 9 } })];
    for (const raw of bad) {
      storage.setItem('onescreen.designer.draft.flood', raw);
      expect(drafts.read('flood'), raw).toBeNull();
      expect(storage.map.has('onescreen.designer.draft.flood')).toBe(false);
    }
  });

  it('is bounded: past the count the oldest other scene’s draft makes way', () => {
    let now = 0;
    const drafts = new DraftStorage(memoryStorage(), () => ++now);
    for (let i = 0; i < DRAFT_LIMITS.maxDrafts + 3; i++) drafts.write(`s${i}`, 1, scene({ id: `s${i}` }));
    const kept = drafts.entries().map((e) => e.sceneId);
    expect(kept).toHaveLength(DRAFT_LIMITS.maxDrafts);
    expect(kept).not.toContain('s0');
    expect(kept).toContain(`s${DRAFT_LIMITS.maxDrafts + 2}`);
  });

  it('a draft too large is refused with a reason; a full storage evicts older drafts first', () => {
    const drafts = new DraftStorage(memoryStorage());
    const huge = scene({ description: 'x'.repeat(DRAFT_LIMITS.maxChars) });
    const res = drafts.write('flood', 1, huge);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/too large/);

    let now = 0;
    const one = JSON.stringify({ v: 1, sceneId: 'a0', baseVersion: 1, savedAt: 1, scene: scene({ id: 'a0' }) }).length;
    const tight = new DraftStorage(memoryStorage(one * 2 + 40), () => ++now);
    tight.write('a0', 1, scene({ id: 'a0' }));
    tight.write('a1', 1, scene({ id: 'a1' }));
    expect(tight.write('a2', 1, scene({ id: 'a2' }))).toEqual({ ok: true });
    expect(tight.entries().map((e) => e.sceneId)).toEqual(['a1', 'a2']);
  });

  it('without storage (disabled by the browser) says so instead of failing', () => {
    const drafts = new DraftStorage(null);
    expect(drafts.write('flood', 1, scene()).ok).toBe(false);
    expect(drafts.read('flood')).toBeNull();
  });
});
