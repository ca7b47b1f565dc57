import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localHour } from './climate.ts';
import { toKm, toLonLat } from './relief.ts';
import { birthRate, cellRateAt, cellsOfSlot, fillRainGrid, lifeEnvelope, liveCells, meanMotion, rateAt, valueNoise } from './storms.ts';

const HOUR = 3_600_000;
const JULY = Date.UTC(2024, 6, 1) - 8 * HOUR; // local midnight, 1 July
const JANUARY = Date.UTC(2024, 0, 10) - 8 * HOUR;

describe('rain cells', () => {
  it('are deterministic from the seed and differ between seeds', () => {
    const slot = Math.floor(JULY / HOUR) + 15;
    expect(cellsOfSlot(3, slot)).toEqual(cellsOfSlot(3, slot));
    const a = Array.from({ length: 24 }, (_, i) => cellsOfSlot(3, slot + i)).flat();
    const b = Array.from({ length: 24 }, (_, i) => cellsOfSlot(4, slot + i)).flat();
    expect(a.map((c) => c.peakMmh)).not.toEqual(b.map((c) => c.peakMmh));
  });

  it('move at 30–70 km/h, mostly from the south-west toward the north-east', () => {
    const cells = Array.from({ length: 24 * 30 }, (_, i) => cellsOfSlot(11, Math.floor(JULY / HOUR) + i)).flat();
    expect(cells.length).toBeGreaterThan(300);
    let northEastward = 0;
    for (const c of cells) {
      const speed = Math.hypot(c.vx, c.vy);
      expect(speed).toBeGreaterThanOrEqual(30 - 1e-9);
      expect(speed).toBeLessThanOrEqual(70 + 1e-9);
      if (c.vx > 0 && c.vy > 0) northEastward += 1;
    }
    expect(northEastward / cells.length).toBeGreaterThan(0.75);
  });

  it('are born more in the afternoon than in the morning, and more in summer than in winter', () => {
    const births = (start: number, hour: number) =>
      Array.from({ length: 60 }, (_, d) => cellsOfSlot(5, Math.floor((start + d * 24 * HOUR) / HOUR) + hour).length).reduce((a, b) => a + b, 0);
    expect(births(JULY, 15)).toBeGreaterThan(1.8 * births(JULY, 9));
    expect(births(JULY, 15)).toBeGreaterThan(2 * births(JANUARY, 15));
    expect(birthRate(5, JULY + 15.5 * HOUR)).toBeGreaterThan(birthRate(5, JULY + 9 * HOUR));
  });

  it('grow quickly and decay slowly (envelope 0 at birth and death, 1 at 30 %)', () => {
    expect(lifeEnvelope(0)).toBe(0);
    expect(lifeEnvelope(1)).toBe(0);
    expect(lifeEnvelope(0.3)).toBeCloseTo(1, 9);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [x, y] = a < b ? [a, b] : [b, a];
        if (y <= 0.3) expect(lifeEnvelope(y)).toBeGreaterThanOrEqual(lifeEnvelope(x));
        if (x >= 0.3) expect(lifeEnvelope(y)).toBeLessThanOrEqual(lifeEnvelope(x));
      }),
    );
  });

  it('drift: a cell is where its velocity takes it', () => {
    const cells = liveCells(9, JULY + 16 * HOUR);
    expect(cells.length).toBeGreaterThan(0);
    const c = cells[0];
    const later = liveCells(9, JULY + 16 * HOUR + 10 * 60_000).find((l) => l.cell.id === c.cell.id);
    if (later) {
      expect(later.cx - c.cx).toBeCloseTo(c.cell.vx / 6, 6);
      expect(later.cy - c.cy).toBeCloseTo(c.cell.vy / 6, 6);
    }
  });

  it('fill a grid with the rain rate at every cell centre', () => {
    const t = JULY + 15 * HOUR;
    const cells = liveCells(2, t);
    const bbox: [number, number, number, number] = [105.2, 28.1, 110.3, 32.3];
    const [cols, rows] = [24, 20];
    const grid = new Float32Array(cols * rows);
    fillRainGrid(cells, bbox, cols, rows, grid);
    for (let j = 0; j < rows; j += 3) {
      for (let i = 0; i < cols; i += 3) {
        const [x, y] = toKm(105.2 + (i + 0.5) * (5.1 / cols), 32.3 - (j + 0.5) * (4.2 / rows));
        expect(grid[j * cols + i]).toBeCloseTo(rateAt(cells, x, y), 3);
      }
    }
    expect(Math.max(...grid)).toBeGreaterThan(0);
  });

  it('textured rain never goes negative and noise stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (x, y) => {
        const n = valueNoise(x, y);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(1);
      }),
    );
    const cells = liveCells(2, JULY + 15 * HOUR);
    for (const c of cells) expect(cellRateAt(c, c.cx + 3, c.cy - 2)).toBeGreaterThanOrEqual(0);
  });

  it('report their mean motion, weighted by intensity', () => {
    const m = meanMotion(liveCells(2, JULY + 15 * HOUR));
    expect(m).not.toBeNull();
    expect(m!.speedKmh).toBeGreaterThan(20);
    expect(m!.towardDeg).toBeGreaterThan(0);
    expect(m!.towardDeg).toBeLessThan(120);
    expect(meanMotion([])).toBeNull();
  });

  it('local frame round-trips', () => {
    const [x, y] = toKm(106.55, 29.56);
    const [lon, lat] = toLonLat(x, y);
    expect(lon).toBeCloseTo(106.55, 9);
    expect(lat).toBeCloseTo(29.56, 9);
    expect(localHour(JULY)).toBeCloseTo(0, 9);
  });
});
