import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatCn, formatDay, formatHm, formatHms, formatHourOfDay, formatPercent, formatSince } from './format.ts';

describe('formatCn', () => {
  it('uses 亿 from 10⁸ with two decimals', () => {
    expect(formatCn(8_670_000_000)).toEqual({ value: '86.70', unit: '亿' });
    expect(formatCn(100_000_000)).toEqual({ value: '1.00', unit: '亿' });
    expect(formatCn(-250_000_000)).toEqual({ value: '-2.50', unit: '亿' });
  });

  it('uses 万 from 10⁴ with `digits` decimals', () => {
    expect(formatCn(10_000)).toEqual({ value: '1.0', unit: '万' });
    expect(formatCn(12_000_000)).toEqual({ value: '1200.0', unit: '万' });
    expect(formatCn(35_250_000, 2)).toEqual({ value: '3525.00', unit: '万' });
    expect(formatCn(15_000, 0)).toEqual({ value: '2', unit: '万' });
    expect(formatCn(-25_000)).toEqual({ value: '-2.5', unit: '万' });
  });

  it('shows smaller numbers whole with zh-CN grouping and no unit', () => {
    expect(formatCn(9_999)).toEqual({ value: '9,999', unit: '' });
    // The unit is chosen after rounding: no "10000.0万" or unitless "10,000".
    expect(formatCn(99_999_999)).toEqual({ value: '1.00', unit: '亿' });
    expect(formatCn(9_999.6)).toEqual({ value: '1.0', unit: '万' });
    expect(formatCn(1300)).toEqual({ value: '1,300', unit: '' });
    expect(formatCn(42.4)).toEqual({ value: '42', unit: '' });
    expect(formatCn(0)).toEqual({ value: '0', unit: '' });
  });
});

describe('formatPercent', () => {
  it('formats a ratio as a percentage', () => {
    expect(formatPercent(0.857)).toBe('85.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.12345, 2)).toBe('12.35%');
  });
});

describe('formatAge', () => {
  it('says 刚刚 under two seconds, including clock skew into the future', () => {
    expect(formatAge(0)).toBe('刚刚');
    expect(formatAge(1_499)).toBe('刚刚');
    expect(formatAge(-30_000)).toBe('刚刚');
  });

  it('counts seconds, minutes, hours then days', () => {
    expect(formatAge(2_000)).toBe('2 秒前');
    expect(formatAge(59_000)).toBe('59 秒前');
    expect(formatAge(60_000)).toBe('1 分钟前');
    expect(formatAge(3 * 60_000 + 59_000)).toBe('3 分钟前');
    expect(formatAge(59 * 60_000)).toBe('59 分钟前');
    expect(formatAge(3_600_000)).toBe('1 小时前');
    expect(formatAge(47 * 3_600_000)).toBe('47 小时前');
    expect(formatAge(48 * 3_600_000)).toBe('2 天前');
    expect(formatAge(10 * 86_400_000)).toBe('10 天前');
  });
});

describe('formatClock', () => {
  const savedTz = process.env.TZ;
  // Run in a zone far from Chongqing's, so a formatter that used the local zone would show it.
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('the process zone really is not UTC+8 here', () => {
    expect(new Date(Date.UTC(2024, 0, 1, 16, 0, 0)).getHours()).not.toBe(0);
  });

  it('shows Asia/Shanghai time and date whatever the local zone', () => {
    // 2024-01-01T16:00:00Z is midnight, Tuesday 2 January, in Chongqing
    expect(formatClock(Date.UTC(2024, 0, 1, 16, 0, 0))).toEqual({ time: '00:00:00', date: '2024/01/02周二' });
    expect(formatClock(Date.UTC(2024, 5, 30, 4, 5, 6)).time).toBe('12:05:06');
    expect(formatClock(Date.UTC(2024, 5, 30, 15, 59, 59))).toEqual({ time: '23:59:59', date: '2024/06/30周日' });
  });
});

describe('times of day in Chongqing', () => {
  const t = Date.UTC(2024, 4, 20, 6, 20, 5); // 14:20:05 in Chongqing
  it('HH:mm, HH:mm:ss, the hour, the day', () => {
    expect(formatHm(t)).toBe('14:20');
    expect(formatHms(t)).toBe('14:20:05');
    expect(formatHourOfDay(t)).toBe('14时');
    expect(formatHourOfDay(Date.UTC(2024, 4, 20, 16))).toBe('00时');
    expect(formatDay(t)).toBe('5月20日');
  });
  it('formatSince adds the day only when it is not the same day', () => {
    expect(formatSince(t, t + 3_600_000)).toBe('14:20');
    expect(formatSince(t - 86_400_000, t)).toBe('5月19日 14:20');
  });
});
