import { describe, expect, it } from 'vitest';
import type { WallStatus } from '../../../hub/control.ts';
import { applyCommand, initialWallState } from '../../../hub/wall-state.ts';
import { MAX_HUB_OFFSET_MS } from '../../../core/preview-protocol.ts';
import { MIRROR_HIDDEN_KEY, MirrorLink, mirrorMessage, readMirrorHidden, wallGrid, writeMirrorHidden, type MirrorTarget } from './mirror-link.ts';

const ORIGIN = 'http://console.test';
const TOKEN = 'operator-token-0123456789';
const T0 = 1_790_000_000_000;

function status(rev = 0): WallStatus {
  let state = initialWallState('main', T0);
  const log: WallStatus['log'] = [];
  for (let r = 1; r <= rev; r++) {
    const command = { type: 'blank', on: r % 2 === 1 } as const;
    state = applyCommand(state, command, T0 + r);
    log.unshift({ id: `cmd-0000000${r}`, wall: 'main', rev: r, command, by: 'operator', issuedAt: T0 + r, expected: [], acks: {}, timedOut: [], status: 'applied' });
  }
  return { state, displays: [], log };
}

function setup(token: string | null = TOKEN) {
  const sent: unknown[] = [];
  const frame: MirrorTarget = { postMessage: (m) => sent.push(m) };
  let current = token;
  const link = new MirrorLink({ origin: ORIGIN, hubUrl: 'http://hub.test', token: () => current });
  link.attach(frame);
  const from = (data: unknown, over: Partial<{ origin: string; source: unknown }> = {}) => link.receive({ origin: ORIGIN, source: frame, data, ...over });
  return { link, sent, from, types: () => sent.map((m) => (m as { type: string }).type), setToken: (t: string | null) => (current = t) };
}

describe('mirrorMessage', () => {
  it('carries the state, the offset, and the command that made its rev', () => {
    const w = status(2);
    expect(mirrorMessage(w, 40)).toEqual({ type: 'onescreen:wall-state', state: w.state, hubOffsetMs: 40, cause: { rev: 2, commandId: 'cmd-00000002', command: { type: 'blank', on: false }, issuedAt: T0 + 2 } });
    expect(mirrorMessage(status(0), 0)).not.toHaveProperty('cause');
    // A log that lags the state says nothing of its rev.
    expect(mirrorMessage({ ...w, log: w.log.slice(1) }, 0)).not.toHaveProperty('cause');
    expect(mirrorMessage(w, 1e12).hubOffsetMs).toBe(MAX_HUB_OFFSET_MS);
    expect(mirrorMessage(w, Number.NaN).hubOffsetMs).toBe(0);
  });
});

describe('wallGrid', () => {
  it('is the grid the displays report, 1 × 1 without', () => {
    expect(wallGrid(null)).toEqual({ cols: 1, rows: 1 });
    const d = (grid?: { cols: number; rows: number; col: number; row: number }) => ({ display: 'd', grid, connectedAt: T0, ackRev: 0, ackAt: null, lagMs: null });
    expect(wallGrid({ displays: [d()] })).toEqual({ cols: 1, rows: 1 });
    expect(wallGrid({ displays: [d({ cols: 2, rows: 1, col: 0, row: 0 }), d({ cols: 2, rows: 1, col: 1, row: 0 })] })).toEqual({ cols: 2, rows: 1 });
  });
});

describe('the hide choice', () => {
  it('is remembered, and a refusing storage shows the miniature', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(readMirrorHidden(storage)).toBe(false);
    writeMirrorHidden(storage, true);
    expect(map.get(MIRROR_HIDDEN_KEY)).toBe('1');
    expect(readMirrorHidden(storage)).toBe(true);
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readMirrorHidden(refusing)).toBe(false);
    expect(() => writeMirrorHidden(refusing, true)).not.toThrow();
    expect(readMirrorHidden(null)).toBe(false);
  });
});

describe('MirrorLink', () => {
  it('waits for ready, then sends init in mirror mode and the wall it holds, then each state', () => {
    const t = setup();
    t.link.sendWall(status(1), 10);
    expect(t.sent).toEqual([]);
    t.from({ type: 'onescreen:ready' });
    expect(t.sent[0]).toEqual({ type: 'onescreen:init', hubUrl: 'http://hub.test', token: TOKEN, mode: 'mirror' });
    expect(t.sent[1]).toMatchObject({ type: 'onescreen:wall-state', hubOffsetMs: 10, state: { rev: 1 } });
    t.link.sendWall(status(2), 12);
    expect(t.sent[2]).toMatchObject({ type: 'onescreen:wall-state', hubOffsetMs: 12, state: { rev: 2 }, cause: { rev: 2 } });
    expect(t.link.store.getState().live).toBe(true);
  });

  it('hears only its frame, of its origin, saying ready', () => {
    const t = setup();
    t.from({ type: 'onescreen:ready' }, { origin: 'http://evil.example' });
    t.from({ type: 'onescreen:ready' }, { source: {} });
    t.from({ type: 'onescreen:camera', camera: { center: [106.5, 29.5], zoom: 12, pitch: 0, bearing: 0 } });
    t.from('onescreen:ready');
    expect(t.sent).toEqual([]);
  });

  it('inits when a token comes, passes a renewed one, and starts over with a new frame', () => {
    const t = setup(null);
    t.from({ type: 'onescreen:ready' });
    expect(t.sent).toEqual([]);
    t.setToken(TOKEN);
    t.link.sendToken(TOKEN);
    expect(t.types()).toEqual(['onescreen:init']);
    t.link.sendToken(`${TOKEN}-renewed`);
    expect(t.sent.at(-1)).toEqual({ type: 'onescreen:token', token: `${TOKEN}-renewed` });
    t.link.attach(null);
    t.link.sendWall(status(1), 0);
    expect(t.types()).toEqual(['onescreen:init', 'onescreen:token']);
  });

  it('sends nothing the preview would drop', () => {
    const t = setup();
    t.from({ type: 'onescreen:ready' });
    const w = status(0);
    t.link.sendWall({ ...w, state: { ...w.state, rev: -3 } }, 0);
    expect(t.types()).toEqual(['onescreen:init']);
  });
});
