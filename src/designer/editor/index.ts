/**
 * The scene designer's editor core, as the designer's shell (src/designer/) mounts it: a store per
 * scene being edited, its actions (every edit undoable), the draft check and the editor component.
 */
export type { EditorState, EditorStore, Problem } from './types.ts';
export { createEditorStore, editorActions, type EditorActions, type EditorOptions } from './editor-store.ts';
export { applyEdit, type Edit, type EditType } from './actions/index.ts';
export { checkDraft } from './check-draft.ts';
export { copyToClipboard, readClipboard, subscribeClipboard, type Clip } from './clipboard.ts';
export { SceneEditor, type SceneEditorProps } from './SceneEditor.tsx';
export type { Arrangement } from './PanelBoard.tsx';
export { describeStyle, type FieldDescriptor } from './schema-form.ts';
