import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ConnectionStore } from '../store/connection-store.ts';
import type { DiagnosticsStore } from '../store/diagnostics-store.ts';
import type { LegendStore } from '../store/legend-store.ts';
import type { CityStore } from '../store/city-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import type { DistrictsResponse, Overview, SeriesPoint } from '../hub/contract.ts';
import { OVERVIEW_TOPIC } from '../hub/topics/overview.ts';
import { currentScene, type SceneStore } from '../store/scene-store.ts';
import type { SelectionStore } from '../store/selection-store.ts';
import type { TopicStore, TopicValue } from '../store/topic-store.ts';
import type { ControlStore } from '../store/control-store.ts';
import type { Registry } from './module-api.ts';

/** The URL flags feature code reads (src/app/runtime-config.ts parses them, with more). */
export interface WallFlags {
  readonly diag: boolean;
  /** false with ?anim=0: every animation holds still (tests, screenshots). */
  readonly anim: boolean;
  readonly wall: string;
  readonly display: string;
  readonly scene: string | null;
  /** ?time=: the moment the twin is lit for, instead of now. */
  readonly time: number | null;
  readonly orbit: boolean;
  /** This display's cell of a multi-display wall. */
  readonly grid: { readonly cols: number; readonly rows: number; readonly col: number; readonly row: number };
}

/**
 * What one wall display holds, as feature code (twin, modules, panels, control) sees it: its
 * stores, its flags and the module registry. src/app creates it (createWallRuntime) and adds the
 * hub link; nothing here knows the app.
 */
export interface WallRuntime {
  hubUrl: string;
  flags: WallFlags;
  registry: Registry;
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
  districts: DistrictStore;
  selection: SelectionStore;
  topics: TopicStore;
  legends: LegendStore;
  city: CityStore;
  scenes: SceneStore;
  /** The wall state the hub owns, as this display holds it (src/control/display-sync.ts). */
  control: ControlStore;
}

export const WallRuntimeContext = createContext<WallRuntime | null>(null);

export function useWallRuntime(): WallRuntime {
  const runtime = useContext(WallRuntimeContext);
  if (!runtime) throw new Error('useWallRuntime outside a wall');
  return runtime;
}

/** The city at a glance: district boundaries (REST) and the `overview` topic with its history. */
export interface OverviewView {
  districts: DistrictsResponse | null;
  overview: Overview | null;
  dataCallsHistory: SeriesPoint[];
}
const NO_HISTORY: SeriesPoint[] = [];

/** Re-renders only when what `selector` returns changes (a panel of district names ignores the 1 Hz figures). */
export function useOverview<T>(selector: (s: OverviewView) => T): T {
  const runtime = useWallRuntime();
  const districts = useStore(runtime.districts, (s) => s.districts);
  return useStore(runtime.topics, (s) =>
    selector({
      districts,
      overview: (s.values[OVERVIEW_TOPIC]?.data as Overview | undefined) ?? null,
      dataCallsHistory: s.history[OVERVIEW_TOPIC] ?? NO_HISTORY,
    }),
  );
}

/** The latest value of a topic (re-renders when that topic, and only that topic, changes). */
export function useTopic<T>(topic: string): TopicValue<T> | undefined {
  return useStore(useWallRuntime().topics, (s) => s.values[topic]) as TopicValue<T> | undefined;
}

export function useCurrentScene() {
  return useStore(useWallRuntime().scenes, currentScene);
}
