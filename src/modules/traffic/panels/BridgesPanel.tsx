import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { RoadList } from './RoadList.tsx';

const ROWS = 6;

/** 过江桥梁: the river crossings, worst first. In Chongqing the bridges are the bottlenecks. */
export function BridgesPanel() {
  const v = useTopic<TrafficCongestion>('traffic.congestion');
  if (!v) return <PanelWaiting />;
  const { bridges } = v.data;
  const jammed = bridges.filter((b) => b.index >= 6).length;
  return (
    <>
      <p className="traffic-caption">
        过江桥梁 <b>{bridges.length}</b> 座 · 中度以上拥堵 <b className={jammed ? 'traffic-caption--warn' : ''}>{jammed}</b> 座
      </p>
      <RoadList rows={bridges.slice(0, ROWS)} testId="traffic-bridges" showDistrict={false} />
    </>
  );
}
