import { describe, expect, it, vi } from 'vitest';
import { DisplaysResponseSchema } from '../../../hub/enrolment.ts';
import { DisplaysClient } from './displays-client.ts';
import { displaysResponse, enrolled, pending } from './displays-fixture.ts';

const HUB = 'http://hub.test';
const TOKEN = 'operator-token-0123456789';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const slot = { wall: 'main', display: 'left', grid: null };

/** A client whose fetch answers with `answer` and records what it was asked. */
function clientWith(answer: Response | Error | (() => Response)) {
  const calls: { url: string; init: RequestInit }[] = [];
  const onUnauthorised = vi.fn();
  const onRejected = vi.fn();
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  }) as unknown as typeof fetch;
  const client = new DisplaysClient(HUB, { token: () => TOKEN, onUnauthorised, onRejected, fetch: fetchImpl });
  return { client, calls, onUnauthorised, onRejected, fetchImpl };
}

const headers = (init: RequestInit) => init.headers as Record<string, string>;

describe('displays client', () => {
  it('the fixture is a valid answer', () => {
    expect(DisplaysResponseSchema.safeParse(displaysResponse()).success).toBe(true);
  });

  it('lists with the bearer token in the header, never in the URL, and returns the validated answer', async () => {
    const { client, calls, onRejected } = clientWith(json(200, displaysResponse()));
    expect(await client.list()).toEqual({ ok: true, data: displaysResponse() });
    expect(calls[0].url).toBe(`${HUB}/api/v1/displays`);
    expect(calls[0].url).not.toContain(TOKEN);
    expect(calls[0].init.method).toBe('GET');
    expect(headers(calls[0].init).authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[0].init.body).toBeUndefined();
    expect(onRejected).not.toHaveBeenCalled();
  });

  it('never trusts a list that fails the contract: counts it as rejected and says where', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...displaysResponse(), pending: [pending({ code: '12345' })] }, /pending\.0\.code/],
      [{ ...displaysResponse(), enrolled: [{ ...enrolled(), id: 'laptop-1' }] }, /enrolled\.0\.id/],
      [{ ...displaysResponse(), enrolled: [{ ...enrolled(), online: 'yes' }] }, /enrolled\.0\.online/],
      [{ ...displaysResponse(), walls: ['Main Hall'] }, /walls\.0/],
      [{ pending: [], enrolled: [] }, /walls/],
      [{ ...displaysResponse(), enrolled: [enrolled({ slot: { wall: 'main', display: 'x', grid: { cols: 2, rows: 1, col: 2, row: 0 } } })] }, /grid/],
      // Ambiguous: the console finds requests by code and displays by id.
      [{ ...displaysResponse(), pending: [pending(), pending({ address: '10.0.0.99' })] }, /123456 listed twice/],
      [{ ...displaysResponse(), enrolled: [enrolled(), enrolled({ slot: { wall: 'main', display: 'right', grid: null } })] }, /listed twice/],
    ];
    for (const [body, where] of cases) {
      const { client, onRejected } = clientWith(json(200, body));
      const res = await client.list();
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.kind).toBe('invalid-response');
      expect(res.error.message).toMatch(/^中枢应答无效 Invalid answer from the hub/);
      expect(res.error.message).toMatch(where);
      expect(onRejected).toHaveBeenCalledTimes(1);
      expect(onRejected.mock.calls[0][0]).toBe('displays');
      expect(onRejected.mock.calls[0][1]).toMatch(where);
    }
    const html = clientWith(new Response('<html>proxy error</html>', { status: 200 }));
    const res = await html.client.list();
    expect(res.ok || res.error.kind).toBe('invalid-response');
    expect(html.onRejected).toHaveBeenCalledWith('displays', '不是 JSON not JSON');
  });

  it('a 401 from any call ends the session, once per call, and is not a rejected answer', async () => {
    const calls: ((c: DisplaysClient) => Promise<{ ok: boolean }>)[] = [
      (c) => c.list(),
      (c) => c.approve({ code: '123456', slot }),
      (c) => c.refuse('123456'),
      (c) => c.revoke('dev-abcdef0123'),
      (c) => c.createWall('lobby'),
    ];
    for (const call of calls) {
      const { client, onUnauthorised, onRejected } = clientWith(json(401, { error: 'token-expired', message: 'the token has expired' }));
      const res = await call(client);
      expect(res.ok).toBe(false);
      expect(onUnauthorised).toHaveBeenCalledTimes(1);
      expect(onUnauthorised.mock.calls[0][0]).toMatchObject({ kind: 'unauthorised', status: 401, code: 'token-expired' });
      expect(onRejected).not.toHaveBeenCalled();
    }
  });

  it('approves: POST {code, slot} with the token, and a 2xx is success whatever its body', async () => {
    for (const answer of [new Response(null, { status: 204 }), json(200, { whatever: true }), json(201, {})]) {
      const { client, calls } = clientWith(answer);
      const request = { code: '654321', slot: { wall: 'lobby', display: 'a', grid: { cols: 2, rows: 2, col: 1, row: 1 } } };
      expect(await client.approve(request)).toEqual({ ok: true, data: null });
      expect(calls[0].url).toBe(`${HUB}/api/v1/displays/approve`);
      expect(calls[0].init.method).toBe('POST');
      expect(headers(calls[0].init)).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
      expect(JSON.parse(String(calls[0].init.body))).toEqual(request);
    }
  });

  it('checks a request before it leaves: nothing the contract refuses reaches the hub', async () => {
    const { client, fetchImpl } = clientWith(json(200, {}));
    const bad = [
      await client.approve({ code: '12 3456', slot }),
      await client.approve({ code: '123456', slot: { ...slot, wall: 'Main' } }),
      await client.approve({ code: '123456', slot: { ...slot, grid: { cols: 2, rows: 1, col: 2, row: 0 } } }),
      await client.refuse('abc'),
      await client.revoke('../walls'),
      await client.createWall('lobby hall'),
    ];
    for (const res of bad) expect(res.ok || res.error.kind).toBe('invalid-request');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('refuses, revokes (DELETE /displays/:id, 204) and creates walls on the contract paths', async () => {
    const refuse = clientWith(json(200, {}));
    expect((await refuse.client.refuse('123456')).ok).toBe(true);
    expect([refuse.calls[0].url, refuse.calls[0].init.method, JSON.parse(String(refuse.calls[0].init.body))]).toEqual([`${HUB}/api/v1/displays/refuse`, 'POST', { code: '123456' }]);

    const revoke = clientWith(new Response(null, { status: 204 }));
    expect(await revoke.client.revoke('dev-abcdef0123')).toEqual({ ok: true, data: null });
    expect([revoke.calls[0].url, revoke.calls[0].init.method, revoke.calls[0].init.body]).toEqual([`${HUB}/api/v1/displays/dev-abcdef0123`, 'DELETE', undefined]);
    expect(headers(revoke.calls[0].init).authorization).toBe(`Bearer ${TOKEN}`);

    const wall = clientWith(json(201, { wall: 'lobby' }));
    expect((await wall.client.createWall('lobby')).ok).toBe(true);
    expect([wall.calls[0].url, wall.calls[0].init.method, JSON.parse(String(wall.calls[0].init.body))]).toEqual([`${HUB}/api/v1/walls`, 'POST', { wall: 'lobby' }]);
  });

  it("shows the hub's refusals with its own message: 404 no such code, 409, 400", async () => {
    const cases: [number, { error: string; message: string }, string][] = [
      [404, { error: 'no-such-code', message: 'no pending request with code 123456' }, 'not-found'],
      [409, { error: 'too-many-walls', message: 'the hub already serves its maximum of walls' }, 'conflict'],
      [400, { error: 'bad-request', message: 'slot.display: lower-case letters, digits and dashes' }, 'bad-request'],
      [403, { error: 'forbidden', message: 'operators only' }, 'forbidden'],
    ];
    for (const [status, body, kind] of cases) {
      const { client, onUnauthorised, onRejected } = clientWith(json(status, body));
      const res = await client.approve({ code: '123456', slot });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error).toMatchObject({ kind, status, code: body.error });
      expect(res.error.message).toContain(body.message);
      if (status === 409) expect(res.error.message).toBe(`冲突 Conflict: ${body.message}`);
      expect(onUnauthorised).not.toHaveBeenCalled();
      expect(onRejected).not.toHaveBeenCalled();
    }
    const gateway = await clientWith(new Response('Bad Gateway', { status: 502 })).client.revoke('dev-abcdef0123');
    expect(gateway.ok || [gateway.error.kind, gateway.error.message]).toEqual(['server', '中枢出错 Hub error: HTTP 502']);
  });

  it('answers network failures and timeouts without throwing', async () => {
    const down = await clientWith(new TypeError('fetch failed')).client.list();
    expect(down.ok || down.error.kind).toBe('network');
    const slow = await clientWith(new DOMException('The operation timed out', 'TimeoutError')).client.list();
    expect(slow.ok || slow.error.kind).toBe('timeout');
  });

  it('sends nothing without a session', async () => {
    const fetchImpl = vi.fn() as unknown as typeof fetch;
    const client = new DisplaysClient(HUB, { token: () => null, fetch: fetchImpl });
    expect((await client.list()).ok).toBe(false);
    expect((await client.revoke('dev-abcdef0123')).ok).toBe(false);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
