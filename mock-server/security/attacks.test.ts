// The control plane under attack: each case is what an outside security test did to the hub, run
// against a real hub (outside demo mode) with a real display on the wall as a witness. What must
// hold: no token, wall or effect for anyone not enrolled or signed in, and nothing but the marker
// command ever reaches the wall.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { CONTROL_EVENTS, WallsUpdateSchema, type WallsUpdate } from '../../src/hub/control.ts';
import { DisplaysResponseSchema, EnrolAnswerSchema, type Slot } from '../../src/hub/enrolment.ts';
import { openSocket, waitFor } from '../control-test-kit.ts';
import { attackedHub, PASSWORD, type AttackedHub } from './attack-kit.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

const MAIN: Slot = { wall: 'main', display: 'd0', grid: null };
let h: AttackedHub;
let opToken: string;
let wall: Awaited<ReturnType<AttackedHub['witness']>>;
let mainDevice: { credential: string; device: string };

beforeAll(async () => {
  h = await attackedHub({ maxSocketsPerAddress: 40, maxSocketsPerToken: 8 });
  opToken = await h.operatorToken();
  mainDevice = await h.enrol(MAIN, opToken);
  wall = await h.witness(MAIN, mainDevice.credential);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function fetchDisplays() {
  const res = await fetch(`${h.hub.url}/api/v1/displays`, { headers: h.bearer(opToken) });
  return DisplaysResponseSchema.parse(await res.json());
}

describe('1. only enrolled displays', () => {
  it('an unenrolled caller gets no token, makes no wall and shows nowhere in the console', async () => {
    const before = await fetchDisplays();
    let attempts = 0;
    let tokens = 0;
    for (const body of [{ wall: 'main', display: 'd0' }, { wall: 'evil', display: 'x', key: '' }, {}]) {
      attempts++;
      if ((await h.post('/auth/display', body)).status === 200) tokens++;
    }
    for (const credential of [`${mainDevice.device}.${'A'.repeat(43)}`, `dev-ffffffffffffffff.${'B'.repeat(43)}`, mainDevice.credential.slice(0, -1)]) {
      attempts++;
      if ((await h.post('/auth/display', { credential })).status === 200) tokens++;
    }
    // A handshake naming a wall that does not exist, with a real display's token, makes no wall.
    const token = await h.displayToken(mainDevice.credential);
    await expect(openSocket(h.hub.url, { role: 'display', wall: 'evil', display: 'd0', token }, h.sockets)).rejects.toThrow(/^unauthorised/);
    expect({ attempts, tokens }).toEqual({ attempts: 6, tokens: 0 });
    const after = await fetchDisplays();
    expect(after.walls).toEqual(before.walls);
    expect(after.enrolled.map((d) => d.id)).toEqual(before.enrolled.map((d) => d.id));
  });

  it('approving needs an operator; a display or no token cannot approve itself', async () => {
    const asked = EnrolAnswerSchema.parse((await h.post('/enrol', { hint: { wall: 'main', display: 'rogue', grid: null } })).body);
    if (asked.status !== 'pending') throw new Error('expected pending');
    const displayToken = await h.displayToken(mainDevice.credential);
    expect((await h.post('/displays/approve', { code: asked.code, slot: { wall: 'main', display: 'rogue', grid: null } })).status).toBe(401);
    expect((await h.post('/displays/approve', { code: asked.code, slot: { wall: 'main', display: 'rogue', grid: null } }, h.bearer(displayToken))).status).toBe(403);
    expect((await h.post('/walls', { wall: 'rogue' }, h.bearer(displayToken))).status).toBe(403);
    expect(EnrolAnswerSchema.parse((await h.post('/enrol/status', { requestId: asked.requestId })).body).status).toBe('pending');
    expect((await h.post('/displays/refuse', { code: asked.code }, h.bearer(opToken))).status).toBe(204);
    expect(EnrolAnswerSchema.parse((await h.post('/enrol/status', { requestId: asked.requestId })).body).status).toBe('refused');
  });

  it('a second connection of an enrolled display replaces the first, which can no longer ack; the console sees it', async () => {
    const slot: Slot = { wall: 'main', display: 'twin', grid: null };
    const device = await h.enrol(slot, opToken);
    const first = await h.witness(slot, device.credential);
    const clone = await h.witness(slot, device.credential);
    await waitFor(() => !first.socket.connected, 'the first connection replaced');
    const list = await fetchDisplays();
    const row = list.enrolled.find((d) => d.id === device.device)!;
    expect(row).toMatchObject({ replacements: 1, online: true });
    expect(row.replacedAt).not.toBeNull();
    clone.socket.close();
  });

  it('5,000 refused commands from a display socket write two log lines, not 5,000', async () => {
    const before = h.lines.length;
    const results = await Promise.all(
      Array.from({ length: 5000 }, (_, k) =>
        wall.socket.emitWithAck(CONTROL_EVENTS.command, { id: `display-cmd-${k}-xxxx`, wall: 'main', command: { type: 'reload' } }) as Promise<{ ok: boolean }>,
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    const refusedLines = h.lines.slice(before).filter((l) => l.msg.includes('refused'));
    expect(refusedLines.length).toBeLessThanOrEqual(2);
  });
});

describe('2. revocation holds', () => {
  it('a revoked operator token is cut off at once: no commands, no deltas, no wall list', async () => {
    const token = await h.operatorToken();
    const op = await h.operator(token);
    const updates: WallsUpdate[] = [];
    op.socket.on(CONTROL_EVENTS.walls, (raw: unknown) => updates.push(WallsUpdateSchema.parse(raw)));
    expect((await h.post('/auth/revoke', {}, h.bearer(token))).status).toBe(204);
    await waitFor(() => !op.socket.connected, 'the revoked socket disconnected');
    const heard = updates.length;
    // The wall keeps changing; the revoked console hears none of it.
    const before = wall.deltas.length;
    await h.onlyMarkerArrives(wall, opToken, before);
    expect(updates.length).toBe(heard);
    await expect(openSocket(h.hub.url, { role: 'operator', token }, h.sockets)).rejects.toThrow(/token revoked/);
    expect((await fetch(`${h.hub.url}/api/v1/displays`, { headers: h.bearer(token) })).status).toBe(401);
  });

  it('a revoked display loses its credential, its tokens and its sockets at once', async () => {
    const slot: Slot = { wall: 'main', display: 'gone', grid: null };
    const device = await h.enrol(slot, opToken);
    const token = await h.displayToken(device.credential);
    const d = await h.witness(slot, device.credential);
    const del = await fetch(`${h.hub.url}/api/v1/displays/${device.device}`, { method: 'DELETE', headers: h.bearer(opToken) });
    expect(del.status).toBe(204);
    await waitFor(() => !d.socket.connected, 'the revoked display disconnected');
    expect((await h.post('/auth/display', { credential: device.credential })).status).toBe(401);
    await expect(openSocket(h.hub.url, { role: 'display', wall: 'main', display: 'gone', token }, h.sockets)).rejects.toThrow(/display revoked/);
    expect((await fetchDisplays()).enrolled.some((e) => e.id === device.device)).toBe(false);
  });
});

describe('3. limits that count everywhere', () => {
  it('one operator token on many sockets: at most 8 sockets, and its commands count once', async () => {
    const token = await h.operatorToken();
    const opened: Socket[] = [];
    let refused = 0;
    for (let k = 0; k < 20; k++) {
      try {
        opened.push((await h.operator(token)).socket);
      } catch (err) {
        expect((err as Error).message).toMatch(/^rate-limited: 8 sockets/);
        refused++;
      }
    }
    expect({ opened: opened.length, refused }).toEqual({ opened: 8, refused: 12 });
    const started = Date.now();
    let seq = 0;
    const receipts = await Promise.all(
      Array.from({ length: 400 }, (_, k) =>
        opened[k % opened.length]!.emitWithAck(CONTROL_EVENTS.command, {
          id: `limit-${started}-${++seq}`,
          wall: 'main',
          command: { type: 'highlight', target: null },
        }) as Promise<{ ok: boolean; error?: string }>,
      ),
    );
    const accepted = receipts.filter((r) => r.ok).length;
    const seconds = Math.ceil((Date.now() - started) / 1000);
    // 20 a second per token, whichever socket they come through (one more window per second taken).
    expect(accepted).toBeLessThanOrEqual(20 * (seconds + 1));
    expect(accepted).toBeLessThan(400);
    expect(receipts.filter((r) => r.error === 'rate-limited').length).toBeGreaterThan(0);
    for (const s of opened) s.close();
  });

  it('sockets from one address are capped', async () => {
    let accepted = 0;
    let refused = 0;
    const tokens = await Promise.all(Array.from({ length: 8 }, () => h.operatorToken()));
    for (let k = 0; k < 60; k++) {
      try {
        await openSocket(h.hub.url, { role: 'operator', token: tokens[k % tokens.length] }, h.sockets);
        accepted++;
      } catch (err) {
        expect((err as Error).message).toMatch(/^rate-limited/);
        refused++;
      }
    }
    expect(accepted).toBeLessThanOrEqual(40);
    expect(refused).toBeGreaterThanOrEqual(20);
    for (const s of h.sockets.splice(2)) s.close();
  });
});


describe('4. values that validate but are wrong', () => {
  it('out-of-range and future times, unknown layers and districts, points off the map: refused, nothing reaches the wall', async () => {
    const before = wall.deltas.length;
    const op = await h.operator(opToken);
    const bad = [
      { type: 'time', time: { mode: 'playback', at: 8640000000000001 } },
      { type: 'time', time: { mode: 'playback', at: Date.now() + 3600_000 } },
      { type: 'time', time: { mode: 'playback', at: Date.now() - 400 * 24 * 3600_000 } },
      { type: 'layer', layer: 'no-such-layer', visible: true },
      { type: 'fly', to: { district: '999999' } },
      { type: 'highlight', target: { district: '999999' } },
      { type: 'highlight', target: { point: [2.35, 48.85] } },
      { type: 'fly', to: { center: [-74, 40.7], zoom: 10 } },
      { type: 'reload', display: 'nobody' },
      { type: 'scene', scene: 'constructor' },
      { type: 'tour', action: { do: 'start', scene: 'constructor', tour: 'briefing' } },
      { type: 'tour', action: { do: 'start', scene: 'overview', tour: 'city-briefing', step: 59 } },
      { type: 'tour', action: { do: 'next' } },
    ];
    const receipts = [];
    for (const command of bad) receipts.push(await op.send('main', command));
    expect(receipts.map((r) => r.error)).toEqual(bad.map(() => 'invalid'));
    expect(receipts.every((r) => typeof r.message === 'string' && /^command\./.test(r.message!))).toBe(true);
    op.socket.close();
    const arrived = await h.onlyMarkerArrives(wall, opToken, before);
    expect(arrived.map((d) => d.command.type)).toEqual(['attention']);
  });

  it('a display named "constructor" is only a display: its acks are tracked', async () => {
    const slot: Slot = { wall: 'main', display: 'constructor', grid: null };
    const device = await h.enrol(slot, opToken);
    const d = await h.witness(slot, device.credential);
    const op = await h.operator(opToken);
    const updates: WallsUpdate[] = [];
    op.socket.on(CONTROL_EVENTS.walls, (raw: unknown) => updates.push(WallsUpdateSchema.parse(raw)));
    const receipt = await op.send('main', { type: 'highlight', target: { district: '500103' } });
    expect(receipt.ok).toBe(true);
    await waitFor(() => d.deltas.some((x) => x.rev === receipt.rev), 'the delta at "constructor"');
    await waitFor(() => {
      const entry = updates.at(-1)?.walls.find((w) => w.state.wall === 'main')?.log.find((e) => e.rev === receipt.rev);
      const acks = new Map(Object.entries(entry?.acks ?? {}));
      return acks.get('constructor')?.ok === true;
    }, 'the ack of "constructor" in the log');
    d.socket.close();
    op.socket.close();
  });
});

describe('5. server edges', () => {
  it('token answers are never cached; every answer carries the security headers', async () => {
    const res = await fetch(`${h.hub.url}/api/v1/auth/operator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'operator', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('a request naming another Host (DNS rebinding) is refused', async () => {
    const { request } = await import('node:http');
    const { port } = new URL(h.hub.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: Number(port), path: '/api/v1/displays', headers: { host: `evil.example:${port}`, ...h.bearer(opToken) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('a socket from a foreign Origin is refused', async () => {
    const { io } = await import('socket.io-client');
    const socket = io(`${h.hub.url}/live`, {
      auth: { role: 'operator', token: opToken },
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
      reconnection: false,
      forceNew: true,
    });
    h.sockets.push(socket);
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err) => resolve(`refused: ${err.message}`));
    });
    expect(outcome).toMatch(/^refused/);
  });

  it('the default password is refused outside demo mode', async () => {
    await expect(attackedHub({ operatorPassword: 'onescreen', demo: false })).rejects.toThrow(/set HUB_OPERATOR_PASSWORD/);
  });
});

// Last: these use up this address's enrolment allowance and put the operator account in back-off.
describe('6. abuse meant to lock others out', () => {
  it('junk enrolment requests are capped per address and in all, and create nothing', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, k) => h.post('/enrol', { hint: { wall: `junk-${k}`, display: '0', grid: null } })));
    const pending = answers.filter((a) => a.status === 200 && EnrolAnswerSchema.parse(a.body).status === 'pending').length;
    expect(pending).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(57);
    const list = await fetchDisplays();
    expect(list.walls).toEqual(['main']);
    expect(list.pending.length).toBeLessThanOrEqual(3);
    // Nobody approves them: an unapproved code is worth nothing.
    for (const a of answers.filter((x) => x.status === 200)) {
      const status = EnrolAnswerSchema.parse((await h.post('/enrol/status', { requestId: (a.body as { requestId: string }).requestId })).body);
      expect(status.status).toBe('pending');
    }
    for (const p of list.pending) expect((await h.post('/displays/refuse', { code: p.code }, h.bearer(opToken))).status).toBe(204);
  });

  it('failed sign-ins back off per account, are logged, and the wait is bounded', async () => {
    const before = h.lines.length;
    const statuses: number[] = [];
    for (let k = 0; k < 8; k++) statuses.push((await h.post('/auth/operator', { user: 'operator', password: `guess-${k}` })).status);
    // Five free failures, then the account waits; attempts during the wait are refused unchecked.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toContain(429);
    // The real operator, meanwhile, is told how long to wait: never more than a minute.
    const real = await fetch(`${h.hub.url}/api/v1/auth/operator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'operator', password: PASSWORD }),
    });
    expect(real.status).toBe(429);
    expect(Number(real.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(real.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const logged = h.lines.slice(before).filter((l) => l.fields?.event === 'sign-in');
    expect(logged.length).toBeGreaterThanOrEqual(6);
    expect(logged.every((l) => l.fields?.address && l.fields?.outcome)).toBe(true);
  });
});
