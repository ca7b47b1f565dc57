import type { ComponentType, LazyExoticComponent } from 'react';
import type { Layer } from '@deck.gl/core';
import type { DistrictsResponse, Overview, SceneLayer } from '../hub/contract.ts';
import type { TopicValue } from '../store/topic-store.ts';
import type { RainField } from '../twin/city/rain.ts';

/** What a layer builder sees: everything is read-only and current as of this frame. */
export interface LayerContext {
  /** The scene's layer entry: its id prefixes every deck.gl layer id the builder makes. */
  layer: SceneLayer;
  /** The topic this layer reads (the scene's override or the kind's own). */
  topic: string | undefined;
  /** Latest value of any topic the wall holds. */
  value<T>(topic: string): TopicValue<T> | undefined;
  districts: DistrictsResponse | null;
  overview: Overview | null;
  selectedDistrict: string | null;
  /** DOM design scale of the wall: pixel sizes (labels, points) multiply by it. */
  scale: number;
  /** Wall clock in ms, for animated layers; fixed when animation is off. */
  now: number;
  animate: boolean;
}

export interface Beacon {
  position: [number, number];
  /** CSS colour: the alarm's status colour (orange warning, red alarm). */
  color: string;
}

export type LegendSpec =
  | { type: 'ramp'; title: string; titleEn: string; unit: string; colors: string[]; ticks: string[] }
  | { type: 'categories'; title: string; titleEn: string; items: { label: string; color: string }[] };

export interface LayerKind {
  /** Globally unique, prefixed with the module id: "weather.rain". */
  kind: string;
  title: string;
  titleEn: string;
  /** The topic the layer reads by default; a scene may name another of `acceptsTopics`. */
  topic?: string;
  acceptsTopics?: string[];
  /** Other topics it needs (read through ctx.value). */
  extraTopics?: string[];
  /** Style keys the kind understands, with defaults: a scene naming any other key is an error. */
  defaultStyle: Record<string, string | number | boolean | number[]>;
  /** Needs a new frame every animation frame (moving rain, vehicles, pulses). */
  animated?: boolean;
  build(ctx: LayerContext): Layer[];
  /** Whether the layer has what it needs to draw (its data has arrived); it is built only then. */
  ready?(ctx: LayerContext): boolean;
  /** For layers that load their own content after being built (tiles, models): whether it has. */
  drawn?(ctx: LayerContext): boolean;
  legend?(ctx: LayerContext): LegendSpec | null;
  /**
   * Alert beacons this layer raises (a pulsing light column over the place): for alarms that must
   * be seen across the room, not for ordinary data.
   */
  beacons?(ctx: LayerContext): Beacon[];
  /**
   * A rain-rate grid this layer shows as falling rain in the 3D city (sqrt-scaled bytes,
   * mm/h = (q / 25)², row-major from the north-west corner). Return the same object while the
   * data is unchanged: a new one is a texture upload.
   */
  precipitation?(ctx: LayerContext): RainField | null;
  /** Hover text for a picked object of this layer: plain text lines, never HTML. */
  tooltip?(object: unknown, ctx: LayerContext): string[] | null;
}

export interface PanelProps {
  /** The wall's DOM scale, for crisp charts (echarts devicePixelRatio). */
  scale: number;
}

export interface PanelKind {
  kind: string;
  title: string;
  titleEn: string;
  /** Topics the panel reads: the wall subscribes to them while the panel is shown. */
  topics: string[];
  /** The panel, usually lazy (lazyPanel): its code loads when a scene first shows it. */
  component: ComponentType<PanelProps> | LazyExoticComponent<ComponentType<PanelProps>>;
}

/** A scenario module: one folder under src/modules/, one line in registry.ts. */
export interface ModuleDefinition {
  id: string;
  title: string;
  titleEn: string;
  layers: LayerKind[];
  panels: PanelKind[];
}
