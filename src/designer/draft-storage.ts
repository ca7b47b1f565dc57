/**
 * Unsaved drafts in localStorage, one per scene id, with the version each was based on: a closed
 * tab, a crash or an expired session loses no edit. Bounded in count and size (the oldest other
 * scene's draft makes way), and every entry is checked when read back (another build, a damaged
 * entry): one that fails is dropped, never loaded.
 */
import { z } from 'zod';
import { SCENE_LIMITS, SCENE_SCHEMA_VERSION, SceneIdSchema, type Scene } from '../hub/contract.ts';

const PREFIX = 'onescreen.designer.draft.';

export const DRAFT_LIMITS = {
  /** Scenes with a draft kept at once. */
  maxDrafts: 16,
  /** One draft's JSON, as a scene file may be. */
  maxChars: SCENE_LIMITS.maxFileBytes,
} as const;

export interface StoredDraft {
  sceneId: string;
  /** The hub version the draft started from: a save names it as its baseVersion. */
  baseVersion: number;
  savedAt: number;
  scene: Scene;
}

/**
 * What was written, loosely: a draft may be mid-edit (the editor lists its problems), so only what
 * makes it a draft of this scene in this format is required here.
 */
const EntrySchema = z.object({
  v: z.literal(1),
  sceneId: SceneIdSchema,
  baseVersion: z.number().int().min(1),
  savedAt: z.number().int().positive(),
  scene: z.looseObject({
    schemaVersion: z.literal(SCENE_SCHEMA_VERSION),
    id: z.string(),
    layers: z.array(z.unknown()),
    panels: z.array(z.unknown()),
  }),
});

export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
export type WriteResult = { ok: true } | { ok: false; error: string };

const defaultStorage = (): DraftStore | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
};

export class DraftStorage {
  private storage: DraftStore | null;

  constructor(
    storage?: DraftStore | null,
    private now: () => number = Date.now,
  ) {
    this.storage = storage === undefined ? defaultStorage() : storage;
  }

  read(sceneId: string): StoredDraft | null {
    const raw = this.storage?.getItem(PREFIX + sceneId);
    if (!raw) return null;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
    const parsed = EntrySchema.safeParse(value);
    if (!parsed.success || parsed.data.sceneId !== sceneId || parsed.data.scene.id !== sceneId) {
      this.discard(sceneId);
      return null;
    }
    const { sceneId: id, baseVersion, savedAt, scene } = parsed.data;
    return { sceneId: id, baseVersion, savedAt, scene: scene as unknown as Scene };
  }

  write(sceneId: string, baseVersion: number, scene: Scene): WriteResult {
    if (!this.storage) return { ok: false, error: '此浏览器不能保存草稿 This browser keeps no drafts (storage is off)' };
    const text = JSON.stringify({ v: 1, sceneId, baseVersion, savedAt: this.now(), scene });
    if (text.length > DRAFT_LIMITS.maxChars) return { ok: false, error: `草稿过大 Draft too large to keep (${text.length} > ${DRAFT_LIMITS.maxChars} characters)` };
    const others = () => this.entries().filter((e) => e.sceneId !== sceneId);
    for (;;) {
      try {
        this.storage.setItem(PREFIX + sceneId, text);
        break;
      } catch {
        // Quota: the oldest other draft makes way, until none is left.
        const oldest = others()[0];
        if (!oldest) return { ok: false, error: '浏览器存储已满 Browser storage full: the draft is not kept' };
        this.discard(oldest.sceneId);
      }
    }
    // Counting keys is cheap; reading drafts (to find the oldest) only happens past the bound.
    if (this.keys().length > DRAFT_LIMITS.maxDrafts) {
      const rest = others();
      for (const e of rest.slice(0, Math.max(0, rest.length + 1 - DRAFT_LIMITS.maxDrafts))) this.discard(e.sceneId);
    }
    return { ok: true };
  }

  discard(sceneId: string) {
    this.storage?.removeItem(PREFIX + sceneId);
  }

  /** Every kept draft's scene and time, oldest first. */
  entries(): { sceneId: string; savedAt: number }[] {
    const out: { sceneId: string; savedAt: number }[] = [];
    for (const id of this.keys()) {
      const d = this.read(id);
      if (d) out.push({ sceneId: id, savedAt: d.savedAt });
    }
    return out.sort((a, b) => a.savedAt - b.savedAt);
  }

  /** Scene ids with an entry (read or not). */
  private keys(): string[] {
    const s = this.storage;
    const ids: string[] = [];
    if (!s) return ids;
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(PREFIX)) ids.push(k.slice(PREFIX.length));
    }
    return ids;
  }
}
