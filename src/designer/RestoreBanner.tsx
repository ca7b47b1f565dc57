import { useStore } from 'zustand';
import type { EditDesk } from './edit-desk.ts';
import { whenExactly } from './when.ts';

/** A draft this browser kept that the hub never got: restore it or let it go (autosave waits). */
export function RestoreBanner({ desk }: { desk: EditDesk }) {
  const offer = useStore(desk.store, (s) => s.restoreOffer);
  const head = useStore(desk.store, (s) => s.record?.head.version);
  if (!offer) return null;
  const behind = head !== undefined && offer.baseVersion !== head;
  return (
    <div className="ds-banner" role="alert" data-testid="designer-restore">
      <p>
        本机有 {whenExactly(offer.savedAt)} 未保存的草稿 — restore the unsaved draft from {whenExactly(offer.savedAt)}?
        <small>
          基于 based on v{offer.baseVersion}
          {behind ? `（最新为 the head is v${head}）` : ''} · 选择前暂停自动保存 autosave waits for your choice
        </small>
      </p>
      <button type="button" className="ds-btn ds-btn--primary" data-testid="designer-restore-accept" onClick={() => desk.restore()}>
        恢复 Restore
      </button>
      <button type="button" className="ds-btn ds-btn--warn" data-testid="designer-restore-discard" onClick={() => desk.discardDraft()}>
        放弃 Discard
      </button>
    </div>
  );
}
