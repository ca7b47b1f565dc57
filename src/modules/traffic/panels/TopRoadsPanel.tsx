import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { RoadList } from './RoadList.tsx';

export const TOP_ROADS = 8;

/** 拥堵路段 TOP 8: the worst roads right now, one row per road name. */
export function TopRoadsPanel() {
  const v = useTopic<TrafficCongestion>('traffic.congestion');
  if (!v) return <PanelWaiting />;
  return <RoadList rows={v.data.top.slice(0, TOP_ROADS)} testId="traffic-top-roads" />;
}
