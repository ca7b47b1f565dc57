import { useShallow } from 'zustand/react/shallow';
import type { PanelSlot } from '../../hub/contract.ts';
import { MODULES } from '../../modules/registry.ts';
import { Bi } from './Bits.tsx';
import { carries, DRAG, startDrag } from './dnd.ts';
import { useEditor, useEditorContext, useSelection } from './editor-context.ts';
import { arm } from './selection.ts';

/**
 * Every registered panel kind, by module: drag one onto a slot, or click it and then a slot. A
 * panel dragged back here leaves the board.
 */
export function PanelPalette() {
  const { actions, selection } = useEditorContext();
  const placed = useEditor(useShallow((s) => Object.fromEntries(s.scene.panels.map((p) => [p.kind, p.slot]))));
  const armed = useSelection((s) => (s.armed?.type === 'kind' ? s.armed.kind : null));
  return (
    <section
      className="se-palette"
      aria-label="面板库 Panel library"
      data-testid="designer-panel-palette"
      onDragOver={(e) => {
        if (!carries(e, DRAG.panelSlot)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(e) => {
        const slot = e.dataTransfer.getData(DRAG.panelSlot);
        if (!slot) return;
        e.preventDefault();
        actions.apply({ type: 'removePanel', slot: slot as PanelSlot });
      }}
    >
      <h3>
        <Bi zh="面板库" en="Panels" /> <span className="se-hint">拖到位置上，或点选后再点位置 · drag onto a slot, or click then click a slot</span>
      </h3>
      {MODULES.filter((m) => m.panels.length > 0).map((m) => (
        <div key={m.id} className="se-palette__group">
          <h4>
            <Bi zh={m.title} en={m.titleEn} />
          </h4>
          <div className="se-palette__kinds">
            {m.panels.map((k) => (
              <button
                key={k.kind}
                type="button"
                className={`se-kind-btn${placed[k.kind] ? ' se-kind-btn--placed' : ''}`}
                draggable
                aria-pressed={armed === k.kind}
                data-testid={`designer-panel-kind-${k.kind}`}
                onDragStart={(e) => startDrag(e, DRAG.panelKind, k.kind)}
                onClick={() => arm(selection, armed === k.kind ? null : { type: 'kind', kind: k.kind })}
              >
                <strong>{k.title}</strong>
                <small>
                  {k.titleEn}
                  {placed[k.kind] && ` · ${placed[k.kind]}`}
                </small>
              </button>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
