import type { SceneEntry } from '../hub/designer.ts';
import { when } from './when.ts';

export interface SceneRowProps {
  entry: SceneEntry;
  hasDraft: boolean;
  armed: boolean;
  busy: boolean;
  onOpen(): void;
  onRename(): void;
  onDuplicate(): void;
  onDelete(): void;
}

/** One scene of the list: a click on the row opens it; its buttons act without opening it. */
export function SceneRow({ entry: e, hasDraft, armed, busy, onOpen, onRename, onDuplicate, onDelete }: SceneRowProps) {
  const published = e.published === null ? '未发布 Not published' : e.published === e.head.version ? `v${e.published}（最新 the head）` : `v${e.published}`;
  return (
    <li
      className="ds-row"
      data-testid={`designer-scene-${e.id}`}
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(k) => k.key === 'Enter' && k.target === k.currentTarget && onOpen()}
      aria-label={`${e.title} ${e.titleEn} (${e.id})`}
    >
      <div className="ds-row__main">
        <div className="ds-row__title">
          <strong>{e.title}</strong>
          <span>{e.titleEn}</span>
          <code>{e.id}</code>
          {hasDraft && <em className="ds-tag ds-tag--draft">本机草稿 Unsaved draft here</em>}
        </div>
        {e.description && <p className="ds-row__desc">{e.description}</p>}
        <dl className="ds-facts">
          <div>
            <dt>最新版本 Head</dt>
            <dd>
              v{e.head.version} · {e.head.author} · {when(e.head.savedAt)}
            </dd>
          </div>
          <div>
            <dt>已发布 Published</dt>
            <dd className={e.published === null ? 'ds-muted' : undefined}>{published}</dd>
          </div>
          <div>
            <dt>显示于 Shown on</dt>
            <dd className={e.shownOn.length ? 'ds-walls' : 'ds-muted'}>{e.shownOn.length ? e.shownOn.join(', ') : '无大屏 No wall'}</dd>
          </div>
          <div>
            <dt>图层 · 面板 Layers · panels</dt>
            <dd>
              {e.layerCount} · {e.panelCount}
            </dd>
          </div>
        </dl>
      </div>
      <div className="ds-row__actions" onClick={(ev) => ev.stopPropagation()} onKeyDown={(ev) => ev.stopPropagation()}>
        <button type="button" className="ds-btn ds-btn--small" disabled={busy} data-testid={`designer-rename-${e.id}`} onClick={onRename}>
          改名 Rename
        </button>
        <button type="button" className="ds-btn ds-btn--small" disabled={busy} data-testid={`designer-duplicate-${e.id}`} onClick={onDuplicate}>
          复制 Duplicate
        </button>
        <button
          type="button"
          className={`ds-btn ds-btn--small ${armed ? 'ds-btn--danger' : 'ds-btn--warn'}`}
          disabled={busy}
          data-testid={`designer-delete-${e.id}`}
          data-armed={armed}
          onClick={onDelete}
        >
          {armed ? '确认删除 Confirm delete' : '删除 Delete'}
        </button>
      </div>
    </li>
  );
}
