import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OFFLINE_AFTER_MS, connectionActions, createConnectionStore } from './connection-store.ts';

describe('connection store', () => {
  it('starts connecting with no data', () => {
    expect(createConnectionStore().getState()).toEqual({ status: 'connecting', dataTime: null, lostAt: null, simulated: false });
  });

  it('goes live → reconnecting → offline (after OFFLINE_AFTER_MS) → live', () => {
    const store = createConnectionStore();
    const conn = connectionActions(store);
    conn.connected();
    expect(store.getState()).toMatchObject({ status: 'live', lostAt: null });

    const t = 1_000_000;
    conn.lost(t);
    expect(store.getState()).toMatchObject({ status: 'reconnecting', lostAt: t });

    conn.tick(t + OFFLINE_AFTER_MS - 1);
    expect(store.getState().status).toBe('reconnecting');

    // Further failures while reconnecting keep the first loss time.
    conn.lost(t + 2000);
    expect(store.getState().lostAt).toBe(t);

    conn.tick(t + OFFLINE_AFTER_MS);
    expect(store.getState().status).toBe('offline');

    conn.connected();
    expect(store.getState()).toMatchObject({ status: 'live', lostAt: null });

    // A tick while live changes nothing, however late.
    conn.tick(t + 10 * OFFLINE_AFTER_MS);
    expect(store.getState().status).toBe('live');

    // A new loss is timed from its own start.
    conn.lost(t + 100_000);
    conn.tick(t + 100_000 + OFFLINE_AFTER_MS - 1);
    expect(store.getState()).toMatchObject({ status: 'reconnecting', lostAt: t + 100_000 });
  });

  it('stays offline when another retry fails (no flicker back to reconnecting)', () => {
    const store = createConnectionStore();
    const conn = connectionActions(store);
    conn.connected();
    conn.lost(0);
    conn.tick(OFFLINE_AFTER_MS + 1);
    expect(store.getState().status).toBe('offline');
    conn.lost(OFFLINE_AFTER_MS + 3000); // the next connect_error of socket.io's retry loop
    expect(store.getState()).toMatchObject({ status: 'offline', lostAt: 0 });
  });

  it('from connecting, a failed first connection is reconnecting, then offline', () => {
    const store = createConnectionStore();
    const conn = connectionActions(store);
    conn.tick(1e12);
    expect(store.getState().status).toBe('connecting');
    conn.lost(50);
    expect(store.getState().status).toBe('reconnecting');
    conn.tick(50 + OFFLINE_AFTER_MS);
    expect(store.getState().status).toBe('offline');
  });

  it('dataTime only moves forward; simulated is set only when given', () => {
    const store = createConnectionStore();
    const conn = connectionActions(store);
    conn.data(2000, true);
    expect(store.getState()).toMatchObject({ dataTime: 2000, simulated: true });
    conn.data(1500);
    expect(store.getState()).toMatchObject({ dataTime: 2000, simulated: true });
    conn.data(2500, false);
    expect(store.getState()).toMatchObject({ dataTime: 2500, simulated: false });
    conn.data(2400, true); // older data still reports whether the hub is simulated
    expect(store.getState()).toMatchObject({ dataTime: 2500, simulated: true });
  });

  it('dataTime is the running maximum of any sequence of data times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 45 }), { minLength: 1, maxLength: 50 }), (times) => {
        const store = createConnectionStore();
        const conn = connectionActions(store);
        let max = -Infinity;
        for (const t of times) {
          conn.data(t);
          max = Math.max(max, t);
          expect(store.getState().dataTime).toBe(max);
        }
      }),
    );
  });
});
