import { ArcLayer } from '@deck.gl/layers';
import type { DistrictsResponse } from '../../../hub/contract.ts';
import type { PovertyPair, PovertyPairs } from '../../../hub/topics/poverty.ts';
import { PAIR_COLORS, formatFunds } from '../style.ts';
import { toRgba } from '../../../core/colour.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

export const ARC_WIDTH_PX = { min: 1.5, max: 6 } as const;

export interface ArcDatum extends PovertyPair {
  source: [number, number];
  target: [number, number];
  fromName: string;
  toName: string;
}

interface Derived {
  arcs: ArcDatum[];
  maxFunds: number;
}

/** Arcs from helper to helped district centre: through the layer's memo, once per topic value and geometry. */
export function arcData(value: PovertyPairs, districts: DistrictsResponse): Derived {
  const props = new Map(districts.features.map((f) => [f.properties.code, f.properties]));
  const arcs: ArcDatum[] = [];
  for (const p of value.pairs) {
    const a = props.get(p.from);
    const b = props.get(p.to);
    if (!a || !b) continue;
    arcs.push({ ...p, source: a.center, target: b.center, fromName: a.name, toName: b.name });
  }
  return { arcs, maxFunds: Math.max(1, ...arcs.map((a) => a.fundsWan)) };
}

export function arcWidth(funds: number, maxFunds: number): number {
  return ARC_WIDTH_PX.min + (ARC_WIDTH_PX.max - ARC_WIDTH_PX.min) * Math.sqrt(Math.max(0, funds) / Math.max(1, maxFunds));
}

export interface PairArcsInput {
  id: string;
  districts: DistrictsResponse;
  value: PovertyPairs;
  seq: number;
  selected: string | null;
  scale: number;
  opacity: number;
  /** The scene layer's memo (ctx.memo): the derived arcs are kept in it. */
  memo: LayerMemo;
}

/** Paired assistance: an arc from each helper district to the key county it helps, width by funds. */
export function buildPairArcs({ id, districts, value, seq, selected, scale, opacity, memo }: PairArcsInput) {
  const { arcs, maxFunds } = memo(arcData, value, districts);
  // With a district selected, only its own pairings keep their colour.
  const alpha = (a: ArcDatum) => (!selected || a.from === selected || a.to === selected ? 235 : 35);
  return [
    new ArcLayer<ArcDatum>({
      id: `${id}-arcs`,
      data: arcs,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 209, 102, 220],
      opacity,
      greatCircle: false,
      getSourcePosition: (a) => a.source,
      getTargetPosition: (a) => a.target,
      getSourceColor: (a) => toRgba(PAIR_COLORS.from, alpha(a)),
      getTargetColor: (a) => toRgba(PAIR_COLORS.to, alpha(a)),
      getWidth: (a) => arcWidth(a.fundsWan, maxFunds),
      widthUnits: 'pixels',
      widthScale: scale,
      getHeight: 0.22,
      getTilt: 0,
      updateTriggers: { getWidth: seq, getSourceColor: [seq, selected], getTargetColor: [seq, selected] },
    }),
  ];
}

export function describePair(a: ArcDatum): string[] {
  return [
    `${a.fromName} → ${a.toName}`,
    `结对帮扶 Paired assistance · 自 ${a.since} 年`,
    `帮扶资金 ${formatFunds(a.fundsWan)} · Funds`,
    `帮扶项目 ${a.projects.toLocaleString('zh-CN')} 个 · Projects`,
  ];
}
