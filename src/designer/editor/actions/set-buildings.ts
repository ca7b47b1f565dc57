import type { Scene } from '../../../hub/contract.ts';

/** The generated 3D city under the scene's layers, on or off. */
export function setBuildings(scene: Scene, { buildings }: { buildings: boolean }): Scene {
  return scene.city.buildings === buildings ? scene : { ...scene, city: { ...scene.city, buildings } };
}
