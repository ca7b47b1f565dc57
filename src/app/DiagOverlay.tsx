import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useWallRuntime } from './wall-runtime.ts';

interface Sample {
  fps: number;
  perSecond: number;
  accepted: number;
  rejected: number;
  lastError: string | null;
}

/** /wall?diag=1: frame rate, message rate, rejected payloads and the last error, sampled each second. */
export function DiagOverlay() {
  const { diagnostics, connection, topics, scenes } = useWallRuntime();
  const held = useStore(topics, (s) => Object.keys(s.values).sort().join(' '));
  const sceneErrors = useStore(scenes, (s) => s.errors);
  const [sample, setSample] = useState<Sample>({ fps: 0, perSecond: 0, accepted: 0, rejected: 0, lastError: null });
  const frames = useRef(0);

  useEffect(() => {
    let raf = 0;
    const onFrame = () => {
      frames.current += 1;
      raf = requestAnimationFrame(onFrame);
    };
    raf = requestAnimationFrame(onFrame);
    let last = performance.now();
    let lastCount = diagnostics.getState().accepted + diagnostics.getState().rejected;
    const id = setInterval(() => {
      const now = performance.now();
      const d = diagnostics.getState();
      const count = d.accepted + d.rejected;
      const dt = (now - last) / 1000;
      setSample({
        fps: frames.current / dt,
        perSecond: (count - lastCount) / dt,
        accepted: d.accepted,
        rejected: d.rejected,
        lastError: d.lastError,
      });
      frames.current = 0;
      last = now;
      lastCount = count;
    }, 1000);
    return () => {
      cancelAnimationFrame(raf);
      clearInterval(id);
    };
  }, [diagnostics]);

  return (
    <aside className="diag" data-testid="diag">
      <h2>诊断 Diagnostics</h2>
      <dl>
        <dt>帧率 fps</dt>
        <dd data-testid="diag-fps">{sample.fps.toFixed(1)}</dd>
        <dt>消息/秒 msg/s</dt>
        <dd data-testid="diag-rate">{sample.perSecond.toFixed(1)}</dd>
        <dt>已接收 accepted</dt>
        <dd data-testid="diag-accepted">{sample.accepted}</dd>
        <dt>已拒绝 rejected</dt>
        <dd data-testid="diag-rejected">{sample.rejected}</dd>
        <dt>连接 link</dt>
        <dd>{connection.getState().status}</dd>
      </dl>
      <p className="diag__topics" data-testid="diag-topics">
        数据 topics: {held || '—'}
      </p>
      <p className="diag__error" data-testid="diag-last-error">
        {sample.lastError ?? '—'}
      </p>
      {sceneErrors.length > 0 && (
        <ul className="diag__scene-errors" data-testid="diag-scene-errors">
          {sceneErrors.slice(0, 5).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}
