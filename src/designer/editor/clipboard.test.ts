import { describe, expect, it } from 'vitest';
import { copyToClipboard, readClipboard, subscribeClipboard } from './clipboard.ts';
import { weatherScene } from './editor-fixture.ts';

function fakeStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('clipboard', () => {
  it('keeps copied layers and panels in storage, where another tab or scene reads them', () => {
    const storage = fakeStorage();
    const s = weatherScene();
    let told = 0;
    const stop = subscribeClipboard(() => told++);
    copyToClipboard({ layers: s.layers.slice(0, 2), panels: s.panels.slice(0, 1) }, storage);
    stop();
    expect(told).toBe(1);
    const clip = readClipboard(storage);
    expect(clip?.layers).toEqual(s.layers.slice(0, 2));
    expect(clip?.panels).toEqual(s.panels.slice(0, 1));
  });

  it('reads what storage holds as untrusted: anything malformed is no clipboard', () => {
    const storage = fakeStorage();
    expect(readClipboard(storage)).toBeNull();
    for (const bad of ['not json', '{}', JSON.stringify({ v: 1, copiedAt: 1, layers: [{ id: 'X X' }], panels: [] }), JSON.stringify({ v: 1, copiedAt: 1, layers: [], panels: [] })]) {
      storage.data.set('onescreen.designer.clipboard', bad);
      expect(readClipboard(storage), bad).toBeNull();
    }
  });

  it('survives storage that refuses to be written', () => {
    const s = weatherScene();
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    copyToClipboard({ layers: s.layers.slice(0, 1) }, full);
    expect(readClipboard(full)?.layers).toEqual(s.layers.slice(0, 1));
  });
});
