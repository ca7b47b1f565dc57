// One-screen control through the real hub (in process) and real socket.io clients: sign-in,
// handshake, every command type, deltas, acks, the console's WallsUpdate, refusals, late joins and
// reconnects.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Hub } from './server.ts';
import { EnrolAnswerSchema } from '../src/hub/enrolment.ts';
import { enrolDisplay, openSocket, postJson, startQuietHub, waitFor } from './control-test-kit.ts';
import { API_PREFIX, ErrorBodySchema, LIVE_NAMESPACE } from '../src/hub/contract.ts';
import {
  CONTROL_EVENTS,
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
import { createTokenService, memoryRevocations } from './control/auth.ts';

// Generous: the hubs share two cores with whatever else runs; nothing here asserts a timing.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const SECRET = 'control-socket-test-secret-0123456789';
const ACK_TIMEOUT_MS = 800;
let hub: Hub;
const sockets: Socket[] = [];
let commandSeq = 0;

beforeAll(async () => {
  hub = await startQuietHub({
    control: {
      tokenSecret: SECRET,
      operatorPassword: 'test-password',
      ackTimeoutMs: ACK_TIMEOUT_MS,
      loginAttemptsPerMinute: 30,
      // Displays on loopback are enrolled at once; walls that commands reach before any display exist by configuration.
      demo: true,
      walls: ['main', 'side', 'guarded', 'flood', 'late', 'reconnect', 'recover', 'tour', 'mirror'],
    },
    // Not recording: the playback moment below predates this hub (the recorded-range rule: control/playback-rules.test.ts).
    env: { HUB_RECORD: '0' },
  });
}, 60_000); // the hub generates its simulated city first: slow on a busy machine

afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postJson(hub.url, path, body, headers);

async function operatorToken(): Promise<string> {
  const res = await post('/auth/operator', { user: 'operator', password: 'test-password' });
  expect(res.status).toBe(200);
  return TokenResponseSchema.parse(res.body).token;
}

async function displayToken(wall: string, display: string): Promise<string> {
  return (await enrolDisplay(hub.url, wall, display)).token;
}

const open = (auth: Record<string, unknown>) => openSocket(hub.url, auth, sockets);

async function connectError(auth: Record<string, unknown>): Promise<string> {
  try {
    await open(auth);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('connected although it should have been refused');
}

/** A display as the wall runs it: snapshot on connect, deltas in rev order, an ack for each. */
async function display(wall: string, id: string, { acks = true } = {}) {
  const token = await displayToken(wall, id);
  const deltas: WallDelta[] = [];
  let state: WallState | null = null;
  const socket = await open({ role: 'display', wall, display: id, token });
  socket.on(CONTROL_EVENTS.delta, (raw: unknown) => {
    const delta = WallDeltaSchema.parse(raw);
    deltas.push(delta);
    if (!state || delta.rev !== state.rev + 1) return; // older (ignore) or a gap (the wall re-joins)
    state = applyCommand(state, delta.command, delta.issuedAt);
    if (acks) socket.emit(CONTROL_EVENTS.ack, { rev: delta.rev, commandId: delta.commandId, ok: true });
  });
  const snapshot = WallSnapshotSchema.parse(await socket.emitWithAck(CONTROL_EVENTS.join, {}));
  state = snapshot.state;
  return { socket, deltas, snapshot, state: () => state! };
}

async function operator(token?: string) {
  const socket = await open({ role: 'operator', token: token ?? (await operatorToken()) });
  const updates: WallsUpdate[] = [];
  socket.on(CONTROL_EVENTS.walls, (raw: unknown) => updates.push(WallsUpdateSchema.parse(raw)));
  const send = async (wall: string, command: unknown, id = `cmd-${Date.now()}-${++commandSeq}`): Promise<CommandReceipt> =>
    CommandReceiptSchema.parse(await socket.emitWithAck(CONTROL_EVENTS.command, { id, wall, command }));
  const wallOf = (wall: string) => updates.at(-1)?.walls.find((w) => w.state.wall === wall);
  return { socket, updates, send, wallOf };
}

describe('auth endpoints', () => {
  it('signs an operator in with the configured credential only', async () => {
    const wrong = await post('/auth/operator', { user: 'operator', password: 'onescreen' });
    expect(wrong.status).toBe(401);
    expect(ErrorBodySchema.parse(wrong.body).error).toBe('unauthorised');
    const bad = await post('/auth/operator', { user: 'operator' });
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(bad.body).message).toMatch(/^password: /);
    const ok = await post('/auth/operator', { user: 'operator', password: 'test-password' });
    expect(ok.status).toBe(200);
    const token = TokenResponseSchema.parse(ok.body);
    expect(token.role).toBe('operator');
    expect(token.expiresAt).toBeGreaterThan(Date.now() + 7 * 3600_000);
  });

  it('gives enrolled displays receive-only tokens for their credential, and revokes tokens by bearer', async () => {
    const { credential } = await enrolDisplay(hub.url, 'main', 'x');
    const res = await post('/auth/display', { credential });
    expect(TokenResponseSchema.parse(res.body).role).toBe('display');
    expect((await post('/auth/display', { wall: 'main', display: 'x' })).status).toBe(400);
    expect((await post('/auth/display', { credential: credential.slice(0, -4) + 'AAAA' })).status).toBe(401);
    expect((await post('/auth/revoke', {})).status).toBe(401);
    expect((await post('/auth/revoke', {}, { authorization: 'Bearer not-a-real-token-at-all' })).status).toBe(401);
    const token = await operatorToken();
    expect((await post('/auth/revoke', {}, { authorization: `Bearer ${token}` })).status).toBe(204);
    expect(await connectError({ role: 'operator', token })).toMatch(/^unauthorised: token revoked/);
  });
});

describe('handshake', () => {
  it('refuses tokenless, mismatched and expired handshakes with a reason', async () => {
    expect(await connectError({ role: 'display', wall: 'main', display: '0' })).toMatch(/^unauthorised: token: /);
    const other = await displayToken('main', 'other');
    expect(await connectError({ role: 'display', wall: 'main', display: '0', token: other })).toMatch(/^unauthorised: the token is for display main\/other/);
    expect(await connectError({ role: 'operator', token: other })).toMatch(/^unauthorised: a display token cannot connect as operator/);
    const past = createTokenService({ secret: SECRET, operatorTtlS: 60, displayTtlS: 60, revocations: memoryRevocations(), now: () => Date.now() - 3600_000 });
    const expired = (await past.issueDisplay({ id: 'dev-0000000000000000', wall: 'main', display: '0' })).token;
    expect(await connectError({ role: 'display', wall: 'main', display: '0', token: expired })).toMatch(/^token-expired/);
    const forged = createTokenService({ secret: 'another-secret-entirely-0123456789', operatorTtlS: 60, displayTtlS: 60, revocations: memoryRevocations() });
    expect(await connectError({ role: 'operator', token: (await forged.issueOperator('operator')).token })).toMatch(/^unauthorised: invalid token/);
  });
});

describe("the console's miniature of a wall (the preview handshake with an operator token)", () => {
  it('reads topics, but joins no wall, gets no wall state and cannot command; a display token cannot open it', async () => {
    const token = await operatorToken();
    const d = await display('mirror', 'd0');
    const mirror = await open({ role: 'designer', token });
    const deltas: unknown[] = [];
    const walls: unknown[] = [];
    mirror.on(CONTROL_EVENTS.delta, (x: unknown) => deltas.push(x));
    mirror.on(CONTROL_EVENTS.walls, (x: unknown) => walls.push(x));
    expect(await mirror.emitWithAck('subscribe', { topics: ['overview'] })).toEqual({ ok: true, topics: ['overview'], unknown: [] });
    // Its operator's token does not make it an operator socket: every command is refused.
    const receipt = CommandReceiptSchema.parse(await mirror.emitWithAck(CONTROL_EVENTS.command, { id: `mirror-${process.pid}-1`, wall: 'mirror', command: { type: 'blank', on: true } }));
    expect(receipt).toMatchObject({ ok: false, error: 'unauthorised' });
    await expect(mirror.timeout(500).emitWithAck(CONTROL_EVENTS.join, {})).rejects.toThrow();
    // The wall moves on (an operator's command): the display has it, the mirror has nothing.
    const op = await operator(token);
    expect((await op.send('mirror', { type: 'blank', on: true })).ok).toBe(true);
    await waitFor(() => d.deltas.length === 1, 'the delta at the display');
    expect(d.deltas.map((x) => x.command.type)).toEqual(['blank']);
    expect(deltas).toEqual([]);
    expect(walls).toEqual([]);
    // A display's token opens no preview (it is the wall's, not a person's).
    expect(await connectError({ role: 'designer', token: await displayToken('mirror', 'd1') })).toMatch(/^unauthorised: a display token cannot connect as designer/);
    for (const s of [mirror, d.socket, op.socket]) s.close();
  });
});

describe('commands', () => {
  it('every command type reaches both displays of the wall, which ack it; the console sees acks and the log', async () => {
    const d0 = await display('main', 'd0');
    const d1 = await display('main', 'd1');
    const op = await operator();
    await waitFor(() => (op.wallOf('main')?.displays.length ?? 0) === 2, 'both displays listed');

    const commands: Command[] = [
      { type: 'scene', scene: 'city' },
      { type: 'layer', layer: 'raffles', visible: false },
      { type: 'fly', to: { district: '500103' } },
      { type: 'fly', to: { center: [106.58, 29.56], zoom: 14, pitch: 60 } },
      { type: 'time', time: { mode: 'playback', at: Date.now() - 3600_000 } },
      { type: 'time', time: { mode: 'live' } },
      { type: 'highlight', target: { point: [106.58, 29.56], label: '解放碑 Jiefangbei' } },
      { type: 'highlight', target: { district: '500103' } },
      { type: 'reload', display: 'd1' },
      { type: 'reload' },
    ];
    let expectedState = d0.state();
    for (const command of commands) {
      const receipt = await op.send('main', command);
      if (!receipt.ok) throw new Error(`${command.type}: ${receipt.message}`);
      expect(receipt.rev).toBe(expectedState.rev + 1);
      expect(receipt.expected).toEqual(command.type === 'reload' && command.display ? ['d1'] : ['d0', 'd1']);
      expectedState = applyCommand(expectedState, command, 1);
    }
    const last = expectedState.rev;
    await waitFor(() => d0.state().rev === last && d1.state().rev === last, 'both displays at the last rev');
    for (const d of [d0, d1]) {
      expect(d.deltas.map((x) => x.rev)).toEqual(commands.map((_, i) => last - commands.length + i + 1));
      expect({ ...d.state(), updatedAt: 1 }).toEqual({ ...expectedState, updatedAt: 1 });
    }

    await waitFor(() => op.wallOf('main')?.log[0]?.rev === last && op.wallOf('main')!.log.every((e) => e.status === 'applied'), 'all applied');
    const wall = op.wallOf('main')!;
    expect({ ...wall.state, updatedAt: 1 }).toEqual({ ...expectedState, updatedAt: 1 });
    expect(wall.log).toHaveLength(commands.length);
    expect(wall.log.map((e) => e.command)).toEqual([...commands].reverse());
    expect(Object.keys(wall.log[0]!.acks).sort()).toEqual(['d0', 'd1']);
    expect(Object.keys(wall.log[1]!.acks)).toEqual(['d1']);
    expect(wall.log[0]!.by).toBe('operator');
    for (const status of wall.displays) {
      expect(status.ackRev).toBe(last);
      expect(status.lagMs).not.toBeNull();
    }
    d0.socket.close();
    d1.socket.close();
    await waitFor(() => op.wallOf('main')?.displays.length === 0, 'displays gone');
    op.socket.close();
  });

  it('a display that never acks is marked timed out', async () => {
    const good = await display('side', 'good');
    const mute = await display('side', 'mute', { acks: false });
    const op = await operator();
    const receipt = await op.send('side', { type: 'layer', layer: 'rain', visible: true });
    expect(receipt).toMatchObject({ ok: true, expected: ['good', 'mute'] });
    await waitFor(() => op.wallOf('side')?.log[0]?.status === 'pending', 'pending with one ack', 5000);
    await waitFor(() => op.wallOf('side')?.log[0]?.status === 'timeout', 'timeout after the ack deadline', 5000);
    const entry = op.wallOf('side')!.log[0]!;
    expect(entry.timedOut).toEqual(['mute']);
    expect(Object.keys(entry.acks)).toEqual(['good']);
    expect(mute.deltas).toHaveLength(1);
    // A late ack does not turn the command into applied.
    mute.socket.emit(CONTROL_EVENTS.ack, { rev: entry.rev, commandId: entry.id, ok: true });
    await waitFor(() => op.wallOf('side')?.displays.find((d) => d.display === 'mute')?.ackRev === entry.rev, 'late ack in display status');
    expect(op.wallOf('side')!.log[0]!.status).toBe('timeout');
    for (const s of [good.socket, mute.socket, op.socket]) s.close();
  });

  it('refuses commands from displays, revoked operators and bad requests; nothing reaches the wall', async () => {
    const d = await display('guarded', 'd0');
    const op = await operator();
    const first = await op.send('guarded', { type: 'scene', scene: 'city' });
    expect(first.ok).toBe(true);
    await waitFor(() => d.deltas.length === 1, 'first delta');

    // A display socket sending a command.
    const fromDisplay = CommandReceiptSchema.parse(
      await d.socket.emitWithAck(CONTROL_EVENTS.command, { id: 'from-display-1', wall: 'guarded', command: { type: 'scene', scene: 'traffic' } }),
    );
    expect(fromDisplay).toMatchObject({ ok: false, error: 'unauthorised' });

    // Bad requests name the field.
    expect(await op.send('guarded', { type: 'scene' })).toMatchObject({ ok: false, error: 'invalid', message: expect.stringMatching(/^command\./) });
    expect(await op.send('Guarded', { type: 'reload' })).toMatchObject({ ok: false, error: 'invalid', message: expect.stringMatching(/^wall: /) });
    expect(await op.send('guarded', { type: 'scene', scene: 'no-such-scene' })).toMatchObject({ ok: false, error: 'invalid', message: expect.stringMatching(/^command\.scene: no scene/) });
    expect(await op.send('guarded', { type: 'reload' }, 'dup-0000001')).toMatchObject({ ok: true });
    expect(await op.send('guarded', { type: 'reload' }, 'dup-0000001')).toMatchObject({ ok: false, error: 'duplicate' });
    await waitFor(() => d.deltas.length === 2, 'the reload delta');

    // Revoked while connected: the very next command is refused.
    const token = await operatorToken();
    const revoked = await operator(token);
    expect((await revoked.send('guarded', { type: 'reload' })).ok).toBe(true);
    await waitFor(() => d.deltas.length === 3, 'the reload delta from the second operator');
    expect((await post('/auth/revoke', {}, { authorization: `Bearer ${token}` })).status).toBe(204);
    // Revocation cuts its sockets off at once, and the token cannot connect again.
    await waitFor(() => !revoked.socket.connected, 'the revoked operator disconnected');
    expect(await connectError({ role: 'operator', token })).toMatch(/^unauthorised: token revoked/);

    // A marker command proves that nothing else arrived in between.
    const marker = await op.send('guarded', { type: 'layer', layer: 'jiefangbei', visible: true });
    await waitFor(() => d.deltas.length === 4, 'the marker delta');
    expect(d.deltas.map((x) => x.command.type)).toEqual(['scene', 'reload', 'reload', 'layer']);
    expect(d.deltas.at(-1)!.rev).toBe(marker.ok ? marker.rev : -1);
    expect(d.state().scene).toBe('city');
    for (const s of [d.socket, op.socket, revoked.socket]) s.close();
  });

  it('rate-limits a flood of commands from one socket', async () => {
    const op = await operator();
    const receipts = await Promise.all(Array.from({ length: 30 }, () => op.send('flood', { type: 'reload' })));
    const limited = receipts.filter((r) => !r.ok && r.error === 'rate-limited').length;
    expect(receipts.filter((r) => r.ok).length).toBeLessThanOrEqual(20);
    expect(limited).toBeGreaterThanOrEqual(10);
    op.socket.close();
  });
});

describe('snapshots and reconnects', () => {
  it('a late display gets the current state, then only newer deltas', async () => {
    const op = await operator();
    await op.send('late', { type: 'scene', scene: 'city' });
    await op.send('late', { type: 'fly', to: { district: '500103' } });
    const d = await display('late', 'd0');
    expect(d.snapshot.state).toMatchObject({ rev: 2, scene: 'city', camera: { district: '500103' } });
    expect(d.snapshot.hubTime).toBeGreaterThan(0);
    const r = await op.send('late', { type: 'layer', layer: 'raffles', visible: false });
    expect(r).toMatchObject({ ok: true, rev: 3 });
    await waitFor(() => d.state().rev === 3, 'the new delta');
    expect(d.deltas.map((x) => x.rev)).toEqual([3]);
    d.socket.close();
    op.socket.close();
  });

  it('a display that reconnects gets a snapshot and no delta it already has', async () => {
    const op = await operator();
    const d = await display('reconnect', 'd0');
    await op.send('reconnect', { type: 'scene', scene: 'city' });
    await waitFor(() => d.state().rev === 1, 'rev 1');
    d.socket.close();
    await op.send('reconnect', { type: 'fly', to: { center: [106.5, 29.5], zoom: 12 } });
    await op.send('reconnect', { type: 'highlight', target: { district: '500103' } });

    const again = await display('reconnect', 'd0');
    expect(again.snapshot.state).toMatchObject({ rev: 3, camera: { center: [106.5, 29.5], zoom: 12 }, highlight: { district: '500103' } });
    await op.send('reconnect', { type: 'time', time: { mode: 'live' } });
    await waitFor(() => again.state().rev === 4, 'rev 4');
    // Only the command issued after the snapshot: nothing replayed, so no camera jumps back.
    expect(again.deltas.map((x) => x.rev)).toEqual([4]);
    again.socket.close();
    op.socket.close();
  });

  it('a display whose connection drops and is recovered applies each rev once, in order', async () => {
    const op = await operator();
    const token = await displayToken('recover', 'd0');
    const socket = connect(`${hub.url}${LIVE_NAMESPACE}`, {
      auth: { role: 'display', wall: 'recover', display: 'd0', token },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
      forceNew: true,
    });
    sockets.push(socket);
    let state: WallState | null = null;
    const applied: number[] = [];
    const received: number[] = [];
    let connects = 0;
    let recovered = false;
    socket.on(CONTROL_EVENTS.delta, (raw: unknown) => {
      const delta = WallDeltaSchema.parse(raw);
      received.push(delta.rev);
      if (!state || delta.rev !== state.rev + 1) return;
      state = applyCommand(state, delta.command, delta.issuedAt);
      applied.push(delta.rev);
    });
    socket.on('connect', () => {
      connects += 1;
      recovered ||= socket.recovered;
      // As the wall does: a snapshot after every connect, taken only if newer than what it has.
      void socket.emitWithAck(CONTROL_EVENTS.join, {}).then((raw: unknown) => {
        const snap = WallSnapshotSchema.parse(raw).state;
        if (!state || snap.rev > state.rev) state = snap;
      });
    });
    await waitFor(() => state !== null, 'first snapshot');
    await op.send('recover', { type: 'scene', scene: 'city' });
    await waitFor(() => applied.length === 1, 'rev 1');

    // The transport drops; the hub keeps the session for connection-state recovery.
    socket.io.engine.close();
    await waitFor(() => !socket.connected, 'disconnected');
    await op.send('recover', { type: 'fly', to: { district: '500103' } });
    await op.send('recover', { type: 'fly', to: { center: [106.5, 29.6], zoom: 13 } });
    await waitFor(() => connects === 2 && state?.rev === 3, 'reconnected at rev 3');
    expect(recovered).toBe(true);
    await op.send('recover', { type: 'layer', layer: 'raffles', visible: true });
    await waitFor(() => state?.rev === 4, 'rev 4');
    // Whatever was replayed, each rev was applied at most once and never went backwards.
    expect(new Set(applied).size).toBe(applied.length);
    for (let i = 1; i < applied.length; i++) expect(applied[i]).toBeGreaterThan(applied[i - 1]!);
    expect(state!.camera).toEqual({ center: [106.5, 29.6], zoom: 13 });
    expect(received.filter((r) => r === 4)).toHaveLength(1);
    socket.close();
    op.socket.close();
  });
});

describe('operator tokens that expire while connected', () => {
  it('the next command after expiry is refused with token-expired, and nothing reaches the wall', async () => {
    const shortHub = await startQuietHub({
      control: { operatorPassword: 'pw', operatorTokenTtlS: 5, demo: true }, // long enough to send one command on a busy machine
    });
    try {
      const base = `${shortHub.url}${API_PREFIX}`;
      const login = async (path: string, body: unknown) =>
        TokenResponseSchema.parse(await (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json());
      const opToken = await login('/auth/operator', { user: 'operator', password: 'pw' });
      const dToken = await enrolDisplay(shortHub.url, 'main', 'd0');
      const at = (auth: Record<string, unknown>) => {
        const s = connect(`${shortHub.url}${LIVE_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
        sockets.push(s);
        return new Promise<Socket>((resolve, reject) => {
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        });
      };
      const disp = await at({ role: 'display', wall: 'main', display: 'd0', token: dToken.token });
      const deltas: unknown[] = [];
      disp.on(CONTROL_EVENTS.delta, (d: unknown) => deltas.push(d));
      const op = await at({ role: 'operator', token: opToken.token });
      const send = async (id: string) =>
        CommandReceiptSchema.parse(await op.emitWithAck(CONTROL_EVENTS.command, { id, wall: 'main', command: { type: 'reload' } }));
      expect((await send('before-expiry-1')).ok).toBe(true);
      await waitFor(() => deltas.length === 1, 'the first delta');
      await waitFor(() => Date.now() > opToken.expiresAt + 50, 'the token to expire', 15_000);
      expect(await send('after-expiry-1')).toMatchObject({ ok: false, error: 'token-expired' });
      // The display's own token is still good: it can reconnect; the operator's cannot.
      await expect(at({ role: 'operator', token: opToken.token })).rejects.toThrow(/^token-expired/);
      expect(deltas).toHaveLength(1);
      disp.close();
      op.close();
    } finally {
      await shortHub.close();
    }
  }, 60_000);
});

// Demo mode enrols this machine's screens at once, but never takes a slot from a display that is
// on screen: two tabs naming one slot would otherwise take it from each other in turn for ever.
const ask = async (display: string) => EnrolAnswerSchema.parse((await postJson(hub.url, '/enrol', { hint: { wall: 'main', display, grid: null } })).body);

describe('demo enrolment of a slot', () => {
  it('is at once while the slot is free or its display is off screen, and waits for an operator while it is on screen', async () => {
    const first = await enrolDisplay(hub.url, 'main', 'lobby');
    // Enrolled but not connected: a second screen may take the slot (the first is revoked).
    const second = await enrolDisplay(hub.url, 'main', 'lobby');
    expect(second.device).not.toBe(first.device);

    const socket = await openSocket(hub.url, { role: 'display', wall: 'main', display: 'lobby', token: second.token }, sockets);
    await waitFor(() => socket.connected, 'the display on screen');
    let third = await ask('lobby');
    // Presence is recorded just after the connection: ask until the hub holds it.
    for (let i = 0; i < 50 && third.status === 'approved'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      third = await ask('lobby');
    }
    expect(third.status).toBe('pending');
    // The display on screen kept its slot: its token still signs it in.
    expect((await postJson(hub.url, '/auth/display', { credential: second.credential })).status).toBe(200);

    socket.close();
    let fourth = await ask('lobby');
    for (let i = 0; i < 50 && fourth.status !== 'approved'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fourth = await ask('lobby');
    }
    expect(fourth.status).toBe('approved');
  }, 60_000);
});

// Last: its commands must not share a second's command budget with the flood test above.
describe('guided tours', () => {
  it('a tour starts with the hub\'s plan, moves in lock-step on every display, and a late display lands on its step', async () => {
    const d0 = await display('tour', 'd0');
    const op = await operator();
    expect(await op.send('tour', { type: 'tour', action: { do: 'next' } })).toMatchObject({ ok: false, error: 'invalid', message: 'command.action: wall "tour" plays no tour' });
    expect(await op.send('tour', { type: 'tour', action: { do: 'start', scene: 'overview', tour: 'nope' } })).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/^command\.action\.tour: scene "overview" has no tour "nope"/),
    });
    // Whatever plan a console sends is replaced by the tour as the hub serves it.
    const forged = { do: 'start', scene: 'overview', tour: 'city-briefing', step: 2, plan: [{ scene: 'gov', dwellMs: 3000 }] };
    expect(await op.send('tour', { type: 'tour', action: forged })).toMatchObject({ ok: true });
    expect(await op.send('tour', { type: 'tour', action: { do: 'pause' } })).toMatchObject({ ok: true });
    await waitFor(() => d0.deltas.length === 2, 'both tour deltas');
    const started = d0.deltas[0]!;
    expect(started.command).toMatchObject({ type: 'tour', action: { do: 'start', step: 2 } });
    const plan = started.command.type === 'tour' && started.command.action.do === 'start' ? started.command.action.plan! : [];
    expect(plan).toHaveLength(10);
    expect(plan[2]).toEqual({ scene: 'weather', dwellMs: 30_000 });
    expect(d0.state()).toMatchObject({ scene: 'weather', tour: { scene: 'overview', tour: 'city-briefing', step: 2, paused: true, stepStartedAt: started.issuedAt } });

    // A display joining now gets the same tour in its snapshot, on the same step.
    const late = await display('tour', 'late');
    expect(late.state().tour).toEqual(d0.state().tour);
    expect(await op.send('tour', { type: 'tour', action: { do: 'jump', step: 10 } })).toMatchObject({ ok: false, message: 'command.action.step: the tour has 10 steps (0 to 9)' });
    expect(await op.send('tour', { type: 'tour', action: { do: 'stop' } })).toMatchObject({ ok: true });
    await waitFor(() => late.state().tour === null && d0.state().tour === null, 'the tour stopped on both displays');
    expect(late.state().scene).toBe('weather');
    for (const s of [d0.socket, late.socket, op.socket]) s.close();
  });
});
