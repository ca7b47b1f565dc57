import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PanelSlot, ScenePanel } from '../../hub/contract.ts';
import { PANEL_KINDS } from '../../modules/registry.ts';
import { Bi } from './Bits.tsx';
import { carries, DRAG, startDrag } from './dnd.ts';
import { useEditorContext } from './editor-context.ts';
import { arm, selectPanel, type Armed } from './selection.ts';

interface Props {
  slot: PanelSlot;
  panel: ScenePanel | undefined;
  /** What a click here will place, if anything (palette kind or a panel being moved). */
  armed: Armed;
  selected: boolean;
  flagged: boolean;
}

/**
 * One slot of the board: a drop target for palette kinds and other slots' panels, and for the
 * keyboard, a button that places whatever was picked (palette or "move").
 */
export const PanelSlotCell = memo(function PanelSlotCell({ slot, panel, armed, selected, flagged }: Props) {
  const { actions, selection } = useEditorContext();
  const [over, setOver] = useState(false);
  const kind = panel && PANEL_KINDS.get(panel.kind);
  const moving = armed?.type === 'slot' && armed.slot === slot;
  const target = armed !== null && !moving;

  const place = (a: NonNullable<Armed>) => {
    if (a.type === 'kind') actions.apply({ type: 'placePanel', kind: a.kind, slot });
    else actions.apply({ type: 'movePanel', from: a.slot, to: slot });
    arm(selection, null);
    selectPanel(selection, slot);
  };
  const activate = (additive: boolean) => {
    if (armed && !moving) place(armed);
    else if (moving) arm(selection, null);
    else if (panel) selectPanel(selection, slot, additive);
  };
  const stop = (fn: () => void) => (e: MouseEvent) => {
    e.stopPropagation();
    fn();
  };

  return (
    <div
      className={[
        'se-slot',
        panel ? 'se-slot--full' : 'se-slot--empty',
        selected && 'se-slot--selected',
        target && 'se-slot--target',
        moving && 'se-slot--moving',
        over && 'se-slot--over',
        flagged && 'se-slot--flagged',
      ]
        .filter(Boolean)
        .join(' ')}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${slot}${kind ? ` ${kind.title} ${kind.titleEn}` : ' 空 empty'}${target ? '，点击放到这里 click to place here' : ''}`}
      data-testid={`designer-slot-${slot}`}
      data-kind={panel?.kind}
      draggable={!!panel}
      onDragStart={(e) => panel && startDrag(e, DRAG.panelSlot, slot)}
      onDragOver={(e) => {
        if (!carries(e, DRAG.panelKind) && !carries(e, DRAG.panelSlot)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = carries(e, DRAG.panelKind) ? 'copy' : 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        const k = e.dataTransfer.getData(DRAG.panelKind);
        const from = e.dataTransfer.getData(DRAG.panelSlot) as PanelSlot;
        if (!k && !from) return;
        e.preventDefault();
        place(k ? { type: 'kind', kind: k } : { type: 'slot', slot: from });
      }}
      onClick={(e) => activate(e.ctrlKey || e.metaKey)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          activate(e.ctrlKey || e.metaKey);
        } else if ((e.key === 'Delete' || e.key === 'Backspace') && panel) {
          e.preventDefault();
          actions.apply({ type: 'removePanel', slot });
        }
      }}
    >
      <span className="se-slot__name">{slot}</span>
      {panel ? (
        <>
          <span className="se-slot__title">
            <strong>{kind?.title ?? panel.kind}</strong>
            <small>{kind?.titleEn ?? '未知面板 unknown panel'}</small>
          </span>
          <span className="se-slot__tools">
            <button
              type="button"
              className="se-icon-btn"
              aria-pressed={moving}
              title="移动：再点目标位置 Move: then click where it goes"
              data-testid={`designer-slot-${slot}-move`}
              onClick={stop(() => arm(selection, moving ? null : { type: 'slot', slot }))}
            >
              ⇄
            </button>
            <button
              type="button"
              className="se-icon-btn se-icon-btn--warn"
              title="移除 Remove"
              data-testid={`designer-slot-${slot}-remove`}
              onClick={stop(() => actions.apply({ type: 'removePanel', slot }))}
            >
              ✕
            </button>
          </span>
        </>
      ) : (
        <span className="se-slot__empty">{target ? <Bi zh="放到这里" en="Place here" /> : <Bi zh="空" en="Empty · drop a panel" />}</span>
      )}
    </div>
  );
});
