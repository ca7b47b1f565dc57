import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { DistrictFeature, DistrictsResponse } from '../../../hub/contract.ts';
import type { HealthAlert, HealthDistricts } from '../../../hub/topics/health.ts';
import { LEVEL_COLORS, LEVEL_NAMES } from '../scales.ts';
import type { LayerMemo } from '../../../core/module-api.ts';
import { toRgba } from '../../../core/colour.ts';

/** One pulse every 1.6 s: slow enough to read as "attention here", not as blinking. */
export const PULSE_MS = 1600;
const LEVEL_CHARACTERS = [...new Set(Object.values(LEVEL_NAMES).join(''))].join('');

export interface AlertFeature extends DistrictFeature {
  alert: HealthAlert;
}

interface Derived {
  features: AlertFeature[];
  /** The same features as one collection object, so deck sees unchanged data frame to frame. */
  collection: GeoJSON.FeatureCollection;
}

/** Districts in alert, as features carrying their alert (through the layer's memo: once per topic value and geometry). */
export function alertFeatures(value: HealthDistricts, districts: DistrictsResponse): AlertFeature[] {
  return derive(value, districts).features;
}

function derive(value: HealthDistricts, districts: DistrictsResponse): Derived {
  const alerts = new Map(value.districts.filter((d) => d.alert).map((d) => [d.code, d.alert!]));
  const features = districts.features
    .filter((f) => alerts.has(f.properties.code))
    .map((f) => ({ ...f, alert: alerts.get(f.properties.code)! }))
    // Higher levels draw last, on top of lower ones where outlines meet.
    .sort((a, b) => levelRank(a.alert) - levelRank(b.alert));
  return { features, collection: { type: 'FeatureCollection', features } as unknown as GeoJSON.FeatureCollection };
}

const levelRank = (a: HealthAlert) => ['blue', 'yellow', 'orange', 'red'].indexOf(a.level);

/** 0..1, smoothly up and down; 1 when animation is off so a still picture shows the full outline. */
export function pulseAt(now: number, animate: boolean): number {
  if (!animate) return 1;
  return 0.5 + 0.5 * Math.sin((2 * Math.PI * now) / PULSE_MS);
}

/** Through the layer's memo, the same array for the same scale: a new constant each frame would read as a changed prop. */
function labelOffset(scale: number): [number, number] {
  return [0, 22 * scale];
}

export interface AlertOutlinesInput {
  id: string;
  districts: DistrictsResponse;
  value: HealthDistricts;
  seq: number;
  scale: number;
  now: number;
  animate: boolean;
  labels: boolean;
  memo: LayerMemo;
}

/**
 * Districts in alert: a wide glow that breathes (width and opacity are uniforms, so a pulse costs
 * no attribute update), a crisp outline in the warning level's colour, and the level's name.
 */
export function buildAlertOutlines({ id, districts, value, seq, scale, now, animate, labels, memo }: AlertOutlinesInput) {
  const { features, collection } = memo(derive, value, districts);
  const pulse = pulseAt(now, animate);
  const color = (f: AlertFeature, alpha: number) => toRgba(LEVEL_COLORS[f.alert.level], alpha);
  const layers = [
    new GeoJsonLayer({
      id: `${id}-glow`,
      data: collection,
      filled: false,
      stroked: true,
      pickable: false,
      getLineColor: (f) => color(f as unknown as AlertFeature, 110),
      getLineWidth: 12,
      lineWidthUnits: 'pixels',
      lineWidthScale: scale * (0.5 + 0.9 * pulse),
      opacity: 0.25 + 0.6 * pulse,
      lineJointRounded: true,
      updateTriggers: { getLineColor: seq },
    }),
    new GeoJsonLayer({
      id: `${id}-line`,
      data: collection,
      filled: false,
      stroked: true,
      pickable: false,
      getLineColor: (f) => color(f as unknown as AlertFeature, 255),
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      lineWidthScale: scale,
      lineJointRounded: true,
      updateTriggers: { getLineColor: seq },
    }),
  ];
  if (!labels) return layers;
  return [
    ...layers,
    new TextLayer<AlertFeature>({
      id: `${id}-labels`,
      data: features,
      // Fixed, not 'auto': with no district in alert the layer is empty, and an atlas built from
      // no characters does not grow back reliably when the first alert comes.
      characterSet: LEVEL_CHARACTERS,
      fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
      fontWeight: 700,
      fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 12 },
      getText: (f) => LEVEL_NAMES[f.alert.level],
      getPosition: (f) => f.properties.center,
      // Beneath the district's name, which the choropleth draws at the same point.
      getPixelOffset: memo(labelOffset, scale),
      getSize: 15,
      sizeScale: scale,
      sizeUnits: 'pixels',
      getColor: (f) => color(f, 255),
      outlineWidth: 4,
      outlineColor: [7, 13, 26, 240],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      parameters: { depthCompare: 'always' },
      updateTriggers: { getColor: seq, getText: seq },
    }),
  ];
}
