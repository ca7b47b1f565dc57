import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scene } from '../hub/contract.ts';
import type { SceneRecord } from '../hub/designer.ts';
import { AUTOSAVE_DELAY_MS } from './autosave.ts';
import { conflict, info, json, memoryStorage, record, runtime, type Route } from './designer-fixture.ts';
import { DraftStorage, type DraftStore } from './draft-storage.ts';
import { EditDesk } from './edit-desk.ts';
import { editorActions } from './editor/index.ts';

const moved = (s: Scene, zoom: number): Scene['camera'] => ({ ...s.camera, zoom });

async function opened(route: Route, storage?: DraftStore) {
  const env = runtime(route, storage);
  const desk = new EditDesk(env.rt, 'flood');
  await desk.start();
  const editor = desk.store.getState().editor!;
  return { ...env, desk, editor, actions: editorActions(editor) };
}

const head2: SceneRecord = record();
const hub: Route = (method, path) => {
  if (method === 'GET' && path === '/designer/scenes/flood') return json(200, head2);
  return json(404, { error: 'not-found', message: path });
};

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 4, 20, 8) }));
afterEach(() => vi.useRealTimers());

describe('edit desk', () => {
  it('keeps each edit in this browser a moment later, with the version it is based on', async () => {
    const { desk, actions, rt } = await opened(hub);
    expect(desk.store.getState()).toMatchObject({ phase: 'ready', baseVersion: 2, restoreOffer: null });
    actions.setCamera(moved(head2.scene, 9));
    expect(rt.drafts.read('flood')).toBeNull(); // debounced
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(rt.drafts.read('flood')).toMatchObject({ baseVersion: 2, scene: { camera: { zoom: 9 } } });
    // Back to what is saved: nothing left to keep.
    actions.undo();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(rt.drafts.read('flood')).toBeNull();
    desk.stop();
  });

  it('a closing page keeps the draft at once (no waiting for the debounce)', async () => {
    const { desk, actions, rt } = await opened(hub);
    actions.setCamera(moved(head2.scene, 10));
    desk.stop();
    expect(rt.drafts.read('flood')?.scene.camera.zoom).toBe(10);
  });

  it('reopening offers a kept draft; restore makes it the draft, discard forgets it', async () => {
    const storage = memoryStorage();
    new DraftStorage(storage).write('flood', 2, { ...head2.scene, camera: moved(head2.scene, 11) });
    const a = await opened(hub, storage);
    expect(a.desk.store.getState().restoreOffer).toMatchObject({ baseVersion: 2 });
    // Autosave waits for the choice: an edit now does not replace the kept draft.
    a.actions.setCamera(moved(head2.scene, 4));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(a.rt.drafts.read('flood')?.scene.camera.zoom).toBe(11);
    a.desk.restore();
    expect(a.editor.getState().scene.camera.zoom).toBe(11);
    expect(a.desk.store.getState()).toMatchObject({ restoreOffer: null, baseVersion: 2 });
    a.desk.stop();

    const b = await opened(hub, storage);
    expect(b.desk.store.getState().restoreOffer).not.toBeNull();
    b.desk.discardDraft();
    expect(b.rt.drafts.read('flood')).toBeNull();
    expect(b.editor.getState().scene.camera.zoom).toBe(head2.scene.camera.zoom);
    b.desk.stop();
  });

  it('a kept draft that is what the hub holds is dropped without asking', async () => {
    const storage = memoryStorage();
    new DraftStorage(storage).write('flood', 2, head2.scene);
    const { desk, rt } = await opened(hub, storage);
    expect(desk.store.getState().restoreOffer).toBeNull();
    expect(rt.drafts.read('flood')).toBeNull();
    desk.stop();
  });

  it('saves on the draft’s base version; success clears the kept draft and moves the base', async () => {
    let saved: unknown;
    const { desk, actions, rt, calls } = await opened((method, path, body) => {
      if (method === 'PUT') {
        saved = (body as { scene: Scene }).scene;
        return json(200, record({ head: info(3), scene: saved as Scene }));
      }
      return hub(method, path, body);
    });
    actions.setCamera(moved(head2.scene, 9));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await desk.save('zoomed in');
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', path: '/designer/scenes/flood', body: { baseVersion: 2, message: 'zoomed in' } });
    expect(desk.store.getState()).toMatchObject({ baseVersion: 3, record: { head: { version: 3 } } });
    expect(rt.drafts.read('flood')).toBeNull();
    expect(rt.store.getState().notice?.text).toMatch(/Saved as version 3/);
    desk.stop();
  });

  it('a conflict is shown, never overwritten silently; “keep mine” saves on their head explicitly', async () => {
    const bases: number[] = [];
    const { desk, actions } = await opened((method, path, body) => {
      if (method === 'PUT') {
        const b = body as { baseVersion: number; scene: Scene };
        bases.push(b.baseVersion);
        return b.baseVersion === 2 ? json(409, conflict()) : json(200, record({ head: info(4), scene: b.scene }));
      }
      return hub(method, path, body);
    });
    actions.setCamera(moved(head2.scene, 9));
    await desk.save('mine');
    expect(desk.store.getState().conflict).toMatchObject({ message: 'mine', conflict: { head: { version: 3, author: 'li.wei' } } });
    expect(desk.store.getState().baseVersion).toBe(2);
    desk.overwrite();
    await vi.waitFor(() => expect(desk.store.getState().conflict).toBeNull());
    expect(bases).toEqual([2, 3]);
    expect(desk.store.getState().baseVersion).toBe(4);
    desk.stop();
  });

  it('“take theirs” loads their head and keeps my draft in this browser, offered back', async () => {
    const { desk, actions, editor, rt } = await opened((method, path, body) => (method === 'PUT' ? json(409, conflict()) : hub(method, path, body)));
    actions.setCamera(moved(head2.scene, 9));
    await desk.save('mine');
    desk.takeTheirs();
    const s = desk.store.getState();
    expect(editor.getState().scene.title).toBe('防汛 2');
    expect(s).toMatchObject({ conflict: null, baseVersion: 3, record: { head: { version: 3 } } });
    expect(s.restoreOffer?.scene.camera.zoom).toBe(9);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(rt.drafts.read('flood')?.scene.camera.zoom).toBe(9);
    desk.restore();
    expect(editor.getState().scene.camera.zoom).toBe(9);
    expect(desk.store.getState().baseVersion).toBe(2); // saving it again shows the conflict again
    desk.stop();
  });

  it('loading an older version makes it the draft on top of the head (history is not rewritten)', async () => {
    const v1 = { ...head2.scene, title: '旧版' };
    const { desk, editor } = await opened((method, path, body) => (path === '/designer/scenes/flood/versions/1' ? json(200, { ...info(1), scene: v1 }) : hub(method, path, body)));
    await desk.loadVersion(1);
    expect(editor.getState().scene.title).toBe('旧版');
    expect(desk.store.getState().baseVersion).toBe(2);
    desk.stop();
  });

  it('a scene that cannot be loaded says why', async () => {
    const env = runtime(() => json(404, { error: 'not-found', message: 'no scene "flood"' }));
    const desk = new EditDesk(env.rt, 'flood');
    await desk.start();
    expect(desk.store.getState()).toMatchObject({ phase: 'failed', loadError: '未找到 Not found: no scene "flood"' });
  });
});
