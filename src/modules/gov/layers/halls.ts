import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { GovServices, ServiceHall } from '../../../hub/topics/gov.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import { CLOSED_COLOR, formatPct, hallRadius, waitBand } from '../scales.ts';
import { toRgba } from '../../../core/colour.ts';

export interface HallLayerInput {
  id: string;
  value: GovServices;
  seq: number;
  scale: number;
  labels?: boolean;
}

export function hallColor(h: ServiceHall) {
  return toRgba(h.open || h.queue > 0 ? waitBand(h.waitMin).color : CLOSED_COLOR, h.open ? 235 : 170);
}

/** Label text: the short place name, and the queue while there is one. */
export function hallLabel(h: ServiceHall): string {
  const place = h.name.replace(/政务服务(分)?中心$/, '').replace(/^西部科学城重庆/, '');
  return h.queue > 0 ? `${place} ${h.queue}人` : place;
}

/**
 * Government service centres: a disc sized by the queue (取号排队) and coloured by the expected
 * wait (status colours), grey outside office hours; names with queues, never overlapping.
 */
export function buildHallLayers({ id, value, seq, scale, labels = true }: HallLayerInput): Layer[] {
  const layers: Layer[] = [
    new ScatterplotLayer<ServiceHall>({
      id: `${id}-points`,
      data: value.halls,
      getPosition: (h) => h.position,
      getRadius: (h) => hallRadius(h.queue),
      radiusUnits: 'pixels',
      radiusScale: scale,
      getFillColor: hallColor,
      stroked: true,
      getLineColor: (h) => (h.level === 'district' ? [7, 13, 26, 230] : [255, 255, 255, 230]),
      lineWidthUnits: 'pixels',
      getLineWidth: (h) => (h.level === 'district' ? 1.5 : 2.5),
      lineWidthScale: scale,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      parameters: { depthCompare: 'always' },
      updateTriggers: { getRadius: seq, getFillColor: seq },
      transitions: { getRadius: 600 },
    }),
  ];
  if (labels) {
    layers.push(
      new PlacedLabelsLayer<ServiceHall>({
        id: `${id}-labels`,
        data: value.halls,
        getText: hallLabel,
        getPosition: (h) => h.position,
        getSize: 15,
        sizeScale: scale,
        getColor: [230, 242, 255, 240],
        // Above the disc.
        getPixelOffset: (h) => [0, -(hallRadius(h.queue) + 4) * scale],
        getAlignmentBaseline: 'bottom',
        getPriority: hallPriority,
        parameters: { depthCompare: 'always' },
        updateTriggers: { getText: seq, getPixelOffset: seq, getPriority: seq },
      }),
    );
  }
  return layers;
}

/** Label priority, within [-1000, 1000]: the city's own centres first, then by queue. */
export function hallPriority(h: ServiceHall): number {
  return (h.level === 'district' ? 0 : 500) + Math.min(499, h.queue);
}

/** Hover text of a hall: plain lines. */
export function describeHall(h: ServiceHall): string[] {
  const lines = [h.name];
  if (h.open) lines.push(`排队 ${h.queue} 人 · 预计等候 ${h.waitMin} 分钟`, `开放窗口 ${h.windowsOpen} 个`);
  else if (h.queue > 0) lines.push(`已停止取号 · 仍有 ${h.queue} 人等候`);
  else lines.push('非办公时间 Closed');
  lines.push(`今日办结 ${h.servedToday.toLocaleString('zh-CN')} 件 · 好评率 ${formatPct(h.goodRate, 2)}`);
  return lines;
}
