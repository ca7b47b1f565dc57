import { describe, expect, it, vi } from 'vitest';
import { attachInput, type InputDeps } from './input.ts';

function fakeMap() {
  const listeners = new Map<string, Set<(e?: unknown) => void>>();
  return {
    on: (type: string, fn: (e?: unknown) => void) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
    off: (type: string, fn: (e?: unknown) => void) => listeners.get(type)?.delete(fn),
    fire: (type: string, e?: unknown) => listeners.get(type)?.forEach((fn) => fn(e)),
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

function rig(over: Partial<InputDeps> = {}) {
  const map = fakeMap();
  const keys = new EventTarget();
  const deps = {
    map: map as never,
    keys: keys as never,
    ready: () => true,
    pickBuilding: vi.fn(() => null),
    pickDistrict: vi.fn(() => '500103'),
    select: vi.fn(),
    flyToDistrict: vi.fn(),
    flyHome: vi.fn(),
    touched: vi.fn(),
    ...over,
  } satisfies InputDeps;
  const detach = attachInput(deps);
  return { map, keys, deps, detach };
}

const at = (x: number, y: number) => ({ point: { x, y } });
/** A keydown as the window delivers it (the test runs without a DOM). */
const key = (k: string) => Object.assign(new Event('keydown'), { key: k });

describe('twin input', () => {
  it('a tap selects the district under it', () => {
    const r = rig();
    r.map.fire('click', at(10, 20));
    expect(r.deps.pickDistrict).toHaveBeenCalledWith(10, 20);
    expect(r.deps.select).toHaveBeenCalledWith('500103', null);
  });

  it('a tap on a building selects it and its district', () => {
    const r = rig({ pickBuilding: vi.fn(() => ({ index: 42, district: '500105' })) });
    r.map.fire('click', at(1, 1));
    expect(r.deps.select).toHaveBeenCalledWith('500105', 42);
    expect(r.deps.pickDistrict).not.toHaveBeenCalled();
  });

  it('a tap on empty ground clears the selection', () => {
    const r = rig({ pickDistrict: vi.fn(() => null) });
    r.map.fire('click', at(1, 1));
    expect(r.deps.select).toHaveBeenCalledWith(null, null);
  });

  it('a double tap flies to the district; on empty ground it does nothing', () => {
    const r = rig();
    r.map.fire('dblclick', at(5, 5));
    expect(r.deps.flyToDistrict).toHaveBeenCalledWith('500103');
    const empty = rig({ pickDistrict: vi.fn(() => null) });
    empty.map.fire('dblclick', at(5, 5));
    expect(empty.deps.flyToDistrict).not.toHaveBeenCalled();
    expect(empty.deps.select).not.toHaveBeenCalled();
  });

  it('ignores taps before the map has drawn', () => {
    const r = rig({ ready: () => false });
    r.map.fire('click', at(1, 1));
    r.map.fire('dblclick', at(1, 1));
    expect(r.deps.select).not.toHaveBeenCalled();
  });

  it('Home, H and Escape clear the selection and fly home; other keys do nothing', () => {
    const r = rig();
    for (const k of ['Home', 'h', 'Escape']) r.keys.dispatchEvent(key(k));
    r.keys.dispatchEvent(key('x'));
    expect(r.deps.flyHome).toHaveBeenCalledTimes(3);
    expect(r.deps.select).toHaveBeenCalledWith(null, null);
  });

  it('reports touches, and detaches every listener', () => {
    const r = rig();
    r.map.fire('wheel');
    r.map.fire('touchstart');
    expect(r.deps.touched).toHaveBeenCalledTimes(2);
    r.detach();
    expect(r.map.count()).toBe(0);
    r.keys.dispatchEvent(key('Home'));
    expect(r.deps.flyHome).not.toHaveBeenCalled();
  });
});
