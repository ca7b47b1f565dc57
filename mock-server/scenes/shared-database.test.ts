// Two hub processes (in this process, for speed) on one PostgreSQL server (DATABASE_URL): a scene
// published through one is served, commandable and announced by the other at once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { API_PREFIX, ScenesResponseSchema } from '../../src/hub/contract.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema } from '../../src/hub/control.ts';
import { DESIGNER_API, ScenePublishedSchema, type ScenePublished } from '../../src/hub/designer.ts';
import { startPostgresServer, type TestPostgres } from '../../tests/postgres-server.ts';
import { enrolDisplay, openSocket, postJson, startQuietHub, waitFor } from '../control-test-kit.ts';
import type { Hub } from '../server.ts';
import { aScene } from './scene-fixture.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let server: TestPostgres;
const hubs: Hub[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startPostgresServer();
  const url = await server.createDatabase(`shared_scenes_${process.pid}`);
  const start = () => startQuietHub({ env: { HUB_EVENTS_RATE: '0', DATABASE_URL: url }, control: { demo: true } });
  // One after the other: the first seeds the scenes, the second finds them seeded.
  hubs.push(await start());
  hubs.push(await start());
});

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const h of hubs) await h.close();
  await server?.stop();
});

const token = async (hub: Hub, role: 'operator' | 'designer') =>
  TokenResponseSchema.parse((await postJson(hub.url, `/auth/${role}`, { user: role, password: 'onescreen' })).body).token;

describe('hub processes sharing one PostgreSQL', () => {
  it('a publish on one hub reaches the walls, the scene list and the command checks of the other', async () => {
    const [a, b] = hubs;
    const designer = { authorization: `Bearer ${await token(a, 'designer')}` };
    const heard: ScenePublished[] = [];
    const { token: displayToken } = await enrolDisplay(b.url, 'main', 'shared-d0');
    const wall = await openSocket(b.url, { role: 'display', wall: 'main', display: 'shared-d0', token: displayToken }, sockets);
    wall.on(CONTROL_EVENTS.scenePublished, (raw: unknown) => heard.push(ScenePublishedSchema.parse(raw)));
    const console = await openSocket(b.url, { role: 'operator', token: await token(b, 'operator') }, sockets);
    const send = async (scene: string) =>
      CommandReceiptSchema.parse(await console.emitWithAck(CONTROL_EVENTS.command, { id: `shared-${Date.now()}-${scene}`, wall: 'main', command: { type: 'scene', scene } }));

    const served = async (hub: Hub) => ScenesResponseSchema.parse(await (await fetch(`${hub.url}${API_PREFIX}/scenes`)).json()).scenes.map((s) => (s as { id: string }).id);
    // Seeded once, served by both in the files' order.
    expect(await served(b)).toEqual(await served(a));
    expect((await served(a))[0]).toBe('overview');

    expect((await postJson(a.url, DESIGNER_API.scenes, { scene: aScene('harbour') }, designer)).status).toBe(201);
    expect(await send('harbour')).toMatchObject({ ok: false, error: 'invalid' });
    expect((await postJson(a.url, DESIGNER_API.publish('harbour'), { version: 1 }, designer)).status).toBe(200);
    await waitFor(() => heard.length === 1, 'the display on the other hub to hear the publish', 2000);
    expect(heard[0]).toEqual({ scene: aScene('harbour'), version: 1 });
    expect(await served(b)).toContain('harbour');
    expect(await send('harbour')).toMatchObject({ ok: true });
    // Once per socket, whichever process published.
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toHaveLength(1);
  });
});
