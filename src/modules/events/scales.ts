/**
 * Colours, sizes and wording of the events module, shared by its layers and panels so the map and
 * the panels say the same thing in the same colour.
 */
import type { EventStatus, Level, Metric } from '../../hub/events/schemas.ts';
import { METRICS } from '../../hub/events/schemas.ts';

/** China's warning levels in their own colours (the same as the health module's district alerts). */
export const LEVEL_COLORS: Record<Level, string> = {
  blue: '#3d8bff',
  yellow: '#ffd23f',
  orange: '#ff8c1a',
  red: '#ff3b30',
};
export const LEVEL_NAMES: Record<Level, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };
export const LEVEL_SHORT: Record<Level, string> = { blue: '蓝', yellow: '黄', orange: '橙', red: '红' };
export const LEVEL_NAMES_EN: Record<Level, string> = { blue: 'Blue', yellow: 'Yellow', orange: 'Orange', red: 'Red' };

/**
 * Event marker radius by level, design px. The smallest (blue) is 11 px across at 1080: about the
 * 0.3° a symbol needs to be told apart from five metres on a 2.4 m wall (src/app/legibility.ts);
 * a red event is twice as wide.
 */
export const EVENT_RADIUS_PX: Record<Level, number> = { blue: 5.5, yellow: 6.5, orange: 8, red: 10 };
/** Alert beacon core radius by level, design px: a step above the events of the same level. */
export const ALERT_RADIUS_PX: Record<Level, number> = { blue: 7, yellow: 8, orange: 9.5, red: 11 };

/** The wall's status colours (wall.css): alarm red for overdue, the highlight for escalation. */
export const ALARM = '#ff4d5e';
export const HIGHLIGHT = '#ffd166';
export const OK = '#3ddc84';
export const MUTED = '#8aa0bf';
/** A category the catalogue does not (yet) name: the twin's accent. */
export const UNKNOWN_CATEGORY_COLOR = '#3fd0ff';

export const STATUS_NAMES: Record<EventStatus, string> = {
  reported: '待立案',
  accepted: '已立案',
  refused: '不予立案',
  dispatched: '已派遣',
  'in-progress': '处置中',
  handled: '已反馈',
  verified: '已核查',
  closed: '已结案',
};
export const STATUS_NAMES_EN: Record<EventStatus, string> = {
  reported: 'Reported',
  accepted: 'Accepted',
  refused: 'Refused',
  dispatched: 'Dispatched',
  'in-progress': 'In hand',
  handled: 'Handled',
  verified: 'Verified',
  closed: 'Closed',
};

/** Digits per metric: as many as the quantity deserves (the console's event desk reads them alike). */
const METRIC_DIGITS: Record<Metric, number> = { rain: 1, 'river-level': 2, waterlogging: 0, displacement: 1, aqi: 0, congestion: 1, 'red-code-share': 1 };

/** A reading with its unit (METRICS): "86.0 mm/h", "182.44 m", "58 cm", "156 AQI", "0.4%". */
export function formatReading(metric: Metric, value: number): string {
  const { unit } = METRICS[metric];
  const abs = Math.abs(value);
  // A value that would read 0 at the usual digits (a red-code share of 0.004) keeps two significant ones.
  const digits = abs > 0 && abs < 10 ** -METRIC_DIGITS[metric] ? Math.min(6, 1 - Math.floor(Math.log10(abs))) : METRIC_DIGITS[metric];
  const v = value.toFixed(digits);
  return unit === '%' ? `${v}%` : unit ? `${v} ${unit}` : v;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Time left to a due moment, as an SLA clock: "23:59", "5:02:10", "2天 04:00"; past due,
 * "超期 +1:23" (hours and minutes over). Seconds show only inside the last hour, where they move.
 */
export function formatCountdown(dueAt: number, now: number): { text: string; overdue: boolean; urgent: boolean } {
  const ms = dueAt - now;
  if (ms < 0) {
    const over = Math.floor(-ms / 60_000);
    return { text: `超期 +${Math.floor(over / 60)}:${two(over % 60)}`, overdue: true, urgent: true };
  }
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const urgent = ms < 3_600_000;
  if (d > 0) return { text: `${d}天 ${two(h)}:${two(m)}`, overdue: false, urgent };
  if (h > 0) return { text: `${h}:${two(m)}:${two(sec)}`, overdue: false, urgent };
  return { text: `${two(m)}:${two(sec)}`, overdue: false, urgent };
}

/** Minutes as a wall reader takes them in: "45 分钟", "3.2 小时". */
export function formatMinutes(min: number): { value: string; unit: string } {
  if (min < 90) return { value: min.toFixed(0), unit: '分钟' };
  return { value: (min / 60).toFixed(1), unit: '小时' };
}
