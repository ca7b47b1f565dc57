import { formatHms } from '../core/format.ts';
import { useDesignerState } from './designer-runtime.ts';

/** The status line: what the last step did or why it was refused, until the next one. */
export function NoticeLine() {
  const notice = useDesignerState((s) => s.notice);
  return (
    <p className={`ds-notice ds-notice--${notice?.tone ?? 'none'}`} role="status" aria-live="polite" data-testid="designer-notice" data-tone={notice?.tone ?? ''}>
      {notice ? (
        <>
          <time>{formatHms(notice.at)}</time> {notice.text}
        </>
      ) : (
        '就绪 Ready'
      )}
    </p>
  );
}
