import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useAppRuntime } from './wall-runtime.ts';
import { minTextMm, textMm, type ViewingGeometry } from './legibility.ts';
import type { WallPlan } from './column-layout.ts';

interface Legibility {
  smallestMm: number;
  neededMm: number;
}

/** The smallest text the wall's DOM shows now, in mm on the wall, against what the room needs. */
function measureLegibility(viewing: ViewingGeometry, rows: number): Legibility | null {
  let smallest = Infinity;
  const dom = document.querySelector<HTMLElement>('.wall-dom');
  // The DOM layer's scale, from its own (large) box: a small element's integer offsetHeight
  // would make the ratio of its boxes off by a few per cent.
  const domScale = dom && dom.offsetHeight ? dom.getBoundingClientRect().height / dom.offsetHeight : null;
  const walker = document.createTreeWalker(dom ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || el.closest('.diag')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // On screen the font is its computed size times the wall's scale transform.
    const px = parseFloat(getComputedStyle(el).fontSize) * (domScale ?? box.height / Math.max(1, el.offsetHeight || box.height));
    if (px > 0) smallest = Math.min(smallest, px);
  }
  if (!Number.isFinite(smallest)) return null;
  return { smallestMm: textMm(smallest, innerHeight * rows, viewing.heightM), neededMm: minTextMm(viewing.distanceM) };
}

interface Sample {
  fps: number;
  perSecond: number;
  accepted: number;
  rejected: number;
  /** Events let go unread in floods (only the newest of each topic is read). */
  shed: number;
  lastError: string | null;
}

/** /wall?diag=1: frame rate, message rate, rejected payloads and the last error, sampled each second. */
export function DiagOverlay({ plan }: { plan?: WallPlan }) {
  const { diagnostics, connection, topics, scenes, flags } = useAppRuntime();
  const [legibility, setLegibility] = useState<Legibility | null>(null);
  const held = useStore(topics, (s) => Object.keys(s.values).sort().join(' '));
  const sceneErrors = useStore(scenes, (s) => s.errors);
  const [sample, setSample] = useState<Sample>({ fps: 0, perSecond: 0, accepted: 0, rejected: 0, shed: 0, lastError: null });
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
        shed: d.shed,
        lastError: d.lastError,
      });
      setLegibility(measureLegibility(flags.viewing, flags.grid.rows));
      frames.current = 0;
      last = now;
      lastCount = count;
    }, 1000);
    return () => {
      cancelAnimationFrame(raf);
      clearInterval(id);
    };
  }, [diagnostics, flags]);

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
        <dt>已限流 shed</dt>
        <dd data-testid="diag-shed">{sample.shed}</dd>
        <dt>连接 link</dt>
        <dd>{connection.getState().status}</dd>
        <dt>最小字高 smallest text</dt>
        <dd data-testid="diag-text" data-ok={legibility ? String(legibility.smallestMm >= legibility.neededMm) : undefined}>
          {legibility
            ? `${legibility.smallestMm.toFixed(1)} mm ${legibility.smallestMm >= legibility.neededMm ? '✓' : '✗'} ≥ ${legibility.neededMm.toFixed(1)} mm @ ${flags.viewing.distanceM} m`
            : '—'}
        </dd>
        {plan && (
          <>
            <dt>界面缩放 DOM scale</dt>
            <dd data-testid="diag-scale" data-fit={plan.fitScale.toFixed(3)} data-legible={plan.legibleScale.toFixed(3)}>
              {plan.layout.scale.toFixed(2)}
              {plan.layout.scale > plan.fitScale + 1e-9 ? ` (fit ${plan.fitScale.toFixed(2)})` : ''}
            </dd>
            <dt>面板收起 set aside</dt>
            <dd data-testid="diag-set-aside" data-slots={plan.setAside.join(' ')} title={plan.setAside.join(' ')}>
              {plan.setAside.length}
            </dd>
          </>
        )}
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
