import { useHubNow } from '../events/desk-context.ts';
import { useDisplaysState } from './displays-context.ts';
import { approveWarnings, checkApprove, formatAgo } from './displays-model.ts';

/** What approving the form as it stands would also do: said before the operator approves. */
export function ApproveWarningList() {
  const draft = useDisplaysState((s) => s.draft);
  const enrolled = useDisplaysState((s) => s.data?.enrolled ?? null);
  const now = useHubNow();
  const checked = checkApprove(draft);
  if (!checked.ok || !enrolled) return null;
  const { replaces, sameCell, otherLayout } = approveWarnings(checked.request.slot, enrolled);
  if (!replaces && !sameCell.length && !otherLayout) return null;
  return (
    <ul className="approve-warnings" data-testid="approve-warnings">
      {replaces && (
        <li data-testid="approve-replace-warning" data-replaces={replaces.id}>
          ⚠ 替换 {replaces.id}，它将被吊销 — replaces {replaces.id} which will be revoked ({replaces.online ? '在线 online now' : '离线 offline'}
          {replaces.lastSeenAt ? `, last seen ${formatAgo(now - replaces.lastSeenAt)}` : ''})
        </li>
      )}
      {sameCell.length > 0 && (
        <li data-testid="approve-same-cell-warning">
          同一格已有 Same cell as: {sameCell.map((d) => `${d.slot.display} (${d.id})`).join(', ')}
        </li>
      )}
      {otherLayout && (
        <li data-testid="approve-layout-warning">
          本墙其他显示器布局为 {otherLayout} — the wall's other displays use {otherLayout === 'single' ? 'single-display layout' : `a ${otherLayout} grid`}
        </li>
      )}
    </ul>
  );
}
