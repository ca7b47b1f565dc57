// The scene designer through a real hub (in process, PGlite in memory, demo mode) and real
// socket.io clients: sign-in and roles, validation, versions and conflicts, publishing to walls,
// the delete guard, and the designer's preview socket.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { API_PREFIX, ErrorBodySchema, SCENE_LIMITS, ScenesResponseSchema, type Scene } from '../../src/hub/contract.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema, type Command, type CommandReceipt } from '../../src/hub/control.ts';
import {
  DESIGNER_API,
  SceneConflictSchema,
  SceneListSchema,
  ScenePublishedSchema,
  SceneRecordSchema,
  SceneVersionSchema,
  VersionListSchema,
  type ScenePublished,
} from '../../src/hub/designer.ts';
import v1Weather from '../../src/hub/fixtures/scene-v1-weather.json' with { type: 'json' };
import { enrolDisplay, openSocket, startQuietHub, waitFor } from '../control-test-kit.ts';
import type { Hub } from '../server.ts';
import { aScene } from './scene-fixture.ts';

// Generous: the hub shares two cores with whatever else runs.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const DESIGNER_PASSWORD = 'designer-test-password';
let hub: Hub;
let designer = '';
let operator = '';
let display = '';
const sockets: Socket[] = [];
let commandSeq = 0;

async function api(method: string, path: string, body?: unknown, token: string | null = designer) {
  const res = await fetch(`${hub.url}${API_PREFIX}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as any };
}
const signIn = async (role: 'operator' | 'designer', password: string) => TokenResponseSchema.parse((await api('POST', `/auth/${role}`, { user: role, password }, null)).json);
/** The ErrorBody's message of a refused request, after checking its status. */
async function refused(status: number, method: string, path: string, body?: unknown, token?: string | null) {
  const res = await api(method, path, body, token);
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return ErrorBodySchema.parse(res.json);
}

beforeAll(async () => {
  hub = await startQuietHub({ env: { HUB_EVENTS_RATE: '0' }, control: { demo: true, designerPassword: DESIGNER_PASSWORD, walls: ['main', 'lobby'] } });
  designer = (await signIn('designer', DESIGNER_PASSWORD)).token;
  operator = (await signIn('operator', 'onescreen')).token;
  display = (await enrolDisplay(hub.url, 'main', 'scenes-d0')).token;
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.close();
});

async function operatorSocket() {
  const socket = await openSocket(hub.url, { role: 'operator', token: operator }, sockets);
  const send = async (command: Command, wall = 'main'): Promise<CommandReceipt> =>
    CommandReceiptSchema.parse(await socket.emitWithAck(CONTROL_EVENTS.command, { id: `scenes-${process.pid}-${++commandSeq}`, wall, command }));
  return { socket, send };
}

const created = async (scene: unknown, message = '') => {
  const res = await api('POST', DESIGNER_API.scenes, { scene, message });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return SceneRecordSchema.parse(res.json);
};

describe('designer sign-in and roles', () => {
  it('signs the designer in with its own credential; the token is a designer token', async () => {
    expect((await api('POST', '/auth/designer', { user: 'designer', password: 'onescreen' }, null)).status).toBe(401);
    expect((await refused(400, 'POST', '/auth/designer', { user: 'designer' }, null)).message).toMatch(/^password: /);
    // The operator's credential is not the designer's, and the other way round.
    expect((await api('POST', '/auth/designer', { user: 'operator', password: 'onescreen' }, null)).status).toBe(401);
    expect((await api('POST', '/auth/operator', { user: 'designer', password: DESIGNER_PASSWORD }, null)).status).toBe(401);
    const token = await signIn('designer', DESIGNER_PASSWORD);
    expect(token.role).toBe('designer');
    expect(token.expiresAt).toBeGreaterThan(Date.now() + 7 * 3600_000);
  });

  it('designer routes take designer tokens only; operator routes refuse them', async () => {
    expect((await api('GET', DESIGNER_API.scenes)).status).toBe(200);
    expect((await refused(403, 'GET', DESIGNER_API.scenes, undefined, operator)).error).toBe('forbidden');
    expect((await refused(403, 'GET', DESIGNER_API.scenes, undefined, display)).error).toBe('forbidden');
    expect((await refused(401, 'GET', DESIGNER_API.scenes, undefined, null)).error).toBe('unauthorised');
    expect((await refused(403, 'POST', DESIGNER_API.publish('overview'), { version: 1 }, operator)).error).toBe('forbidden');
    expect((await refused(403, 'GET', '/displays', undefined, designer)).message).toBe('operators only');
    expect((await refused(403, 'GET', '/events', undefined, designer)).message).toBe('operators only');
  });

  it('/auth/revoke ends a designer token', async () => {
    const { token } = await signIn('designer', DESIGNER_PASSWORD);
    expect((await api('POST', '/auth/revoke', {}, token)).status).toBe(204);
    expect((await refused(401, 'GET', DESIGNER_API.scenes, undefined, token)).message).toBe('token revoked');
  });
});

describe('designer REST', () => {
  it('lists the seeded scenes, published, each at version 1 from its file; searches by words', async () => {
    const list = SceneListSchema.parse((await api('GET', DESIGNER_API.scenes)).json);
    const overview = list.scenes.find((s) => s.id === 'overview')!;
    expect(overview).toMatchObject({ published: 1, head: { version: 1, author: 'scenes/', message: 'from scenes/01-overview.json' }, shownOn: [] });
    expect(overview.layerCount).toBeGreaterThan(0);
    const hits = SceneListSchema.parse((await api('GET', `${DESIGNER_API.scenes}?q=${encodeURIComponent('CITY overview')}`)).json);
    expect(hits.scenes.map((s) => s.id)).toEqual(['overview']);
    expect((await refused(400, 'GET', `${DESIGNER_API.scenes}?q=a&q=b`)).message).toMatch(/^q: /);
  });

  it('refuses bad bodies naming the field', async () => {
    const msg = async (method: string, path: string, body: unknown) => (await refused(400, method, path, body)).message;
    expect(await msg('POST', DESIGNER_API.scenes, { scene: { ...aScene('bad'), title: '' } })).toMatch(/^scene\.title: /);
    expect(await msg('POST', DESIGNER_API.scenes, { scene: { ...aScene('bad'), layers: [{ id: 'Bad Id', kind: 'weather.rain' }] } })).toMatch(/^scene\.layers\.0\.id: /);
    expect(await msg('POST', DESIGNER_API.scenes, {})).toMatch(/^scene: /);
    expect(await msg('POST', DESIGNER_API.scenes, { scene: [] })).toMatch(/^scene: not a scene/);
    expect(await msg('POST', DESIGNER_API.scenes, { scene: aScene('bad'), message: 'x'.repeat(201) })).toMatch(/^message: /);
    expect(await msg('POST', DESIGNER_API.scenes, '{"scene":')).toMatch(/^body: not JSON/);
    expect(await msg('PUT', DESIGNER_API.scene('overview'), { baseVersion: 'one', scene: aScene('overview') })).toMatch(/^baseVersion: /);
    expect(await msg('PUT', DESIGNER_API.scene('overview'), { baseVersion: 1, scene: aScene('weather') })).toMatch(/^scene\.id: "weather" is not the scene saved here \("overview"\)/);
    expect(await msg('POST', DESIGNER_API.publish('overview'), { version: 0 })).toMatch(/^version: /);
    expect(await msg('GET', `${DESIGNER_API.scene('overview')}/versions/first`, undefined)).toMatch(/^version: /);
    expect(await msg('GET', DESIGNER_API.scene('Not An Id'), undefined)).toMatch(/^id: lower-case/);
  });

  it('migrates a format-1 scene on create; refuses a newer format saying so, and a body over the size limit', async () => {
    const record = await created({ ...v1Weather, id: 'weather-v1' }, 'imported');
    expect(record.scene).toMatchObject({ schemaVersion: 2, id: 'weather-v1', description: '', title: v1Weather.title });
    expect(record).toMatchObject({ published: null, head: { version: 1, author: 'designer', message: 'imported' } });
    const newer = await refused(400, 'POST', DESIGNER_API.scenes, { scene: { ...aScene('future'), schemaVersion: 3 } });
    expect(newer.message).toMatch(/^scene\.schemaVersion: this scene was written by a newer OneScreen \(format 3\)/);
    const big = await refused(413, 'POST', DESIGNER_API.scenes, { scene: aScene('big'), message: '', pad: 'x'.repeat(SCENE_LIMITS.maxFileBytes) });
    expect(big.error).toBe('too-large');
    expect((await api('POST', DESIGNER_API.scenes, { scene: aScene('roomy'), pad: 'x'.repeat(100_000) })).status).toBe(201);
    // Only a designer's body may be that large: anyone else is held to the hub's 64 KB before being refused.
    expect((await api('POST', DESIGNER_API.scenes, { scene: aScene('big'), pad: 'x'.repeat(100_000) }, operator)).status).toBe(413);
    expect((await refused(409, 'POST', DESIGNER_API.scenes, { scene: aScene('weather-v1') })).error).toBe('exists');
  });

  it('saves versions on the head; a stale save is a 409 with what the other designer changed', async () => {
    await created(aScene('drafts'));
    const v2 = await api('PUT', DESIGNER_API.scene('drafts'), { baseVersion: 1, scene: aScene('drafts', { title: '草稿二' }), message: 'title' });
    expect(SceneRecordSchema.parse(v2.json).head).toMatchObject({ version: 2, message: 'title' });
    const base = aScene('drafts');
    const stale = await api('PUT', DESIGNER_API.scene('drafts'), { baseVersion: 1, scene: { ...base, layers: base.layers.slice(1) } });
    expect(stale.status).toBe(409);
    const conflict = SceneConflictSchema.parse(stale.json);
    expect(conflict).toMatchObject({ error: 'conflict', head: { version: 2 }, headScene: { title: '草稿二' } });
    expect(conflict.theirs.fields).toEqual(['title']);
    const versions = VersionListSchema.parse((await api('GET', DESIGNER_API.versions('drafts'))).json);
    expect(versions).toMatchObject({ published: null, versions: [{ version: 2 }, { version: 1 }] });
    expect(SceneVersionSchema.parse((await api('GET', DESIGNER_API.version('drafts', 1))).json).scene.title).toBe(base.title);
    expect((await refused(404, 'GET', DESIGNER_API.version('drafts', 3))).error).toBe('not-found');
    expect((await refused(404, 'GET', DESIGNER_API.scene('nothing-here'))).error).toBe('not-found');
    expect((await refused(404, 'POST', DESIGNER_API.publish('drafts'), { version: 5 })).message).toMatch(/^version: /);
  });
});

describe('publishing to walls', () => {
  it('a display hears scene:published within a second; GET /scenes and commands see the new scene and its layers at once', async () => {
    const heard: ScenePublished[] = [];
    const wall = await openSocket(hub.url, { role: 'display', wall: 'main', display: 'scenes-d0', token: display }, sockets);
    wall.on(CONTROL_EVENTS.scenePublished, (raw: unknown) => heard.push(ScenePublishedSchema.parse(raw)));
    const op = await operatorSocket();
    const scene: Scene = aScene('night-watch');
    await created(scene);
    // Never published: not served, not a scene a command may name.
    expect(ScenesResponseSchema.parse((await api('GET', '/scenes', undefined, null)).json).scenes).not.toContainEqual(expect.objectContaining({ id: 'night-watch' }));
    expect((await api('GET', '/scenes/night-watch', undefined, null)).status).toBe(404);
    expect(await op.send({ type: 'scene', scene: 'night-watch' })).toMatchObject({ ok: false, error: 'invalid' });

    expect(SceneRecordSchema.parse((await api('POST', DESIGNER_API.publish('night-watch'), { version: 1 })).json).published).toBe(1);
    await waitFor(() => heard.length === 1, 'scene:published at the display', 1000);
    expect(heard[0]).toEqual({ scene, version: 1 });
    expect((await api('GET', '/scenes/night-watch', undefined, null)).json).toEqual(scene);
    expect(await op.send({ type: 'scene', scene: 'night-watch' })).toMatchObject({ ok: true });
    expect(await op.send({ type: 'layer', layer: 'rain', visible: false })).toMatchObject({ ok: true });
    expect(await op.send({ type: 'layer', layer: 'radar', visible: true })).toMatchObject({ ok: false, error: 'invalid' });

    // A new version with a new layer: the layer is commandable as soon as it is published.
    const v2 = { ...scene, layers: [...scene.layers, { id: 'radar', kind: 'weather.radar', visible: true, style: {} }] };
    expect((await api('PUT', DESIGNER_API.scene('night-watch'), { baseVersion: 1, scene: v2 })).status).toBe(200);
    await api('POST', DESIGNER_API.publish('night-watch'), { version: 2 });
    expect(await op.send({ type: 'layer', layer: 'radar', visible: true })).toMatchObject({ ok: true });
    // Rolling back is publishing the older version: walls hear it too.
    await api('POST', DESIGNER_API.publish('night-watch'), { version: 1 });
    await waitFor(() => heard.length === 3, 'the rollback at the display', 1000);
    expect(heard.map((h) => h.version)).toEqual([1, 2, 1]);
    expect(ScenesResponseSchema.parse((await api('GET', '/scenes', undefined, null)).json).scenes).toContainEqual(scene);

    // Shown on a wall: listed so, and not to be deleted until the wall moves on.
    expect(SceneRecordSchema.parse((await api('GET', DESIGNER_API.scene('night-watch'))).json).shownOn).toEqual(['main']);
    const inUse = await refused(409, 'DELETE', DESIGNER_API.scene('night-watch'));
    expect(inUse).toMatchObject({ error: 'in-use', message: expect.stringContaining('main') });
    expect(await op.send({ type: 'scene', scene: 'overview' })).toMatchObject({ ok: true });
    expect((await api('DELETE', DESIGNER_API.scene('night-watch'))).status).toBe(204);
    expect((await api('GET', '/scenes/night-watch', undefined, null)).status).toBe(404);
    expect(await op.send({ type: 'scene', scene: 'night-watch' })).toMatchObject({ ok: false, error: 'invalid' });
    expect((await refused(404, 'DELETE', DESIGNER_API.scene('night-watch'))).error).toBe('not-found');
  });
});

describe("the designer's preview socket", () => {
  it('gets topic data, but no wall state, and every command from it is refused', async () => {
    const preview = await openSocket(hub.url, { role: 'designer', token: designer }, sockets);
    const deltas: unknown[] = [];
    const overview: unknown[] = [];
    preview.on(CONTROL_EVENTS.delta, (d: unknown) => deltas.push(d));
    preview.on('overview', (e: unknown) => overview.push(e));
    expect(await preview.emitWithAck('subscribe', { topics: ['overview'] })).toEqual({ ok: true, topics: ['overview'], unknown: [] });
    await waitFor(() => overview.length > 0, 'an overview event at the preview', 10_000);
    const receipt = CommandReceiptSchema.parse(await preview.emitWithAck(CONTROL_EVENTS.command, { id: `designer-${process.pid}-1`, wall: 'main', command: { type: 'reload' } }));
    expect(receipt).toMatchObject({ ok: false, error: 'unauthorised', message: 'designers cannot send commands' });
    // The wall moves on; the preview is in no wall's room.
    const op = await operatorSocket();
    expect(await op.send({ type: 'fly', to: { district: '500103' } })).toMatchObject({ ok: true });
    await expect(preview.timeout(500).emitWithAck(CONTROL_EVENTS.join, {})).rejects.toThrow();
    expect(deltas).toEqual([]);
  });

  it('connects with a designer token (or an operator\'s: the console\'s miniature), and revoking the token cuts it off', async () => {
    const refusal = (auth: Record<string, unknown>) => openSocket(hub.url, auth, sockets).then(() => 'connected', (err: Error) => err.message);
    // The console's miniature of a wall (control-socket.test.ts checks it stays topics-only).
    expect(await refusal({ role: 'designer', token: operator })).toBe('connected');
    expect(await refusal({ role: 'operator', token: designer })).toMatch(/^unauthorised: a designer token cannot connect as operator/);
    const { token } = await signIn('designer', DESIGNER_PASSWORD);
    const preview = await openSocket(hub.url, { role: 'designer', token }, sockets);
    let gone = false;
    preview.on('disconnect', () => (gone = true));
    expect((await api('POST', '/auth/revoke', {}, token)).status).toBe(204);
    await waitFor(() => gone, 'the revoked preview to be cut off', 5000);
  });
});
