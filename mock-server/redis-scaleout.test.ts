// Scale-out: two hub processes sharing one real redis-server (REDIS_URL). A console on hub A steers
// a wall whose displays are connected to hub B; B's acks reach the console on A; both hubs tell the
// same state and log; a token revoked on A is refused on B; revs stay strictly ordered when
// consoles on both hubs send at once; sign-in and command limits count once across hubs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { testHub, type TestHub } from '../tests/servers.ts';
import { startRedisServer } from '../tests/redis-server.ts';
import { enrolDisplay, openSocket, postJson, waitFor } from './control-test-kit.ts';
import {
  CONTROL_EVENTS,
  CONTROL_LIMITS,
  CommandReceiptSchema,
  TokenResponseSchema,
  WallDeltaSchema,
  WallSnapshotSchema,
  WallsUpdateSchema,
  type Command,
  type CommandReceipt,
  type WallDelta,
  type WallState,
  type WallsUpdate,
} from '../src/hub/control.ts';
import { applyCommand } from '../src/hub/wall-state.ts';
import { API_PREFIX } from '../src/hub/contract.ts';
import { authRoutes } from './control/auth-routes.ts';
import { createTokenService } from './control/auth.ts';
import { controlBackend, type ControlBackend } from './control/backend.ts';
import { defaultControlOptions } from './control/config.ts';
import { refusalLog } from './control/refusal-log.ts';

// Generous: the hubs share two cores with whatever else runs; nothing here asserts a timing.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const OPERATOR_PASSWORD = 'scale-out-password';
let redis: Awaited<ReturnType<typeof startRedisServer>>;
const hubs: TestHub[] = [];
const sockets: Socket[] = [];
let seq = 0;

beforeAll(async () => {
  // Free loopback ports, chosen at start.
  redis = await startRedisServer();
  for (let i = 0; i < 2; i++) {
    const hub = testHub(0, {
      REDIS_URL: redis.url,
      HUB_TOKEN_SECRET: 'scale-out-test-secret-0123456789abcdef',
      HUB_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
      HUB_ACK_TIMEOUT_MS: '3000',
      HUB_LOGIN_ATTEMPTS_PER_MIN: '100',
    });
    hubs.push(hub);
  }
  await Promise.all(hubs.map((h) => h.start()));
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(hubs.map((h) => h.stop()));
  await redis?.stop();
}, 60_000);

const hubUrl = (i: 0 | 1) => hubs[i].url;

const post = (i: 0 | 1, path: string, body: unknown, headers: Record<string, string> = {}) => postJson(hubUrl(i), path, body, headers);

const operatorToken = async (i: 0 | 1) =>
  TokenResponseSchema.parse((await post(i, '/auth/operator', { user: 'operator', password: OPERATOR_PASSWORD })).body).token;

const open = (i: 0 | 1, auth: Record<string, unknown>) => openSocket(hubUrl(i), auth, sockets);

/** A display following the protocol: snapshot, deltas in rev order, re-join on a gap, ack each. */
async function display(i: 0 | 1, wall: string, id: string) {
  const { token } = await enrolDisplay(hubUrl(i), wall, id);
  const socket = await open(i, { role: 'display', wall, display: id, token });
  const applied: number[] = [];
  let state: WallState | null = null;
  const join = async () => {
    const snapshot = WallSnapshotSchema.parse(await socket.emitWithAck(CONTROL_EVENTS.join, {}));
    if (!state || snapshot.state.rev > state.rev) state = snapshot.state;
  };
  socket.on(CONTROL_EVENTS.delta, (raw: unknown) => {
    const delta: WallDelta = WallDeltaSchema.parse(raw);
    if (!state || delta.rev <= state.rev) return;
    if (delta.rev > state.rev + 1) return void join();
    state = applyCommand(state, delta.command, delta.issuedAt);
    applied.push(delta.rev);
    socket.emit(CONTROL_EVENTS.ack, { rev: delta.rev, commandId: delta.commandId, ok: true });
  });
  await join();
  return { socket, applied, state: () => state! };
}

async function operator(i: 0 | 1, token?: string) {
  const socket = await open(i, { role: 'operator', token: token ?? (await operatorToken(i)) });
  const updates: WallsUpdate[] = [];
  socket.on(CONTROL_EVENTS.walls, (raw: unknown) => updates.push(WallsUpdateSchema.parse(raw)));
  const send = async (wall: string, command: Command): Promise<CommandReceipt> =>
    CommandReceiptSchema.parse(await socket.emitWithAck(CONTROL_EVENTS.command, { id: `scale-${process.pid}-${++seq}`, wall, command }));
  const wallOf = (wall: string) => updates.at(-1)?.walls.find((w) => w.state.wall === wall);
  return { socket, updates, send, wallOf };
}

describe('two hub processes sharing Redis', () => {
  it('a console on hub A steers a wall on hub B, and B\'s acks reach A', async () => {
    const d0 = await display(1, 'main', 'd0');
    const d1 = await display(1, 'main', 'd1');
    const steer = await operator(0);
    await waitFor(() => steer.wallOf('main')?.displays.map((d) => d.display).join() === 'd0,d1', 'B\'s displays listed on A');

    const commands: Command[] = [
      { type: 'scene', scene: 'city' },
      { type: 'layer', layer: 'raffles', visible: false },
      { type: 'fly', to: { district: '500103' } },
      { type: 'highlight', target: { point: [106.58, 29.56], label: '解放碑' } },
    ];
    const revs: number[] = [];
    for (const command of commands) {
      const receipt = await steer.send('main', command);
      if (!receipt.ok) throw new Error(receipt.message);
      expect(receipt.expected).toEqual(['d0', 'd1']);
      revs.push(receipt.rev);
    }
    await waitFor(() => d0.applied.length === 4 && d1.applied.length === 4, 'both displays applied all');
    expect(d0.applied).toEqual(revs);
    expect(d1.applied).toEqual(revs);

    // An ack lands in the log, then in the display's presence: an update may fall between the two
    // writes, so wait for both (the next update carries the presence).
    await waitFor(() => {
      const w = steer.wallOf('main');
      return w?.log.filter((e) => e.status === 'applied').length === 4 && w.displays.every((d) => d.ackRev === revs.at(-1));
    }, 'acks from B on A');
    const wall = steer.wallOf('main')!;
    for (const entry of wall.log) expect(Object.keys(entry.acks).sort()).toEqual(['d0', 'd1']);
    expect(wall.displays.every((d) => d.ackRev === revs.at(-1))).toBe(true);

    // The same state and log read from hub B.
    const onB = await operator(1);
    await waitFor(() => onB.wallOf('main') !== undefined, 'walls on B');
    const fromB = onB.wallOf('main')!;
    expect(fromB.state).toEqual(wall.state);
    expect(fromB.log).toEqual(wall.log);
    expect(fromB.state).toEqual(d0.state());
    for (const s of [d0.socket, d1.socket, steer.socket, onB.socket]) s.close();
  });

  it('a token revoked on A is refused on B, even mid-connection', async () => {
    const token = await operatorToken(0);
    const onB = await operator(1, token);
    const d = await display(0, 'revoke', 'd0');
    expect((await onB.send('revoke', { type: 'reload' })).ok).toBe(true);
    await waitFor(() => d.applied.length === 1, 'the first delta');
    expect((await post(0, '/auth/revoke', {}, { authorization: `Bearer ${token}` })).status).toBe(204);
    // Revoked on A: its socket on B is cut off at once (through the adapter), and cannot come back.
    await waitFor(() => !onB.socket.connected, 'the revoked token\'s socket on B disconnected');
    await expect(open(1, { role: 'operator', token })).rejects.toThrow(/^unauthorised: token revoked/);
    const marker = await (await operator(0)).send('revoke', { type: 'reload' });
    await waitFor(() => d.applied.length === 2, 'the marker');
    expect(d.applied).toEqual([1, marker.ok ? marker.rev : -1]);
    expect(d.state().scene).toBeNull();
  });

  it('consoles on both hubs at once: every rev used once, in order, and every display ends on the same state', async () => {
    const displays = [await display(0, 'busy', 'a'), await display(1, 'busy', 'b')];
    const consoles = [await operator(0), await operator(1)];
    // Layers of the scenes the hub serves (the wall shows its default scene, so any of them is valid).
    const layers = ['district', 'warnings', 'rain', 'stations', 'shares', 'alerts', 'checkpoints', 'roads', 'vehicles', 'incidents', 'pairs', 'households'];
    const n = 2 * layers.length;
    const receipts = await Promise.all(
      Array.from({ length: n }, (_, k) => consoles[k % 2]!.send('busy', { type: 'layer', layer: layers[k % layers.length]!, visible: k % 3 === 0 })),
    );
    const revs = receipts.map((r) => (r.ok ? r.rev : -1)).sort((x, y) => x - y);
    expect(revs).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    await waitFor(() => displays.every((d) => d.state().rev === n), `both displays at rev ${n}`);
    expect(displays[0]!.state()).toEqual(displays[1]!.state());
    expect(Object.keys(displays[0]!.state().layers).sort()).toEqual([...layers].sort());
    for (const d of displays) for (let i = 1; i < d.applied.length; i++) expect(d.applied[i]).toBeGreaterThan(d.applied[i - 1]!);
    await waitFor(() => consoles[0]!.wallOf('busy')?.log.length === n, 'the full log on A');
    expect(consoles[0]!.wallOf('busy')!.log.map((e) => e.rev)).toEqual(Array.from({ length: n }, (_, k) => n - k));
  });
});

describe('limits shared through Redis', () => {
  // Two hub instances as server.ts builds them: each its own backend (its own Redis connection) and
  // its own sign-in routes, on its own port.
  const LOGINS_PER_MINUTE = 4;
  const instances: { backend: ControlBackend; server: Server; url: string }[] = [];

  beforeAll(async () => {
    const options = { ...defaultControlOptions(), redisUrl: redis.url, operatorPassword: 'limits-password', loginAttemptsPerMinute: LOGINS_PER_MINUTE };
    for (let i = 0; i < 2; i++) {
      const backend = await controlBackend(options, () => {}, null);
      const tokens = createTokenService({ secret: options.tokenSecret, operatorTtlS: 60, displayTtlS: 60, revocations: backend.revocations });
      const app = express();
      // The client address comes from X-Forwarded-For here, so each test signs in from its own address.
      app.set('trust proxy', true);
      app.use(express.json());
      app.use(API_PREFIX, authRoutes({ tokens, options, limits: backend.limits, cutOff: () => {}, log: () => {}, refusals: refusalLog(() => {}) }));
      const server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      instances.push({ backend, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }
  });

  afterAll(async () => {
    for (const { backend, server } of instances) {
      await new Promise((resolve) => server.close(resolve));
      await backend.close();
    }
  });

  it('operator sign-ins from one address count once across both hubs', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (let k = 0; k < LOGINS_PER_MINUTE + 2; k++) {
      const { url } = instances[k % 2]!;
      statuses.push((await postJson(url, '/auth/operator', { user: 'operator', password: `wrong-${k}` }, from)).status);
    }
    // Per process each hub would have seen only 3 attempts, under the limit of 4.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await postJson(instances[0]!.url, '/auth/operator', { user: 'operator', password: 'limits-password' }, from);
    expect(refused.status).toBe(429);
    // Another address is not held back.
    const other = await postJson(instances[1]!.url, '/auth/operator', { user: 'operator', password: 'limits-password' }, { 'x-forwarded-for': '203.0.113.8' });
    expect(other.status).toBe(200);
  });

  it('commands of one token count once across both hubs, whichever hub they reach', async () => {
    const jti = `limits-${process.pid}-${Date.now()}`;
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 30 }, (_, k) => instances[k % 2]!.backend.limits.commands.hit(jti)));
    const allowed = results.filter((r) => r.ok).length;
    // The window opens at the token's first command and lasts a second: a burst inside it gets exactly
    // the limit (per process each hub would have let its 15 through). A burst slowed past a second by a
    // busy machine gets a second window, still not all 30.
    if (Date.now() - started < 1000) expect(allowed).toBe(CONTROL_LIMITS.commandsPerSecond);
    else expect(allowed).toBeLessThan(30);
    expect((await instances[1]!.backend.limits.commands.hit(`${jti}-other`)).ok).toBe(true);
  });
});
