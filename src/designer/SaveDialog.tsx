import { useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { DESIGNER_LIMITS } from '../hub/designer.ts';
import { diffScenes } from '../hub/scene-diff.ts';
import { DiffView } from './DiffView.tsx';
import { Dialog } from './Dialog.tsx';
import type { EditDesk } from './edit-desk.ts';
import type { Problem } from './editor/index.ts';
import type { Scene } from '../hub/contract.ts';

/** Saving asks what changed, in the designer's words; the version's diff is shown to help. */
export function SaveDialog({ desk, draft, problems }: { desk: EditDesk; draft: Scene; problems: Problem[] }) {
  const [message, setMessage] = useState('');
  const saving = useStore(desk.store, (s) => s.saving);
  const savedScene = useStore(desk.store, (s) => s.savedScene);
  const baseVersion = useStore(desk.store, (s) => s.baseVersion);
  const diff = useMemo(() => (savedScene ? diffScenes(savedScene, draft) : null), [savedScene, draft]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void desk.save(message);
  };
  return (
    <Dialog title={`保存新版本 Save a new version (on v${baseVersion})`} testId="designer-save-dialog" onClose={() => desk.openSave(false)}>
      <form className="ds-form" onSubmit={submit}>
        <label>
          说明这次修改 What changed
          <input
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={DESIGNER_LIMITS.messageChars}
            autoFocus
            placeholder="例如：加了降雨图层 e.g. added the rain layer"
            data-testid="designer-save-message"
          />
        </label>
        {problems.length > 0 && (
          <p className="ds-form__note ds-form__note--warn">
            草稿有 {problems.length} 个问题：可以保存，但不能发布 The draft has {problems.length} problem{problems.length > 1 ? 's' : ''}: it can be saved, not published.
          </p>
        )}
        {diff && (
          <div className="ds-form__diff">
            <h3>与已保存版本相比 Against the saved version</h3>
            <DiffView diff={diff} />
          </div>
        )}
        <div className="ds-form__actions">
          <button type="button" className="ds-btn" onClick={() => desk.openSave(false)}>
            取消 Cancel
          </button>
          <button type="submit" className="ds-btn ds-btn--primary" disabled={saving} data-testid="designer-save-confirm">
            {saving ? '保存中… Saving' : '保存 Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
