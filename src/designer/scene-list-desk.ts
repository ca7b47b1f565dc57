/**
 * The scene list's work: search, create (blank or a template), duplicate, rename, delete, import.
 * Every scene it sends is checked first (checkScene), every refusal lands in the status line in
 * the hub's words, and the list is fetched again after each change so it shows what the hub holds.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scene } from '../hub/contract.ts';
import type { SceneEntry, SceneRecord } from '../hub/designer.ts';
import { checkScene } from '../modules/scene-validation.ts';
import type { DesignerRuntime } from './designer-runtime.ts';
import { checkNewId, checkTitles } from './scene-names.ts';
import { checkFileSize, checkImport } from './scene-import.ts';
import { TEMPLATES, sceneFromTemplate } from './templates/index.ts';

/** How long a delete button stays armed for its second press. */
const ARM_MS = 6_000;

/** A scene waiting for a new id: an import whose id is taken, or a duplicate. */
export interface PendingCopy {
  why: 'import' | 'duplicate';
  scene: Scene;
  /** Where it came from, for the version message. */
  source: string;
}

export interface ListState {
  query: string;
  scenes: SceneEntry[];
  loading: boolean;
  loaded: boolean;
  /** A step in flight (its buttons disabled). */
  busy: boolean;
  /** The scene whose delete button was pressed once (pressed again, it deletes). */
  armedDelete: string | null;
  copy: PendingCopy | null;
}

export class SceneListDesk {
  readonly store: StoreApi<ListState> = createStore<ListState>(() => ({
    query: '',
    scenes: [],
    loading: false,
    loaded: false,
    busy: false,
    armedDelete: null,
    copy: null,
  }));
  private seq = 0;

  constructor(
    private rt: DesignerRuntime,
    /** Opens a scene in the editor (after create, duplicate, import). */
    private open: (id: string) => void,
  ) {}

  start() {
    void this.load();
  }
  stop() {
    this.seq++;
  }

  /** Lists scenes matching `query` (the hub searches); a slower earlier answer is dropped. */
  async load(query = this.store.getState().query) {
    const seq = ++this.seq;
    this.store.setState({ query, loading: true });
    const res = await this.rt.client.list(query);
    if (seq !== this.seq) return;
    this.store.setState({ loading: false });
    if (!res.ok) return this.rt.say('error', `场景列表 Scene list — ${res.error.message}`);
    this.store.setState({ scenes: res.data.scenes, loaded: true });
  }

  private async step<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (this.store.getState().busy) return undefined;
    this.store.setState({ busy: true });
    try {
      return await fn();
    } finally {
      this.store.setState({ busy: false });
    }
  }

  private taken = () => this.store.getState().scenes.map((s) => s.id);

  /** A new scene from a template; returns the error to show by the form, or null. */
  async create(templateId: string, id: string, title: string, titleEn: string): Promise<string | null> {
    const t = TEMPLATES.find((x) => x.id === templateId);
    if (!t) return `没有模板 No template "${templateId}"`;
    const bad = checkNewId(id, this.taken()) ?? checkTitles(title, titleEn);
    if (bad) return bad;
    const checked = checkScene(sceneFromTemplate(t, id, title.trim(), titleEn.trim()));
    if (!checked.ok) return checked.error;
    return this.send(checked.scene, `新建 Created from template "${t.titleEn}"`);
  }

  /** Asks for the new id of a copy of `id`'s head (the dialog calls finishCopy). */
  async duplicate(id: string) {
    const record = await this.step(() => this.rt.client.get(id));
    if (!record) return;
    if (!record.ok) return this.rt.say('error', `复制 Duplicate ${id} — ${record.error.message}`);
    this.store.setState({ copy: { why: 'duplicate', scene: record.data.scene, source: `${id} v${record.data.head.version}` } });
  }

  /** The copy under its new id and titles; returns the error to show by the form, or null. */
  async finishCopy(id: string, title: string, titleEn: string): Promise<string | null> {
    const copy = this.store.getState().copy;
    if (!copy) return null;
    const bad = checkNewId(id, this.taken()) ?? checkTitles(title, titleEn);
    if (bad) return bad;
    const message = copy.why === 'duplicate' ? `复制自 Copied from ${copy.source}` : `导入 Imported from ${copy.source} as a copy`;
    const error = await this.send({ ...copy.scene, id, title: title.trim(), titleEn: titleEn.trim() }, message);
    if (!error) this.store.setState({ copy: null });
    return error;
  }

  cancelCopy() {
    this.store.setState({ copy: null });
  }

  /** New titles: a version on top of the head (the id never changes). */
  async rename(id: string, title: string, titleEn: string): Promise<string | null> {
    const bad = checkTitles(title, titleEn);
    if (bad) return bad;
    const done = await this.step(async () => {
      const record = await this.rt.client.get(id);
      if (!record.ok) return record.error.message;
      const scene = { ...record.data.scene, title: title.trim(), titleEn: titleEn.trim() };
      const saved = await this.rt.client.save(id, record.data.head.version, scene, `改名 Renamed to ${title.trim()} · ${titleEn.trim()}`);
      if (saved.ok) return null;
      return saved.conflict ? `${saved.conflict.head.author} 刚保存了 v${saved.conflict.head.version} ${saved.conflict.head.author} just saved version ${saved.conflict.head.version}: try again` : saved.error.message;
    });
    if (done === undefined) return '请稍候 Another step is running';
    if (done === null) {
      this.rt.say('ok', `已改名 Renamed ${id}: ${title.trim()} · ${titleEn.trim()}`);
      void this.load();
    }
    return done;
  }

  /** The first press arms the button; the second deletes (the hub refuses while a wall shows it). */
  async remove(id: string) {
    if (this.store.getState().armedDelete !== id) {
      this.store.setState({ armedDelete: id });
      // An armed button that was not pressed again goes back to safe.
      setTimeout(() => this.store.getState().armedDelete === id && this.disarm(), ARM_MS);
      return;
    }
    this.store.setState({ armedDelete: null });
    const res = await this.step(() => this.rt.client.remove(id));
    if (!res) return;
    if (res.ok) {
      this.rt.drafts.discard(id);
      this.rt.say('ok', `已删除 Deleted ${id}`);
      return void this.load();
    }
    await this.load();
    const walls = this.store.getState().scenes.find((s) => s.id === id)?.shownOn ?? [];
    const shown = walls.length ? ` — 正在大屏上显示 shown on ${walls.map((w) => `“${w}”`).join(', ')}` : '';
    this.rt.say('error', `不能删除 Not deleted ${id}${shown}: ${res.error.message}`);
  }

  disarm() {
    this.store.setState({ armedDelete: null });
  }

  /** A file from the designer's disk: checked, migrated, then created (or asked for a new id). */
  async importFile(file: Pick<File, 'name' | 'size' | 'text'>) {
    const tooLarge = checkFileSize(file.size);
    if (tooLarge) return this.rt.say('error', `导入 Import ${file.name} — ${tooLarge}`);
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return this.rt.say('error', `导入 Import ${file.name} — 无法读取 Unreadable: ${(err as Error).message}`);
    }
    const checked = checkImport(text, file.size);
    if (!checked.ok) return this.rt.say('error', `导入 Import ${file.name} — ${checked.error}`);
    const migrated = checked.migratedFrom ? ` (格式 ${checked.migratedFrom} 已升级 migrated from format ${checked.migratedFrom})` : '';
    const source = `${file.name}${migrated}`;
    if (this.taken().includes(checked.scene.id)) return this.askCopy(checked.scene, source);
    const error = await this.send(checked.scene, `导入 Imported from ${source}`, () => this.askCopy(checked.scene, source));
    if (error) this.rt.say('error', `导入 Import ${file.name} — ${error}`);
  }

  private askCopy(scene: Scene, source: string) {
    this.rt.say('info', `场景“${scene.id}”已存在：以新标识导入副本 Scene "${scene.id}" exists: import it as a copy with a new id`);
    this.store.setState({ copy: { why: 'import', scene, source } });
  }

  /** POST the scene; on success open it. An id the list did not know is taken: `onExists`. */
  private async send(scene: Scene, message: string, onExists?: () => void): Promise<string | null> {
    const res = await this.step(() => this.rt.client.create(scene, message.slice(0, 200)));
    if (!res) return '请稍候 Another step is running';
    if (!res.ok) {
      if (res.error.code === 'exists' && onExists) {
        onExists();
        return null;
      }
      return res.error.message;
    }
    this.created(res.data, message);
    return null;
  }

  private created(record: SceneRecord, message: string) {
    this.rt.say('ok', `已创建 Created ${record.id} v${record.head.version} — ${message}`);
    this.open(record.id);
  }
}
