import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lazyCode, onModuleCodeLoaded } from '../core/lazy-code.ts';
import { MODULES, PANEL_KINDS } from './registry.ts';
import { checkScene } from './scene-validation.ts';

const REACT_LAZY = Symbol.for('react.lazy');

describe('lazy scenario modules', () => {
  it('keeps every panel lazy: the registry holds manifests, not panel code', () => {
    expect(PANEL_KINDS.size).toBeGreaterThan(0);
    for (const kind of PANEL_KINDS.values()) {
      expect((kind.component as unknown as { $$typeof?: symbol }).$$typeof, kind.kind).toBe(REACT_LAZY);
    }
  });

  it('validates scenes against the manifests before any module code has loaded', () => {
    const city = MODULES.find((m) => m.id === 'city')!;
    // The city model's builders have not been asked for: nothing has loaded them.
    const base = JSON.parse(readFileSync(new URL('../../scenes/08-city.json', import.meta.url), 'utf8'));
    expect(checkScene(base).ok).toBe(true);
    const unknown = checkScene({ ...base, layers: [{ id: 'm', kind: 'city.statue', visible: true, style: {} }] });
    expect(unknown).toEqual({ ok: false, error: expect.stringContaining('layers.0.kind: unknown layer kind "city.statue"') });
    const badStyle = checkScene({ ...base, layers: [{ id: 'm', kind: 'city.model', visible: true, style: { colour: 'red' } }] });
    expect(badStyle).toEqual({ ok: false, error: expect.stringContaining('layers.0.style.colour: "city.model" has no style "colour"') });
    expect(city.layers.map((l) => l.kind)).toEqual(['city.model', 'city.tileset']);
  });
});

describe('lazyCode', () => {
  it('is null until the code arrives, then tells the twin to rebuild', async () => {
    let resolve!: (v: { n: number }) => void;
    let loads = 0;
    const code = lazyCode(() => (loads++, new Promise<{ n: number }>((r) => (resolve = r))));
    let rebuilt = 0;
    const off = onModuleCodeLoaded(() => rebuilt++);
    expect(code.get()).toBeNull();
    expect(code.get()).toBeNull();
    expect(loads).toBe(1); // one load, however often the twin asks
    resolve({ n: 7 });
    await Promise.resolve();
    await Promise.resolve();
    expect(code.get()).toEqual({ n: 7 });
    expect(rebuilt).toBe(1);
    off();
  });

  it('keeps the error of a failed load and retries on the next get()', async () => {
    let attempt = 0;
    const code = lazyCode(() => (++attempt === 1 ? Promise.reject(new Error('chunk gone')) : Promise.resolve('ok')));
    expect(code.get()).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(code.error()?.message).toBe('chunk gone');
    expect(code.get()).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(code.get()).toBe('ok');
    expect(attempt).toBe(2);
  });
});
