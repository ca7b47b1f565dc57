import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisplaysResponse } from '../../../hub/enrolment.ts';
import type { HubError, Result } from './displays-client.ts';
import { DisplaysDesk, POLL_MS } from './displays-desk.ts';
import { displaysResponse, enrolled } from './displays-fixture.ts';
import { NEW_WALL } from './displays-model.ts';

type Client = ConstructorParameters<typeof DisplaysDesk>[0];

const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const refused = (kind: HubError['kind'], status: number | null, message: string): Result<never> => ({ ok: false, error: { kind, status, message } });

function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function fakeClient(over: Partial<Client> = {}) {
  const base: Client = {
    list: async (): Promise<Result<DisplaysResponse>> => ok(displaysResponse()),
    approve: async () => ok(null),
    refuse: async () => ok(null),
    revoke: async () => ok(null),
    createWall: async () => ok(null),
  };
  const merged = { ...base, ...over };
  return {
    list: vi.fn(merged.list),
    approve: vi.fn(merged.approve),
    refuse: vi.fn(merged.refuse),
    revoke: vi.fn(merged.revoke),
    createWall: vi.fn(merged.createWall),
  };
}

async function loaded(client = fakeClient()) {
  const desk = new DisplaysDesk(client);
  await desk.refresh();
  return { desk, client };
}

afterEach(() => vi.useRealTimers());

describe('displays view', () => {
  it('polls every 2 s while started and visible, and stops when stopped', async () => {
    vi.useFakeTimers();
    let visible = true;
    const client = fakeClient();
    const desk = new DisplaysDesk(client, { visible: () => visible });
    desk.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.list).toHaveBeenCalledTimes(1);
    expect(desk.store.getState().data).toEqual(displaysResponse());
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(client.list).toHaveBeenCalledTimes(3);
    visible = false;
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(client.list).toHaveBeenCalledTimes(3);
    visible = true;
    desk.stop();
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(client.list).toHaveBeenCalledTimes(3);
    expect(POLL_MS).toBe(2_000);
  });

  it('keeps the last good list when a poll fails, says so, and clears it when polls work again', async () => {
    const { desk, client } = await loaded();
    client.list.mockResolvedValueOnce(refused('invalid-response', 200, '中枢应答无效 Invalid answer from the hub: walls: Invalid input'));
    await desk.refresh({ poll: true });
    expect(desk.store.getState().data).toEqual(displaysResponse());
    expect(desk.store.getState().error).toMatchObject({ source: 'list' });
    expect(desk.store.getState().error?.text).toMatch(/Invalid answer from the hub: walls/);
    expect(desk.store.getState().rejected).toBe(1);
    client.list.mockResolvedValueOnce(refused('network', null, '无法连接中枢 Hub unreachable'));
    await desk.refresh({ poll: true });
    expect(desk.store.getState().rejected).toBe(1); // not an answer: not a rejection
    await desk.refresh({ poll: true });
    expect(desk.store.getState().error).toBeNull();
  });

  it('drops a poll answer that arrives after a newer refresh', async () => {
    const slow = later<Result<DisplaysResponse>>();
    const { desk, client } = await loaded();
    client.list.mockReturnValueOnce(slow.promise);
    const poll = desk.refresh({ poll: true });
    await desk.refresh(); // after a step: a fresh answer
    slow.resolve(ok(displaysResponse({ pending: [] })));
    await poll;
    expect(desk.store.getState().data?.pending).toHaveLength(1);
  });

  it('picks a pending row into the form; typed codes work too', async () => {
    const { desk, client } = await loaded();
    desk.pick('123456');
    expect(desk.store.getState().draft).toMatchObject({ code: '123 456', wall: 'main', display: 'left', layout: 'grid', cols: '3', col: '0' });
    desk.resetDraft();
    desk.editDraft({ code: '777 888', wall: 'main', display: 'right' });
    expect(await desk.approve()).toBe(true);
    expect(client.approve).toHaveBeenCalledWith({ code: '777888', slot: { wall: 'main', display: 'right', grid: null } });
  });

  it('shows every field error and sends nothing; errors then follow the edits', async () => {
    const { desk, client } = await loaded();
    desk.editDraft({ code: '12', wall: '', display: 'Left' });
    expect(desk.store.getState().fieldErrors).toEqual({}); // not while first typing
    expect(await desk.approve()).toBe(false);
    expect(Object.keys(desk.store.getState().fieldErrors).sort()).toEqual(['code', 'display', 'wall']);
    desk.editDraft({ code: '123456' });
    expect(Object.keys(desk.store.getState().fieldErrors).sort()).toEqual(['display', 'wall']);
    expect(client.approve).not.toHaveBeenCalled();
  });

  it('asks before replacing an enrolled display, and sends only on the confirm click', async () => {
    const { desk, client } = await loaded();
    desk.editDraft({ code: '123456', wall: 'main', display: 'left', layout: 'grid', cols: '3', rows: '1', col: '0', row: '0' });
    expect(await desk.approve()).toBe(false);
    expect(desk.store.getState().confirm?.replaces.id).toBe('dev-abcdef0123');
    expect(client.approve).not.toHaveBeenCalled();
    // The same plain click again still only asks.
    expect(await desk.approve()).toBe(false);
    expect(client.approve).not.toHaveBeenCalled();
    // An edit withdraws the question: a confirm click for the old form sends nothing.
    desk.editDraft({ col: '0' });
    expect(desk.store.getState().confirm).toBeNull();
    expect(await desk.approve({ confirmed: true })).toBe(false);
    expect(desk.store.getState().confirm).not.toBeNull();
    expect(await desk.approve({ confirmed: true })).toBe(true);
    expect(client.approve).toHaveBeenCalledTimes(1);
    expect(desk.store.getState().notice).toMatch(/dev-abcdef0123 已吊销 revoked/);
    // The form keeps the wall and layout for the next display, and the list is fetched at once.
    expect(desk.store.getState().draft).toMatchObject({ code: '', display: '', wall: 'main', layout: 'grid' });
    expect(client.list).toHaveBeenCalledTimes(2);
  });

  it('asks again when the display holding the slot changes before the confirm click', async () => {
    const { desk, client } = await loaded();
    desk.editDraft({ code: '123456', wall: 'main', display: 'left', layout: 'grid', cols: '3', rows: '1', col: '0', row: '0' });
    await desk.approve();
    client.list.mockResolvedValueOnce(ok(displaysResponse({ enrolled: [enrolled({ id: 'dev-ffffffff99' })] })));
    await desk.refresh();
    expect(await desk.approve({ confirmed: true })).toBe(false);
    expect(desk.store.getState().confirm?.replaces.id).toBe('dev-ffffffff99');
    expect(client.approve).not.toHaveBeenCalled();
  });

  it('will not approve before the list is loaded (it could not see what the slot holds)', async () => {
    const client = fakeClient();
    const desk = new DisplaysDesk(client);
    desk.editDraft({ code: '123456', wall: NEW_WALL, newWall: 'lobby', display: 'a' });
    expect(await desk.approve()).toBe(false);
    expect(desk.store.getState().approveError).toMatch(/has not loaded/);
    expect(client.approve).not.toHaveBeenCalled();
  });

  it("shows the hub's refusal in the form, a missing code next to the code, and refreshes", async () => {
    const { desk, client } = await loaded(fakeClient({ approve: async () => refused('not-found', 404, '未找到 Not found: no pending request with code 654321') }));
    desk.editDraft({ code: '654321', wall: 'main', display: 'right' });
    expect(await desk.approve()).toBe(false);
    const s = desk.store.getState();
    expect(s.approveError).toMatch(/^批准失败 Not approved — 未找到 Not found: no pending request with code 654321/);
    expect(s.fieldErrors.code).toMatch(/^配对码 Pairing code: no display is waiting with 654 321/);
    expect(s.draft.code).toBe('654321'); // kept, to correct
    expect(client.list).toHaveBeenCalledTimes(2);
    client.approve.mockResolvedValueOnce(refused('conflict', 409, '状态已变化 Already changed: code 654321 was already approved'));
    expect(await desk.approve()).toBe(false);
    expect(desk.store.getState().approveError).toMatch(/already approved/);
    expect(desk.store.getState().fieldErrors).toEqual({});
  });

  it('does not send a second approval while one is in flight', async () => {
    const answer = later<Result<null>>();
    const { desk, client } = await loaded(fakeClient({ approve: () => answer.promise }));
    desk.editDraft({ code: '654321', wall: 'main', display: 'right' });
    const first = desk.approve();
    expect(desk.store.getState().approving).toBe(true);
    expect(await desk.approve()).toBe(false);
    answer.resolve(ok(null));
    expect(await first).toBe(true);
    expect(client.approve).toHaveBeenCalledTimes(1);
    expect(desk.store.getState().approving).toBe(false);
  });

  it('refuses a request, clearing it from the form, and refreshes at once', async () => {
    const { desk, client } = await loaded();
    desk.pick('123456');
    expect(await desk.refuse('123456')).toBe(true);
    expect(client.refuse).toHaveBeenCalledWith('123456');
    expect(desk.store.getState().draft.code).toBe('');
    expect(desk.store.getState().notice).toBe('已拒绝 Refused 123 456');
    expect(client.list).toHaveBeenCalledTimes(2);
  });

  it('revokes once at a time and shows a refusal in the banner', async () => {
    const answer = later<Result<null>>();
    const { desk, client } = await loaded(fakeClient({ revoke: () => answer.promise }));
    const first = desk.revoke('dev-abcdef0123');
    expect(desk.store.getState().revoking).toBe('dev-abcdef0123');
    expect(await desk.revoke('dev-abcdef0123')).toBe(false);
    answer.resolve(refused('not-found', 404, '未找到 Not found: no display dev-abcdef0123'));
    expect(await first).toBe(false);
    expect(client.revoke).toHaveBeenCalledTimes(1);
    expect(desk.store.getState().error).toEqual({ source: 'revoke', text: '吊销 Revoke — 未找到 Not found: no display dev-abcdef0123' });
    expect(client.list).toHaveBeenCalledTimes(2);
  });

  it('creates a wall after checking its name, and says why when it cannot', async () => {
    const { desk, client } = await loaded();
    expect(await desk.createWall('main')).toBe(false);
    expect(desk.store.getState().wallError).toMatch(/already exists/);
    expect(await desk.createWall('Lobby')).toBe(false);
    expect(client.createWall).not.toHaveBeenCalled();
    expect(await desk.createWall(' lobby ')).toBe(true);
    expect(client.createWall).toHaveBeenCalledWith('lobby');
    expect(desk.store.getState().wallError).toBeNull();
    client.createWall.mockResolvedValueOnce(refused('conflict', 409, '状态已变化 Already changed: wall annex exists'));
    expect(await desk.createWall('annex')).toBe(false);
    expect(desk.store.getState().wallError).toMatch(/^创建失败 Not created — .*wall annex exists/);
  });

});
