import { HubClient } from '../hub/hub-client.ts';
import { checkScene } from '../modules/scene-validation.ts';
import { REGISTRY } from '../modules/registry.ts';
import { wallTopics } from '../core/scene-view.ts';
import { useWallRuntime, type WallRuntime } from '../core/wall-context.ts';
import { createConnectionStore } from '../store/connection-store.ts';
import { createDiagnosticsStore, diagnosticsActions } from '../store/diagnostics-store.ts';
import { createLegendStore } from '../store/legend-store.ts';
import { createCityStore } from '../store/city-store.ts';
import { createDistrictStore } from '../store/district-store.ts';
import { SPEED_LUT } from '../modules/traffic/scales.ts';
import { VEHICLES_TOPIC } from '../hub/decode/vehicle-frame.ts';
import { createSceneStore, currentScene, sceneActions } from '../store/scene-store.ts';
import { createSelectionStore } from '../store/selection-store.ts';
import { createTopicStore } from '../store/topic-store.ts';
import { loadBundledScenes } from './bundled-scenes.ts';
import type { Flags } from './runtime-config.ts';
import { createControlStore, wallLayerVisibility } from '../store/control-store.ts';
import { EVENTS_BOARD_TOPIC } from '../hub/topics/events.ts';
import { bindWallControl } from '../control/wall-sync.ts';
import { installLatencyProbe } from './latency-probe.ts';
import type { TokenSource } from '../hub/display-token.ts';

export interface DisplayIdentity {
  /** The device credential enrolment gave this screen (src/app/enrolment/). */
  credential: string;
  /** The hub no longer knows the credential: pair this screen again. */
  onNotEnrolled: () => void;
}

/**
 * The scene designer's preview (src/app/preview/): live topics with the designer's token, no
 * wall to obey, and only the draft it is sent as its scene (the hub's scenes are not its business).
 */
export interface PreviewIdentity {
  preview: TokenSource;
  /**
   * The console's miniature of a wall (src/control/mirror-sync.ts): the hub's scenes, as a display
   * has them, and the wall's time (the time machine), but still no wall joined and nothing sent.
   */
  mirror?: boolean;
}

/**
 * Everything one wall display holds: its stores and its link to the hub. `flags` carry the slot
 * the operator approved (withSlot), which the hub checks the handshake against.
 */
export function createWallRuntime(hubUrl: string, flags: Flags, identity: DisplayIdentity | PreviewIdentity) {
  const display = 'credential' in identity ? identity : null;
  const mirror = !display && (identity as PreviewIdentity).mirror === true;
  const connection = createConnectionStore();
  const diagnostics = createDiagnosticsStore();
  const districts = createDistrictStore();
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
  // ?scene= may name a scene only the hub has (made in the designer): it is shown when the hub's
  // scenes arrive, and reported only if the hub does not have it either.
  let urlScene = flags.scene && !sceneOps.select(flags.scene) ? flags.scene : null;
  if (flags.viewingError) diagnosticsActions(diagnostics).error('url', flags.viewingError);
  if (flags.gridError) {
    // Shown in diagnostics and the console: an installer setting up a wall looks at either.
    diagnosticsActions(diagnostics).error('url', flags.gridError);
    console.warn(`multi-display wall: ${flags.gridError}; showing the whole view on this display`);
  }

  const hub = new HubClient({
    hubUrl,
    auth: display ? { role: 'display', wall: flags.wall, display: flags.display, grid: flags.grid } : { role: 'designer' },
    token: display ? undefined : (identity as PreviewIdentity).preview,
    connection,
    diagnostics,
    districts,
    topics,
    city,
    checkScene,
    // The vehicles are coloured by speed in the decode worker, through the traffic module's ramp.
    codecOptions: { [VEHICLES_TOPIC]: { colourLut: SPEED_LUT } },
    credential: display?.credential,
    onNotEnrolled: display?.onNotEnrolled,
    onSocket: display ? (socket) => bindWallControl(socket, { wall: flags.wall, display: flags.display, control, scenes, districts, diagnostics, topics }) : undefined,
    onScenes: (good, errors) => {
      if (!display && !mirror) return;
      sceneOps.merge(good);
      for (const e of errors) sceneOps.error(e);
      if (urlScene && !sceneOps.select(urlScene)) sceneOps.error(`?scene=${urlScene}: no such scene`);
      urlScene = null;
    },
  });

  // The hub feeds exactly what the wall shows: topics follow the scene (and its current version),
  // the layers the console or a tour step shows or hides on it.
  let lastTopics = '';
  const followScene = () => {
    const wanted = wallTopics(currentScene(scenes.getState()), REGISTRY, wallLayerVisibility(control.getState()));
    // A tour step that highlights a city event finds it on the events board, whatever the scene.
    const highlight = control.getState().tour?.step?.highlight;
    if (highlight && 'event' in highlight && !wanted.includes(EVENTS_BOARD_TOPIC)) {
      wanted.push(EVENTS_BOARD_TOPIC);
      wanted.sort();
    }
    if (wanted.join() === lastTopics) return;
    lastTopics = wanted.join();
    hub.setTopics(wanted);
  };
  scenes.subscribe(followScene);
  control.subscribe(followScene);
  followScene();
  // The time machine: a wall in playback takes its data from the hub's recording (hub/playback/).
  if (display || mirror) {
    const followTime = () => hub.setWallTime(control.getState().state?.time);
    control.subscribe(followTime);
    followTime();
  }
  if (display) {
    // For tests and installers (?diag=1 shows errors): how many shown topics hold a replayed value.
    if (typeof document !== 'undefined') {
      topics.subscribe((s) => {
        const replayed = String(Object.values(s.values).filter((v) => v?.epoch?.includes(':r')).length);
        if (document.documentElement.dataset.replayedTopics !== replayed) document.documentElement.dataset.replayedTopics = replayed;
      });
    }
  }
  // ?latency=<topic>: hub-to-screen timing for bench/latency.ts; inert without the flag.
  installLatencyProbe(topics);

  const runtime = { hubUrl, flags, registry: REGISTRY, connection, diagnostics, districts, selection, topics, legends, city, scenes, control };
  return { ...(runtime satisfies WallRuntime), sceneOps, hub };
}
export type AppRuntime = ReturnType<typeof createWallRuntime>;
export { WallRuntimeContext, useWallRuntime, useOverview, useTopic, useCurrentScene } from '../core/wall-context.ts';

/** The app's view of the runtime: the core one plus what only the app touches (the hub link). */
export function useAppRuntime(): AppRuntime {
  return useWallRuntime() as unknown as AppRuntime;
}
