import { describe, expect, it, vi } from 'vitest';
import type { Scene } from '../hub/contract.ts';
import { entry, json, record, runtime, scene, type Route } from './designer-fixture.ts';
import { SceneListDesk } from './scene-list-desk.ts';

const file = (name: string, value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
};

/** A hub holding `flood` (shown on wall main) that creates any new id and refuses deleting a shown scene. */
function desk(extra?: (...args: Parameters<Route>) => Response | undefined) {
  const created: Scene[] = [];
  const route: Route = (method, path, body) => {
    const hit = extra?.(method, path, body);
    if (hit) return hit;
    if (method === 'GET' && /^\/designer\/scenes(\?|$)/.test(path)) return json(200, { scenes: [entry({ shownOn: ['main'] })] });
    if (method === 'GET' && path === '/designer/scenes/flood') return json(200, record());
    if (method === 'POST' && path === '/designer/scenes') {
      const s = (body as { scene: Scene }).scene;
      if (s.id === 'flood') return json(409, { error: 'exists', message: 'scene "flood" exists already' });
      created.push(s);
      return json(201, record({ id: s.id, scene: s, published: null }));
    }
    if (method === 'DELETE' && path === '/designer/scenes/flood') return json(409, { error: 'in-use', message: 'scene "flood" is shown on wall main' });
    return json(404, { error: 'not-found', message: path });
  };
  const env = runtime(route);
  const open = vi.fn();
  const d = new SceneListDesk(env.rt, open);
  return { ...env, desk: d, open, created, notice: () => env.rt.store.getState().notice?.text ?? '' };
}

describe('scene list desk', () => {
  it('creates from a template under the designer’s names and opens it', async () => {
    const t = desk();
    await t.desk.load();
    expect(await t.desk.create('map-four-panels', 'Bad', '标题', 'Title')).toMatch(/lower-case/);
    expect(await t.desk.create('map-four-panels', 'flood', '标题', 'Title')).toMatch(/already exists/);
    expect(await t.desk.create('map-four-panels', 'river', '两江', 'Two rivers')).toBeNull();
    expect(t.created[0]).toMatchObject({ id: 'river', title: '两江', titleEn: 'Two rivers', schemaVersion: 2 });
    expect(t.open).toHaveBeenCalledWith('river');
  });

  it('imports a format-1 file migrated; a taken id asks for a copy; a bad file changes nothing', async () => {
    const t = desk();
    await t.desk.load();
    const { description: _, ...v2 } = scene({ id: 'old' });
    await t.desk.importFile(file('old.json', { ...v2, schemaVersion: 1 }));
    expect(t.created[0]).toMatchObject({ id: 'old', schemaVersion: 2, description: '' });
    expect(t.calls.at(-1)?.body).toMatchObject({ message: expect.stringContaining('migrated from format 1') });

    await t.desk.importFile(file('flood.json', scene()));
    expect(t.desk.store.getState().copy).toMatchObject({ why: 'import', scene: { id: 'flood' } });
    expect(await t.desk.finishCopy('flood-2', '防汛副本', 'Flood copy')).toBeNull();
    expect(t.created[1]).toMatchObject({ id: 'flood-2', title: '防汛副本' });
    expect(t.desk.store.getState().copy).toBeNull();

    const before = t.calls.length;
    for (const bad of [file('x.json', '{nope'), file('y.json', { ...scene(), schemaVersion: 7 }), file('z.json', scene({ id: 'zz', layers: [{ id: 'a', kind: 'overview.nope', visible: true, style: {} }] }))]) {
      await t.desk.importFile(bad);
      expect(t.rt.store.getState().notice?.tone).toBe('error');
    }
    await t.desk.importFile({ name: 'big.json', size: 600 * 1024, text: async () => '{}' });
    expect(t.notice()).toMatch(/big\.json — 文件过大 File too large/);
    expect(t.calls.length).toBe(before);
  });

  it('an id the list did not show but the hub has becomes a copy too', async () => {
    const t = desk((method, path) => (method === 'GET' && path === '/designer/scenes' ? json(200, { scenes: [] }) : undefined));
    await t.desk.load();
    await t.desk.importFile(file('flood.json', scene()));
    expect(t.desk.store.getState().copy?.scene.id).toBe('flood');
  });

  it('delete asks twice, and a refusal names the walls showing the scene', async () => {
    const t = desk();
    await t.desk.load();
    await t.desk.remove('flood');
    expect(t.desk.store.getState().armedDelete).toBe('flood');
    expect(t.calls.some((c) => c.method === 'DELETE')).toBe(false);
    await t.desk.remove('flood');
    expect(t.calls.some((c) => c.method === 'DELETE')).toBe(true);
    expect(t.notice()).toMatch(/Not deleted flood — 正在大屏上显示 shown on “main”: .*shown on wall main/);
  });

  it('duplicate copies the head under a new id; rename saves new titles on the head', async () => {
    const t = desk((method, _path, body) => (method === 'PUT' ? json(200, record({ scene: (body as { scene: Scene }).scene })) : undefined));
    await t.desk.load();
    await t.desk.duplicate('flood');
    expect(t.desk.store.getState().copy).toMatchObject({ why: 'duplicate', source: 'flood v2' });
    expect(await t.desk.finishCopy('flood-b', '防汛乙', 'Flood B')).toBeNull();
    expect(t.created[0]).toMatchObject({ id: 'flood-b', title: '防汛乙' });
    expect(await t.desk.rename('flood', '新名字', 'New name')).toBeNull();
    expect(t.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ baseVersion: 2, scene: { id: 'flood', title: '新名字', titleEn: 'New name' } });
  });
});
