import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoment } from '../core/format.ts';
import { NO_TIME, safeClock, safeIso, safeMoment } from './time-text.ts';

describe('defensive time formatting (header clock, playback badge)', () => {
  it('formats times in the Date range as usual', () => {
    const at = Date.UTC(2026, 10, 20, 13, 30); // 21:30 in Chongqing
    expect(safeMoment(at)).toMatch(/2026.*11.*20.*21:30/);
    expect(safeIso(at)).toBe('2026-11-20T13:30:00.000Z');
    expect(safeClock(at).time).toBe('21:30:00');
    // The edges of the range still format.
    expect(safeIso(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
    expect(safeMoment(8.64e15)).not.toBe(NO_TIME);
  });

  it.each([8640000000000001, -8640000000000001, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Infinity, -Infinity, NaN])(
    '%s: "—", never a throw',
    (t) => {
      // What the badge did before: a time the schema lets through took the header down.
      expect(() => formatMoment(t)).toThrow(RangeError);
      expect(safeMoment(t)).toBe(NO_TIME);
      expect(safeIso(t)).toBeUndefined();
      expect(safeClock(t)).toEqual({ time: NO_TIME, date: NO_TIME });
    },
  );

  it('is not a number: "—"', () => {
    for (const v of [undefined, null, '2026-01-01', {}, 10n]) {
      expect(safeMoment(v)).toBe(NO_TIME);
      expect(safeIso(v)).toBeUndefined();
    }
  });

  it('never throws, whatever the number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })), (t) => {
        expect(typeof safeMoment(t)).toBe('string');
        expect(typeof safeClock(t).time).toBe('string');
        safeIso(t);
      }),
    );
  });
});
