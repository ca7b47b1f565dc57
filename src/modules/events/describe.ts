/** Hover text and the choice of the event a detail card shows: plain text, never HTML. */
import type { Alert, CityEvent } from '../../hub/events/schemas.ts';
import { METRICS, isOpen } from '../../hub/events/schemas.ts';
import { formatSince } from '../../core/format.ts';
import { dueAt, type CatalogIndex } from './board.ts';
import { LEVEL_NAMES, STATUS_NAMES, formatCountdown, formatReading } from './scales.ts';

/** The SLA clock of an event in words: "立案时限 12:30", "处置时限 3:02:10", "超期 +1:05". */
export function slaText(e: CityEvent, now: number): string | null {
  const due = dueAt(e);
  if (due === null) return null;
  const c = formatCountdown(due, now);
  if (c.overdue) return c.text;
  return `${e.status === 'reported' ? '立案时限' : '处置时限'} ${c.text}`;
}

export function describeEvent(e: CityEvent, index: CatalogIndex, districtName: (code: string) => string | undefined, now: number): string[] {
  const category = index.categories.get(e.category);
  const flags = [e.escalated && '督办', e.overdue && '超期'].filter(Boolean).join(' · ');
  const lines = [
    `${category?.name ?? e.category} · ${LEVEL_NAMES[e.level]}${flags ? ` · ${flags}` : ''}`,
    e.title,
    `${districtName(e.district) ?? e.district}${e.address ? ` ${e.address}` : ''}`,
    `${STATUS_NAMES[e.status]} · 上报 ${formatSince(e.reportedAt, now)}`,
  ];
  const department = e.department && index.departments.get(e.department);
  if (department && isOpen(e.status)) lines.push(`承办 ${department.name}`);
  const sla = slaText(e, now);
  if (sla) lines.push(sla);
  lines.push(e.id);
  return lines;
}

export function describeAlert(a: Alert, now: number): string[] {
  const metric = METRICS[a.metric];
  return [
    `${LEVEL_NAMES[a.level]}预警 · ${metric.name}`,
    a.place.name,
    `${metric.name} ${formatReading(a.metric, a.value)}（阈值 ${formatReading(a.metric, a.threshold)}）`,
    `${a.status === 'active' ? '发布' : '已解除'} ${formatSince(a.status === 'active' ? a.openedAt : (a.clearedAt ?? a.updatedAt), now)}`,
  ];
}

/** Metres between two lon/lat points (equirectangular: plenty for "the event at this point"). */
function metres([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
  const k = Math.PI / 180;
  const x = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k);
  const y = (lat2 - lat1) * k;
  return Math.hypot(x, y) * 6_371_000;
}

/** A highlighted point names an event when it lies this close to it. */
export const HIGHLIGHT_RADIUS_M = 300;

export interface DetailChoice {
  event: CityEvent;
  /**
   * Why this one: the console highlighted it, the district selected holds it, it is the most urgent
   * open event, or (nothing open) the last one to change: the day's work just done.
   */
  why: 'highlight' | 'district' | 'urgent' | 'latest';
}

/**
 * The event a detail card shows: the one the console highlights (its id as the highlight's label,
 * or the nearest within HIGHLIGHT_RADIUS_M of the point), else the most urgent open event of the
 * selected district, else the most urgent open event of all, else (nothing open) the last event
 * to change. `urgent` is urgentFirst(events).
 */
export function chooseDetail(
  events: readonly CityEvent[],
  urgent: readonly CityEvent[],
  highlight: { point: [number, number]; label?: string } | null,
  district: string | null,
): DetailChoice | null {
  if (highlight) {
    const byId = highlight.label ? events.find((e) => e.id === highlight.label) : undefined;
    if (byId) return { event: byId, why: 'highlight' };
    let best: CityEvent | null = null;
    let bestM = HIGHLIGHT_RADIUS_M;
    for (const e of events) {
      const m = metres(highlight.point, e.position);
      if (m <= bestM && (!best || m < bestM || (isOpen(e.status) && !isOpen(best.status)))) {
        best = e;
        bestM = m;
      }
    }
    if (best) return { event: best, why: 'highlight' };
  }
  if (district) {
    const inDistrict = urgent.find((e) => e.district === district);
    if (inDistrict) return { event: inDistrict, why: 'district' };
  }
  if (urgent.length) return { event: urgent[0], why: 'urgent' };
  let latest: CityEvent | null = null;
  for (const e of events) if (!latest || e.updatedAt > latest.updatedAt) latest = e;
  return latest ? { event: latest, why: 'latest' } : null;
}
