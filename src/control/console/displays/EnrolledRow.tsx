import { formatMoment, formatSince } from '../../../core/format.ts';
import type { EnrolledDisplay } from '../../../hub/enrolment.ts';
import { describeCell, describeReplacements, formatAgo } from './displays-model.ts';
import { RevokeButton } from './RevokeButton.tsx';

/** Columns of the enrolled table (the replaced-connections row spans them all). */
export const ENROLLED_COLUMNS = 6;

/**
 * One enrolled display. Replaced connections get a row of their own: a second connection of the
 * same display pushing the first off may mean its credential was copied to another machine.
 */
export function EnrolledRow({ display: d, now }: { display: EnrolledDisplay; now: number }) {
  const replaced = describeReplacements(d, now);
  return (
    <>
      <tr
        className={replaced ? 'enrolled-row enrolled-row--replaced' : 'enrolled-row'}
        data-testid={`enrolled-row-${d.id}`}
        data-wall={d.slot.wall}
        data-display={d.slot.display}
        data-online={d.online}
        data-replacements={d.replacements}
      >
        <td>
          <strong>{d.slot.display}</strong>
          <small data-testid={`enrolled-cell-${d.id}`}>{describeCell(d.slot.grid)}</small>
        </td>
        <td className="enrolled-row__device">{d.id}</td>
        <td className={d.online ? 'enrolled-online' : 'enrolled-offline'} data-testid={`enrolled-online-${d.id}`}>
          <span aria-hidden>{d.online ? '●' : '○'}</span> {d.online ? '在线 online' : '离线 offline'}
        </td>
        <td>
          <span className="nowrap" title={d.lastSeenAt ? formatMoment(d.lastSeenAt) : undefined}>
            {d.lastSeenAt ? formatAgo(now - d.lastSeenAt) : '从未 never'}
          </span>
          <small>{d.lastAddress ?? '—'}</small>
        </td>
        <td>
          {d.enrolledBy}
          <small>{formatSince(d.enrolledAt, now)}</small>
        </td>
        <td>
          <RevokeButton id={d.id} />
        </td>
      </tr>
      {replaced && (
        <tr className="enrolled-replaced" data-testid={`enrolled-replaced-${d.id}`}>
          <td colSpan={ENROLLED_COLUMNS}>
            ⚠ 连接被顶替 {d.replacements} 次 · {replaced} — 若非本机重连，可能是凭据被复制：吊销并重新登记。
            <small>Not this screen reconnecting? The credential may have been copied: revoke it and enrol the screen again.</small>
          </td>
        </tr>
      )}
    </>
  );
}
