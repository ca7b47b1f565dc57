import { describe, expect, it } from 'vitest';
import { daylight, sunPosition } from './sun.ts';

const at = (iso: string) => Date.parse(iso);
const deg = (r: number) => (r * 180) / Math.PI;

describe('sun over Chongqing', () => {
  it('is high at local noon in summer and lower in winter, below the horizon at midnight', () => {
    const june = sunPosition(at('2026-06-21T05:00:00Z')); // ~13:00 Beijing time, near solar noon
    const dec = sunPosition(at('2026-12-21T05:00:00Z'));
    expect(deg(june.elevation)).toBeGreaterThan(80);
    expect(deg(june.elevation)).toBeLessThan(85);
    expect(deg(dec.elevation)).toBeGreaterThan(35);
    expect(deg(dec.elevation)).toBeLessThan(39);
    expect(deg(sunPosition(at('2026-06-21T16:00:00Z')).elevation)).toBeLessThan(-30); // midnight
  });

  it('rises in the east and sets in the west', () => {
    const morning = sunPosition(at('2026-03-20T23:30:00Z')); // 07:30 Beijing time
    const evening = sunPosition(at('2026-03-21T11:00:00Z')); // 19:00
    expect(deg(morning.azimuth)).toBeGreaterThan(80);
    expect(deg(morning.azimuth)).toBeLessThan(100);
    expect(deg(evening.azimuth)).toBeGreaterThan(260);
    expect(deg(evening.azimuth)).toBeLessThan(280);
  });

  it('daylight goes smoothly from 0 to 1 through twilight', () => {
    expect(daylight((-10 * Math.PI) / 180)).toBe(0);
    expect(daylight(0)).toBeCloseTo(0.5, 5);
    expect(daylight((10 * Math.PI) / 180)).toBe(1);
  });
});
