import { describe, expect, it } from 'vitest';
import { DisplayEnrolment, deviceKey, enrolRetryDelay, hintFromFlags, localDeadline, notEnrolledReloadDelay, type PairingView } from './enrol-client.ts';
import { SINGLE_DISPLAY } from '../../twin/slice.ts';

const HUB = 'http://hub.test:8787';
const CREDENTIAL = `dev-abcd1234.${'s'.repeat(40)}`;
const REQUEST_ID = 'r'.repeat(24);
const HINT = { wall: 'main', display: '0', grid: null };
const APPROVED = { status: 'approved', credential: CREDENTIAL, device: 'dev-abcd1234', slot: { wall: 'lobby', display: '2', grid: { cols: 3, rows: 1, col: 1, row: 0 } } };
const pending = (code = '123456', expiresAt = 1_000_000 + 600_000) => ({ status: 'pending', requestId: REQUEST_ID, code, expiresAt, pollMs: 2000 });

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A hub that answers each path from a queue (the last answer repeats), recording what it was asked. */
function fakeHub(replies: Record<string, Reply[]>) {
  const calls: { path: string; body: unknown }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const path = url.slice(`${HUB}/api/v1`.length);
    calls.push({ path, body: JSON.parse(String(init.body)) });
    const queue = replies[path];
    if (!queue?.length) throw new Error(`unexpected ${path}`);
    const reply = queue.length > 1 ? queue.shift()! : queue[0];
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: reply.headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function setup(replies: Record<string, Reply[]>, storage = fakeStorage()) {
  const hub = fakeHub(replies);
  let clock = 1_000_000;
  const sleeps: number[] = [];
  const views: PairingView[] = [];
  const problems: string[] = [];
  const enrolment = new DisplayEnrolment({
    hubUrl: HUB,
    hint: HINT,
    fetch: hub.fetch,
    storage,
    now: () => clock,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
      // Runaway guard: a flow that never settles fails the test instead of hanging it.
      if (sleeps.length > 200) throw new Error('too many sleeps');
    },
    onView: (v) => views.push(v),
    onProblem: (p) => problems.push(p),
  });
  return { enrolment, hub, storage, sleeps, views, problems };
}

describe('DisplayEnrolment', () => {
  it('approved at once (demo mode): the device is stored under the URL slot and the approved slot returned', async () => {
    const { enrolment, hub, storage } = setup({ '/enrol': [{ body: APPROVED }] });
    const device = await enrolment.obtain();
    expect(device).toEqual({ credential: CREDENTIAL, device: 'dev-abcd1234', slot: APPROVED.slot });
    expect(hub.calls).toEqual([{ path: '/enrol', body: { hint: HINT } }]);
    expect(JSON.parse(storage.data.get('onescreen.device:main/0')!)).toEqual(device);
  });

  it('pending: shows the code, polls every pollMs with the request id, then stores the approval', async () => {
    const { enrolment, hub, sleeps, views } = setup({
      '/enrol': [{ body: pending() }],
      '/enrol/status': [{ body: pending() }, { body: pending() }, { body: APPROVED }],
    });
    const device = await enrolment.obtain();
    expect(device.slot.wall).toBe('lobby');
    expect(hub.calls.map((c) => c.path)).toEqual(['/enrol', '/enrol/status', '/enrol/status', '/enrol/status']);
    expect(hub.calls[1].body).toEqual({ requestId: REQUEST_ID });
    expect(sleeps).toEqual([2000, 2000, 2000]);
    expect(views.at(-1)).toMatchObject({ code: '123456', error: null });
  });

  it('expired or refused: shows the message, then asks for a new code', async () => {
    const { enrolment, hub, views } = setup({
      '/enrol': [{ body: pending('111111') }, { body: pending('222222') }],
      '/enrol/status': [{ body: { status: 'expired', message: '配对码已过期 code expired' } }, { body: { status: 'refused', message: 'no' } }, { body: APPROVED }],
    });
    await enrolment.obtain();
    expect(hub.calls.map((c) => c.path)).toEqual(['/enrol', '/enrol/status', '/enrol', '/enrol/status', '/enrol', '/enrol/status']);
    expect(views.some((v) => v.code === null && v.notice === '已过期 Expired: 配对码已过期 code expired')).toBe(true);
    expect(views.some((v) => v.code === null && v.notice === '已拒绝 Refused: no')).toBe(true);
    expect(views.some((v) => v.code === '222222')).toBe(true);
  });

  it('a screen whose clock is far off still polls its code, and shows the code’s full time', async () => {
    // The hub's expiresAt is already past on this screen's clock (it runs an hour ahead).
    const skewed = pending('111111', 500);
    const { enrolment, hub, views } = setup({ '/enrol': [{ body: skewed }], '/enrol/status': [{ body: skewed }, { body: APPROVED }] });
    await enrolment.obtain();
    expect(hub.calls.map((c) => c.path)).toEqual(['/enrol', '/enrol/status', '/enrol/status']);
    const shown = views.find((v) => v.code === '111111')!;
    expect(shown.expiresAt).toBe(1_000_000 + 600_000);
  });

  it('HTTP 429 and 500 and network errors: the card keeps its code, says why, retries with growing capped backoff', async () => {
    const { enrolment, hub, sleeps, views } = setup({
      '/enrol': [
        { status: 500, body: { error: 'internal', message: 'boom' } },
        new TypeError('Failed to fetch'),
        { status: 429, body: { error: 'rate-limited', message: 'wait' } },
        { status: 500 },
        { status: 500 },
        { status: 500 },
        { body: pending() },
      ],
      '/enrol/status': [{ status: 503 }, { body: APPROVED }],
    });
    await enrolment.obtain();
    // Failures 1..6 with jitter at its middle (random 0.5): 0.75 × min(10 s, 1 s × 2^(n−1)).
    expect(sleeps).toEqual([750, 1500, 3000, 6000, 7500, 7500, 2000, 750]);
    expect(views.some((v) => v.error === 'HTTP 500 internal: boom')).toBe(true);
    expect(views.some((v) => v.error?.startsWith('网络 network: Failed to fetch'))).toBe(true);
    expect(views.some((v) => v.error === 'HTTP 429 rate-limited: wait')).toBe(true);
    // The status failure left the code on the card.
    expect(views.some((v) => v.code === '123456' && v.error === 'HTTP 503')).toBe(true);
    expect(hub.calls.filter((c) => c.path === '/enrol')).toHaveLength(7);
  });

  it('honours Retry-After on 429 (bounded)', async () => {
    const { enrolment, sleeps } = setup({
      '/enrol': [{ status: 429, headers: { 'retry-after': '30' } }, { status: 429, headers: { 'retry-after': '100000' } }, { body: APPROVED }],
    });
    await enrolment.obtain();
    expect(sleeps).toEqual([30_000, 60_000]);
  });

  it('answers that fail the schema are rejected and retried, never trusted or stored', async () => {
    const bad = [
      { status: 'approved', credential: 'not-a-credential', device: 'dev-abcd1234', slot: APPROVED.slot },
      { status: 'approved', credential: CREDENTIAL, device: 'dev-abcd1234', slot: { wall: 'Main!', display: '0', grid: null } },
      { status: 'approved', credential: CREDENTIAL, device: 'dev-abcd1234', slot: { wall: 'main', display: '0', grid: { cols: 2, rows: 1, col: 5, row: 0 } } },
      { status: 'pending', requestId: 'short', code: '123456', expiresAt: 2e6, pollMs: 2000 },
      { status: 'pending', requestId: REQUEST_ID, code: '12345', expiresAt: 2e6, pollMs: 2000 },
      { status: 'pending', requestId: REQUEST_ID, code: '123456', expiresAt: 2e6, pollMs: 0 },
      { status: 'yes' },
      'approved',
    ];
    const { enrolment, storage, problems, views } = setup({ '/enrol': [...bad.map((body) => ({ body })), { status: 200 }, { body: APPROVED }] });
    const device = await enrolment.obtain();
    expect(device.credential).toBe(CREDENTIAL);
    expect(problems.filter((p) => p.startsWith('enrolment: answer rejected'))).toHaveLength(bad.length + 1);
    // No bad code ever reached the card.
    expect(views.every((v) => v.code === null)).toBe(true);
    expect(JSON.parse(storage.data.get(deviceKey(HINT))!).credential).toBe(CREDENTIAL);
  });

  it('a stored credential is reused without asking the hub', async () => {
    const stored = { credential: CREDENTIAL, device: 'dev-abcd1234', slot: { wall: 'main', display: '0', grid: null } };
    const { enrolment, hub } = setup({}, fakeStorage({ 'onescreen.device:main/0': JSON.stringify(stored) }));
    expect(await enrolment.obtain()).toEqual(stored);
    expect(hub.calls).toHaveLength(0);
  });

  it('a corrupt stored record is dropped and the display enrols again', async () => {
    const storage = fakeStorage({ 'onescreen.device:main/0': JSON.stringify({ credential: 'x', device: 'dev-abcd1234', slot: HINT }) });
    const { enrolment, hub, problems } = setup({ '/enrol': [{ body: APPROVED }] }, storage);
    await enrolment.obtain();
    expect(hub.calls).toHaveLength(1);
    expect(problems[0]).toMatch(/stored device dropped/);
  });

  it('not enrolled any more: forget() clears the credential and the next obtain() pairs again', async () => {
    const stored = { credential: CREDENTIAL, device: 'dev-abcd1234', slot: { wall: 'main', display: '0', grid: null } };
    const storage = fakeStorage({ 'onescreen.device:main/0': JSON.stringify(stored), 'onescreen.device:main/1': 'other' });
    const { enrolment, hub } = setup({ '/enrol': [{ body: pending('654321') }], '/enrol/status': [{ body: APPROVED }] }, storage);
    enrolment.forget();
    expect(storage.data.has('onescreen.device:main/0')).toBe(false);
    expect(storage.data.has('onescreen.device:main/1')).toBe(true);
    expect((await enrolment.obtain()).slot.wall).toBe('lobby');
    expect(hub.calls.map((c) => c.path)).toEqual(['/enrol', '/enrol/status']);
  });

  it('storage that throws: the display still enrols (and says so)', async () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    const { enrolment, problems } = setup({ '/enrol': [{ body: APPROVED }] }, broken as unknown as ReturnType<typeof fakeStorage>);
    expect((await enrolment.obtain()).credential).toBe(CREDENTIAL);
    expect(problems).toEqual(['enrolment: storage unreadable (denied)', 'enrolment: credential not saved (quota)']);
  });

  it('a hub that forgot the request (404 on status) is asked for a new code at once', async () => {
    const { enrolment, hub, sleeps } = setup({
      '/enrol': [{ body: pending('111111') }, { body: APPROVED }],
      '/enrol/status': [{ status: 404, body: { error: 'not-found', message: 'unknown request' } }],
    });
    await enrolment.obtain();
    expect(hub.calls.map((c) => c.path)).toEqual(['/enrol', '/enrol/status', '/enrol']);
    expect(sleeps).toEqual([2000]);
  });
});

describe('enrolment helpers', () => {
  it('the hint: the URL slot, a 1×1 grid as a single display', () => {
    expect(hintFromFlags({ wall: 'main', display: '0', grid: SINGLE_DISPLAY })).toEqual({ wall: 'main', display: '0', grid: null });
    expect(hintFromFlags({ wall: 'main', display: 'l', grid: { cols: 3, rows: 1, col: 0, row: 0 } })).toEqual({
      wall: 'main',
      display: 'l',
      grid: { cols: 3, rows: 1, col: 0, row: 0 },
    });
  });

  it('retry delay: never under half a second, never over 10 s (or a bounded Retry-After)', () => {
    for (let n = 1; n < 40; n++) {
      for (const r of [0, 0.5, 0.999]) {
        const d = enrolRetryDelay(n, () => r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(10_000);
      }
    }
    expect(enrolRetryDelay(1, () => 0, 1e9)).toBe(60_000);
  });

  it('a code’s deadline on this screen’s clock: the hub’s, unless the clocks plainly disagree', () => {
    expect(localDeadline(1_000 + 300_000, 1_000)).toBe(301_000);
    expect(localDeadline(1_000 + 600_000, 1_000)).toBe(601_000);
    expect(localDeadline(1_000 + 3_600_000, 1_000)).toBe(601_000);
    expect(localDeadline(500, 1_000)).toBe(601_000);
  });

  it('not-enrolled reloads: at once, but held back when the last was moments ago', () => {
    const session = fakeStorage();
    expect(notEnrolledReloadDelay(session, 1_000_000)).toBe(0);
    expect(notEnrolledReloadDelay(session, 1_005_000)).toBe(30_000);
    expect(notEnrolledReloadDelay(session, 2_000_000)).toBe(0);
  });
});
