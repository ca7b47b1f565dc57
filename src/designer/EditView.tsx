import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { canvasFor, CANVASES, type Arrangement, type CanvasId } from './canvas.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { useDesigner } from './designer-runtime.ts';
import { downloadText } from './download.ts';
import { EditDesk } from './edit-desk.ts';
import { EditHeader } from './EditHeader.tsx';
import { editorActions, SceneEditor, type EditorStore } from './editor/index.ts';
import { Preview } from './Preview.tsx';
import { PreviewLink } from './preview-link.ts';
import { RestoreBanner } from './RestoreBanner.tsx';
import { SaveDialog } from './SaveDialog.tsx';
import { useDraftStatus } from './use-draft-status.ts';
import { VersionsPanel } from './VersionsPanel.tsx';

/** One scene being edited: loads it, then the editor, its preview and the hub steps around them. */
export function EditView({ id, onBack }: { id: string; onBack(): void }) {
  const rt = useDesigner();
  const [desk] = useState(() => new EditDesk(rt, id));
  const phase = useStore(desk.store, (s) => s.phase);
  const loadError = useStore(desk.store, (s) => s.loadError);
  const editor = useStore(desk.store, (s) => s.editor);

  useEffect(() => {
    void desk.start();
    return () => desk.stop();
  }, [desk]);

  if (phase === 'failed' || !editor) {
    return (
      <main className="ds-edit ds-edit--empty">
        <button type="button" className="ds-btn" data-testid="designer-back" onClick={onBack}>
          ← 场景列表 Scenes
        </button>
        <p className={phase === 'failed' ? 'ds-form__error' : 'ds-muted'}>{phase === 'failed' ? `无法打开 Cannot open “${id}”: ${loadError}` : `正在打开 Opening “${id}”…`}</p>
      </main>
    );
  }
  return <Editing desk={desk} editor={editor} onBack={onBack} />;
}

function Editing({ desk, editor, onBack }: { desk: EditDesk; editor: EditorStore; onBack(): void }) {
  const rt = useDesigner();
  const { scene, dirty, problems } = useDraftStatus(desk, editor);
  const saveDialog = useStore(desk.store, (s) => s.saveDialog);
  const conflict = useStore(desk.store, (s) => s.conflict);
  const versionsOpen = useStore(desk.store, (s) => s.versionsOpen);
  const [canvas, setCanvas] = useState<CanvasId>('1920x1080');
  const arrangement: Arrangement = CANVASES[canvas].arrangement;
  const link = useMemo(
    () =>
      new PreviewLink({
        origin: location.origin,
        hubUrl: rt.hubUrl,
        token: () => rt.session.store.getState().session?.token ?? null,
        scene: () => editor.getState().scene,
        onCamera: (camera) => {
          editorActions(editor).setCamera(camera);
          rt.say('ok', '已采用预览中的视角 Camera taken from the preview');
        },
      }),
    [rt, editor],
  );

  const exportHead = async () => {
    const record = await desk.fetchHead();
    if (!record) return;
    downloadText(`${record.id}.json`, `${JSON.stringify(record.scene, null, 2)}\n`);
    rt.say('ok', `已导出 v${record.head.version} Exported version ${record.head.version} as ${record.id}.json${dirty ? '（不含未保存的编辑 without unsaved edits）' : ''}`);
  };

  return (
    <main className="ds-edit">
      <EditHeader
        desk={desk}
        scene={scene}
        dirty={dirty}
        problems={problems}
        arrangement={arrangement}
        onArrangement={(a) => setCanvas((c) => canvasFor(a, c))}
        onBack={onBack}
        onExport={() => void exportHead()}
      />
      <RestoreBanner desk={desk} />
      <div className={`ds-edit__body ds-edit__body--${arrangement === '32:9' ? 'wide' : 'std'}`}>
        <section className="ds-edit__editor" aria-label="编辑 Editor">
          <SceneEditor
            store={editor}
            arrangement={arrangement}
            onCaptureCamera={() => {
              if (!link.captureCamera()) rt.say('error', '预览尚未就绪 The preview is not ready yet');
            }}
          />
        </section>
        <div className="ds-edit__side">
          <Preview link={link} editor={editor} canvas={canvas} onCanvas={setCanvas} />
          {versionsOpen && <VersionsPanel desk={desk} draft={scene} dirty={dirty} />}
        </div>
      </div>
      {saveDialog && <SaveDialog desk={desk} draft={scene} problems={problems} />}
      {conflict && <ConflictDialog desk={desk} draft={scene} />}
    </main>
  );
}
