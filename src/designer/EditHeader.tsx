import { useStore } from 'zustand';
import type { Scene } from '../hub/contract.ts';
import type { Arrangement } from './canvas.ts';
import type { EditDesk } from './edit-desk.ts';
import type { Problem } from './editor/index.ts';
import { publishBlock, publishNote } from './publish-gate.ts';

export interface EditHeaderProps {
  desk: EditDesk;
  scene: Scene;
  dirty: boolean;
  problems: Problem[];
  arrangement: Arrangement;
  onArrangement(a: Arrangement): void;
  onBack(): void;
  onExport(): void;
}

/** The editing view's header: the scene, its state against the hub, and every step on it. */
export function EditHeader({ desk, scene, dirty, problems, arrangement, onArrangement, onBack, onExport }: EditHeaderProps) {
  const record = useStore(desk.store, (s) => s.record);
  const baseVersion = useStore(desk.store, (s) => s.baseVersion);
  const saving = useStore(desk.store, (s) => s.saving);
  const publishing = useStore(desk.store, (s) => s.publishing);
  const versionsOpen = useStore(desk.store, (s) => s.versionsOpen);
  const draftNote = useStore(desk.store, (s) => s.draftNote);
  if (!record) return null;
  const block = publishBlock({ dirty, problems });
  const saveBlock = saving ? '保存中… Saving' : !dirty ? '没有未保存的编辑 No unsaved edits' : null;

  return (
    <header className="ds-edit-bar">
      <button type="button" className="ds-btn" data-testid="designer-back" onClick={onBack}>
        ← 场景列表 Scenes
      </button>
      <div className="ds-edit-bar__title">
        <h1>
          {scene.title || '（无标题）'} <span>{scene.titleEn}</span>
        </h1>
        <p>
          <code>{record.id}</code> · 基于 based on v{baseVersion}
          {baseVersion !== record.head.version && ` (最新 head v${record.head.version})`} · 发布 published {record.published === null ? '—' : `v${record.published}`}
          {' · '}
          {/* Present only while there are unsaved edits: a test (or a script) waits for it to go. */}
          {dirty ? (
            <span className="ds-dirty" data-testid="designer-dirty">
              ● 未保存的编辑 Unsaved edits (kept in this browser)
            </span>
          ) : (
            <span className="ds-clean" data-testid="designer-saved">
              ✓ 已保存 Saved
            </span>
          )}
          {draftNote && <span className="ds-dirty"> · {draftNote}</span>}
        </p>
      </div>
      <div className="ds-seg" role="radiogroup" aria-label="布局 Arrangement">
        {(['16:9', '32:9'] as const).map((a) => (
          <button key={a} type="button" role="radio" aria-checked={arrangement === a} className="ds-seg__btn" data-testid={`designer-arrangement-${a.replace(':', 'x')}`} onClick={() => onArrangement(a)}>
            {a}
          </button>
        ))}
      </div>
      <div className="ds-edit-bar__group">
        <button type="button" className="ds-btn" aria-pressed={versionsOpen} data-testid="designer-versions" onClick={() => desk.setVersionsOpen(!versionsOpen)}>
          版本 Versions
        </button>
        <button type="button" className="ds-btn" data-testid="designer-export" onClick={onExport} title="下载最新已保存版本 Download the saved head as JSON">
          导出 Export
        </button>
        <button type="button" className="ds-btn ds-btn--primary" disabled={saveBlock !== null} title={saveBlock ?? undefined} data-testid="designer-save" onClick={() => desk.openSave(true)}>
          保存 Save
        </button>
        <span className="ds-publish">
          <button
            type="button"
            className="ds-btn ds-btn--go"
            disabled={block !== null || publishing}
            title={block ?? `发布 v${record.head.version} Publish version ${record.head.version}`}
            aria-describedby="designer-publish-reason"
            data-testid="designer-publish"
            onClick={() => void desk.publish()}
          >
            {publishing ? '发布中… Publishing' : `发布 Publish v${record.head.version}`}
          </button>
          <small id="designer-publish-reason" data-testid="designer-publish-reason">
            {block ?? publishNote(record.head.version, record.published)}
          </small>
        </span>
      </div>
    </header>
  );
}
