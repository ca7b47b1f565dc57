import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { HEALTH_TOPICS, type Checkpoint, type HealthCheckpoints } from '../../../hub/topics/health.ts';
import { shortName } from '../../district-names.ts';
import { KIND_NAMES, STATUS, checkpointStatus, percent } from '../scales.ts';
import { useDistrictNames } from '../../district-names.ts';

export const WATCH_ROWS = 5;

/** Checkpoints that turned away the most non-green codes in the last hour (count, not share: a quiet gate with one yellow code is no hotspot). */
export function watchRows(checkpoints: Checkpoint[], n = WATCH_ROWS): Checkpoint[] {
  const nonGreen = (c: Checkpoint) => c.scansLastHour * c.nonGreenShare;
  return [...checkpoints].sort((a, b) => nonGreen(b) - nonGreen(a)).slice(0, n);
}

export function CheckpointWatchPanel() {
  const v = useTopic<HealthCheckpoints>(HEALTH_TOPICS.checkpoints);
  const names = useDistrictNames();
  const rows = useMemo(() => (v ? watchRows(v.data.checkpoints) : []), [v]);
  if (!v) return <PanelWaiting />;
  return (
    <table className="health-watch" data-testid="health-watch">
      <thead>
        <tr>
          <th>点位 Checkpoint</th>
          <th>非绿码</th>
          <th>次/时</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const status = STATUS[checkpointStatus(c.nonGreenShare)];
          const district = names.get(c.districtCode);
          return (
            <tr key={c.id}>
              <td>
                <span className="health-watch__name">{c.name}</span>
                <span className="health-watch__meta">
                  {KIND_NAMES[c.kind]}
                  {district ? ` · ${shortName(district)}` : ''}
                </span>
              </td>
              <td style={{ color: status.color }}>{percent(c.nonGreenShare, 1)}</td>
              <td>{c.scansLastHour.toLocaleString('zh-CN')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
