import { useEffect, useState } from 'react';
import { computeWallLayout } from '../wall-layout.ts';
import { useNow } from '../use-now.ts';
import type { PairingView } from './enrol-client.ts';
import { describeSlot, formatCode, formatTimeLeft } from './pairing-text.ts';

function useLayout() {
  const [layout, setLayout] = useState(() => computeWallLayout(innerWidth, innerHeight));
  useEffect(() => {
    const onResize = () => setLayout(computeWallLayout(innerWidth, innerHeight));
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return layout;
}

/**
 * Full screen on a display not yet enrolled: the code an operator reads off it from across the
 * room. Drawn at the wall's 1920×1080 design and scaled like the wall's DOM (wall-layout.ts), so
 * the code is a fifth of the screen's height on any display; every display of a multi-display wall
 * shows its own card (its own code), whatever cell it will be given.
 */
export function PairingCard({ view }: { view: PairingView }) {
  const layout = useLayout();
  const now = useNow();
  const left = view.code && view.expiresAt !== null ? formatTimeLeft(view.expiresAt, now) : null;
  return (
    <main className="pairing">
      <div
        className="pairing__canvas"
        style={{ width: layout.width, height: layout.height, transform: `scale(${layout.scale})` }}
      >
        <section className="pairing__card" data-testid="pairing-card">
          <h1>
            显示屏配对<span>Pair this display</span>
          </h1>
          {view.code ? (
            <div className="pairing__code" data-testid="pairing-code">
              {formatCode(view.code)}
            </div>
          ) : (
            <div className="pairing__waiting">正在申请配对码 · Requesting a code…</div>
          )}
          <p className="pairing__how">
            在操作台批准 · Approve it in the console: <strong>显示屏 Displays</strong>
          </p>
          <p className="pairing__hint" data-testid="pairing-hint">
            请求 Requested: {describeSlot(view.hint)}
          </p>
          {view.code && (
            <p className="pairing__left" data-testid="pairing-time-left">
              {left ? `剩余 Time left ${left}` : '已过期，正在换新码 · Expired, getting a new code'}
            </p>
          )}
          {view.notice && (
            <p className="pairing__notice" role="status">
              {view.notice}
            </p>
          )}
          {view.error && (
            <p className="pairing__error" data-testid="pairing-error" role="alert">
              连接问题 Problem: {view.error} · 正在重试 retrying
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
