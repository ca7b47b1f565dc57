/**
 * Starting points for a new scene, as data: each is a scene file whose id, titles and description
 * the designer replaces. Every one passes checkScene (templates.test.ts), so a new scene starts
 * publishable.
 */
import blank from './blank.json';
import heatView from './heat-view.json';
import mapFourPanels from './map-four-panels.json';

export interface SceneTemplate {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  scene: Record<string, unknown>;
}

const template = (scene: { id: string; title: string; titleEn: string; description: string }): SceneTemplate => ({
  id: scene.id,
  title: scene.title,
  titleEn: scene.titleEn,
  description: scene.description,
  scene,
});

export const TEMPLATES: readonly SceneTemplate[] = [template(blank), template(mapFourPanels), template(heatView)];

/** A template's scene under the designer's id and titles (checked by the caller, like any scene). */
export function sceneFromTemplate(t: SceneTemplate, id: string, title: string, titleEn: string): Record<string, unknown> {
  return { ...structuredClone(t.scene), id, title, titleEn };
}
