/** Hub answers and a fake fetch for the designer's tests. */
import { vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Scene } from '../hub/contract.ts';
import type { SceneConflict, SceneEntry, SceneRecord, VersionInfo } from '../hub/designer.ts';
import { DesignerClient } from './designer-client.ts';
import type { DesignerRuntime, DesignerState } from './designer-runtime.ts';
import type { DesignerSession } from './designer-session.ts';
import { DraftStorage, type DraftStore } from './draft-storage.ts';
import blank from './templates/blank.json';

export const HUB = 'http://hub.test';
export const TOKEN = 'designer-token-0123456789';
export const T0 = Date.UTC(2026, 4, 20, 6, 0, 0);

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const scene = (over: Partial<Scene> = {}): Scene => ({ ...(structuredClone(blank) as unknown as Scene), id: 'flood', title: '防汛', titleEn: 'Flood watch', ...over });
export const info = (version: number, over: Partial<VersionInfo> = {}): VersionInfo => ({ version, author: 'designer', message: `v${version}`, savedAt: T0 + version * 60_000, ...over });
export const record = (over: Partial<SceneRecord> = {}): SceneRecord => ({ id: 'flood', head: info(2), scene: scene(), published: 1, shownOn: [], ...over });
export const entry = (over: Partial<SceneEntry> = {}): SceneEntry => ({
  id: 'flood',
  title: '防汛',
  titleEn: 'Flood watch',
  description: '',
  head: info(2),
  published: 1,
  shownOn: [],
  layerCount: 0,
  panelCount: 0,
  ...over,
});
export const conflict = (over: Partial<SceneConflict> = {}): SceneConflict => ({
  error: 'conflict',
  message: 'version 3 was saved since version 2',
  head: info(3, { author: 'li.wei' }),
  theirs: { fields: ['title'], layers: { added: ['rain'], removed: [], changed: {}, reordered: false }, panels: { added: [], removed: [], moved: {} } },
  headScene: scene({ title: '防汛 2' }),
  ...over,
});

/** A fetch that answers from `answers` in turn (the last one repeats) and records each call. */
export function fakeFetch(...answers: (Response | Error | (() => Response))[]) {
  const calls: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
  let i = 0;
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    const a = answers[Math.min(i++, answers.length - 1)];
    if (a instanceof Error) throw a;
    return typeof a === 'function' ? a() : a.clone();
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

export type Route = (method: string, path: string, body: unknown) => Response;

export function memoryStorage(): DraftStore {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A runtime whose hub answers through `route` and whose drafts live in `storage`. */
export function runtime(route: Route, storage = memoryStorage()) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    const path = String(url).slice(`${HUB}/api/v1`.length);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init?.method ?? 'GET', path, body });
    return route(init?.method ?? 'GET', path, body);
  }) as unknown as typeof fetch;
  const store = createStore<DesignerState>(() => ({ notice: null, rejected: 0 }));
  const rt: DesignerRuntime = {
    hubUrl: HUB,
    store,
    session: null as unknown as DesignerSession,
    client: new DesignerClient(HUB, { token: () => TOKEN, fetch: fetchImpl }),
    drafts: new DraftStorage(storage, () => Date.now()),
    say: (tone, text) => store.setState({ notice: { tone, text, at: Date.now() } }),
  };
  return { rt, calls, storage };
}
