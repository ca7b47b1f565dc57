import { describe, expect, it, vi } from 'vitest';
import { DesignerClient } from './designer-client.ts';
import { HUB, TOKEN, conflict, entry, fakeFetch, info, json, record, scene } from './designer-fixture.ts';

function clientWith(...answers: Parameters<typeof fakeFetch>) {
  const { fetchImpl, calls } = fakeFetch(...answers);
  const onUnauthorised = vi.fn();
  const onRejected = vi.fn();
  const client = new DesignerClient(HUB, { token: () => TOKEN, onUnauthorised, onRejected, fetch: fetchImpl });
  return { client, calls, onUnauthorised, onRejected };
}

describe('designer client', () => {
  it('lists with the token in the header, the search words in ?q=, and returns the checked answer', async () => {
    const { client, calls } = clientWith(json(200, { scenes: [entry()] }));
    const res = await client.list('  flood  water ');
    expect(res).toEqual({ ok: true, data: { scenes: [entry()] } });
    expect(calls[0].url).toBe(`${HUB}/api/v1/designer/scenes?q=flood%20%20water`);
    expect(calls[0].url).not.toContain(TOKEN);
    expect(calls[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    await client.list('');
    expect(calls[1].url).toBe(`${HUB}/api/v1/designer/scenes`);
  });

  it('never trusts an answer that fails the contract, and says where it failed', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['list', { scenes: [entry({ id: 'Bad Id' })] }, /scenes\.0\.id/],
      ['list', { scenes: [entry(), entry()] }, /"flood" listed twice/],
      ['list', { scenes: [{ ...entry(), head: { ...info(1), savedAt: -5 } }] }, /savedAt/],
      ['list', 'not json at all', /.+/],
      ['get', record({ id: 'other', scene: scene({ id: 'other' }) }), /asked for scene "flood", got "other"/],
      ['get', record({ scene: scene({ id: 'other' }) }), /holds scene "other"/],
      ['get', { ...record(), scene: { ...scene(), schemaVersion: 1 } }, /schemaVersion/],
    ];
    for (const [call, body, where] of cases) {
      const { client, onRejected } = clientWith(typeof body === 'string' ? () => new Response(body, { status: 200 }) : json(200, body));
      const res = call === 'list' ? await client.list() : await client.get('flood');
      expect(res.ok, JSON.stringify(body)).toBe(false);
      if (res.ok) continue;
      expect(res.error.kind).toBe('invalid-response');
      expect(res.error.message).toMatch(where);
      expect(onRejected).toHaveBeenCalledOnce();
    }
  });

  it('surfaces the hub’s own message of a refusal, and a 401 ends the session', async () => {
    const { client, onUnauthorised } = clientWith(json(409, { error: 'shown', message: 'scene "flood" is shown on walls main, lobby' }));
    const res = await client.remove('flood');
    expect(res.ok).toBe(false);
    if (!res.ok) expect([res.error.kind, res.error.code, res.error.message]).toEqual(['conflict', 'shown', '冲突 Conflict: scene "flood" is shown on walls main, lobby']);
    expect(onUnauthorised).not.toHaveBeenCalled();

    const expired = clientWith(json(401, { error: 'token-expired', message: 'token expired' }));
    const r = await expired.client.get('flood');
    expect(!r.ok && r.error.kind).toBe('unauthorised');
    expect(expired.onUnauthorised).toHaveBeenCalledOnce();

    const down = clientWith(new TypeError('fetch failed'));
    const d = await down.client.list();
    expect(!d.ok && d.error.kind).toBe('network');
  });

  it('saves with PUT and the base version; a 409 comes back as the checked SceneConflict', async () => {
    const saved = record({ head: info(3) });
    const ok = clientWith(json(200, saved));
    expect(await ok.client.save('flood', 2, scene(), 'more rain')).toEqual({ ok: true, data: saved });
    expect(ok.calls[0]).toMatchObject({ url: `${HUB}/api/v1/designer/scenes/flood`, method: 'PUT', body: { baseVersion: 2, scene: scene(), message: 'more rain' } });

    const clash = clientWith(json(409, conflict()));
    const res = await clash.client.save('flood', 2, scene());
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.conflict).toEqual(conflict());
      expect(res.error.message).toContain('version 3 was saved since version 2');
    }
  });

  it('a 409 that claims a conflict but cannot show it is an invalid answer, never an offer to overwrite', async () => {
    const { client } = clientWith(json(409, { ...conflict(), headScene: { nope: true } }));
    const res = await client.save('flood', 2, scene());
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.conflict).toBeUndefined();
      expect(res.error.kind).toBe('invalid-response');
      expect(res.error.message).toMatch(/headScene/);
    }
    const other = clientWith(json(409, { error: 'id-mismatch', message: 'the scene’s id is not the path’s' }));
    const r = await other.client.save('flood', 2, scene());
    expect(!r.ok && [r.error.kind, r.conflict]).toEqual(['conflict', undefined]);
  });

  it('checks requests before they leave: a bad one never reaches the hub', async () => {
    const { client, calls } = clientWith(json(200, record()));
    const long = await client.save('flood', 2, scene(), 'x'.repeat(201));
    expect(!long.ok && long.error.kind).toBe('invalid-request');
    const base = await client.save('flood', 0, scene());
    expect(!base.ok && base.error.kind).toBe('invalid-request');
    const pub = await client.publish('flood', 1.5);
    expect(!pub.ok && pub.error.kind).toBe('invalid-request');
    expect(calls).toHaveLength(0);
  });

  it('creates, publishes and deletes with the right verbs; an answer for another scene is refused', async () => {
    const { client, calls } = clientWith(json(200, record()), json(200, record({ published: 2 })), new Response(null, { status: 204 }), json(200, record({ id: 'x', scene: scene({ id: 'x' }) })));
    expect((await client.create(scene(), 'new')).ok).toBe(true);
    expect((await client.publish('flood', 2)).ok).toBe(true);
    expect(await client.remove('flood')).toEqual({ ok: true, data: null });
    expect((await client.create(scene())).ok).toBe(false);
    expect(calls.map((c) => `${c.method} ${c.url.slice(HUB.length)}`)).toEqual([
      'POST /api/v1/designer/scenes',
      'POST /api/v1/designer/scenes/flood/publish',
      'DELETE /api/v1/designer/scenes/flood',
      'POST /api/v1/designer/scenes',
    ]);
    expect(calls[1].body).toEqual({ version: 2 });
  });

  it('versions come newest first; a version answer must be the one asked for', async () => {
    const { client } = clientWith(json(200, { versions: [info(1), info(3), info(2)], published: 2 }), json(200, { ...info(4), scene: scene() }));
    const list = await client.versions('flood');
    expect(list.ok && list.data.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const wrong = await client.version('flood', 3);
    expect(!wrong.ok && wrong.error.message).toMatch(/asked for version 3, got 4/);
  });
});
