import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleStore } from '../../../store/console-store.ts';
import type { ConsoleClient } from '../console-client.ts';
import { createDisplaysDesk } from './displays-context.ts';
import { displaysResponse } from './displays-fixture.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function runtime() {
  const store = createConsoleStore();
  store.setState({ session: { token: 'operator-token-0123456789', user: 'operator', expiresAt: Date.now() + 3_600_000 } });
  // The console's own sign-out path: it ends the session in the store.
  const signOut = vi.fn(async () => store.setState({ session: null, signInMessage: '已退出 Signed out' }));
  return { store, client: { signOut } as unknown as ConsoleClient, signOut };
}

afterEach(() => vi.unstubAllGlobals());

describe('displays view in the console', () => {
  it('a 401 signs the console out through its own sign-out path, saying why', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: 'token-revoked', message: 'the token was revoked' })));
    const rt = runtime();
    const desk = createDisplaysDesk('http://hub.test', rt);
    await desk.refresh();
    expect(rt.signOut).toHaveBeenCalledTimes(1);
    expect(rt.store.getState().session).toBeNull();
    expect(rt.store.getState().signInMessage).toMatch(/Session no longer valid/);
    // A later call finds no session: nothing is sent, and the console is not signed out twice.
    await desk.refresh();
    expect(rt.signOut).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("counts an invalid answer with the console's rejected payloads and shows it as an error", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { ...displaysResponse(), walls: ['Main'] })));
    const rt = runtime();
    const desk = createDisplaysDesk('http://hub.test', rt);
    await desk.refresh();
    await desk.refresh();
    expect(rt.store.getState().rejected).toBe(2);
    expect(rt.store.getState().lastRejection).toMatch(/^displays: walls\.0/);
    expect(desk.store.getState().data).toBeNull();
    expect(desk.store.getState().error?.source).toBe('list');
    expect(rt.signOut).not.toHaveBeenCalled();
  });
});
