import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDiagnosticsStore } from '../store/diagnostics-store.ts';
import { DisplayToken } from './display-token.ts';
import { HubRest } from './rest.ts';

const CREDENTIAL = `dev-abcd1234.${'s'.repeat(40)}`;

function withHub(reply: () => { status: number; body: unknown }) {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    const r = reply();
    return new Response(JSON.stringify(r.body), { status: r.status });
  });
  const diagnostics = createDiagnosticsStore();
  return { rest: new HubRest('http://hub.test', diagnostics), diagnostics, bodies };
}

afterEach(() => vi.unstubAllGlobals());

describe('DisplayToken', () => {
  it('trades the device credential, and nothing else, for a display token', async () => {
    const { rest, bodies } = withHub(() => ({ status: 200, body: { token: 't'.repeat(40), role: 'display', expiresAt: Date.now() + 3600_000 } }));
    const token = new DisplayToken(rest, CREDENTIAL);
    expect(await token.current()).toBe('t'.repeat(40));
    expect(bodies).toEqual([{ credential: CREDENTIAL }]);
    // Held until refused or near expiry.
    expect(await token.current()).toBe('t'.repeat(40));
    expect(bodies).toHaveLength(1);
  });

  it('401 not-enrolled: tells its owner once, and asks the hub no more', async () => {
    const { rest, diagnostics, bodies } = withHub(() => ({ status: 401, body: { error: 'not-enrolled', message: 'this display is not enrolled' } }));
    const onNotEnrolled = vi.fn();
    const token = new DisplayToken(rest, CREDENTIAL, onNotEnrolled);
    expect(await token.current()).toBe('');
    token.refused();
    expect(await token.current()).toBe('');
    expect(onNotEnrolled).toHaveBeenCalledTimes(1);
    expect(bodies).toHaveLength(1);
    expect(diagnostics.getState().lastError).toMatch(/HTTP 401 not-enrolled/);
  });

  it('other refusals (429, 401 of another kind) are retried later, not taken for a revocation', async () => {
    let status = 429;
    const { rest } = withHub(() => ({ status, body: { error: status === 429 ? 'rate-limited' : 'unauthorised', message: 'no' } }));
    const onNotEnrolled = vi.fn();
    const token = new DisplayToken(rest, CREDENTIAL, onNotEnrolled);
    expect(await token.current()).toBe('');
    status = 401;
    expect(await token.current()).toBe('');
    expect(onNotEnrolled).not.toHaveBeenCalled();
  });

  it('an operator token where a display token was asked for is rejected', async () => {
    const { rest, diagnostics } = withHub(() => ({ status: 200, body: { token: 't'.repeat(40), role: 'operator', expiresAt: Date.now() + 3600_000 } }));
    expect(await new DisplayToken(rest, CREDENTIAL).current()).toBe('');
    expect(diagnostics.getState().rejected).toBe(1);
  });
});
