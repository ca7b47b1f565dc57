/**
 * The designer's clipboard for layers and panels, in localStorage so a copy survives switching
 * scenes, reloads and tabs. What is read back is checked like any file from outside: another tab,
 * an older build or a hand edit may have left anything there.
 */
import { z } from 'zod';
import { PANEL_SLOTS, SCENE_LIMITS, SceneLayerSchema, ScenePanelSchema, type SceneLayer, type ScenePanel } from '../../hub/contract.ts';

const KEY = 'onescreen.designer.clipboard';

const ClipSchema = z.object({
  v: z.literal(1),
  copiedAt: z.number(),
  layers: z.array(SceneLayerSchema).max(SCENE_LIMITS.maxLayers),
  panels: z.array(ScenePanelSchema).max(PANEL_SLOTS.length),
});
export type Clip = z.infer<typeof ClipSchema>;

type ClipStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Without localStorage (tests, a locked-down browser) the clipboard lasts as long as the page. */
const memory = new Map<string, string>();
const memoryStorage: ClipStorage = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };

function storage(): ClipStorage {
  try {
    return globalThis.localStorage ?? memoryStorage;
  } catch {
    return memoryStorage; // access itself throws where storage is blocked
  }
}

const listeners = new Set<() => void>();

export function copyToClipboard(items: { layers?: SceneLayer[]; panels?: ScenePanel[] }, to: ClipStorage = storage()): void {
  const clip: Clip = { v: 1, copiedAt: Date.now(), layers: items.layers ?? [], panels: items.panels ?? [] };
  const text = JSON.stringify(clip);
  if (text.length > SCENE_LIMITS.maxFileBytes) return;
  try {
    to.setItem(KEY, text);
  } catch {
    memoryStorage.setItem(KEY, text); // full or refused: this page still gets its copy
  }
  for (const l of listeners) l();
}

export function readClipboard(from: ClipStorage = storage()): Clip | null {
  let text: string | null;
  try {
    text = from.getItem(KEY) ?? memoryStorage.getItem(KEY);
  } catch {
    text = memoryStorage.getItem(KEY);
  }
  if (!text || text.length > SCENE_LIMITS.maxFileBytes) return null;
  try {
    const parsed = ClipSchema.safeParse(JSON.parse(text));
    return parsed.success && (parsed.data.layers.length || parsed.data.panels.length) ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Calls `onChange` when this tab or another copies something. */
export function subscribeClipboard(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) onChange();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
