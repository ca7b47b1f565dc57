import { describe, expect, it } from 'vitest';
import { formatCountdown, formatMinutes, formatReading } from './scales.ts';

const T = Date.UTC(2026, 4, 20, 6, 0, 0);

describe('formatCountdown', () => {
  it('seconds inside the hour, hours below a day, days beyond', () => {
    expect(formatCountdown(T + 12 * 60_000 + 5_000, T)).toEqual({ text: '12:05', overdue: false, urgent: true });
    expect(formatCountdown(T + 3 * 3_600_000 + 2 * 60_000 + 10_000, T)).toEqual({ text: '3:02:10', overdue: false, urgent: false });
    expect(formatCountdown(T + 50 * 3_600_000, T).text).toBe('2天 02:00');
  });

  it('past due: 超期 +h:mm', () => {
    expect(formatCountdown(T - 65 * 60_000, T)).toEqual({ text: '超期 +1:05', overdue: true, urgent: true });
    expect(formatCountdown(T - 30_000, T).text).toBe('超期 +0:00');
  });
});

describe('formats', () => {
  it('readings carry their unit', () => {
    expect(formatReading('river-level', 182.44)).toBe('182.44 m');
    expect(formatReading('waterlogging', 58.2)).toBe('58 cm');
    expect(formatReading('aqi', 156.2)).toBe('156 AQI');
    expect(formatReading('red-code-share', 0.004)).toBe('0.0040%');
    expect(formatReading('rain', 36.25)).toBe('36.3 mm/h');
    expect(formatReading('congestion', 7.4)).toBe('7.4');
    expect(formatReading('red-code-share', 1.5)).toBe('1.5%');
  });
  it('minutes, then hours', () => {
    expect(formatMinutes(45)).toEqual({ value: '45', unit: '分钟' });
    expect(formatMinutes(200)).toEqual({ value: '3.3', unit: '小时' });
  });
});
