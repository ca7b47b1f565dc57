import { useEffect, useState } from 'react';
import { useDisplays, useDisplaysState } from './displays-context.ts';

/** How long an armed "confirm revoke" waits before it disarms (a tablet left lying around). */
const ARMED_MS = 10_000;

/** Revoke in two taps: the first arms, the second revokes (its credential stops working at once). */
export function RevokeButton({ id }: { id: string }) {
  const desk = useDisplays();
  const revoking = useDisplaysState((s) => s.revoking);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), ARMED_MS);
    return () => clearTimeout(t);
  }, [armed]);
  if (!armed)
    return (
      <button type="button" className="btn btn--small btn--warn" data-testid={`revoke-${id}`} disabled={revoking !== null} onClick={() => setArmed(true)}>
        吊销 Revoke
      </button>
    );
  return (
    <span className="revoke-confirm" role="group" aria-label={`确认吊销 Confirm revoking ${id}`}>
      <button
        type="button"
        className="btn btn--small btn--danger"
        data-testid={`revoke-confirm-${id}`}
        disabled={revoking !== null}
        onClick={() => void desk.revoke(id).then(() => setArmed(false))}
      >
        {revoking === id ? '吊销中 Revoking…' : '确认吊销 Confirm revoke'}
      </button>
      <button type="button" className="btn btn--small" data-testid={`revoke-cancel-${id}`} onClick={() => setArmed(false)}>
        取消 Cancel
      </button>
    </span>
  );
}
