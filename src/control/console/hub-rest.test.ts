import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { whileBusy } from './hub-rest.ts';

describe('whileBusy', () => {
  it('holds the flag up while the step runs and takes it down however the step ends', async () => {
    const store = createStore<{ busy: string | null }>(() => ({ busy: null }));
    const seen: (string | null)[] = [];
    expect(await whileBusy(store, { busy: 'x' }, { busy: null }, async () => (seen.push(store.getState().busy), 7))).toBe(7);
    expect(seen).toEqual(['x']);
    expect(store.getState().busy).toBeNull();
    await expect(whileBusy(store, { busy: 'y' }, { busy: null }, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(store.getState().busy).toBeNull();
  });
});
