/**
 * A SceneDiff in words a designer reads at a glance (version history, save conflicts): one section
 * per part of the scene, a line per change, hub text kept as text.
 */
import type { SceneDiff } from '../hub/designer.ts';
import { isEmptyDiff } from '../hub/scene-diff.ts';

export type DiffMark = 'added' | 'removed' | 'changed' | 'moved';
export interface DiffLine {
  mark: DiffMark;
  text: string;
}
export interface DiffSection {
  title: string;
  lines: DiffLine[];
}

const FIELD_WORDS: Record<string, string> = {
  title: '标题 title',
  titleEn: '英文标题 English title',
  description: '说明 description',
  modules: '模块 modules',
  camera: '视角 camera',
  city: '城市模型 city model',
};

const LAYER_FIELD_WORDS: Record<string, string> = {
  kind: '类型 kind',
  topic: '数据 topic',
  visible: '显示 visible',
};

const fieldWords = (f: string) => FIELD_WORDS[f] ?? f;
const layerFieldWords = (f: string) => LAYER_FIELD_WORDS[f] ?? (f.startsWith('style.') ? `样式 ${f}` : f);

export function describeDiff(d: SceneDiff): DiffSection[] {
  const sections: DiffSection[] = [];
  if (d.fields.length) sections.push({ title: '场景 Scene', lines: d.fields.map((f) => ({ mark: 'changed', text: `${fieldWords(f)} 已改 changed` })) });
  const layers: DiffLine[] = [
    ...d.layers.added.map((id): DiffLine => ({ mark: 'added', text: `新增 added: ${id}` })),
    ...d.layers.removed.map((id): DiffLine => ({ mark: 'removed', text: `删除 removed: ${id}` })),
    ...Object.entries(d.layers.changed).map(([id, fields]): DiffLine => ({ mark: 'changed', text: `${id}: ${fields.map(layerFieldWords).join(', ')}` })),
    ...(d.layers.reordered ? [{ mark: 'moved', text: '图层顺序已变 order changed' } as DiffLine] : []),
  ];
  if (layers.length) sections.push({ title: '图层 Layers', lines: layers });
  const panels: DiffLine[] = [
    ...d.panels.added.map((p): DiffLine => ({ mark: 'added', text: `新增 added: ${p}` })),
    ...d.panels.removed.map((p): DiffLine => ({ mark: 'removed', text: `删除 removed: ${p}` })),
    ...Object.entries(d.panels.moved).map(([kind, move]): DiffLine => ({ mark: 'moved', text: `${kind}: ${move}` })),
  ];
  if (panels.length) sections.push({ title: '面板 Panels', lines: panels });
  return sections;
}

/** The whole diff as plain text, a line each (a notice, a test). */
export function diffText(d: SceneDiff): string {
  if (isEmptyDiff(d)) return '无变化 No changes';
  const sign: Record<DiffMark, string> = { added: '+', removed: '−', changed: '~', moved: '↔' };
  return describeDiff(d)
    .map((s) => [s.title, ...s.lines.map((l) => `  ${sign[l.mark]} ${l.text}`)].join('\n'))
    .join('\n');
}
