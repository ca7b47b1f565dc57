import type { Root } from 'react-dom/client';
import type { ToPreview } from '../../core/preview-protocol.ts';
import { checkScene } from '../../modules/scene-validation.ts';
import { twinStatus } from '../../twin/twin-status.ts';
import { setWallClockOffset, wallNow } from '../../core/wall-clock.ts';
import { createMirrorSync } from '../../control/mirror-sync.ts';
import { readFlags } from '../runtime-config.ts';
import { createWallRuntime, type AppRuntime } from '../wall-runtime.ts';
import { showWall } from '../show-wall.tsx';
import { listenToDesigner, PreviewToken, tellDesigner } from './preview-link.ts';

/**
 * `/wall?preview=1`: the wall's own screen, in the scene designer's iframe, showing the designer's
 * draft with live hub data. It is no display: it enrols nowhere, joins no wall and obeys no
 * console. The draft is checked exactly as a wall checks a scene; one that fails is reported to
 * the designer and the last good draft stays on screen.
 *
 * In `mirror` mode (init's `mode`) it is the console's miniature of a wall instead: the hub's
 * scenes, and the wall states the console hands it, put on screen by the displays' own applier and
 * tour driver (src/control/mirror-sync.ts). It still joins no wall and sends nothing to the hub.
 */
export function bootPreview(root: Root) {
  const flags = readFlags();
  let runtime: AppRuntime | null = null;
  let token: PreviewToken | null = null;
  let pending: unknown = null;
  let mirror: ReturnType<typeof createMirrorSync> | null = null;
  let pendingState: Extract<ToPreview, { type: 'onescreen:wall-state' }> | null = null;

  const show = (raw: unknown) => {
    if (mirror) return; // a mirror shows the wall's scene, never a draft
    if (!runtime) return void (pending = raw);
    const check = checkScene(raw);
    if (!check.ok) return tellDesigner({ type: 'onescreen:scene-error', error: check.error });
    runtime.sceneOps.merge([check.scene]);
    runtime.sceneOps.select(check.scene.id);
    tellDesigner({ type: 'onescreen:scene-shown', id: check.scene.id });
  };

  const mirrorState = (m: Extract<ToPreview, { type: 'onescreen:wall-state' }>) => {
    if (!mirror) return void (pendingState = m);
    const before = wallNow();
    setWallClockOffset(m.hubOffsetMs);
    mirror.show(m.state, m.cause);
    // The console's clock moved this one: a tour step may have ended under it.
    if (Math.abs(wallNow() - before) > 250) mirror.refresh();
  };

  const start = (hubUrl: string, first: string, mode: 'draft' | 'mirror') => {
    token = new PreviewToken(first);
    if (mode === 'mirror') lowerPixelRatio();
    runtime = createWallRuntime(hubUrl, flags, { preview: token, mirror: mode === 'mirror' });
    if (mode === 'mirror') {
      mirror = createMirrorSync({ control: runtime.control, scenes: runtime.scenes, districts: runtime.districts, topics: runtime.topics, now: wallNow });
      document.documentElement.dataset.mirror = '1';
    }
    showWall(root, runtime);
    if (pending !== null) show(pending);
    if (pendingState) mirrorState(pendingState);
    pendingState = null;
  };

  const onMessage = (m: ToPreview) => {
    switch (m.type) {
      case 'onescreen:init':
        if (!runtime) start(m.hubUrl, m.token, m.mode ?? 'draft');
        return;
      case 'onescreen:token':
        return token?.set(m.token);
      case 'onescreen:scene':
        return show(m.scene);
      case 'onescreen:wall-state':
        return mirrorState(m);
      case 'onescreen:capture-camera': {
        if (mirror) return; // a mirror answers nothing
        const camera = twinStatus().camera?.();
        if (camera) tellDesigner({ type: 'onescreen:camera', camera: roundCamera(camera) });
        return;
      }
    }
  };
  listenToDesigner(onMessage);
  tellDesigner({ type: 'onescreen:ready' });
}

/**
 * The miniature is shown at a fraction of its size (about a third in the console): its canvases need
 * no more than one pixel a CSS pixel (a tablet's 2 or 3 would quadruple or worse the GPU's work for
 * nothing visible). Read by maplibre, deck.gl and echarts when they are made, so it is set before
 * the wall is drawn.
 */
function lowerPixelRatio() {
  if (window.devicePixelRatio <= 1) return;
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => 1 });
}

/** A captured camera goes into a scene file: a few decimals say as much as the screen can show. */
function roundCamera(c: { center: [number, number]; zoom: number; pitch?: number; bearing?: number }) {
  const r = (v: number, d: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v * 10 ** d) / 10 ** d));
  return {
    center: [r(c.center[0], 5, -180, 180), r(c.center[1], 5, -85, 85)] as [number, number],
    zoom: r(c.zoom, 2, 3, 20),
    pitch: r(c.pitch ?? 0, 1, 0, 75),
    bearing: r(c.bearing ?? 0, 1, -180, 180),
  };
}

