import { useEffect, useState } from 'react';
import { Bi } from './Bits.tsx';
import { copyToClipboard, readClipboard, subscribeClipboard, type Clip } from './clipboard.ts';
import { useEditor, useEditorContext, useSelection } from './editor-context.ts';
import { clearSelection } from './selection.ts';

function useClipboard(): Clip | null {
  const [clip, setClip] = useState(readClipboard);
  useEffect(() => subscribeClipboard(() => setClip(readClipboard())), []);
  return clip;
}

/** History, the clipboard and deleting what is selected. */
export function Toolbar() {
  const { actions, store, selection } = useEditorContext();
  const canUndo = useEditor((s) => s.canUndo);
  const canRedo = useEditor((s) => s.canRedo);
  const problems = useEditor((s) => s.problems.length);
  const layers = useSelection((s) => s.layers);
  const panels = useSelection((s) => s.panels);
  const clip = useClipboard();

  const picked = () => {
    const scene = store.getState().scene;
    return {
      layers: scene.layers.filter((l) => layers.includes(l.id)),
      panels: scene.panels.filter((p) => panels.includes(p.slot)),
    };
  };
  const selectedCount = useEditor(
    (s) => s.scene.layers.filter((l) => layers.includes(l.id)).length + s.scene.panels.filter((p) => panels.includes(p.slot)).length,
  );
  const nothing = selectedCount === 0;

  return (
    <div className="se-toolbar" role="toolbar" aria-label="编辑 Edit">
      <button type="button" className="se-btn" disabled={!canUndo} data-testid="designer-undo" title="撤销 Undo (Ctrl+Z)" onClick={actions.undo}>
        ↶ <Bi zh="撤销" en="Undo" />
      </button>
      <button type="button" className="se-btn" disabled={!canRedo} data-testid="designer-redo" title="重做 Redo (Ctrl+Shift+Z / Ctrl+Y)" onClick={actions.redo}>
        ↷ <Bi zh="重做" en="Redo" />
      </button>
      <span className="se-toolbar__gap" />
      <button type="button" className="se-btn" disabled={nothing} data-testid="designer-copy" title="复制所选图层和面板 Copy the selected layers and panels" onClick={() => copyToClipboard(picked())}>
        <Bi zh="复制" en="Copy" />
        {!nothing && <span className="se-count"> {selectedCount}</span>}
      </button>
      <button
        type="button"
        className="se-btn"
        disabled={!clip}
        data-testid="designer-paste"
        title={clip ? `${clip.layers.length} 图层 layers, ${clip.panels.length} 面板 panels` : '剪贴板是空的 The clipboard is empty'}
        onClick={() => {
          const c = readClipboard();
          if (c) actions.apply({ type: 'paste', layers: c.layers, panels: c.panels });
        }}
      >
        <Bi zh="粘贴" en="Paste" />
        {clip && <span className="se-count"> {clip.layers.length + clip.panels.length}</span>}
      </button>
      <button
        type="button"
        className="se-btn se-btn--warn"
        disabled={nothing}
        data-testid="designer-delete-selected"
        onClick={() => {
          const { layers: ls, panels: ps } = picked();
          if (ls.length) actions.apply({ type: 'removeLayers', ids: ls.map((l) => l.id) });
          for (const p of ps) actions.apply({ type: 'removePanel', slot: p.slot });
          clearSelection(selection);
        }}
      >
        <Bi zh="删除所选" en="Delete selected" />
      </button>
      <span className="se-toolbar__gap" />
      <span className={`se-status${problems ? ' se-status--bad' : ''}`} data-testid="designer-status">
        {problems ? `⚠ ${problems} 个问题 problems` : '✓ 可发布 publishable'}
      </span>
    </div>
  );
}
