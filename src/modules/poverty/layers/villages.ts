import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { PovertyVillage, PovertyVillages, VillageIndustry } from '../../../hub/topics/poverty.ts';
import { INDUSTRIES, formatGrowth } from '../style.ts';
import { toRgba } from '../../../core/colour.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

const NONE: PovertyVillage[] = [];

/**
 * Villages by district, largest first: derived once per topic value, through the layer's memo
 * (ctx.memo) on the map and through useMemo in the panels.
 */
export function villagesByDistrict(value: PovertyVillages): ReadonlyMap<string, PovertyVillage[]> {
  const map = new Map<string, PovertyVillage[]>();
  for (const v of value.villages) {
    const list = map.get(v.districtCode);
    if (list) list.push(v);
    else map.set(v.districtCode, [v]);
  }
  for (const list of map.values()) list.sort((a, b) => b.households - a.households);
  return map;
}

/**
 * Every character of every village name, sorted: the label layer's glyph atlas. Not 'auto': the
 * layer is empty until a district is selected, and an atlas built from no characters does not
 * grow back reliably; a string compares by value, so an unchanged list keeps its atlas. Through
 * the layer's memo, once per topic value.
 */
export function villageCharacters(value: PovertyVillages): string {
  return [...new Set([' ', ...value.villages.flatMap((v) => Array.from(v.name))])].sort().join('');
}

/** Minimum spacing between labelled villages, km east-west and north-south: a 15 px name is about that big at the scene's city view (zoom 7, pitch 40). */
export const LABEL_SPACING_KM = { x: 26, y: 13 } as const;

/**
 * The villages that get a name on the map: largest first, skipping any too close to one already
 * named. Deterministic and on the CPU: deck's collision filter drops labels drawn off their
 * anchor, and a district's villages sit within a hundred pixels at the city view. Through the
 * layer's memo, once per list.
 */
export function labelledVillages(villages: PovertyVillage[]): PovertyVillage[] {
  const chosen: PovertyVillage[] = [];
  for (const v of [...villages].sort((a, b) => b.households - a.households)) {
    const kx = 111.2 * Math.cos((v.position[1] * Math.PI) / 180);
    const clear = chosen.every(
      (c) => Math.abs(c.position[0] - v.position[0]) * kx >= LABEL_SPACING_KM.x || Math.abs(c.position[1] - v.position[1]) * 111.2 >= LABEL_SPACING_KM.y,
    );
    if (clear) chosen.push(v);
  }
  return chosen;
}

/** A district's villages, largest first, from villagesByDistrict; the same (empty) array without a selection. */
export function villagesOf(byDistrict: ReadonlyMap<string, PovertyVillage[]>, code: string | null): PovertyVillage[] {
  return code ? (byDistrict.get(code) ?? NONE) : NONE;
}

/** Industries present among a list of villages, most villages first. */
export function industriesOf(villages: PovertyVillage[]): { industry: VillageIndustry; count: number }[] {
  const counts = new Map<VillageIndustry, number>();
  for (const v of villages) counts.set(v.industry, (counts.get(v.industry) ?? 0) + 1);
  return [...counts].map(([industry, count]) => ({ industry, count })).sort((a, b) => b.count - a.count);
}

export const villageRadius = (households: number) => 5 + 5 * Math.sqrt(Math.min(1, households / 250));

export interface VillagesInput {
  id: string;
  value: PovertyVillages;
  seq: number;
  selected: string | null;
  scale: number;
  labels: boolean;
  /** The scene layer's memo (ctx.memo): villages by district, label choice and glyphs are kept in it. */
  memo: LayerMemo;
}

/**
 * The drill-down: the selected district's lifted villages as points coloured by industry, with
 * their names. Without a selection the layers stay (stable ids) with no data.
 */
export function buildVillages({ id, value, seq, selected, scale, labels, memo }: VillagesInput) {
  const villages = villagesOf(memo(villagesByDistrict, value), selected);
  const points = new ScatterplotLayer<PovertyVillage>({
    id: `${id}-points`,
    data: villages,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 180],
    radiusUnits: 'pixels',
    radiusScale: scale,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    getLineColor: [7, 13, 26, 230],
    getPosition: (v) => v.position,
    getRadius: (v) => villageRadius(v.households),
    getFillColor: (v) => toRgba(INDUSTRIES[v.industry].color, 250),
    parameters: { depthCompare: 'always' },
    updateTriggers: { getRadius: seq, getFillColor: seq },
  });
  if (!labels) return [points];
  const names = new TextLayer<PovertyVillage>({
    id: `${id}-labels`,
    data: memo(labelledVillages, villages),
    characterSet: memo(villageCharacters, value),
    fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
    fontWeight: 500,
    fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 12 },
    getText: (v) => v.name,
    getPosition: (v) => v.position,
    getPixelOffset: (v) => [0, -(villageRadius(v.households) + 3) * scale],
    getSize: 15,
    sizeScale: scale,
    sizeUnits: 'pixels',
    getColor: [240, 248, 255, 255],
    outlineWidth: 4,
    outlineColor: [7, 13, 26, 240],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'bottom',
    parameters: { depthCompare: 'always' },
    updateTriggers: { getText: seq, getPosition: seq, getPixelOffset: [seq, scale] },
  });
  return [points, names];
}

export function describeVillage(v: PovertyVillage, districtName: string | undefined): string[] {
  const industry = INDUSTRIES[v.industry];
  return [
    `${v.name}${districtName ? ` · ${districtName}` : ''}`,
    `特色产业 ${industry.name} · ${industry.nameEn}`,
    `脱贫户 ${v.households.toLocaleString('zh-CN')} 户 · Households lifted`,
    `人均收入增长 ${formatGrowth(v.incomeGrowth)} · Income growth`,
  ];
}
