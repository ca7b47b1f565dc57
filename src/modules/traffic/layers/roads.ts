import { PathLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Road, TrafficCongestion, TrafficRoads } from '../../../hub/topics/traffic.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import { NO_DATA_RGBA, ROAD_CLASS_NAMES, ROAD_WIDTH_PX, congestionLevel, levelRgba } from '../scales.ts';
import { type Rgba } from '../../../core/colour.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

export interface RoadLayerInput {
  /** Prefix of the deck.gl layer ids (the scene layer's id). */
  id: string;
  roads: TrafficRoads;
  congestion: TrafficCongestion | null;
  /** Sequence number of the congestion value: recolours without re-tessellating paths. */
  congestionSeq: number;
  scale: number;
  labels?: boolean;
  glow?: boolean;
  opacity?: number;
  /** The scene layer's memo (ctx.memo): colours and derived network data are kept in it. */
  memo: LayerMemo;
}

/**
 * Colour per road, in road order, for a congestion value and the network it follows: through the
 * layer's memo (ctx.memo), once per congestion value and network.
 */
export function roadColors(roads: TrafficRoads, congestion: TrafficCongestion | null): Rgba[] {
  if (!congestion || congestion.roadsVersion !== roads.version || congestion.index.length !== roads.roads.length) {
    return roads.roads.map(() => NO_DATA_RGBA);
  }
  return congestion.index.map(levelRgba);
}

interface Derived {
  major: Road[];
  majorIndex: number[];
  bridges: { name: string; position: [number, number]; index: number }[];
  byId: Map<string, number>;
}
/** Main roads, bridges and the road index of a network: through the layer's memo, once per network. */
export function deriveRoads(roads: TrafficRoads): Derived {
  const major: Road[] = [];
  const majorIndex: number[] = [];
  const bridges: Derived['bridges'] = [];
  roads.roads.forEach((r, i) => {
    if (r.class !== 'local') major.push(r), majorIndex.push(i);
    if (r.bridge) {
      const p = r.path[Math.floor((r.path.length - 1) / 2)];
      const q = r.path[Math.ceil((r.path.length - 1) / 2)];
      bridges.push({ name: r.name, position: [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2], index: i });
    }
  });
  return { major, majorIndex, bridges, byId: new Map(roads.roads.map((r, i) => [r.id, i])) };
}

/**
 * Roads coloured by their congestion level: a soft glow under the main roads, the roads, and the
 * bridge names. Stable ids; a congestion update only re-runs the colour accessor.
 */
export function buildRoadLayers({ id, roads, congestion, congestionSeq, scale, labels = true, glow = true, opacity = 1, memo }: RoadLayerInput): Layer[] {
  const colors = memo(roadColors, roads, congestion);
  const derived = memo(deriveRoads, roads);
  const version = `${roads.version}:${congestionSeq}`;
  const layers: Layer[] = [];
  if (glow) {
    layers.push(
      new PathLayer<Road>({
        id: `${id}-glow`,
        data: derived.major,
        getPath: (r) => r.path as [number, number][],
        getColor: (_r, { index }) => {
          const c = colors[derived.majorIndex[index]];
          return [c[0], c[1], c[2], 60];
        },
        getWidth: (r) => ROAD_WIDTH_PX[r.class] * 2.6,
        widthUnits: 'pixels',
        widthScale: scale,
        capRounded: true,
        jointRounded: true,
        opacity,
        // Flat on the ground and drawn in order: no depth test, so lines never z-fight.
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
        updateTriggers: { getColor: version },
      }),
    );
  }
  layers.push(
    new PathLayer<Road>({
      id: `${id}-paths`,
      data: roads.roads,
      getPath: (r) => r.path as [number, number][],
      getColor: (_r, { index }) => colors[index],
      getWidth: (r) => ROAD_WIDTH_PX[r.class] + (r.bridge ? 1 : 0),
      widthUnits: 'pixels',
      widthScale: scale,
      widthMinPixels: 1,
      capRounded: true,
      jointRounded: true,
      opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 110],
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
      updateTriggers: { getColor: version },
    }),
  );
  if (labels && derived.bridges.length) {
    layers.push(
      new PlacedLabelsLayer<Derived['bridges'][number]>({
        id: `${id}-bridge-labels`,
        data: derived.bridges,
        getText: (b) => b.name,
        getPosition: (b) => b.position,
        getSize: 15,
        sizeScale: scale,
        getColor: [225, 240, 255, 235],
        // Just above the bridge.
        getPixelOffset: [0, -6 * scale],
        getAlignmentBaseline: 'bottom',
        // The most congested bridges keep their names.
        getPriority: (b) => congestion?.index[b.index] ?? 0,
        parameters: { depthCompare: 'always' },
        updateTriggers: { getPriority: version },
      }),
    );
  }
  return layers;
}

/** Hover text of a road: plain lines, never HTML. `byId` is the network's road index (deriveRoads). */
export function describeRoad(
  road: Road,
  roads: TrafficRoads,
  congestion: TrafficCongestion | null,
  districtName: (code: string) => string | undefined,
  byId: ReadonlyMap<string, number>,
): string[] {
  const lines = [`${road.name}  ${ROAD_CLASS_NAMES[road.class]}${road.bridge ? ' · 过江桥梁' : ''}`];
  const i = byId.get(road.id);
  if (congestion && i !== undefined && congestion.roadsVersion === roads.version && i < congestion.index.length) {
    const index = congestion.index[i];
    lines.push(`拥堵指数 ${index.toFixed(1)} ${congestionLevel(index).name}`);
    lines.push(`平均车速 ${Math.round(congestion.speedKmh[i])} km/h`);
  }
  const district = districtName(road.district);
  lines.push(`${district ? `${district} · ` : ''}路段长 ${(road.lengthM / 1000).toFixed(1)} km`);
  return lines;
}
