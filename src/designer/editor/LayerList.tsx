import { useCallback, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SCENE_LIMITS } from '../../hub/contract.ts';
import { nextLayerId } from './actions/index.ts';
import { Bi } from './Bits.tsx';
import { carries, DRAG } from './dnd.ts';
import { useEditor, useEditorContext, useSelection } from './editor-context.ts';
import { LayerPicker } from './LayerPicker.tsx';
import { LayerRow } from './LayerRow.tsx';
import { selectLayer } from './selection.ts';
import type { Problem } from './types.ts';

/** Indices of the layers some problem names ("layers.3…" → 3). */
const flaggedLayers = (problems: Problem[]): number[] => {
  const out = new Set<number>();
  for (const p of problems) {
    const m = /^layers\.(\d+)/.exec(p.path);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
};

/** The scene's layers in drawing order (later ones over earlier ones), with add, reorder by drag or buttons. */
export function LayerList() {
  const { actions, store, selection } = useEditorContext();
  // Ids only: a style edit changes a layer, not the list, so the list (and its hundred rows) stays put.
  const ids = useEditor(useShallow((s) => s.scene.layers.map((l) => l.id)));
  const flagged = useEditor(useShallow((s) => flaggedLayers(s.problems)));
  const selected = useSelection((s) => s.layers);
  const focus = useSelection((s) => s.focus);
  const [picking, setPicking] = useState(false);
  /** Insertion point of a layer being dragged: 0…n, before the layer of that index. */
  const [dropAt, setDropAt] = useState<number | null>(null);
  const full = ids.length >= SCENE_LIMITS.maxLayers;

  const closePicker = useCallback(() => setPicking(false), []);
  const add = useCallback(
    (kind: string) => {
      const id = nextLayerId(store.getState().scene, kind);
      actions.apply({ type: 'addLayer', kind, id });
      selectLayer(selection, id);
      setPicking(false);
    },
    [actions, selection, store],
  );

  const pointAt = (e: DragEvent): number | null => {
    const row = (e.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return ids.length;
    const rect = row.getBoundingClientRect();
    const i = Number(row.dataset.index);
    return e.clientY > rect.top + rect.height / 2 ? i + 1 : i;
  };

  return (
    <section className="se-card se-layers" aria-label="图层 Layers">
      <header className="se-card__head">
        <h2>
          <Bi zh="图层" en="Layers" />{' '}
          <span className="se-count">
            {ids.length}/{SCENE_LIMITS.maxLayers}
          </span>
        </h2>
        <button
          type="button"
          className="se-btn se-btn--primary"
          data-testid="designer-add-layer"
          aria-expanded={picking}
          disabled={full}
          title={full ? `至多 ${SCENE_LIMITS.maxLayers} 个图层 At most ${SCENE_LIMITS.maxLayers} layers` : undefined}
          onClick={() => setPicking((p) => !p)}
        >
          ＋ <Bi zh="添加图层" en="Add layer" />
        </button>
      </header>
      {picking && <LayerPicker onPick={add} onClose={closePicker} />}
      <p className="se-hint">
        <Bi zh="靠后的图层画在上层；拖动排序" en="Later layers draw on top; drag to reorder" />
      </p>
      {ids.length === 0 ? (
        <p className="se-muted">
          <Bi zh="还没有图层" en="No layers yet" />
        </p>
      ) : (
        <ol
          className="se-layer-list"
          data-testid="designer-layers"
          onDragOver={(e) => {
            if (!carries(e, DRAG.layer)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            const at = pointAt(e);
            if (at !== dropAt) setDropAt(at);
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
          }}
          onDrop={(e) => {
            const id = e.dataTransfer.getData(DRAG.layer);
            const at = pointAt(e);
            setDropAt(null);
            if (!id || at === null) return;
            e.preventDefault();
            const from = ids.indexOf(id);
            if (from >= 0) actions.apply({ type: 'moveLayer', id, to: at > from ? at - 1 : at });
          }}
          onDragEnd={() => setDropAt(null)}
        >
          {ids.map((id, i) => (
            <LayerRow
              key={id}
              id={id}
              index={i}
              last={i === ids.length - 1}
              selected={selected.includes(id)}
              focused={focus === id}
              flagged={flagged.includes(i)}
              dropMark={dropAt === i ? 'before' : dropAt === ids.length && i === ids.length - 1 ? 'after' : null}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
