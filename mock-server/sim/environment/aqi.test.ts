import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BREAKPOINTS, dailyAqi, hourlyAqi, iaqi } from './aqi.ts';

const clean = { pm25: 10, pm10: 20, o3: 40, no2: 15, so2: 5, co: 0.4 };

describe('HJ 633 AQI', () => {
  it('IAQI hits the index at each breakpoint and interpolates between', () => {
    expect(iaqi(35, BREAKPOINTS.pm25_24h)).toBe(50);
    expect(iaqi(75, BREAKPOINTS.pm25_24h)).toBe(100);
    expect(iaqi(115, BREAKPOINTS.pm25_24h)).toBe(150);
    expect(iaqi(55, BREAKPOINTS.pm25_24h)).toBe(75);
    expect(iaqi(160, BREAKPOINTS.o3_1h)).toBe(50);
    expect(iaqi(200, BREAKPOINTS.o3_1h)).toBe(100);
    expect(iaqi(160, BREAKPOINTS.o3_8h)).toBe(100);
    expect(iaqi(0, BREAKPOINTS.pm10_24h)).toBe(0);
    expect(iaqi(9999, BREAKPOINTS.pm25_24h)).toBe(500);
  });

  it('IAQI never falls as the concentration rises (fast-check)', () => {
    const tables = Object.values(BREAKPOINTS);
    fc.assert(
      fc.property(fc.constantFrom(...tables), fc.double({ min: 0, max: 4000, noNaN: true }), fc.double({ min: 0, max: 4000, noNaN: true }), (table, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(iaqi(hi, table)).toBeGreaterThanOrEqual(iaqi(lo, table));
      }),
    );
  });

  it('AQI is the highest IAQI, rounded up; the primary pollutant is named only above 50', () => {
    expect(hourlyAqi(clean)).toMatchObject({ aqi: 20, primaryPollutant: null }); // PM10 20 μg/m³ leads
    const winter = hourlyAqi({ ...clean, pm25: 80, pm10: 110 });
    expect(winter.aqi).toBe(107);
    expect(winter.primaryPollutant).toBe('pm25');
    const summer = hourlyAqi({ ...clean, o3: 230 });
    expect(summer.primaryPollutant).toBe('o3');
    expect(summer.aqi).toBe(115);
  });

  it('daily AQI uses 24-hour means and the O3 8-hour maximum', () => {
    expect(dailyAqi({ ...clean, o3_8h: 170 }).primaryPollutant).toBe('o3');
    expect(dailyAqi({ ...clean, o3_8h: 170 }).aqi).toBe(110);
    expect(dailyAqi({ ...clean, no2: 90, o3_8h: 60 }).aqi).toBe(105);
  });
});
