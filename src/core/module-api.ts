import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Layer } from '@deck.gl/core';
import type { z } from 'zod';
import type { DistrictsResponse, Overview, SceneLayer } from '../hub/contract.ts';
import type { TopicValue } from '../store/topic-store.ts';
import type { LegendSpec } from '../store/legend-store.ts';

export type { LegendSpec };

/**
 * A layer kind's style, what the scene designer builds its form from: a strict zod object (an
 * unknown key is an error) whose every field has `.default(…)` then `.describe('…')`, so `{}` is a
 * valid style and each field says what it does.
 */
export type StyleSchema = z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;

/**
 * Per-scene-layer memo: `memo(fn, a, b)` is `fn(a, b)`, computed again only when an argument
 * changes (by identity). Each function has one slot per scene layer, so `fn` must be a
 * module-level function (its identity is the key), never an inline arrow. The slots live as long
 * as the scene layer does: derived data (indices, colour tables, label sets) without global maps.
 */
export type LayerMemo = <A extends readonly unknown[], T>(fn: (...args: A) => T, ...args: A) => T;

/** A memo with its own slots (one per function), for one scene layer or one test. */
export function createLayerMemo(): LayerMemo {
  const slots = new Map<(...args: never[]) => unknown, { args: readonly unknown[]; value: unknown }>();
  return <A extends readonly unknown[], T>(fn: (...args: A) => T, ...args: A): T => {
    const hit = slots.get(fn);
    if (hit && hit.args.length === args.length && hit.args.every((a, i) => a === args[i])) return hit.value as T;
    const value = fn(...args);
    slots.set(fn, { args, value });
    return value;
  };
}

/** What a layer builder sees: everything is read-only and current as of this frame. */
export interface LayerContext<S = Readonly<Record<string, unknown>>> {
  /** The scene's layer entry: its id prefixes every deck.gl layer id the builder makes. */
  layer: SceneLayer;
  /** The layer's style, parsed with its kind's schema once per scene layer, defaults filled. */
  style: S;
  /** Derived data kept for this scene layer (see LayerMemo). */
  memo: LayerMemo;
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

/**
 * What a layer adds to the 3D city: an R3F node drawn in the city's local metres (x east, y north,
 * z up; `useCity()` from src/twin/city/context.ts gives `toLocal` and the per-frame view). Return
 * the same object while its data is unchanged: the twin compares elements by identity, and a new
 * one re-renders the city root.
 */
export interface City3DElement {
  /** Unique in the scene (the scene layer's id): the React key. */
  key: string;
  node: ReactNode;
  /** Moves every frame while the wall animates (pulses, falling rain): frames keep coming while shown. */
  animated: boolean;
  /** What it shows, for diagnostics and tests: e.g. { beacons: 3 } or { rain: 1 }. */
  counts?: Readonly<Record<string, number>>;
  /** Places (lon/lat, radius in metres) where the generated buildings make way for a real model. */
  clearings?: readonly { position: [number, number]; radiusM: number }[];
}


export interface LayerKind<S extends StyleSchema = StyleSchema> {
  /** Globally unique, prefixed with the module id: "weather.rain". */
  kind: string;
  title: string;
  titleEn: string;
  /** The topic the layer reads by default; a scene may name another of `acceptsTopics`. */
  topic?: string;
  acceptsTopics?: string[];
  /** Other topics it needs (read through ctx.value). */
  extraTopics?: string[];
  /** The style keys the kind understands, with defaults and descriptions (see StyleSchema). */
  style: S;
  /** Needs a new frame every animation frame (moving rain, vehicles, pulses). */
  animated?: boolean;
  build(ctx: LayerContext<z.infer<S>>): Layer[];
  /** Whether the layer has what it needs to draw (its data has arrived); it is built only then. */
  ready?(ctx: LayerContext<z.infer<S>>): boolean;
  /** For layers that load their own content after being built (tiles, models): whether it has. */
  drawn?(ctx: LayerContext<z.infer<S>>): boolean;
  legend?(ctx: LayerContext<z.infer<S>>): LegendSpec | null;
  /**
   * What the layer adds to the 3D city scene (R3F), e.g. alert beacons or falling rain; null for
   * nothing. Called on every redraw: return the same element while nothing changed.
   */
  city3d?(ctx: LayerContext<z.infer<S>>): City3DElement | null;
  /** Hover text for a picked object of this layer: plain text lines, never HTML. */
  tooltip?(object: unknown, ctx: LayerContext<z.infer<S>>): string[] | null;
}

/**
 * A layer kind whose callbacks see `ctx.style` typed by its schema: the one way modules declare
 * layer kinds, so a style field read in a builder is a field the scene file may set.
 */
export function defineLayerKind<S extends StyleSchema>(kind: LayerKind<S>): LayerKind {
  return kind;
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
  /**
   * Height in design px, title included: `min` the least its content reads in, `max` the most it
   * can use (a KPI grid gains nothing from more; a ranking or a trend can grow). Columns stack
   * panels by it (src/app/column-layout.ts); absent: PANEL_SIZE.chart.
   */
  size?: { min: number; max: number };
}

/** A scenario module: one folder under src/modules/, one line in registry.ts. */
export interface ModuleDefinition {
  id: string;
  title: string;
  titleEn: string;
  layers: LayerKind[];
  panels: PanelKind[];
}

/** The module registry as the rest of the wall sees it (src/modules/registry.ts builds it). */
export interface Registry {
  modules: readonly ModuleDefinition[];
  layerKinds: ReadonlyMap<string, LayerKind>;
  panelKinds: ReadonlyMap<string, PanelKind>;
  moduleIds: ReadonlySet<string>;
}
