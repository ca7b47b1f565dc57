import { useShallow } from 'zustand/react/shallow';
import type { PanelSlot, ScenePanel } from '../../hub/contract.ts';
import { slotsOf, type Side } from './actions/index.ts';
import { Bi } from './Bits.tsx';
import { useEditor, useSelection } from './editor-context.ts';
import { PanelPalette } from './PanelPalette.tsx';
import { PanelSlotCell } from './PanelSlotCell.tsx';
import type { Problem } from './types.ts';

export type Arrangement = '16:9' | '32:9';

const flaggedSlots = (problems: Problem[], panels: ScenePanel[]): string[] => {
  const out: string[] = [];
  for (const p of problems) {
    const m = /^panels\.(\d+)/.exec(p.path);
    const slot = m && panels[Number(m[1])]?.slot;
    if (slot && !out.includes(slot)) out.push(slot);
  }
  return out;
};

/**
 * The slots as the chosen wall arranges them (src/app/column-layout.ts): on 16:9 one column a side
 * shows about four panels and sets the rest aside; on 32:9 each side has two columns of three, the
 * first at the wall's edge, so the two sides mirror.
 */
export function PanelBoard({ arrangement }: { arrangement: Arrangement }) {
  const panels = useEditor((s) => s.scene.panels);
  const flagged = useEditor(useShallow((s) => flaggedSlots(s.problems, s.scene.panels)));
  const armed = useSelection((s) => s.armed);
  const selected = useSelection((s) => s.panels);
  const bySlot = new Map(panels.map((p) => [p.slot, p]));
  const cell = (slot: PanelSlot) => (
    <PanelSlotCell key={slot} slot={slot} panel={bySlot.get(slot)} armed={armed} selected={selected.includes(slot)} flagged={flagged.includes(slot)} />
  );
  const side = (s: Side) => {
    const slots = slotsOf(s);
    if (arrangement === '32:9') {
      const edge = <div className="se-board__column">{slots.slice(0, 3).map(cell)}</div>;
      const inner = <div className="se-board__column">{slots.slice(3).map(cell)}</div>;
      return (
        <div className={`se-board__side se-board__side--${s} se-board__side--wide`}>
          {s === 'left' ? (
            <>
              {edge}
              {inner}
            </>
          ) : (
            <>
              {inner}
              {edge}
            </>
          )}
        </div>
      );
    }
    return (
      <div className={`se-board__side se-board__side--${s}`}>
        <div className="se-board__column">{slots.slice(0, 4).map(cell)}</div>
        <div className="se-board__aside" title="16:9 墙放不下，搁置；32:9 墙上显示 Set aside on 16:9 walls, shown on 32:9">
          <p className="se-hint">
            <Bi zh="仅 32:9 墙显示 · 16:9 上搁置" en="Only on 32:9 walls / set aside on 16:9" />
          </p>
          {slots.slice(4).map(cell)}
        </div>
      </div>
    );
  };
  return (
    <section className="se-card se-board-card" aria-label="面板布局 Panel layout">
      <header className="se-card__head">
        <h2>
          <Bi zh="面板" en="Panels" /> <span className="se-count">{panels.length}/12</span>
        </h2>
        <span className="se-muted">
          {arrangement} {arrangement === '16:9' ? '1920×1080' : '3840×1080 · 7680×2160'}
        </span>
      </header>
      {armed && (
        <p className="se-armed" role="status">
          {armed.type === 'kind' ? <Bi zh="点一个位置放下面板" en={`Click a slot to place ${armed.kind}`} /> : <Bi zh="点目标位置移动面板" en={`Click a slot to move ${armed.slot} there`} />}{' '}
          <span className="se-muted">(Esc 取消 cancel)</span>
        </p>
      )}
      <div className={`se-board se-board--${arrangement === '32:9' ? 'wide' : 'standard'}`} data-testid="designer-board">
        {side('left')}
        <div className="se-board__twin" aria-hidden="true">
          <Bi zh="三维城市" en="Twin" />
        </div>
        {side('right')}
      </div>
      <PanelPalette />
    </section>
  );
}
