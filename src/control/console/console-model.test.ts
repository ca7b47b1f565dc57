import { describe, expect, it } from 'vitest';
import type { CommandLogEntry, WallStatus } from '../../hub/control.ts';
import { createConsoleStore, MAX_SENT } from '../../store/console-store.ts';
import { initialWallState } from '../../hub/wall-state.ts';
import { checkCommand, commandSent, describeCommand, logRows, newCommandId, receiptReceived, sessionEnded, wallLayers, wallsUpdated } from './console-model.ts';

const T = 1_790_000_000_000;
const wall = (id: string, log: CommandLogEntry[] = [], rev = log.length): WallStatus => ({
  state: { ...initialWallState(id, T), rev },
  displays: [],
  log,
});
const entry = (over: Partial<CommandLogEntry>): CommandLogEntry => ({
  id: 'cmd-00000001',
  wall: 'main',
  rev: 1,
  command: { type: 'scene', scene: 'weather' },
  by: 'operator',
  issuedAt: T,
  expected: ['a', 'b'],
  acks: {},
  timedOut: [],
  status: 'pending',
  ...over,
});
const lookups = {
  scenes: [{ id: 'weather', title: '智慧气象', titleEn: 'Smart Weather', layers: [{ id: 'rain', kind: 'weather.rain', visible: true }, { id: 'stations', kind: 'weather.stations', visible: false }], tours: [] }],
  districts: [{ code: '500103', name: '渝中区', nameEn: 'Yuzhong', center: [106.57, 29.55] as [number, number] }],
};

describe('console model', () => {
  it('keeps the selected wall across updates, and picks main (else the first) when it has none or it went away', () => {
    const store = createConsoleStore();
    store.setState(wallsUpdated(store.getState(), { walls: [wall('lobby'), wall('main')], hubTime: T + 500 }, T));
    expect(store.getState().selectedWall).toBe('main');
    expect(store.getState().hubOffsetMs).toBe(500);
    store.setState({ selectedWall: 'lobby' });
    store.setState(wallsUpdated(store.getState(), { walls: [wall('main'), wall('lobby')], hubTime: T }, T));
    expect(store.getState().selectedWall).toBe('lobby');
    store.setState(wallsUpdated(store.getState(), { walls: [wall('side')], hubTime: T }, T));
    expect(store.getState().selectedWall).toBe('side');
    store.setState(wallsUpdated(store.getState(), { walls: [], hubTime: T }, T));
    expect(store.getState().selectedWall).toBeNull();
  });

  it('records receipts, says why a command was refused, and keeps a bounded history', () => {
    const store = createConsoleStore();
    for (let i = 0; i < MAX_SENT + 20; i++)
      store.setState(commandSent(store.getState(), { id: `id-${i}-xxxxxx`, wall: 'main', command: { type: 'reload' }, sentAt: T + i, receipt: null }));
    expect(store.getState().sent).toHaveLength(MAX_SENT);
    expect(store.getState().sent[0].id).toBe(`id-${MAX_SENT + 19}-xxxxxx`);
    store.setState(receiptReceived(store.getState(), `id-${MAX_SENT + 19}-xxxxxx`, { ok: false, error: 'rate-limited', message: 'too fast' }));
    expect(store.getState().sent[0].receipt).toEqual({ ok: false, error: 'rate-limited', message: 'too fast' });
    expect(store.getState().notice?.text).toMatch(/Refused \(rate-limited\): too fast/);
  });

  it('forgets everything of a session that ended, keeping only why', () => {
    const state = { ...createConsoleStore().getState(), session: { token: 'x'.repeat(20), user: 'op', expiresAt: T }, walls: [wall('main')] };
    expect({ ...state, ...sessionEnded('Session expired') }).toMatchObject({ session: null, walls: [], link: 'signed-out', signInMessage: 'Session expired' });
  });

  it('merges the hub log with this console’s refused and unanswered commands, newest first, with per-display outcomes', () => {
    const hubLog = [
      entry({ id: 'cmd-00000002', rev: 2, issuedAt: T + 2000, status: 'partial', acks: { a: { at: T + 2100, ok: true } }, timedOut: ['b'] }),
      entry({ id: 'cmd-00000001', rev: 1, issuedAt: T, status: 'failed', acks: { a: { at: T + 100, ok: false, error: 'no scene' }, b: { at: T + 90, ok: true } } }),
    ];
    const rows = logRows(wall('main', hubLog), [
      { id: 'cmd-00000002', wall: 'main', command: { type: 'scene', scene: 'weather' }, sentAt: T + 1990, receipt: { ok: true, rev: 2, expected: ['a', 'b'] } },
      { id: 'refused-0001', wall: 'main', command: { type: 'reload' }, sentAt: T + 3000, receipt: { ok: false, error: 'unauthorised', message: 'token revoked' } },
      { id: 'waiting-0001', wall: 'main', command: { type: 'reload' }, sentAt: T + 2500, receipt: null },
      { id: 'otherwall-01', wall: 'lobby', command: { type: 'reload' }, sentAt: T + 4000, receipt: null },
    ]);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['refused-0001', 'refused'],
      ['waiting-0001', 'sending'],
      ['cmd-00000002', 'partial'],
      ['cmd-00000001', 'failed'],
    ]);
    expect(rows[0].message).toBe('unauthorised: token revoked');
    expect(rows[2].displays).toEqual([
      { display: 'a', state: 'ok' },
      { display: 'b', state: 'timeout' },
    ]);
    expect(rows[3].displays[0]).toEqual({ display: 'a', state: 'failed', error: 'no scene' });
  });

  it('describes commands in Chinese with English, naming scenes and districts', () => {
    expect(describeCommand({ type: 'scene', scene: 'weather' }, lookups)).toBe('场景 Scene → 智慧气象 Smart Weather');
    expect(describeCommand({ type: 'fly', to: { district: '500103' } }, lookups)).toBe('飞往 Fly → 渝中区 Yuzhong');
    expect(describeCommand({ type: 'fly', to: null }, lookups)).toMatch(/Home/);
    expect(describeCommand({ type: 'time', time: { mode: 'playback', at: Date.UTC(2026, 10, 20, 13, 30) } }, lookups)).toMatch(/回放 Playback 2026\/11\/20 21:30/);
    expect(describeCommand({ type: 'highlight', target: { point: [106.577, 29.559], label: '解放碑' } }, lookups)).toBe('高亮 Highlight → 解放碑 106.5770, 29.5590');
    expect(describeCommand({ type: 'reload', display: 'b' }, lookups)).toMatch(/display b/);
  });

  it('checks operator input with the hub’s schema before sending', () => {
    expect(checkCommand({ type: 'fly', to: { center: [106.5, 29.5], zoom: 12 } }).ok).toBe(true);
    const bad = checkCommand({ type: 'fly', to: { center: [Number.NaN, 29.5] } });
    expect(bad.ok).toBe(false);
    expect(checkCommand({ type: 'fly', to: { center: [106.5, 95] } }).ok).toBe(false);
    expect(checkCommand({ type: 'highlight', target: { point: [106.5, 29.5], label: 'x'.repeat(41) } }).ok).toBe(false);
    expect(checkCommand({ type: 'scene', scene: 'Not A Scene' }).ok).toBe(false);
  });

  it('offers the layers of the wall’s current scene with their visibility now', () => {
    const w = wall('main');
    w.state = { ...w.state, scene: 'weather', layers: { rain: false } };
    expect(wallLayers(w, lookups.scenes)).toEqual([
      { id: 'rain', kind: 'weather.rain', visible: false },
      { id: 'stations', kind: 'weather.stations', visible: false },
    ]);
    w.state = { ...w.state, scene: 'gone' };
    expect(wallLayers(w, lookups.scenes)).toEqual([]);
  });

  it('makes command ids the hub accepts', () => {
    const id = newCommandId();
    expect(id).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(newCommandId()).not.toBe(id);
  });
});
