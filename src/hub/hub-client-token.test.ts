// The display's token against a real hub in this process: fetched before the handshake, sent only
// in the handshake, and replaced by itself when a restarted hub refuses it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startHub } from '../../mock-server/server.ts';
import { checkScene } from '../modules/scene-validation.ts';
import { createCityStore } from '../store/city-store.ts';
import { createConnectionStore } from '../store/connection-store.ts';
import { createDiagnosticsStore } from '../store/diagnostics-store.ts';
import { createDistrictStore } from '../store/district-store.ts';
import { createTopicStore } from '../store/topic-store.ts';
import { HubClient } from './hub-client.ts';

type Hub = Awaited<ReturnType<typeof startHub>>;
const hubs: Hub[] = [];
let client: HubClient | null = null;

const startTestHub = async (port: number, secret: string) => {
  const hub = await startHub({
    host: '127.0.0.1',
    port,
    seed: 1,
    tickMs: 1000,
    corsOrigins: [],
    faults: false,
    log: () => {},
    env: { HUB_BUILDINGS: '200', HUB_TRAFFIC_VEHICLES: '100' },
    control: { tokenSecret: secret },
  });
  hubs.push(hub);
  return hub;
};

const until = async (check: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

afterEach(async () => {
  client?.stop();
  client = null;
  for (const h of hubs.splice(0)) await h.close().catch(() => {});
});

describe('display token', () => {
  it('connects with a token from /auth/display sent in the handshake only, and gets a new one from a restarted hub that refuses the old', async () => {
    const first = await startTestHub(0, 'first-secret-0123456789abcdef');
    const connection = createConnectionStore();
    const diagnostics = createDiagnosticsStore();
    let socket: Socket | null = null;
    client = new HubClient({
      hubUrl: first.url,
      auth: { role: 'display', wall: 'main', display: 'tok' },
      connection,
      diagnostics,
      districts: createDistrictStore(),
      topics: createTopicStore(),
      city: createCityStore(),
      checkScene,
      onScenes: () => {},
      onSocket: (s) => (socket = s),
    });
    client.start();
    await until(() => connection.getState().status === 'live');
    const s = socket as unknown as Socket;
    const sentAuth = await new Promise<Record<string, unknown>>((resolve) => (s.auth as (cb: (a: object) => void) => void)((a) => resolve(a as Record<string, unknown>)));
    expect(sentAuth).toMatchObject({ role: 'display', wall: 'main', display: 'tok' });
    const token = sentAuth.token as string;
    expect(token.length).toBeGreaterThan(16);
    // Never in a URL: neither the socket's address nor its query carries it.
    expect(JSON.stringify({ uri: s.io['uri'], query: s.io.opts.query ?? null })).not.toContain(token.slice(-20));

    // The hub restarts with another key: the held token (not expired) is refused as invalid.
    const port = first.port;
    await first.close();
    hubs.splice(hubs.indexOf(first), 1);
    await until(() => connection.getState().status !== 'live');
    await startTestHub(port, 'second-secret-0123456789abcdef');
    await until(() => connection.getState().status === 'live', 30_000);
    const again = await new Promise<Record<string, unknown>>((resolve) => (s.auth as (cb: (a: object) => void) => void)((a) => resolve(a as Record<string, unknown>)));
    expect(again.token).not.toBe(token);
  }, 60_000);
});
