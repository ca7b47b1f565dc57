// For the scene tests: small scenes of the current format, and files of them in a folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SceneSchema, type Scene } from '../../src/hub/contract.ts';

/** A valid format-2 scene with two layers and one panel. */
export function aScene(id: string, over: Partial<Scene> = {}): Scene {
  return SceneSchema.parse({
    schemaVersion: 2,
    id,
    title: `场景 ${id}`.slice(0, 20),
    titleEn: `Scene ${id}`,
    description: `A test scene called ${id}`,
    modules: ['weather'],
    camera: { center: [106.55, 29.56], zoom: 9, pitch: 30, bearing: 0 },
    layers: [
      { id: 'rain', kind: 'weather.rain', visible: true, style: { opacity: 0.8 } },
      { id: 'stations', kind: 'weather.stations', visible: true },
    ],
    panels: [{ kind: 'weather.forecast', slot: 'left-1' }],
    ...over,
  });
}

/** A folder holding `files` (name → content; objects are written as JSON). */
export function sceneDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'onescreen-scene-files-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
