import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { loadRuntimeConfig, readFlags, withSlot } from './runtime-config.ts';

describe('readFlags grid', () => {
  it('absent: a single-display wall, no error', () => {
    const f = readFlags('?wall=main');
    expect(f.grid).toEqual({ cols: 1, rows: 1, col: 0, row: 0 });
    expect(f.gridError).toBeNull();
  });

  it('reads the display’s cell', () => {
    const f = readFlags('?wall=main&display=left&grid=3x1&col=0&row=0');
    expect(f.grid).toEqual({ cols: 3, rows: 1, col: 0, row: 0 });
    expect(f.gridError).toBeNull();
    expect(readFlags('?grid=2x2&col=1&row=1').grid).toEqual({ cols: 2, rows: 2, col: 1, row: 1 });
    expect(readFlags('?grid=3x1&col=2').grid).toEqual({ cols: 3, rows: 1, col: 2, row: 0 });
  });

  it.each([
    ['?grid=3&col=0', /expected <cols>x<rows>/],
    ['?grid=3x1&col=3&row=0', /cell outside the grid/],
    ['?grid=3x1&col=-1', /col/],
    ['?grid=3x1&col=a', /col/],
    ['?grid=0x1', /cols/],
    ['?grid=9x1', /cols/],
    ['?grid=3x5', /rows/],
  ])('%s: a single-display wall and a clear reason', (search, reason) => {
    const f = readFlags(search);
    expect(f.grid).toEqual({ cols: 1, rows: 1, col: 0, row: 0 });
    expect(f.gridError).toMatch(reason);
  });

  it('never throws and never yields a cell outside its grid, whatever the URL', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (grid, col, row) => {
        const q = new URLSearchParams({ grid, col, row });
        const f = readFlags(`?${q}`);
        expect(f.grid.col).toBeLessThan(f.grid.cols);
        expect(f.grid.row).toBeLessThan(f.grid.rows);
        expect(f.gridError === null || f.gridError.length < 200).toBe(true);
      }),
    );
  });
});

describe('withSlot', () => {
  it('the approved slot replaces the URL’s wall, display and cell', () => {
    const f = withSlot(readFlags('?wall=main&display=0&grid=3x1&col=0&diag=1'), { wall: 'lobby', display: 'c', grid: { cols: 2, rows: 1, col: 1, row: 0 } });
    expect(f).toMatchObject({ wall: 'lobby', display: 'c', grid: { cols: 2, rows: 1, col: 1, row: 0 }, gridError: null, diag: true });
  });

  it('a null grid is a single display', () => {
    const f = withSlot(readFlags('?grid=3x1&col=2'), { wall: 'main', display: '0', grid: null });
    expect(f.grid).toEqual({ cols: 1, rows: 1, col: 0, row: 0 });
  });
});

describe('loadRuntimeConfig', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes only the hub’s address: a key that an old server still hands out is dropped', async () => {
    vi.stubGlobal('location', { protocol: 'http:', hostname: 'wall.test' });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ hubUrl: 'http://hub.test:8787', displayKey: 'secret' })));
    expect(await loadRuntimeConfig()).toEqual({ hubUrl: 'http://hub.test:8787' });
  });

  it('falls back to the page’s host on port 8787', async () => {
    vi.stubGlobal('location', { protocol: 'https:', hostname: 'wall.test' });
    vi.stubGlobal('fetch', async () => new Response('not json'));
    expect(await loadRuntimeConfig()).toEqual({ hubUrl: 'https://wall.test:8787' });
  });
});
