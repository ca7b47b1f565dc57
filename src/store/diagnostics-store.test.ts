import { describe, expect, it } from 'vitest';
import { createDiagnosticsStore, diagnosticsActions } from './diagnostics-store.ts';

describe('diagnostics store', () => {
  it('counts accepted and rejected payloads', () => {
    const store = createDiagnosticsStore();
    const diag = diagnosticsActions(store);
    diag.accepted();
    diag.accepted();
    diag.rejected('rest', 'GET /overview rejected: seq: too small', 10);
    expect(store.getState()).toEqual({
      accepted: 2,
      rejected: 1,
      dropped: 0,
      shed: 0,
      shedAt: null,
      shedSecond: { start: 0, count: 0 },
      lastError: 'rest: GET /overview rejected: seq: too small',
      recentErrors: [{ time: 10, source: 'rest', message: 'GET /overview rejected: seq: too small' }],
    });
  });

  it('counts live frames dropped while the decoder was busy, apart from rejections', () => {
    const store = createDiagnosticsStore();
    diagnosticsActions(store).dropped();
    expect(store.getState()).toMatchObject({ dropped: 1, rejected: 0, lastError: null });
  });

  it('counts live events shed in a flood and when, apart from rejections and drops', () => {
    const store = createDiagnosticsStore();
    const diag = diagnosticsActions(store);
    diag.shed(4999, 1000);
    expect(store.getState()).toMatchObject({ shed: 4999, shedAt: 1000, rejected: 0, dropped: 0, lastError: null });
    diag.shed(1, 2000);
    // One shed event now and then is no flood: the time of the last flood stays.
    expect(store.getState()).toMatchObject({ shed: 5000, shedAt: 1000 });
    for (let t = 3000; t < 3200; t += 10) diag.shed(1, t);
    expect(store.getState()).toMatchObject({ shed: 5020, shedAt: 3190 });
    expect(store.getState().recentErrors).toEqual([]);
  });

  it('keeps only the 20 newest errors, newest first, while counting all of them', () => {
    const store = createDiagnosticsStore();
    const diag = diagnosticsActions(store);
    for (let i = 0; i < 25; i++) diag.rejected('live/overview', `bad ${i}`, 1000 + i);
    const s = store.getState();
    expect(s.rejected).toBe(25);
    expect(s.recentErrors).toHaveLength(20);
    expect(s.recentErrors.map((e) => e.message)).toEqual(Array.from({ length: 20 }, (_, i) => `bad ${24 - i}`));
    expect(s.recentErrors[0].time).toBe(1024);
    expect(s.lastError).toBe('live/overview: bad 24');
  });

  it('error() shows a non-payload error without counting it or listing it', () => {
    const store = createDiagnosticsStore();
    const diag = diagnosticsActions(store);
    diag.rejected('rest', 'x', 1);
    diag.error('socket', 'disconnected (transport close)');
    expect(store.getState()).toMatchObject({ rejected: 1, lastError: 'socket: disconnected (transport close)' });
    expect(store.getState().recentErrors).toHaveLength(1);
  });
});
