import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Scene } from '../hub/contract.ts';
import { diffScenes } from '../hub/scene-diff.ts';
import { DiffView } from './DiffView.tsx';
import type { EditDesk } from './edit-desk.ts';
import { when } from './when.ts';

/**
 * The scene's history, newest first: a version's changes against its predecessor (or against my
 * draft), publishing it (what walls show: a rollback is this) and loading it as the draft (saving
 * then adds a version on top; history is never rewritten).
 */
export function VersionsPanel({ desk, draft, dirty }: { desk: EditDesk; draft: Scene; dirty: boolean }) {
  const versions = useStore(desk.store, (s) => s.versions);
  const selected = useStore(desk.store, (s) => s.selected);
  const publishing = useStore(desk.store, (s) => s.publishing);
  const head = useStore(desk.store, (s) => s.record?.head.version);
  const [compareDraft, setCompareDraft] = useState(false);
  const [armedLoad, setArmedLoad] = useState<number | null>(null);
  const diff = useMemo(() => {
    if (!selected) return null;
    if (compareDraft) return diffScenes(selected.scene, draft);
    return selected.previous ? diffScenes(selected.previous.scene, selected.scene) : null;
  }, [selected, compareDraft, draft]);

  const load = (v: number) => {
    // Loading replaces the draft: with unsaved edits, the button asks once more.
    if (dirty && armedLoad !== v) return setArmedLoad(v);
    setArmedLoad(null);
    void desk.loadVersion(v);
  };

  return (
    <aside className="ds-versions" aria-label="版本 Versions" data-testid="designer-versions-panel">
      <header>
        <h2>版本历史 Versions</h2>
        <button type="button" className="ds-btn ds-btn--small" onClick={() => desk.setVersionsOpen(false)} aria-label="关闭 Close">
          ✕
        </button>
      </header>
      {!versions && <p className="ds-muted">加载中… Loading</p>}
      <ol className="ds-versions__list">
        {versions?.versions.map((v) => (
          <li key={v.version}>
            <button
              type="button"
              className="ds-version"
              aria-pressed={selected?.info.version === v.version}
              data-testid={`designer-version-${v.version}`}
              onClick={() => {
                setCompareDraft(false);
                setArmedLoad(null);
                void desk.selectVersion(v.version);
              }}
            >
              <span className="ds-version__n">v{v.version}</span>
              <span className="ds-version__who">
                {v.author} · {when(v.savedAt)}
              </span>
              {versions.published === v.version && <em className="ds-tag ds-tag--published">已发布 Published</em>}
              {head === v.version && <em className="ds-tag">最新 Head</em>}
              <span className="ds-version__msg">{v.message || '（无说明 no message）'}</span>
            </button>
          </li>
        ))}
      </ol>
      {selected && (
        <section className="ds-versions__detail" data-testid="designer-version-detail">
          <h3>
            {compareDraft
              ? `v${selected.info.version} → 我的草稿 my draft`
              : selected.previous
                ? `v${selected.previous.version} → v${selected.info.version}`
                : `v${selected.info.version}：首个版本 the first version`}
          </h3>
          {diff ? <DiffView diff={diff} testId="designer-version-diff" /> : <p className="ds-muted">此前没有版本 No earlier version to compare with</p>}
          <div className="ds-versions__actions">
            <button type="button" className="ds-btn ds-btn--small" aria-pressed={compareDraft} data-testid="designer-version-compare" onClick={() => setCompareDraft((c) => !c)}>
              {compareDraft ? '与前一版本比较 Compare with its predecessor' : '与我的草稿比较 Compare with my draft'}
            </button>
            <button
              type="button"
              className="ds-btn ds-btn--small"
              disabled={publishing || versions?.published === selected.info.version}
              data-testid="designer-version-publish"
              onClick={() => void desk.publish(selected.info.version)}
            >
              {versions?.published === selected.info.version ? '大屏正显示此版本 Walls show this version' : '发布此版本 Publish this version'}
            </button>
            <button type="button" className={`ds-btn ds-btn--small${armedLoad === selected.info.version ? ' ds-btn--warn' : ''}`} data-testid="designer-version-load" onClick={() => load(selected.info.version)}>
              {armedLoad === selected.info.version ? '替换未保存的编辑？Replace unsaved edits?' : '载入编辑器 Load into editor'}
            </button>
          </div>
        </section>
      )}
    </aside>
  );
}
