import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Scene } from '../hub/contract.ts';
import { diffScenes } from '../hub/scene-diff.ts';
import { DiffView } from './DiffView.tsx';
import { Dialog } from './Dialog.tsx';
import type { EditDesk } from './edit-desk.ts';
import { when } from './when.ts';

/**
 * Another designer saved since my draft's base: who, which version, when and what they changed,
 * and what saving mine over theirs would change. Nothing is overwritten unless chosen here.
 */
export function ConflictDialog({ desk, draft }: { desk: EditDesk; draft: Scene }) {
  const state = useStore(desk.store, (s) => s.conflict);
  const saving = useStore(desk.store, (s) => s.saving);
  const baseVersion = useStore(desk.store, (s) => s.baseVersion);
  const mine = useMemo(() => (state ? diffScenes(state.conflict.headScene, draft) : null), [state, draft]);
  if (!state || !mine) return null;
  const { head, theirs } = state.conflict;
  return (
    <Dialog title="保存冲突 Someone saved first" testId="designer-conflict" onClose={() => desk.cancelConflict()} wide>
      <p className="ds-conflict__who">
        <strong>{head.author}</strong> 于 {when(head.savedAt)} 保存了 <strong>v{head.version}</strong> — saved version {head.version} at {when(head.savedAt)}, after the v
        {baseVersion} your draft is based on.
        {head.message && <q>{head.message}</q>}
      </p>
      <div className="ds-conflict__diffs">
        <section>
          <h3>
            他们的修改 Their changes (v{baseVersion} → v{head.version})
          </h3>
          <DiffView diff={theirs} testId="designer-conflict-theirs-diff" />
        </section>
        <section>
          <h3>保存我的将改变 Saving mine over theirs changes</h3>
          <DiffView diff={mine} testId="designer-conflict-mine-diff" />
        </section>
      </div>
      <div className="ds-form__actions">
        <button type="button" className="ds-btn" data-testid="designer-conflict-cancel" onClick={() => desk.cancelConflict()}>
          取消 Cancel
        </button>
        <button type="button" className="ds-btn" disabled={saving} data-testid="designer-conflict-theirs" onClick={() => desk.takeTheirs()}>
          采用他们的 Take theirs (mine stays in this browser)
        </button>
        <button type="button" className="ds-btn ds-btn--danger" disabled={saving} data-testid="designer-conflict-overwrite" onClick={() => desk.overwrite()}>
          保留我的，覆盖保存 Keep mine and save over theirs
        </button>
      </div>
    </Dialog>
  );
}
