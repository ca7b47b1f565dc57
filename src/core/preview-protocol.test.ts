import { describe, expect, it } from 'vitest';
import { initialWallState, applyCommand } from '../hub/wall-state.ts';
import { MAX_HUB_OFFSET_MS, MirrorStateSchema, ToPreviewSchema } from './preview-protocol.ts';
import { DISPLAY_DESIGN, MAX_MIRROR_CANVAS, fitScale, previewSrc, wallCanvas } from './preview-fit.ts';

const T0 = 1_790_000_000_000;
const TOKEN = 'x'.repeat(32);
const state = applyCommand(initialWallState('main', T0), { type: 'blank', on: true }, T0 + 5);
const good = { type: 'onescreen:wall-state', state, hubOffsetMs: -120, cause: { rev: 1, commandId: 'cmd-00000001', command: { type: 'blank', on: true }, issuedAt: T0 + 5 } };

describe('the mirror messages of the preview protocol', () => {
  it('takes init in mirror mode, and the draft mode as before', () => {
    expect(ToPreviewSchema.parse({ type: 'onescreen:init', hubUrl: 'http://h', token: TOKEN, mode: 'mirror' })).toMatchObject({ mode: 'mirror' });
    expect(ToPreviewSchema.parse({ type: 'onescreen:init', hubUrl: 'http://h', token: TOKEN })).not.toHaveProperty('mode');
    expect(ToPreviewSchema.safeParse({ type: 'onescreen:init', hubUrl: 'http://h', token: TOKEN, mode: 'display' }).success).toBe(false);
  });

  it('takes a wall state checked as the hub contract says, with the offset and an optional cause', () => {
    expect(ToPreviewSchema.parse(good)).toEqual(good);
    const { cause: _, ...bare } = good;
    expect(MirrorStateSchema.parse(bare)).toEqual(bare);
  });

  it('drops a state the contract refuses, an offset beyond a day, a bad cause', () => {
    const bad = (over: Record<string, unknown>) => ToPreviewSchema.safeParse({ ...good, ...over }).success;
    expect(bad({ state: { ...state, rev: -1 } })).toBe(false);
    expect(bad({ state: { ...state, wall: 'Main Wall!' } })).toBe(false);
    expect(bad({ state: { ...state, camera: { center: [500, 0] } } })).toBe(false);
    expect(bad({ state: { ...state, highlight: { point: [106.5, 29.5], label: 'x'.repeat(41) } } })).toBe(false);
    expect(bad({ state: undefined })).toBe(false);
    expect(bad({ hubOffsetMs: MAX_HUB_OFFSET_MS + 1 })).toBe(false);
    expect(bad({ hubOffsetMs: Number.NaN })).toBe(false);
    expect(bad({ hubOffsetMs: '5' })).toBe(false);
    expect(bad({ cause: { ...good.cause, command: { type: 'self-destruct' } } })).toBe(false);
    expect(bad({ cause: { ...good.cause, commandId: '<script>' } })).toBe(false);
  });
});

describe('sizing a wall in a frame', () => {
  it('is 1920×1080 a display, by the wall\'s grid, never above the largest frame', () => {
    expect(wallCanvas()).toEqual(DISPLAY_DESIGN);
    expect(wallCanvas({ cols: 1, rows: 1 })).toEqual({ width: 1920, height: 1080 });
    expect(wallCanvas({ cols: 2, rows: 1 })).toEqual({ width: 3840, height: 1080 });
    expect(wallCanvas({ cols: 4, rows: 2 })).toEqual({ width: 7680, height: 2160 });
    const big = wallCanvas({ cols: 8, rows: 4 });
    expect(big.width).toBeLessThanOrEqual(MAX_MIRROR_CANVAS.width);
    expect(big.height).toBeLessThanOrEqual(MAX_MIRROR_CANVAS.height);
    expect(big.width / big.height).toBeCloseTo((8 * 1920) / (4 * 1080), 2);
    expect(wallCanvas({ cols: 0, rows: Number.NaN })).toEqual(DISPLAY_DESIGN);
  });

  it('fits the frame in a pane, never blown up', () => {
    expect(fitScale({ width: 1920, height: 1080 }, { width: 480, height: 400 })).toBe(0.25);
    expect(fitScale({ width: 1920, height: 1080 }, { width: 0, height: 400 })).toBe(0);
    expect(previewSrc('?anim=0')).toBe('/wall?preview=1&anim=0');
  });
});
