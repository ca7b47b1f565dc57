import { PANEL_SLOTS, type Scene } from '../../hub/contract.ts';
import { parseScene } from '../../hub/scene-migrations.ts';
import { LAYER_KINDS, MODULES, PANEL_KINDS } from '../../modules/registry.ts';
import weatherFile from '../../../scenes/02-weather.json';

/** The bundled weather scene: three layers, six panels, one module. */
export function weatherScene(): Scene {
  const parsed = parseScene(weatherFile);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scene;
}

/** A designer's big scene: `layers` layers of every kind in turn, every slot filled. */
export function bigScene(layers = 100): Scene {
  const kinds = [...LAYER_KINDS.keys()];
  const panels = [...PANEL_KINDS.keys()];
  return {
    schemaVersion: 2,
    id: 'big',
    title: '大场景',
    titleEn: 'Big scene',
    description: '',
    modules: MODULES.map((m) => m.id),
    camera: { center: [106.55, 29.56], zoom: 10, pitch: 30, bearing: 0 },
    city: { buildings: true },
    layers: Array.from({ length: layers }, (_, i) => ({ id: `layer-${i}`, kind: kinds[i % kinds.length], visible: true, style: {} })),
    panels: PANEL_SLOTS.map((slot, i) => ({ slot, kind: panels[i * 3] })),
  };
}
