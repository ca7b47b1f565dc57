/**
 * How busy the city is at a local hour (Asia/Shanghai, UTC+8), 0..1: quiet at night, a morning
 * peak around 10:00 and an afternoon peak around 15:00, as government and data services see it.
 */
export function activityAt(timeMs: number): number {
  const hour = (((timeMs / 3_600_000 + 8) % 24) + 24) % 24;
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  return Math.min(1, 0.12 + 0.8 * bump(10, 2.2) + 0.75 * bump(15, 2.4) + 0.25 * bump(20, 2));
}

/** Milliseconds since local (UTC+8) midnight: "today" figures reset there. */
export function msSinceLocalMidnight(timeMs: number): number {
  const day = 86_400_000;
  return (((timeMs + 8 * 3_600_000) % day) + day) % day;
}
