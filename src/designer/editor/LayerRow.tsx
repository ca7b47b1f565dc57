import { memo, type MouseEvent } from 'react';
import { LAYER_KINDS } from '../../modules/registry.ts';
import { DRAG, startDrag } from './dnd.ts';
import { useEditor, useEditorContext } from './editor-context.ts';
import { selectLayer } from './selection.ts';

/** Two overlapping sheets: drawn, since the CJK fonts draw "⧉" as a crossed box. */
const DuplicateIcon = () => (
  <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
    <rect x="5.5" y="5.5" width="8" height="8" rx="1" />
    <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
  </svg>
);

interface Props {
  id: string;
  index: number;
  last: boolean;
  selected: boolean;
  focused: boolean;
  /** A problem names this layer. */
  flagged: boolean;
  /** Where a dragged layer would land, drawn as a line. */
  dropMark: 'before' | 'after' | null;
}

/**
 * One row of the layer list. It reads its own layer from the store, so an edit to one layer's
 * style renders that row alone (the list renders only when ids or their order change).
 */
export const LayerRow = memo(function LayerRow({ id, index, last, selected, focused, flagged, dropMark }: Props) {
  const { actions, selection } = useEditorContext();
  // By index first (O(1) for each of a hundred rows on every change), by id should the two disagree.
  const layer = useEditor((s) => (s.scene.layers[index]?.id === id ? s.scene.layers[index] : s.scene.layers.find((l) => l.id === id)));
  if (!layer) return null;
  const kind = LAYER_KINDS.get(layer.kind);
  const stop = (fn: () => void) => (e: MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  return (
    <li
      className={[
        'se-layer',
        selected && 'se-layer--selected',
        focused && 'se-layer--focused',
        !layer.visible && 'se-layer--hidden',
        flagged && 'se-layer--flagged',
        dropMark && `se-layer--drop-${dropMark}`,
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid={`designer-layer-${layer.id}`}
      data-index={index}
      draggable
      onDragStart={(e) => startDrag(e, DRAG.layer, layer.id)}
      onClick={(e) => selectLayer(selection, layer.id, e.ctrlKey || e.metaKey)}
    >
      <span className="se-layer__grip" aria-hidden="true">
        ⠿
      </span>
      <span className="se-layer__index">{index + 1}</span>
      <button
        type="button"
        className="se-icon-btn"
        aria-pressed={layer.visible}
        title={layer.visible ? '隐藏 Hide' : '显示 Show'}
        data-testid={`designer-layer-${layer.id}-visible`}
        onClick={stop(() => actions.apply({ type: 'setLayerVisible', id: layer.id, visible: !layer.visible }))}
      >
        {layer.visible ? '●' : '○'}
      </button>
      {/* A button for the keyboard: its click bubbles to the row, which selects. */}
      <button type="button" className="se-layer__name" aria-pressed={selected}>
        <strong>{layer.id}</strong>
        <small>
          {kind ? `${kind.title} ${kind.titleEn}` : `${layer.kind} ?`}
          {flagged && <span className="se-flag"> ⚠</span>}
        </small>
      </button>
      <span className="se-layer__tools">
        <button type="button" className="se-icon-btn" disabled={index === 0} title="上移 Move up" data-testid={`designer-layer-${layer.id}-up`} onClick={stop(() => actions.apply({ type: 'moveLayer', id: layer.id, to: 'up' }))}>
          ↑
        </button>
        <button type="button" className="se-icon-btn" disabled={last} title="下移 Move down" data-testid={`designer-layer-${layer.id}-down`} onClick={stop(() => actions.apply({ type: 'moveLayer', id: layer.id, to: 'down' }))}>
          ↓
        </button>
        <button type="button" className="se-icon-btn" title="复制一份 Duplicate" data-testid={`designer-layer-${layer.id}-duplicate`} onClick={stop(() => actions.apply({ type: 'duplicateLayer', id: layer.id }))}>
          <DuplicateIcon />
        </button>
        <button
          type="button"
          className="se-icon-btn se-icon-btn--warn"
          title="删除 Delete"
          data-testid={`designer-layer-${layer.id}-delete`}
          onClick={stop(() => actions.apply({ type: 'removeLayers', ids: [layer.id] }))}
        >
          ✕
        </button>
      </span>
    </li>
  );
});
