import { CameraSchema, type Camera, type Scene } from '../../../hub/contract.ts';

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/**
 * The scene's opening view. Rounded to what a wall can show (about a metre, a hundredth of a zoom
 * level or degree), so a captured camera reads well in the file; an out-of-range camera is refused.
 */
export function setCamera(scene: Scene, { camera }: { camera: Camera }): Scene {
  const parsed = CameraSchema.safeParse(camera);
  if (!parsed.success) return scene;
  const c = parsed.data;
  const next: Camera = {
    center: [round(c.center[0], 6), round(c.center[1], 6)],
    zoom: round(c.zoom, 2),
    pitch: round(c.pitch, 2),
    bearing: round(c.bearing, 2),
  };
  const old = scene.camera;
  const same =
    old.center[0] === next.center[0] && old.center[1] === next.center[1] && old.zoom === next.zoom && old.pitch === next.pitch && old.bearing === next.bearing;
  return same ? scene : { ...scene, camera: next };
}
