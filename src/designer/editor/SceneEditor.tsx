import { useMemo, type JSX } from 'react';
import { CameraFields } from './CameraFields.tsx';
import { EditorContext } from './editor-context.ts';
import { editorActions } from './editor-store.ts';
import { LayerInspector } from './LayerInspector.tsx';
import { LayerList } from './LayerList.tsx';
import { PanelBoard, type Arrangement } from './PanelBoard.tsx';
import { ProblemList } from './ProblemList.tsx';
import { SceneFields } from './SceneFields.tsx';
import { createSelectionStore } from './selection.ts';
import { Toolbar } from './Toolbar.tsx';
import { useShortcuts } from './use-shortcuts.ts';
import type { EditorStore } from './types.ts';
import './editor.css';

export interface SceneEditorProps {
  store: EditorStore;
  /** Asks the preview for its camera; the shell answers with editorActions(store).setCamera. */
  onCaptureCamera(): void;
  /** Which wall's panel arrangement the board shows. */
  arrangement: Arrangement;
}

/**
 * The scene designer's editor: scene fields, layers, the focused layer's style, panels and camera,
 * with the draft's problems. Every part reads its own slice of the store, so one keystroke renders
 * the field typed in and the row of its layer, not the editor.
 */
export function SceneEditor({ store, onCaptureCamera, arrangement }: SceneEditorProps): JSX.Element {
  // A new store is another scene: the selection starts over with it.
  const ctx = useMemo(
    () => ({ store, actions: editorActions(store), selection: createSelectionStore(store.getState().scene.layers[0]?.id ?? null) }),
    [store],
  );
  useShortcuts(ctx.actions, ctx.selection);
  return (
    <EditorContext.Provider value={ctx}>
      <div className="scene-editor" data-testid="designer-editor">
        <Toolbar />
        <div className="se-body">
          <div className="se-col se-col--scene">
            <SceneFields />
            <LayerList />
          </div>
          <div className="se-rest">
            <div className="se-col se-col--inspector">
              <LayerInspector />
              <CameraFields onCaptureCamera={onCaptureCamera} />
            </div>
            <div className="se-col se-col--board">
              <PanelBoard arrangement={arrangement} />
            </div>
          </div>
        </div>
        <ProblemList />
      </div>
    </EditorContext.Provider>
  );
}
