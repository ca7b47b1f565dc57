import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Alert, Board } from '../../../hub/events/schemas.ts';
import { levelRank } from '../../../hub/events/schemas.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import type { LayerMemo } from '../../../core/module-api.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';
import { boardDataDiff, type RowRange } from '../board.ts';
import { ALERT_RADIUS_PX, LEVEL_COLORS, formatReading } from '../scales.ts';

/** One beacon pulse every 2.4 s: slower than the events' overdue pulse, so the two never beat. */
export const BEACON_PULSE_MS = 2400;

export interface AlertLayerInput {
  id: string;
  board: Board;
  scale: number;
  now: number;
  animate: boolean;
  opacity: number;
  size: number;
  labels: boolean;
  memo: LayerMemo;
}

const levelRgba = Object.fromEntries(Object.entries(LEVEL_COLORS).map(([l, c]) => [l, toRgba(c)])) as Record<Alert['level'], Rgba>;
const DARK_EDGE: Rgba = [7, 13, 26, 230];
const positionOf = (a: Alert) => a.place.position;
/** Cleared alerts stay in the board's array (its rows keep their places) but draw nothing. */
export const beaconRadius = (a: Alert) => (a.status === 'active' ? ALERT_RADIUS_PX[a.level] : 0);
export const beaconFill = (a: Alert): Rgba => levelRgba[a.level];
const ringRadius = (a: Alert) => ALERT_RADIUS_PX[a.level] + 3;
const ringColour = (a: Alert) => levelRgba[a.level];

/** Active orange and red alerts: they pulse and are named on the map. Lowest level first, so red draws on top. */
export function alarms(alerts: readonly Alert[]): Alert[] {
  return alerts.filter((a) => a.status === 'active' && levelRank(a.level) >= 2).sort((a, b) => levelRank(a.level) - levelRank(b.level));
}

/** The label of an alarm on the map: the place and its reading ("朝天门 水位 182.4 m"). */
export function alarmLabel(a: Alert): string {
  return `${a.place.name} ${formatReading(a.metric, a.value)}`;
}
/** Red first, then orange; the newer change first among equals. Within the label layer's [-1000, 1000]. */
const alarmPriority = (a: Alert) => (a.level === 'red' ? 900 : 400) + Math.min(99, Math.floor((a.updatedAt / 60_000) % 100));

export function beaconPhase(now: number, animate: boolean): number {
  return animate ? (((now % BEACON_PULSE_MS) + BEACON_PULSE_MS) % BEACON_PULSE_MS) / BEACON_PULSE_MS : 0.35;
}

const dataDiff = boardDataDiff as unknown as (newData: unknown, oldData?: unknown) => RowRange[];

/**
 * Early-warning alerts at their places as beacons in their level's colour: a disc for every active
 * alert; orange and red ones (alarms) add a ring that swells and fades, and their place and reading
 * as a label that never overlaps another. The discs read the board's alerts array with
 * `_dataDiff` like the events; the alarms are a handful, derived once per board change.
 */
export function buildAlertLayers({ id, board, scale, now, animate, opacity, size, labels, memo }: AlertLayerInput): Layer[] {
  const list = memo(alarms, board.alerts);
  const phase = beaconPhase(now, animate);
  const layers: Layer[] = [];
  if (list.length) {
    layers.push(
      new ScatterplotLayer<Alert>({
        id: `${id}-pulse`,
        data: list,
        getPosition: positionOf,
        getRadius: ringRadius,
        radiusUnits: 'pixels',
        radiusScale: scale * size * (1 + 2.4 * phase),
        filled: false,
        stroked: true,
        getLineColor: ringColour,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        lineWidthScale: scale,
        opacity: opacity * (1 - phase),
        parameters: { depthCompare: 'always' },
      }),
    );
  }
  layers.push(
    new ScatterplotLayer<Alert>({
      id: `${id}-beacons`,
      data: board.alerts,
      _dataDiff: dataDiff,
      getPosition: positionOf,
      getRadius: beaconRadius,
      radiusUnits: 'pixels',
      radiusScale: scale * size,
      getFillColor: beaconFill,
      stroked: true,
      getLineColor: DARK_EDGE,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      lineWidthScale: scale,
      opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      parameters: { depthCompare: 'always' },
    }),
  );
  if (labels && list.length) {
    layers.push(
      new PlacedLabelsLayer<Alert>({
        id: `${id}-labels`,
        data: list,
        getText: alarmLabel,
        getPosition: positionOf,
        getSize: 16,
        sizeScale: scale,
        getColor: (a: Alert) => (a.level === 'red' ? [255, 214, 210, 255] : [255, 232, 200, 245]),
        getPixelOffset: (a: Alert) => [0, -(ALERT_RADIUS_PX[a.level] * size + 6) * scale],
        getAlignmentBaseline: 'bottom',
        getPriority: alarmPriority,
        // Alarms outrank the names of places: they claim their room before district labels.
        layerPriority: 10,
        parameters: { depthCompare: 'always' },
        updateTriggers: { getPixelOffset: size * scale },
      }),
    );
  }
  return layers;
}
