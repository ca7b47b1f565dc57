import { SceneSchema, type Scene } from '../../../hub/contract.ts';

export type SceneTextField = 'title' | 'titleEn' | 'description';

/** Sets a title or the description; text the hub would refuse (empty title, too long) is refused here too. */
export function setSceneField(scene: Scene, { field, value }: { field: SceneTextField; value: string }): Scene {
  if (scene[field] === value || !SceneSchema.shape[field].safeParse(value).success) return scene;
  return { ...scene, [field]: value };
}
