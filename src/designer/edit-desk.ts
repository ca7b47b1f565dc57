/**
 * One scene open in the editor: its hub record, the draft (the editor's store) and the version the
 * draft is based on, autosave to this browser, save (with its conflict), publish, the version
 * history. The hub is the truth for versions; this desk never overwrites another designer's save
 * without the designer saying so (a 409 opens the conflict dialog).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { SceneSchema, type Scene } from '../hub/contract.ts';
import type { SceneConflict, SceneRecord, VersionInfo, VersionList } from '../hub/designer.ts';
import { createEditorStore, editorActions, type EditorStore } from './editor/index.ts';
import { Debounced } from './autosave.ts';
import type { DesignerRuntime } from './designer-runtime.ts';
import type { StoredDraft } from './draft-storage.ts';
import { sameScene } from './scene-equal.ts';

export interface SelectedVersion {
  info: VersionInfo;
  scene: Scene;
  /** The next older version still kept (null: the first one). */
  previous: { version: number; scene: Scene } | null;
}

export interface EditState {
  phase: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  record: SceneRecord | null;
  /** What the draft is compared with for "unsaved edits": the head as this desk last knew it. */
  savedScene: Scene | null;
  /** The version a save names as its base (the head, unless a kept draft began from an older one). */
  baseVersion: number;
  editor: EditorStore | null;
  /** A draft kept in this browser that differs from the hub's head; autosave waits for a choice. */
  restoreOffer: StoredDraft | null;
  saving: boolean;
  publishing: boolean;
  saveDialog: boolean;
  conflict: { conflict: SceneConflict; message: string } | null;
  versionsOpen: boolean;
  versions: VersionList | null;
  selected: SelectedVersion | null;
  /** Why the draft is not being kept in this browser (storage full, off…), or null. */
  draftNote: string | null;
}

const CACHE_VERSIONS = 32;

/** A scene as the hub would store it (defaults filled), so a save's echo is not an "edit". */
const normal = (s: unknown) => {
  const p = SceneSchema.safeParse(s);
  return p.success ? p.data : s;
};
export const isDirty = (draft: Scene, saved: Scene | null) => !saved || !sameScene(normal(draft), normal(saved));

export class EditDesk {
  readonly store: StoreApi<EditState> = createStore<EditState>(() => ({
    phase: 'loading',
    loadError: null,
    record: null,
    savedScene: null,
    baseVersion: 1,
    editor: null,
    restoreOffer: null,
    saving: false,
    publishing: false,
    saveDialog: false,
    conflict: null,
    versionsOpen: false,
    versions: null,
    selected: null,
    draftNote: null,
  }));
  private autosave = new Debounced(() => this.keepDraft());
  /** Versions never change while the scene exists: fetched once each. */
  private cache = new Map<number, Scene>();
  /** Bumped by start and stop: an answer for an earlier start is dropped (React's strict mode starts twice). */
  private generation = 0;
  private onPageHide = () => this.autosave.flush();

  constructor(
    private rt: DesignerRuntime,
    readonly id: string,
  ) {}

  async start() {
    const generation = ++this.generation;
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
    if (this.store.getState().editor) return; // started again after a stop: the draft is still here
    const res = await this.rt.client.get(this.id);
    if (generation !== this.generation) return;
    if (!res.ok) return this.store.setState({ phase: 'failed', loadError: res.error.message });
    const record = res.data;
    const editor = createEditorStore(record.scene);
    editor.subscribe((s, prev) => {
      if (s.revision !== prev.revision || s.scene !== prev.scene) this.autosave.schedule();
    });
    const stored = this.rt.drafts.read(this.id);
    let restoreOffer: StoredDraft | null = null;
    if (stored) {
      if (stored.baseVersion === record.head.version && !isDirty(stored.scene, record.scene)) this.rt.drafts.discard(this.id);
      else restoreOffer = stored;
    }
    this.store.setState({ phase: 'ready', record, savedScene: record.scene, baseVersion: record.head.version, editor, restoreOffer });
  }

  stop() {
    this.generation++;
    this.autosave.flush();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
  }

  private get editor(): EditorStore | null {
    return this.store.getState().editor;
  }

  /** The autosave: the draft while it differs from the head, nothing (and nothing kept) once it does not. */
  private keepDraft() {
    const { record, savedScene, baseVersion, restoreOffer } = this.store.getState();
    const editor = this.editor;
    if (!editor || !record || restoreOffer) return;
    const scene = editor.getState().scene;
    if (baseVersion === record.head.version && !isDirty(scene, savedScene)) {
      this.rt.drafts.discard(this.id);
      return this.store.setState({ draftNote: null });
    }
    const res = this.rt.drafts.write(this.id, baseVersion, scene);
    this.store.setState({ draftNote: res.ok ? null : res.error });
  }

  /** The kept draft becomes the draft, based on the version it was based on. */
  restore() {
    const offer = this.store.getState().restoreOffer;
    const editor = this.editor;
    if (!offer || !editor) return;
    editorActions(editor).reset({ ...offer.scene, id: this.id });
    this.store.setState({ restoreOffer: null, baseVersion: offer.baseVersion });
    this.autosave.schedule();
    const head = this.store.getState().record?.head.version;
    const behind = head && head !== offer.baseVersion ? `；它基于 v${offer.baseVersion}，最新为 v${head} (based on version ${offer.baseVersion}; the head is ${head}: saving will show what changed since)` : '';
    this.rt.say('info', `已恢复未保存的草稿 Unsaved draft restored${behind}`);
  }

  discardDraft() {
    this.rt.drafts.discard(this.id);
    this.store.setState({ restoreOffer: null });
    this.autosave.schedule();
    this.rt.say('info', '已放弃本机草稿 Draft kept in this browser discarded');
  }

  openSave(open: boolean) {
    this.store.setState({ saveDialog: open });
  }

  /** PUT the draft on `baseVersion` (the draft's base unless the designer chose to save over a newer head). */
  async save(message: string, baseVersion = this.store.getState().baseVersion) {
    const editor = this.editor;
    if (!editor || this.store.getState().saving) return;
    const scene = { ...editor.getState().scene, id: this.id };
    this.store.setState({ saving: true });
    const res = await this.rt.client.save(this.id, baseVersion, scene, message.trim());
    this.store.setState({ saving: false });
    if (res.ok) {
      const record = res.data;
      this.store.setState({ record, savedScene: record.scene, baseVersion: record.head.version, conflict: null, saveDialog: false, restoreOffer: null });
      this.rt.drafts.discard(this.id);
      this.autosave.cancel();
      // Edits typed while the save was on its way are still unsaved: keep them.
      if (isDirty(editor.getState().scene, record.scene)) this.autosave.schedule();
      this.rt.say('ok', `已保存 v${record.head.version} Saved as version ${record.head.version}`);
      return this.refreshVersions();
    }
    if (res.conflict) return this.store.setState({ conflict: { conflict: res.conflict, message }, saveDialog: false });
    this.rt.say('error', `保存 Save — ${res.error.message}`);
  }

  /** "Keep mine": the same draft, saved again on their head, explicitly. */
  overwrite() {
    const c = this.store.getState().conflict;
    if (c) void this.save(c.message, c.conflict.head.version);
  }

  /** "Take theirs": their head becomes the draft; mine stays kept in this browser, offered back. */
  takeTheirs() {
    const { conflict, record } = this.store.getState();
    const editor = this.editor;
    if (!conflict || !record || !editor) return;
    this.autosave.flush();
    const { head, headScene } = conflict.conflict;
    editorActions(editor).reset(headScene);
    const mine = this.rt.drafts.read(this.id);
    this.store.setState({
      conflict: null,
      record: { ...record, head, scene: headScene },
      savedScene: headScene,
      baseVersion: head.version,
      restoreOffer: mine,
    });
    this.rt.say('info', `已载入 ${head.author} 的 v${head.version} Loaded ${head.author}'s version ${head.version}${mine ? '; your draft is kept in this browser' : ''}`);
    void this.refreshVersions();
  }

  cancelConflict() {
    this.store.setState({ conflict: null });
  }

  /** Makes `version` (the head unless named) what walls show. */
  async publish(version = this.store.getState().record?.head.version) {
    if (!version || this.store.getState().publishing) return;
    this.store.setState({ publishing: true });
    const res = await this.rt.client.publish(this.id, version);
    this.store.setState({ publishing: false });
    if (!res.ok) return this.rt.say('error', `发布 Publish v${version} — ${res.error.message}`);
    // Only what walls show changes here: the draft's head and base stay as this desk knows them
    // (a head someone else moved is met at the next save, as a conflict).
    this.store.setState((s) => ({ record: s.record ? { ...s.record, published: res.data.published, shownOn: res.data.shownOn } : res.data }));
    const walls = res.data.shownOn.length ? ` — 大屏 walls: ${res.data.shownOn.join(', ')}` : '';
    this.rt.say('ok', `已发布 v${version} Published version ${version}${walls}`);
    return this.refreshVersions();
  }

  /** An older (or any) version becomes the draft; saving it makes a new version on top. */
  async loadVersion(version: number) {
    const editor = this.editor;
    const record = this.store.getState().record;
    if (!editor || !record) return;
    const scene = await this.versionScene(version);
    if (!scene) return;
    editorActions(editor).reset({ ...scene, id: this.id });
    this.store.setState({ baseVersion: record.head.version });
    this.rt.say('info', `v${version} 已载入编辑器 Version ${version} is the draft: save to make it a new version on top`);
  }

  /** The head and published version now (e.g. before an export). */
  async fetchHead(): Promise<SceneRecord | null> {
    const res = await this.rt.client.get(this.id);
    if (!res.ok) {
      this.rt.say('error', `读取 Load ${this.id} — ${res.error.message}`);
      return null;
    }
    return res.data;
  }

  setVersionsOpen(open: boolean) {
    this.store.setState({ versionsOpen: open });
    if (open) void this.refreshVersions();
  }

  private async refreshVersions() {
    if (!this.store.getState().versionsOpen) return;
    const res = await this.rt.client.versions(this.id);
    if (!res.ok) return this.rt.say('error', `版本 Versions — ${res.error.message}`);
    this.store.setState((s) => ({ versions: res.data, record: s.record ? { ...s.record, published: res.data.published } : s.record }));
  }

  /** A version with its predecessor, for the diff. */
  async selectVersion(version: number) {
    const list = this.store.getState().versions?.versions ?? [];
    const info = list.find((v) => v.version === version);
    if (!info) return;
    const older = list.find((v) => v.version < version);
    const [scene, previous] = await Promise.all([this.versionScene(version), older ? this.versionScene(older.version) : Promise.resolve(null)]);
    if (!scene) return;
    this.store.setState({ selected: { info, scene, previous: older && previous ? { version: older.version, scene: previous } : null } });
  }

  clearSelection() {
    this.store.setState({ selected: null });
  }

  private async versionScene(version: number): Promise<Scene | null> {
    const hit = this.cache.get(version);
    if (hit) return hit;
    const res = await this.rt.client.version(this.id, version);
    if (!res.ok) {
      this.rt.say('error', `读取 v${version} Load version ${version} — ${res.error.message}`);
      return null;
    }
    if (this.cache.size >= CACHE_VERSIONS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(version, res.data.scene);
    return res.data.scene;
  }
}
