import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { SceneEntry } from '../hub/designer.ts';
import { CopyDialog } from './CopyDialog.tsx';
import { useDesigner } from './designer-runtime.ts';
import { NewSceneDialog } from './NewSceneDialog.tsx';
import { RenameDialog } from './RenameDialog.tsx';
import { SceneListDesk } from './scene-list-desk.ts';
import { SceneRow } from './SceneRow.tsx';

const SEARCH_DELAY_MS = 250;

/** Every scene the hub holds (or those matching the search), and what can be done with them. */
export function SceneList({ onOpen }: { onOpen(id: string): void }) {
  const rt = useDesigner();
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const [desk] = useState(() => new SceneListDesk(rt, (id) => openRef.current(id)));
  const s = useStore(desk.store);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<SceneEntry | null>(null);
  const [query, setQuery] = useState('');
  const [drafts, setDrafts] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    desk.start();
    return () => desk.stop();
  }, [desk]);
  useEffect(() => setDrafts(new Set(rt.drafts.entries().map((d) => d.sceneId))), [rt, s.scenes]);
  useEffect(() => {
    if (query === desk.store.getState().query) return;
    const t = setTimeout(() => query !== desk.store.getState().query && void desk.load(query), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [desk, query]);

  return (
    <main className="ds-list">
      <div className="ds-toolbar">
        <input
          type="search"
          className="ds-search"
          placeholder="搜索场景（标题、标识、说明）Search scenes"
          aria-label="搜索场景 Search scenes"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void desk.load(query)}
          data-testid="designer-search"
        />
        <button type="button" className="ds-btn ds-btn--primary" data-testid="designer-new" onClick={() => setAdding(true)}>
          ＋ 新建 New scene
        </button>
        <label className="ds-btn ds-file">
          导入 Import JSON…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="designer-import"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = ''; // the same file may be chosen again
              if (file) void desk.importFile(file);
            }}
          />
        </label>
      </div>
      <p className="ds-count" aria-live="polite">
        {s.loading ? '加载中… Loading' : `${s.scenes.length} 个场景 scenes${s.query ? ` · “${s.query}”` : ''}`}
      </p>
      {s.loaded && !s.scenes.length && <p className="ds-empty">{s.query ? '没有匹配的场景 No scene matches' : '尚无场景：新建或导入一个 No scene yet: create or import one'}</p>}
      <ul className="ds-rows">
        {s.scenes.map((e) => (
          <SceneRow
            key={e.id}
            entry={e}
            hasDraft={drafts.has(e.id)}
            armed={s.armedDelete === e.id}
            busy={s.busy}
            onOpen={() => onOpen(e.id)}
            onRename={() => setRenaming(e)}
            onDuplicate={() => void desk.duplicate(e.id)}
            onDelete={() => void desk.remove(e.id)}
          />
        ))}
      </ul>
      {adding && <NewSceneDialog desk={desk} onClose={() => setAdding(false)} />}
      {renaming && <RenameDialog desk={desk} entry={renaming} onClose={() => setRenaming(null)} />}
      {s.copy && <CopyDialog desk={desk} copy={s.copy} />}
    </main>
  );
}
