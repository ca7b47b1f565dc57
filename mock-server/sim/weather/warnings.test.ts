import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HOLD_MS, LEVEL_RANK, WarningBoard, assessFog, assessGale, assessHeat, assessRain, worse, type CellRain } from './warnings.ts';

const T = Date.UTC(2024, 6, 15, 7, 0);
const dry: CellRain = { acc2h: 0, acc3h: 0, acc5h: 0, acc6h: 0, acc11h: 0, acc12h: 0, rateMmh: 0 };
const MIN = 60_000;

describe('rainstorm thresholds (CMA)', () => {
  it('issue blue at 50 mm in 12 h, yellow in 6 h, orange in 3 h, red at 100 mm in 3 h', () => {
    expect(assessRain(dry).level).toBeNull();
    expect(assessRain({ ...dry, acc11h: 45, acc12h: 45, rateMmh: 12 }).level).toBe('blue');
    expect(assessRain({ ...dry, acc5h: 45, acc6h: 46, acc11h: 46, acc12h: 46, rateMmh: 12 }).level).toBe('yellow');
    expect(assessRain({ ...dry, acc2h: 45, acc3h: 48, acc5h: 48, acc6h: 48, acc11h: 48, acc12h: 48, rateMmh: 12 }).level).toBe('orange');
    expect(assessRain({ ...dry, acc2h: 90, acc3h: 95, acc5h: 95, acc6h: 95, acc11h: 95, acc12h: 95, rateMmh: 30 }).level).toBe('red');
    expect(assessRain({ ...dry, acc2h: 90, acc3h: 95, acc5h: 95, acc6h: 95, acc11h: 95, acc12h: 95, rateMmh: 30 }).basis).toEqual({ metric: 'rain3h', value: 105, unit: 'mm' });
  });

  it('a past total counts only while the rain goes on', () => {
    const past = { ...dry, acc2h: 55, acc3h: 60, acc5h: 60, acc6h: 60, acc11h: 60, acc12h: 60 };
    expect(assessRain({ ...past, rateMmh: 0 }).level).toBe('orange'); // 2 h already above 50
    expect(assessRain({ ...past, acc2h: 10, rateMmh: 0 }).level).toBe('yellow');
    expect(assessRain({ ...past, acc2h: 10, rateMmh: 2 }).level).toBe('orange');
  });

  it('never lowers the level when more rain falls (fast-check)', () => {
    const acc = fc.double({ min: 0, max: 200, noNaN: true });
    fc.assert(
      fc.property(acc, acc, acc, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, b, c, rate, extra) => {
        const [a2, a5, a11] = [a, a + b, a + b + c];
        const base: CellRain = { acc2h: a2, acc3h: a2, acc5h: a5, acc6h: a5, acc11h: a11, acc12h: a11, rateMmh: rate };
        const more: CellRain = { ...base, acc2h: a2 + extra, acc3h: a2 + extra, acc5h: a5 + extra, acc6h: a5 + extra, acc11h: a11 + extra, acc12h: a11 + extra };
        const rank = (x: CellRain) => (assessRain(x).level ? LEVEL_RANK[assessRain(x).level!] : -1);
        expect(rank(more)).toBeGreaterThanOrEqual(rank(base));
      }),
    );
  });
});

describe('gale, heat and fog thresholds', () => {
  it('follow the CMA signals', () => {
    expect(assessGale(13.8).level).toBeNull();
    expect(assessGale(13.9).level).toBe('blue');
    expect(assessGale(20.8).level).toBe('yellow');
    expect(assessGale(28.5).level).toBe('orange');
    expect(assessGale(37).level).toBe('red');
    expect(assessHeat(34.9).level).toBeNull();
    expect(assessHeat(35).level).toBe('yellow');
    expect(assessHeat(37.2).level).toBe('orange');
    expect(assessHeat(40).level).toBe('red');
    expect(assessFog(600).level).toBeNull();
    expect(assessFog(499).level).toBe('yellow');
    expect(assessFog(150).level).toBe('orange');
    expect(assessFog(30).level).toBe('red');
  });

  it('worse() keeps the more severe assessment', () => {
    expect(worse(assessGale(15), assessGale(25)).level).toBe('yellow');
    expect(worse(assessGale(25), assessGale(5)).level).toBe('yellow');
    expect(worse(assessGale(5), assessGale(5)).level).toBeNull();
  });
});

describe('WarningBoard', () => {
  it('issues at once, upgrades at once, steps down and lifts only after the hold', () => {
    const board = new WarningBoard();
    expect(board.update('500106', 'gale', assessGale(15), T)?.kind).toBe('issued');
    expect(board.active()).toHaveLength(1);
    expect(board.update('500106', 'gale', assessGale(15), T + MIN)).toBeNull();
    const up = board.update('500106', 'gale', assessGale(22), T + 2 * MIN);
    expect(up?.kind).toBe('issued');
    expect(up?.warning.level).toBe('yellow');
    // Lower again: nothing changes until the hold has passed.
    expect(board.update('500106', 'gale', assessGale(15), T + 3 * MIN)).toBeNull();
    expect(board.update('500106', 'gale', assessGale(15), T + 3 * MIN + HOLD_MS - 1)).toBeNull();
    const down = board.update('500106', 'gale', assessGale(15), T + 3 * MIN + HOLD_MS);
    expect(down?.kind).toBe('issued');
    expect(down?.warning.level).toBe('blue');
    expect(down?.warning.basis.value).toBe(15); // cites the reading that justified blue
    expect(board.update('500106', 'gale', assessGale(3), T + 40 * MIN)).toBeNull();
    const lift = board.update('500106', 'gale', assessGale(3), T + 40 * MIN + HOLD_MS);
    expect(lift?.kind).toBe('lifted');
    expect(board.active()).toHaveLength(0);
  });

  it('a rise during the hold cancels nothing but sets the level it steps down to', () => {
    const board = new WarningBoard();
    board.update('500101', 'rainstorm', assessRain({ ...dry, acc2h: 90, acc3h: 95, acc5h: 95, acc6h: 95, acc11h: 95, acc12h: 95, rateMmh: 30 }), T);
    board.update('500101', 'rainstorm', assessRain(dry), T + MIN);
    board.update('500101', 'rainstorm', assessRain({ ...dry, acc11h: 45, acc12h: 45, rateMmh: 12 }), T + 10 * MIN);
    const e = board.update('500101', 'rainstorm', assessRain(dry), T + MIN + HOLD_MS);
    expect(e?.warning.level).toBe('blue');
  });

  it('lists signals newest first, one per district and type', () => {
    const board = new WarningBoard();
    board.update('500101', 'fog', assessFog(300), T);
    board.update('500102', 'fog', assessFog(300), T + MIN);
    board.update('500101', 'gale', assessGale(15), T + 2 * MIN);
    const active = board.active();
    expect(active.map((w) => `${w.districtCode}:${w.type}`)).toEqual(['500101:gale', '500102:fog', '500101:fog']);
    expect(new Set(active.map((w) => w.id)).size).toBe(3);
  });
});
