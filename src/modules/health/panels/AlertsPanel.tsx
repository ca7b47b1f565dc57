import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { HEALTH_ALERT_LEVELS, HEALTH_TOPICS, type HealthDistrict, type HealthDistricts } from '../../../hub/topics/health.ts';
import { LEVEL_COLORS, LEVEL_NAMES, formatPeople, percent } from '../scales.ts';
import { useDistrictNames } from '../../district-names.ts';
import { formatSince } from '../../../core/format.ts';

export const ALERT_ROWS = 4;

/** Districts in alert: the highest level first, then the longest-running. */
export function alertRows(districts: HealthDistrict[]): HealthDistrict[] {
  const rank = (d: HealthDistrict) => HEALTH_ALERT_LEVELS.indexOf(d.alert!.level);
  return districts.filter((d) => d.alert).sort((a, b) => rank(b) - rank(a) || a.alert!.since - b.alert!.since);
}

export function AlertsPanel() {
  const v = useTopic<HealthDistricts>(HEALTH_TOPICS.districts);
  const names = useDistrictNames();
  const rows = useMemo(() => (v ? alertRows(v.data.districts) : []), [v]);
  if (!v) return <PanelWaiting />;
  if (!rows.length) {
    return (
      <p className="health-alerts__empty" data-testid="health-alerts-empty">
        暂无预警
        <span>No district alerts</span>
      </p>
    );
  }
  const now = v.data.time;
  return (
    <ul className="health-alerts" data-testid="health-alerts">
      {rows.slice(0, ALERT_ROWS).map((d) => {
        const alert = d.alert!;
        const red = formatPeople(d.red);
        return (
          <li key={d.code} className="health-alerts__row" data-level={alert.level}>
            <span className="health-alerts__level" style={{ borderColor: LEVEL_COLORS[alert.level], color: LEVEL_COLORS[alert.level] }}>
              {LEVEL_NAMES[alert.level]}
            </span>
            <span className="health-alerts__name">{names.get(d.code) ?? d.code}</span>
            <span className="health-alerts__since">自 {formatSince(alert.since, now)}</span>
            <span className="health-alerts__figures">
              黄码 {percent(d.issued ? d.yellow / d.issued : 0)} · 红码 {red.value} {red.unit}
            </span>
          </li>
        );
      })}
      {rows.length > ALERT_ROWS && <li className="health-alerts__more">另有 {rows.length - ALERT_ROWS} 个区县 · {rows.length - ALERT_ROWS} more</li>}
    </ul>
  );
}
