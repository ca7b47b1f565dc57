import type { Scene } from '../../hub/contract.ts';
import { tourFieldWords } from '../../hub/tour.ts';
import { LAYER_KINDS, PANEL_KINDS } from '../../modules/registry.ts';
import { CAMERA_FIELD_WORDS, LAYER_FIELD_WORDS, SCENE_FIELD_WORDS } from './field-names.ts';
import { describeStyle } from './schema-form.ts';

type Path = readonly PropertyKey[];

const index = (p: PropertyKey | undefined): number => (typeof p === 'number' ? p : Number(p));

/** "图层 3 “rain”": numbered from 1 as the layer list shows them. */
export function layerWords(scene: Scene, i: number): string {
  const id = scene.layers[i]?.id;
  return `图层 ${i + 1}${typeof id === 'string' && id ? ` “${id}”` : ''}`;
}

/** "面板 left-2 “天气预报”": a panel is known by its slot. */
export function panelWords(scene: Scene, i: number): string {
  const p = scene.panels[i];
  const title = p && PANEL_KINDS.get(p.kind)?.title;
  return `面板 ${typeof p?.slot === 'string' ? p.slot : i + 1}${title ? ` “${title}”` : p?.kind ? ` “${p.kind}”` : ''}`;
}

/** "透明度 Opacity of the radar echo": the field as the style form labels it. */
export function styleFieldWords(kind: string, key: string): string {
  const k = LAYER_KINDS.get(kind);
  const field = k && describeStyle(k.style).find((f) => f.key === key);
  if (!field) return `“${key}”`;
  return field.labelZh ? `${field.labelZh} ${field.label}` : field.label;
}

const item = (rest: Path) => (rest.length ? ` › 第 ${index(rest[0]) + 1} 项 item ${index(rest[0]) + 1}` : '');

/** Where in the scene a path points, in the designer's words: "图层 3 “rain” › 样式 › 透明度 Opacity". */
export function pathWords(scene: Scene, path: Path): string {
  const [head, i, field, ...rest] = path;
  if (head === 'layers' && i !== undefined) {
    const n = index(i);
    const name = layerWords(scene, n);
    if (field === undefined) return name;
    if (field === 'style') {
      const key = rest[0];
      const kind = scene.layers[n]?.kind;
      if (key === undefined || typeof kind !== 'string') return `${name} › 样式 Style`;
      return `${name} › 样式 › ${styleFieldWords(kind, String(key))}${item(rest.slice(1))}`;
    }
    return `${name} › ${LAYER_FIELD_WORDS[String(field)] ?? String(field)}`;
  }
  if (head === 'panels' && i !== undefined) {
    const name = panelWords(scene, index(i));
    if (field === 'kind') return `${name} › 类型 Kind`;
    if (field === 'slot') return `${name} › 位置 Slot`;
    return name;
  }
  if (head === 'modules' && i !== undefined) return `模块 Modules › “${String(scene.modules[index(i)] ?? index(i) + 1)}”`;
  if (head === 'camera') {
    const sub = path.slice(1).map(String).join('.');
    return sub ? `镜头 Camera › ${CAMERA_FIELD_WORDS[sub] ?? CAMERA_FIELD_WORDS[String(path[1])] ?? sub}` : '镜头 Camera';
  }
  if (head === 'city') return '三维城市 › 建筑 3D buildings';
  if (head === 'tours' && i !== undefined) {
    const id = scene.tours?.[index(i)]?.id;
    const name = `导览 Tour ${index(i) + 1}${typeof id === 'string' && id ? ` “${id}”` : ''}`;
    return path.length > 2 ? `${name} › ${tourFieldWords(path.slice(2))}` : name;
  }
  if (head === undefined) return '场景 Scene';
  return SCENE_FIELD_WORDS[String(head)] ?? String(head);
}

/** "layers.3.style.opacity" back into a path (indices as numbers). */
export const parsePath = (path: string): PropertyKey[] => (path ? path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : []);
