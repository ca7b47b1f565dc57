import type { EnrolledDisplay } from '../../../hub/enrolment.ts';
import { useDisplays, useDisplaysState } from './displays-context.ts';
import { NEW_WALL } from './displays-model.ts';

/** A stable empty list: a selector must not return a new array on every call. */
const NONE: EnrolledDisplay[] = [];

/** The grid drawn as cells to tap: the chosen one lit, the ones enrolled displays of the wall hold named. */
export function CellPicker() {
  const desk = useDisplays();
  const draft = useDisplaysState((s) => s.draft);
  const enrolled = useDisplaysState((s) => s.data?.enrolled ?? NONE);
  const cols = Number(draft.cols);
  const rows = Number(draft.rows);
  if (!/^\d+$/.test(draft.cols) || !/^\d+$/.test(draft.rows) || cols < 1 || cols > 8 || rows < 1 || rows > 4) return null;
  const wall = draft.wall === NEW_WALL ? draft.newWall.trim() : draft.wall;
  const inWall = enrolled.filter((d) => d.slot.wall === wall && d.slot.grid?.cols === cols && d.slot.grid.rows === rows);
  return (
    <div className="cell-picker" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }} role="group" aria-label="选择格子 Pick the cell" data-testid="approve-cells">
      {Array.from({ length: rows }, (_, row) =>
        Array.from({ length: cols }, (_, col) => {
          const held = inWall.filter((d) => d.slot.grid?.col === col && d.slot.grid.row === row);
          const chosen = draft.col.trim() === String(col) && draft.row.trim() === String(row);
          return (
            <button
              key={`${col}-${row}`}
              type="button"
              className={`cell-picker__cell${held.length ? ' cell-picker__cell--held' : ''}`}
              aria-pressed={chosen}
              data-testid={`approve-cell-${col}-${row}`}
              onClick={() => desk.editDraft({ col: String(col), row: String(row) })}
            >
              <span>
                col {col}, row {row}
              </span>
              {held.map((d) => (
                <small key={d.id}>{d.slot.display}</small>
              ))}
            </button>
          );
        }),
      )}
    </div>
  );
}
