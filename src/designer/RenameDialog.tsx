import type { SceneEntry } from '../hub/designer.ts';
import { Dialog } from './Dialog.tsx';
import { NameFields } from './NameFields.tsx';
import type { SceneListDesk } from './scene-list-desk.ts';

/** New titles for a scene (a new version); its id stays. */
export function RenameDialog({ desk, entry, onClose }: { desk: SceneListDesk; entry: SceneEntry; onClose(): void }) {
  return (
    <Dialog title={`改名 Rename “${entry.id}”`} testId="designer-rename-dialog" onClose={onClose}>
      <NameFields
        initial={{ id: entry.id, title: entry.title, titleEn: entry.titleEn }}
        askId={false}
        testPrefix="designer-rename"
        submitLabel="改名 Rename"
        onSubmit={async (v) => {
          const error = await desk.rename(entry.id, v.title, v.titleEn);
          if (!error) onClose();
          return error;
        }}
        onCancel={onClose}
      >
        <p className="ds-form__note">标识 Id <code>{entry.id}</code> 不变 stays: walls and consoles know the scene by it.</p>
      </NameFields>
    </Dialog>
  );
}
