import { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Board, Catalog, CityEvent } from '../../../hub/events/schemas.ts';
import { isOpen } from '../../../hub/events/schemas.ts';
import type { LayerMemo } from '../../../core/module-api.ts';
import { toRgba, type Rgba } from '../../../core/colour.ts';
import { boardDataDiff, type RowRange } from '../board.ts';
import { ALARM, EVENT_RADIUS_PX, LEVEL_COLORS, UNKNOWN_CATEGORY_COLOR } from '../scales.ts';

/** One overdue pulse every 2 s: a calm "look here", never a blink. */
export const OVERDUE_PULSE_MS = 2000;
/** Closed and refused events of the last day stay as faint dots: the day's work, not alarms. */
const CLOSED_ALPHA = 70;
const OPEN_ALPHA = 235;
const CLOSED_LINE: Rgba = [138, 160, 191, 90];
const ESCALATED_RING: Rgba = [255, 255, 255, 230];
const OVERDUE_RING = toRgba(ALARM);
/** Around the main city and then some: the veil under the events (Chongqing's whole extent). */
const VEIL: { polygon: [number, number][] }[] = [{ polygon: [[104.9, 27.9], [110.5, 27.9], [110.5, 32.5], [104.9, 32.5]] }];

export interface EventLayerInput {
  id: string;
  board: Board;
  catalog: Catalog | undefined;
  scale: number;
  /** Wall clock (ms) for the overdue pulse; ignored when animation is off. */
  now: number;
  animate: boolean;
  opacity: number;
  size: number;
  showClosed: boolean;
  pulse: boolean;
  dim: number;
  memo: LayerMemo;
}

/** Category colours from the catalogue, as deck.gl colours (once per catalogue). */
export function categoryColours(catalog: Catalog | undefined): Map<string, Rgba> {
  return new Map((catalog?.categories ?? []).map((c) => [c.id, toRgba(c.colour)]));
}

const unknownColour = toRgba(UNKNOWN_CATEGORY_COLOR);

/** The fill accessor for one colour table: the same function while the catalogue is the same. */
export function fillOf(colours: Map<string, Rgba>) {
  return (e: CityEvent): Rgba => {
    const [r, g, b] = colours.get(e.category) ?? unknownColour;
    return [r, g, b, isOpen(e.status) ? OPEN_ALPHA : CLOSED_ALPHA];
  };
}

const levelLine = Object.fromEntries(Object.entries(LEVEL_COLORS).map(([l, c]) => [l, toRgba(c)])) as Record<CityEvent['level'], Rgba>;
export const lineOf = (e: CityEvent): Rgba => (isOpen(e.status) ? levelLine[e.level] : CLOSED_LINE);
export const radiusOf = (e: CityEvent) => EVENT_RADIUS_PX[e.level];
const radiusOpenOnly = (e: CityEvent) => (isOpen(e.status) ? EVENT_RADIUS_PX[e.level] : 0);
const ringRadius = (e: CityEvent) => EVENT_RADIUS_PX[e.level] + 4;
const positionOf = (e: CityEvent) => e.position;

/** Open escalated events (督办): they wear a white ring. Recomputed once per board change. */
export const escalatedOpen = (events: readonly CityEvent[]) => events.filter((e) => e.escalated && isOpen(e.status));
/** Open overdue events (超期): a red ring pulses outward from them. */
export const overdueOpen = (events: readonly CityEvent[]) => events.filter((e) => e.overdue && isOpen(e.status));

/** 0 at the start of a pulse, 1 at its end; a still wall rests where the ring reads best. */
export function pulsePhase(now: number, animate: boolean): number {
  return animate ? (((now % OVERDUE_PULSE_MS) + OVERDUE_PULSE_MS) % OVERDUE_PULSE_MS) / OVERDUE_PULSE_MS : 0.4;
}

// deck.gl types _dataDiff generically; ours answers for the board's arrays (null: a full update).
const dataDiff = boardDataDiff as unknown as (newData: unknown, oldData?: unknown) => RowRange[];

/**
 * City events as points: filled in their category's colour, sized and outlined by level, closed
 * and refused ones faint; escalated ones (督办) ringed in white; overdue ones (超期) send out a
 * slow red pulse. The points read the board's own array: the board's merge keeps a changed event
 * at its row and appends new ones, and `_dataDiff` hands deck.gl just those rows, so one change
 * among 10,000 events rewrites one row of each attribute. No update trigger follows the board's
 * `seq` (that would rebuild every row); only a new catalogue (colours) rebuilds the fill.
 */
export function buildEventLayers(input: EventLayerInput): Layer[] {
  const { id, board, catalog, scale, now, animate, opacity, size, showClosed, pulse, dim, memo } = input;
  const events = board.events;
  const fill = memo(fillOf, memo(categoryColours, catalog));
  const layers: Layer[] = [];
  if (dim > 0) {
    layers.push(
      new SolidPolygonLayer({
        id: `${id}-dim`,
        data: VEIL,
        getPolygon: (d: (typeof VEIL)[number]) => d.polygon,
        getFillColor: [7, 13, 26, Math.round(dim * 255)],
        updateTriggers: { getFillColor: dim },
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
      }),
    );
  }
  layers.push(
    new ScatterplotLayer<CityEvent>({
      id: `${id}-points`,
      data: events,
      _dataDiff: dataDiff,
      getPosition: positionOf,
      getRadius: showClosed ? radiusOf : radiusOpenOnly,
      radiusUnits: 'pixels',
      radiusScale: scale * size,
      radiusMinPixels: 0,
      getFillColor: fill,
      stroked: true,
      getLineColor: lineOf,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      lineWidthScale: scale,
      opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      parameters: { depthCompare: 'always' },
      updateTriggers: { getFillColor: catalog?.version ?? 0, getRadius: showClosed },
    }),
  );
  const escalated = memo(escalatedOpen, events);
  if (escalated.length) {
    layers.push(
      new ScatterplotLayer<CityEvent>({
        id: `${id}-escalated`,
        data: escalated,
        _dataDiff: dataDiff,
        getPosition: positionOf,
        getRadius: ringRadius,
        radiusUnits: 'pixels',
        radiusScale: scale * size,
        filled: false,
        stroked: true,
        getLineColor: ESCALATED_RING,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        lineWidthScale: scale,
        opacity,
        parameters: { depthCompare: 'always' },
      }),
    );
  }
  const overdue = memo(overdueOpen, events);
  if (pulse && overdue.length) {
    // The pulse moves only uniforms (radiusScale, opacity): an animation frame rebuilds nothing.
    const phase = pulsePhase(now, animate);
    layers.push(
      new ScatterplotLayer<CityEvent>({
        id: `${id}-overdue`,
        data: overdue,
        _dataDiff: dataDiff,
        getPosition: positionOf,
        getRadius: ringRadius,
        radiusUnits: 'pixels',
        radiusScale: scale * size * (1 + 1.6 * phase),
        filled: false,
        stroked: true,
        getLineColor: OVERDUE_RING,
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
        lineWidthScale: scale,
        opacity: opacity * (1 - phase) * 0.95,
        parameters: { depthCompare: 'always' },
      }),
    );
  }
  return layers;
}
