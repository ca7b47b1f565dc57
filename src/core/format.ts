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

// Chongqing time of day, whatever the browser's zone: one formatter each, shared by every module.
const hmFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const hmsFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const hourFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false });
const dayFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });

/** "14:20" (Chongqing time): event times, chart axes. */
export const formatHm = (ms: number) => hmFormat.format(ms);
/** "14:20:05" (Chongqing time): when a live frame was taken. */
export const formatHms = (ms: number) => hmsFormat.format(ms);
/** "14时" (Chongqing time): an hourly forecast's axis. */
export const formatHourOfDay = (ms: number) => `${hourFormat.format(ms).replace(/\D/g, '')}时`;
/** "5月20日" (Chongqing time). */
export const formatDay = (ms: number) => dayFormat.format(ms);

/** "14:20", or "5月20日 14:20" when it was not the day of `now` (Chongqing time). */
export function formatSince(since: number, now: number): string {
  return formatDay(since) === formatDay(now) ? formatHm(since) : `${formatDay(since)} ${formatHm(since)}`;
}
