import { afterEach, describe, expect, it, vi } from 'vitest';
import { DesignerSession } from './designer-session.ts';
import { HUB, TOKEN, fakeFetch, json } from './designer-fixture.ts';

function memory() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

afterEach(() => vi.useRealTimers());

describe('designer session', () => {
  it('signs in at /auth/designer and keeps a designer token for this tab', async () => {
    const storage = memory();
    const { fetchImpl, calls } = fakeFetch(json(200, { token: TOKEN, role: 'designer', expiresAt: Date.now() + 3_600_000 }));
    const s = new DesignerSession(HUB, { storage, fetch: fetchImpl });
    expect(await s.signIn('designer', 'onescreen')).toBeNull();
    expect(calls[0]).toMatchObject({ url: `${HUB}/api/v1/auth/designer`, method: 'POST', body: { user: 'designer', password: 'onescreen' } });
    expect(s.store.getState().session).toMatchObject({ token: TOKEN, user: 'designer' });
    expect(JSON.parse(storage.map.get('onescreen.designer.session')!).token).toBe(TOKEN);
    const again = new DesignerSession(HUB, { storage, fetch: fetchImpl });
    again.resume();
    expect(again.store.getState().session?.token).toBe(TOKEN);
    s.close();
    again.close();
  });

  it('refuses a wrong password, a non-designer token and a malformed answer, in words', async () => {
    const cases: [Response, RegExp][] = [
      [json(401, { error: 'unauthorised', message: 'no' }), /Wrong user or password/],
      [json(429, { error: 'rate-limited', message: 'slow down' }), /Too many attempts/],
      [json(200, { token: TOKEN, role: 'operator', expiresAt: Date.now() + 1000 }), /operator token, not a designer's/],
      [json(200, { token: 'short', role: 'designer', expiresAt: Date.now() + 1000 }), /invalid token/],
      [json(500, { error: 'server', message: 'disk full' }), /HTTP 500 disk full/],
    ];
    for (const [answer, words] of cases) {
      const { fetchImpl } = fakeFetch(answer);
      const s = new DesignerSession(HUB, { storage: memory(), fetch: fetchImpl });
      expect(await s.signIn('designer', 'x')).toMatch(words);
      expect(s.store.getState().session).toBeNull();
    }
  });

  it('returns to sign-in, saying why, when the token expires; an expired kept session is dropped', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const storage = memory();
    const { fetchImpl } = fakeFetch(json(200, { token: TOKEN, role: 'designer', expiresAt: 1_000_000 + 60_000 }));
    const s = new DesignerSession(HUB, { storage, fetch: fetchImpl });
    await s.signIn('designer', 'onescreen');
    vi.advanceTimersByTime(59_000);
    expect(s.store.getState().session).not.toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(s.store.getState()).toEqual({ session: null, signInMessage: '登录已过期，请重新登录 Session expired: sign in again' });
    expect(storage.map.size).toBe(0);

    storage.setItem('onescreen.designer.session', JSON.stringify({ token: TOKEN, user: 'd', expiresAt: 1 }));
    const late = new DesignerSession(HUB, { storage, fetch: fetchImpl });
    late.resume();
    expect(late.store.getState().session).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('signing out forgets the token and revokes it at the hub', async () => {
    const { fetchImpl, calls } = fakeFetch(json(200, { token: TOKEN, role: 'designer', expiresAt: Date.now() + 60_000 }), new Response(null, { status: 204 }));
    const s = new DesignerSession(HUB, { storage: memory(), fetch: fetchImpl });
    await s.signIn('designer', 'onescreen');
    await s.signOut();
    expect(s.store.getState().session).toBeNull();
    expect(calls[1]).toMatchObject({ url: `${HUB}/api/v1/auth/revoke`, headers: { authorization: `Bearer ${TOKEN}` } });
  });
});
