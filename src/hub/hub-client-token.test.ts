// The display's token against a real hub in this process (demo mode: a loopback display is
// enrolled at once): traded for the device credential before the handshake, sent only in the
// handshake, replaced by itself when a restarted hub refuses it, and given up when the display is
// revoked (the wall then pairs again).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { API_PREFIX } from './contract.ts';
import { ENROL_API, EnrolAnswerSchema, type Slot } from './enrolment.ts';

type Hub = Awaited<ReturnType<typeof startHub>>;
const hubs: Hub[] = [];
let client: HubClient | null = null;
const dirs: string[] = [];

/** A hub's data directory that outlives it: enrolled devices survive a restart, as on disk. */
const dataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'onescreen-token-'));
  dirs.push(dir);
  return dir;
};

const startTestHub = async (port: number, secret: string, dir: string) => {
  const hub = await startHub({
    host: '127.0.0.1',
    port,
    seed: 1,
    tickMs: 1000,
    corsOrigins: [],
    faults: false,
    log: () => {},
    env: { HUB_BUILDINGS: '200', HUB_TRAFFIC_VEHICLES: '100', HUB_DATA_DIR: dir },
    control: { tokenSecret: secret, demo: true },
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

/** Demo mode approves a loopback display at once, into the slot it asks for. */
const enrolDemo = async (url: string, hint: Slot) => {
  const res = await fetch(`${url}${API_PREFIX}${ENROL_API.enrol}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hint }),
  });
  const answer = EnrolAnswerSchema.parse(await res.json());
  if (answer.status !== 'approved') throw new Error(`demo enrolment: ${answer.status}`);
  expect(answer.slot).toEqual(hint);
  return answer;
};

const stores = () => ({
  connection: createConnectionStore(),
  diagnostics: createDiagnosticsStore(),
  districts: createDistrictStore(),
  topics: createTopicStore(),
  city: createCityStore(),
});

const handshakeAuth = (s: Socket) =>
  new Promise<Record<string, unknown>>((resolve) => (s.auth as (cb: (a: object) => void) => void)((a) => resolve(a as Record<string, unknown>)));

afterEach(async () => {
  client?.stop();
  client = null;
  for (const h of hubs.splice(0)) await h.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('display token', () => {
  it('connects with a token from /auth/display sent in the handshake only, and gets a new one from a restarted hub that refuses the old', async () => {
    const dir = await dataDir();
    const first = await startTestHub(0, 'first-secret-0123456789abcdef', dir);
    const device = await enrolDemo(first.url, { wall: 'main', display: 'tok', grid: null });
    const { connection, diagnostics, ...rest } = stores();
    let socket: Socket | null = null;
    let notEnrolled = 0;
    client = new HubClient({
      hubUrl: first.url,
      auth: { role: 'display', wall: 'main', display: 'tok' },
      credential: device.credential,
      onNotEnrolled: () => (notEnrolled += 1),
      connection,
      diagnostics,
      ...rest,
      checkScene,
      onScenes: () => {},
      onSocket: (s) => (socket = s),
    });
    client.start();
    await until(() => connection.getState().status === 'live');
    const s = socket as unknown as Socket;
    const sentAuth = await handshakeAuth(s);
    expect(sentAuth).toMatchObject({ role: 'display', wall: 'main', display: 'tok' });
    const token = sentAuth.token as string;
    expect(token.length).toBeGreaterThan(16);
    // Never in a URL: neither the socket's address nor its query carries it; nor the credential anywhere.
    expect(JSON.stringify({ uri: s.io['uri'], query: s.io.opts.query ?? null })).not.toContain(token.slice(-20));
    expect(JSON.stringify(sentAuth)).not.toContain(device.credential.split('.')[1]);

    // The hub restarts with another key (same database): the held token is refused as invalid,
    // and the credential, still enrolled, buys a new one.
    const port = first.port;
    await first.close();
    hubs.splice(hubs.indexOf(first), 1);
    await until(() => connection.getState().status !== 'live');
    await startTestHub(port, 'second-secret-0123456789abcdef', dir);
    await until(() => connection.getState().status === 'live', 30_000);
    const again = await handshakeAuth(s);
    expect(again.token).not.toBe(token);
    expect(notEnrolled).toBe(0);
  }, 120_000);

  it('a revoked display is disconnected and told it is not enrolled (once), so it pairs again', async () => {
    const hub = await startTestHub(0, 'revoke-secret-0123456789abcdef', await dataDir());
    const device = await enrolDemo(hub.url, { wall: 'main', display: 'rev', grid: null });
    const { connection, diagnostics, ...rest } = stores();
    let notEnrolled = 0;
    client = new HubClient({
      hubUrl: hub.url,
      auth: { role: 'display', wall: 'main', display: 'rev' },
      credential: device.credential,
      onNotEnrolled: () => (notEnrolled += 1),
      connection,
      diagnostics,
      ...rest,
      checkScene,
      onScenes: () => {},
    });
    client.start();
    await until(() => connection.getState().status === 'live');

    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${hub.url}${API_PREFIX}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
    const login = await api('/auth/operator', { method: 'POST', body: JSON.stringify({ user: 'operator', password: 'onescreen' }) });
    const { token } = (await login.json()) as { token: string };
    const revoke = await api(ENROL_API.display(device.device), { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(revoke.ok).toBe(true);

    await until(() => notEnrolled > 0, 30_000);
    expect(connection.getState().status).not.toBe('live');
    // Given up: no more token requests, and no second call.
    await new Promise((r) => setTimeout(r, 1500));
    expect(notEnrolled).toBe(1);
  }, 120_000);
});
