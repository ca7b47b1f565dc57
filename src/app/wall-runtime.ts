import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { HubClient } from '../hub/hub-client.ts';
import { checkScene, sceneTopics } from '../modules/scene-validation.ts';
import { createConnectionStore } from '../store/connection-store.ts';
import { createDiagnosticsStore, diagnosticsActions } from '../store/diagnostics-store.ts';
import { createLegendStore } from '../store/legend-store.ts';
import { createCityStore } from '../store/city-store.ts';
import { createOverviewStore, type OverviewState } from '../store/overview-store.ts';
import { createSceneStore, currentScene, sceneActions } from '../store/scene-store.ts';
import { createSelectionStore } from '../store/selection-store.ts';
import { createTopicStore, type TopicValue } from '../store/topic-store.ts';
import { loadBundledScenes } from './bundled-scenes.ts';
import type { Flags } from './runtime-config.ts';
import { createControlStore } from '../store/control-store.ts';
import { bindWallControl } from '../control/wall-sync.ts';
import { installLatencyProbe } from './latency-probe.ts';

/** Everything one wall display holds: its stores and its link to the hub. */
export function createWallRuntime(hubUrl: string, flags: Flags, options: { displayKey?: string } = {}) {
  const connection = createConnectionStore();
  const diagnostics = createDiagnosticsStore();
  const overview = createOverviewStore();
  const selection = createSelectionStore();
  const topics = createTopicStore();
  const legends = createLegendStore();
  const city = createCityStore();
  /** The wall state the hub owns, as this display holds it (src/control/display-sync.ts). */
  const control = createControlStore();
  const bundled = loadBundledScenes();
  if (!bundled.scenes.length) throw new Error(`no valid scene bundled: ${bundled.errors.join('; ')}`);
  const scenes = createSceneStore(bundled.scenes, bundled.scenes[0].id);
  const sceneOps = sceneActions(scenes);
  for (const e of bundled.errors) sceneOps.error(e);
  if (flags.scene && !sceneOps.select(flags.scene)) sceneOps.error(`?scene=${flags.scene}: no such scene`);
  if (flags.viewingError) diagnosticsActions(diagnostics).error('url', flags.viewingError);
  if (flags.gridError) {
    // Shown in diagnostics and the console: an installer setting up a wall looks at either.
    diagnosticsActions(diagnostics).error('url', flags.gridError);
    console.warn(`multi-display wall: ${flags.gridError}; showing the whole view on this display`);
  }

  const hub = new HubClient({
    hubUrl,
    auth: { role: 'display', wall: flags.wall, display: flags.display, grid: flags.grid },
    connection,
    diagnostics,
    overview,
    topics,
    city,
    checkScene,
    displayKey: options.displayKey,
    onSocket: (socket) => bindWallControl(socket, { wall: flags.wall, display: flags.display, control, scenes, overview, diagnostics }),
    onScenes: (good, errors) => {
      sceneOps.merge(good);
      for (const e of errors) sceneOps.error(e);
    },
  });

  // The hub feeds exactly what the scene shows: topics follow the scene (and its current version).
  let lastTopics = '';
  const followScene = () => {
    const wanted = sceneTopics(currentScene(scenes.getState()));
    if (wanted.join() === lastTopics) return;
    lastTopics = wanted.join();
    hub.setTopics(wanted);
  };
  scenes.subscribe(followScene);
  followScene();
  // ?latency=<topic>: hub-to-screen timing for bench/latency.ts; inert without the flag.
  installLatencyProbe(topics);

  return { hubUrl, flags, connection, diagnostics, overview, selection, topics, legends, city, scenes, sceneOps, hub, control };
}
export type WallRuntime = ReturnType<typeof createWallRuntime>;

export const WallRuntimeContext = createContext<WallRuntime | null>(null);

export function useWallRuntime(): WallRuntime {
  const runtime = useContext(WallRuntimeContext);
  if (!runtime) throw new Error('useWallRuntime outside a wall');
  return runtime;
}

export function useOverview<T>(selector: (s: OverviewState) => T): T {
  return useStore(useWallRuntime().overview, selector);
}

/** The latest value of a topic (re-renders when that topic, and only that topic, changes). */
export function useTopic<T>(topic: string): TopicValue<T> | undefined {
  return useStore(useWallRuntime().topics, (s) => s.values[topic]) as TopicValue<T> | undefined;
}

export function useCurrentScene() {
  return useStore(useWallRuntime().scenes, currentScene);
}
