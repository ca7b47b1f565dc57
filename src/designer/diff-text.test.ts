import { describe, expect, it } from 'vitest';
import { diffScenes } from '../hub/scene-diff.ts';
import { describeDiff, diffText } from './diff-text.ts';
import { scene } from './designer-fixture.ts';

describe('diff text', () => {
  it('says “no changes” for an empty diff', () => {
    expect(diffText(diffScenes(scene(), scene()))).toBe('无变化 No changes');
    expect(describeDiff(diffScenes(scene(), scene()))).toEqual([]);
  });

  it('reads scene fields, layers added, removed and changed with their fields, order and panels', () => {
    const before = scene({
      layers: [
        { id: 'districts', kind: 'overview.district-columns', visible: true, style: { opacity: 0.8 } },
        { id: 'old', kind: 'overview.district-columns', visible: true, style: {} },
        { id: 'keep', kind: 'overview.district-columns', visible: true, style: {} },
      ],
      panels: [
        { kind: 'overview.systems', slot: 'left-1' },
        { kind: 'overview.cloud', slot: 'left-2' },
      ],
    });
    const after = scene({
      title: '新标题',
      camera: { ...before.camera, zoom: 9 },
      layers: [
        { id: 'keep', kind: 'overview.district-columns', visible: true, style: {} },
        { id: 'districts', kind: 'overview.district-columns', visible: false, style: { opacity: 0.5 } },
        { id: 'new', kind: 'overview.district-columns', visible: true, style: {} },
      ],
      panels: [
        { kind: 'overview.systems', slot: 'right-2' },
        { kind: 'overview.gov', slot: 'left-3' },
      ],
    });
    expect(diffText(diffScenes(before, after))).toBe(
      [
        '场景 Scene',
        '  ~ 标题 title 已改 changed',
        '  ~ 视角 camera 已改 changed',
        '图层 Layers',
        '  + 新增 added: new',
        '  − 删除 removed: old',
        '  ~ districts: 显示 visible, 样式 style.opacity',
        '  ↔ 图层顺序已变 order changed',
        '面板 Panels',
        '  + 新增 added: overview.gov @ left-3',
        '  − 删除 removed: overview.cloud @ left-2',
        '  ↔ overview.systems: left-1 → right-2',
      ].join('\n'),
    );
  });

  it('keeps hub text as it is (no markup is interpreted)', () => {
    const sections = describeDiff({ fields: [], layers: { added: ['<img src=x onerror=alert(1)>'], removed: [], changed: {}, reordered: false }, panels: { added: [], removed: [], moved: {} } });
    expect(sections[0].lines[0].text).toBe('新增 added: <img src=x onerror=alert(1)>');
  });
});
