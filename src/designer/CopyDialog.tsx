import { Dialog } from './Dialog.tsx';
import { NameFields } from './NameFields.tsx';
import type { PendingCopy, SceneListDesk } from './scene-list-desk.ts';

/** A duplicate, or an import whose id is taken: the copy's new id (and titles). */
export function CopyDialog({ desk, copy }: { desk: SceneListDesk; copy: PendingCopy }) {
  const title = copy.why === 'duplicate' ? `复制场景 Duplicate “${copy.scene.id}”` : `以副本导入 Import “${copy.scene.id}” as a copy`;
  return (
    <Dialog title={title} testId="designer-copy-dialog" onClose={() => desk.cancelCopy()}>
      <NameFields
        initial={{ id: `${copy.scene.id}-copy`.slice(0, 40), title: copy.scene.title, titleEn: copy.scene.titleEn }}
        askId
        testPrefix="designer-new"
        submitLabel={copy.why === 'duplicate' ? '复制 Duplicate' : '导入 Import'}
        onSubmit={(v) => desk.finishCopy(v.id, v.title, v.titleEn)}
        onCancel={() => desk.cancelCopy()}
      >
        {copy.why === 'import' && <p className="ds-form__note">标识“{copy.scene.id}”已被占用：副本需要新的标识。The id is taken: the copy needs a new one.</p>}
      </NameFields>
    </Dialog>
  );
}
