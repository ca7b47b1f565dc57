import { useTopic } from '../../../core/wall-context.ts';
import { formatCn } from '../../../core/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { TrafficCongestion } from '../../../hub/topics/traffic.ts';

/** The floating-car fleet and the network: how many report, how many move, how fast, how much is jammed. */
export function FleetPanel() {
  const v = useTopic<TrafficCongestion>('traffic.congestion');
  if (!v) return <PanelWaiting />;
  const { city } = v.data;
  const onRoad = formatCn(city.vehiclesOnRoadEst);
  const movingShare = city.vehiclesOnline ? Math.round((city.vehiclesMoving / city.vehiclesOnline) * 100) : 0;
  return (
    <>
      <div className="kpi-grid traffic-fleet">
        <KpiTile label="在线浮动车" labelEn="Floating cars" value={city.vehiclesOnline.toLocaleString('zh-CN')} unit="辆" testId="traffic-vehicles-online" />
        <KpiTile label="行驶中" labelEn={`Moving · ${movingShare}%`} value={city.vehiclesMoving.toLocaleString('zh-CN')} unit="辆" />
        <KpiTile label="路网在途估算" labelEn="On road, est." value={onRoad.value} unit={`${onRoad.unit}辆`} />
        <KpiTile label="拥堵里程" labelEn="Index ≥ 6" value={city.congestedKm.toFixed(1)} unit="km" />
      </div>
    </>
  );
}
