import { ScatterplotLayer } from '@deck.gl/layers';
import type { Checkpoint, HealthCheckpoints } from '../../../hub/topics/health.ts';
import { KIND_NAMES, STATUS, checkpointStatus, percent } from '../scales.ts';
import type { LayerMemo } from '../../../core/module-api.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';

/** Scans an hour at which a checkpoint reaches its full size. */
export const SCANS_FULL = 12_000;
export const RADIUS_PX = { min: 2, max: 8 } as const;

const STATUS_RGBA: Rgba[] = STATUS.map((s) => toRgba(s.color, 235));

export function checkpointRadius(scans: number): number {
  return RADIUS_PX.min + (RADIUS_PX.max - RADIUS_PX.min) * Math.sqrt(Math.min(1, Math.max(0, scans) / SCANS_FULL));
}

export const checkpointColor = (c: Checkpoint): Rgba => STATUS_RGBA[checkpointStatus(c.nonGreenShare)];

/** Checkpoints with the worst last: they draw on top where points overlap (through the layer's memo). */
export function drawOrder(value: HealthCheckpoints): Checkpoint[] {
  return [...value.checkpoints].sort((a, b) => a.nonGreenShare - b.nonGreenShare);
}

export interface CheckpointsInput {
  id: string;
  value: HealthCheckpoints;
  seq: number;
  scale: number;
  opacity: number;
  memo: LayerMemo;
}

/** Checkpoints as points: size by scans in the last hour, colour by status of the non-green share. */
export function buildCheckpoints({ id, value, seq, scale, opacity, memo }: CheckpointsInput) {
  return [
    new ScatterplotLayer<Checkpoint>({
      id: `${id}-points`,
      data: memo(drawOrder, value),
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 160],
      opacity,
      radiusUnits: 'pixels',
      radiusScale: scale,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getLineColor: [7, 13, 26, 220],
      getPosition: (c) => c.position,
      getRadius: (c) => checkpointRadius(c.scansLastHour),
      getFillColor: checkpointColor,
      parameters: { depthCompare: 'always' },
      updateTriggers: { getRadius: seq, getFillColor: seq },
    }),
  ];
}

export function describeCheckpoint(c: Checkpoint, districtName: string | undefined): string[] {
  const status = STATUS[checkpointStatus(c.nonGreenShare)];
  return [
    c.name,
    `${KIND_NAMES[c.kind]}${districtName ? ` · ${districtName}` : ''}`,
    `近1小时扫码 ${c.scansLastHour.toLocaleString('zh-CN')} 次 · Scans last hour`,
    `非绿码 ${percent(c.nonGreenShare)} · ${status.label} ${status.labelEn}`,
  ];
}
