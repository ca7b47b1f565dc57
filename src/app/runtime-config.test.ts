import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFlags } from './runtime-config.ts';

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
