/** Chinese large-number units: 万 (10⁴) and 亿 (10⁸), as a wall reader expects. */
export function formatCn(value: number, digits = 1): { value: string; unit: string } {
  // Choose the unit after rounding, so 99,999,999 reads 1.00亿, not 10000.0万.
  const abs = Math.abs(value);
  if (abs >= 1e8 || Math.abs(Number((value / 1e4).toFixed(digits))) >= 1e4) return { value: (value / 1e8).toFixed(2), unit: '亿' };
  if (Math.round(abs) >= 1e4) return { value: (value / 1e4).toFixed(digits), unit: '万' };
  return { value: Math.round(value).toLocaleString('zh-CN'), unit: '' };
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** "刚刚", "12 秒前", "3 分钟前": how old the newest data is, in words a wall reader takes in at once. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 2) return '刚刚';
  if (s < 60) return `${s} 秒前`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} 分钟前`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} 小时前`;
  return `${Math.floor(h / 24)} 天前`;
}

const clockFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour12: false,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
});

/** The wall shows Chongqing time whatever the browser's zone. */
export function formatClock(time: number) {
  return { time: clockFormat.format(time), date: dateFormat.format(time) };
}

const momentFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A moment to the minute in Chongqing time (playback times on the wall and in the console). */
export const formatMoment = (ms: number) => momentFormat.format(ms);
