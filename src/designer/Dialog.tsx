import { useEffect, type ReactNode } from 'react';

/** A modal card over the designer: Escape or a click beside it closes it (unless busy). */
export function Dialog({ title, testId, onClose, wide = false, children }: { title: string; testId: string; onClose(): void; wide?: boolean; children: ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="ds-overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section className={`ds-dialog${wide ? ' ds-dialog--wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2>{title}</h2>
        {children}
      </section>
    </div>
  );
}
