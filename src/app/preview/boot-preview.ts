import type { Root } from 'react-dom/client';
import type { ToPreview } from '../../core/preview-protocol.ts';
import { checkScene } from '../../modules/scene-validation.ts';
import { twinStatus } from '../../twin/twin-status.ts';
import { readFlags } from '../runtime-config.ts';
import { createWallRuntime, type AppRuntime } from '../wall-runtime.ts';
import { showWall } from '../show-wall.tsx';
import { listenToDesigner, PreviewToken, tellDesigner } from './preview-link.ts';

/**
 * `/wall?preview=1`: the wall's own screen, in the scene designer's iframe, showing the designer's
 * draft with live hub data. It is no display: it enrols nowhere, joins no wall and obeys no
 * console. The draft is checked exactly as a wall checks a scene; one that fails is reported to
 * the designer and the last good draft stays on screen.
 */
export function bootPreview(root: Root) {
  const flags = readFlags();
  let runtime: AppRuntime | null = null;
  let token: PreviewToken | null = null;
  let pending: unknown = null;

  const show = (raw: unknown) => {
    if (!runtime) return void (pending = raw);
    const check = checkScene(raw);
    if (!check.ok) return tellDesigner({ type: 'onescreen:scene-error', error: check.error });
    runtime.sceneOps.merge([check.scene]);
    runtime.sceneOps.select(check.scene.id);
    tellDesigner({ type: 'onescreen:scene-shown', id: check.scene.id });
  };

  const start = (hubUrl: string, first: string) => {
    token = new PreviewToken(first);
    runtime = createWallRuntime(hubUrl, flags, { preview: token });
    showWall(root, runtime);
    if (pending !== null) show(pending);
  };

  const onMessage = (m: ToPreview) => {
    switch (m.type) {
      case 'onescreen:init':
        if (!runtime) start(m.hubUrl, m.token);
        return;
      case 'onescreen:token':
        return token?.set(m.token);
      case 'onescreen:scene':
        return show(m.scene);
      case 'onescreen:capture-camera': {
        const camera = twinStatus().camera?.();
        if (camera) tellDesigner({ type: 'onescreen:camera', camera: roundCamera(camera) });
        return;
      }
    }
  };
  listenToDesigner(onMessage);
  tellDesigner({ type: 'onescreen:ready' });
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

