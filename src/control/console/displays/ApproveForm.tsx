import { useDisplays, useDisplaysState } from './displays-context.ts';
import { ApproveWarningList } from './ApproveWarningList.tsx';
import { CellPicker } from './CellPicker.tsx';
import { Field } from './Field.tsx';
import { FIELD_LABELS, NEW_WALL, type ApproveDraft } from './displays-model.ts';

/** A stable empty list: a selector must not return a new array on every call. */
const NO_WALLS: string[] = [];

/** 批准 Approve: the code read off the screen and the slot it fills; checked before it leaves. */
export function ApproveForm() {
  const desk = useDisplays();
  const draft = useDisplaysState((s) => s.draft);
  const errors = useDisplaysState((s) => s.fieldErrors);
  const walls = useDisplaysState((s) => s.data?.walls ?? NO_WALLS);
  const confirm = useDisplaysState((s) => s.confirm);
  const approving = useDisplaysState((s) => s.approving);
  const approveError = useDisplaysState((s) => s.approveError);
  const edit = (patch: Partial<ApproveDraft>) => desk.editDraft(patch);
  // A wall the form names that the hub no longer lists stays choosable (the hub decides).
  const wallOptions = draft.wall && draft.wall !== NEW_WALL && !walls.includes(draft.wall) ? [...walls, draft.wall] : walls;
  return (
    <form
      className="approve-form"
      data-testid="approve-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void desk.approve();
      }}
    >
      <h2>批准 Approve a display</h2>
      <div className="approve-form__row">
        <Field label={FIELD_LABELS.code} hint="屏幕上的 6 位数字 The 6 digits on the screen" error={errors.code} errorTestId="approve-error-code" className="approve-form__code">
          <input
            className="code-input"
            data-testid="approve-code"
            inputMode="numeric"
            autoComplete="off"
            placeholder="123 456"
            maxLength={12}
            value={draft.code}
            aria-invalid={!!errors.code}
            onChange={(e) => edit({ code: e.target.value })}
          />
        </Field>
        <Field label={FIELD_LABELS.wall} error={errors.wall} errorTestId="approve-error-wall">
          <select data-testid="approve-wall" value={draft.wall} aria-invalid={!!errors.wall} onChange={(e) => edit({ wall: e.target.value })}>
            <option value="">— 选择大屏 Choose a wall —</option>
            {wallOptions.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
            <option value={NEW_WALL}>新大屏… New wall…</option>
          </select>
        </Field>
        {draft.wall === NEW_WALL && (
          <Field label={FIELD_LABELS.newWall} hint="小写字母、数字、短横线 a–z 0–9 -" error={errors.newWall} errorTestId="approve-error-newWall">
            <input
              data-testid="approve-new-wall"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={60}
              value={draft.newWall}
              aria-invalid={!!errors.newWall}
              onChange={(e) => edit({ newWall: e.target.value })}
            />
          </Field>
        )}
        <Field label={FIELD_LABELS.display} hint="墙内唯一 unique in the wall" error={errors.display} errorTestId="approve-error-display">
          <input
            data-testid="approve-display"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={60}
            placeholder="left"
            value={draft.display}
            aria-invalid={!!errors.display}
            onChange={(e) => edit({ display: e.target.value })}
          />
        </Field>
      </div>
      <fieldset className="approve-form__cell">
        <legend>位置 Cell</legend>
        <div className="approve-form__layout" role="group" aria-label="布局 Layout">
          <button type="button" className="btn" aria-pressed={draft.layout === 'single'} data-testid="approve-layout-single" onClick={() => edit({ layout: 'single' })}>
            单屏 Single display
          </button>
          <button type="button" className="btn" aria-pressed={draft.layout === 'grid'} data-testid="approve-layout-grid" onClick={() => edit({ layout: 'grid' })}>
            拼接 Grid cols × rows
          </button>
        </div>
        {draft.layout === 'grid' && (
          <>
            <div className="approve-form__row">
              <GridInput field="cols" hint="1–8" value={draft.cols} error={errors.cols} onChange={(v) => edit({ cols: v })} />
              <GridInput field="rows" hint="1–4" value={draft.rows} error={errors.rows} onChange={(v) => edit({ rows: v })} />
              <GridInput field="col" hint="0 = 最左 left" value={draft.col} error={errors.col} onChange={(v) => edit({ col: v })} />
              <GridInput field="row" hint="0 = 最上 top" value={draft.row} error={errors.row} onChange={(v) => edit({ row: v })} />
            </div>
            <CellPicker />
          </>
        )}
      </fieldset>
      <ApproveWarningList />
      {confirm && (
        <div className="approve-confirm" role="alertdialog" aria-label="确认替换 Confirm replacement" data-testid="approve-confirm-box">
          <p>
            此位置已登记 <strong>{confirm.replaces.id}</strong>：批准后它将被吊销。
            <br />
            This slot is held: approving replaces <strong>{confirm.replaces.id}</strong>, which will be revoked.
          </p>
          <div className="approve-form__actions">
            <button type="button" className="btn btn--danger" data-testid="approve-confirm" disabled={approving} onClick={() => void desk.approve({ confirmed: true })}>
              确认替换并批准 Replace and approve
            </button>
            <button type="button" className="btn" data-testid="approve-cancel" onClick={() => desk.cancelConfirm()}>
              取消 Cancel
            </button>
          </div>
        </div>
      )}
      {approveError && (
        <p className="enrol-error" role="alert" data-testid="approve-error">
          {approveError}
        </p>
      )}
      <div className="approve-form__actions">
        <button type="submit" className="btn btn--primary" data-testid="approve-submit" disabled={approving || !!confirm}>
          {approving ? '批准中 Approving…' : '批准 Approve'}
        </button>
        <button type="button" className="btn" data-testid="approve-reset" onClick={() => desk.resetDraft()}>
          清空 Clear
        </button>
      </div>
    </form>
  );
}

function GridInput({ field, hint, value, error, onChange }: { field: 'cols' | 'rows' | 'col' | 'row'; hint: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <Field label={FIELD_LABELS[field]} hint={hint} error={error} errorTestId={`approve-error-${field}`} className="approve-form__num">
      <input data-testid={`approve-${field}`} inputMode="numeric" autoComplete="off" maxLength={3} value={value} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
