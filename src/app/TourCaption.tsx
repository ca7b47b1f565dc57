import { useStore } from 'zustand';
import type { TourView } from '../store/control-store.ts';
import { WallBoundary } from './ErrorBoundary.tsx';
import { useWallRuntime } from './wall-runtime.ts';
import './tour-caption.css';

/**
 * The caption of the tour step the wall shows: Chinese large, English beneath, the tour's name and
 * the step count above, and whether it is paused or explored. Hub text, rendered as text.
 * `maxHeight` (design px) keeps it below the step's focus (src/twin/tour-framing.ts).
 */
export function TourCaption({ view, maxHeight }: { view: TourView; maxHeight: number }) {
  const caption = view.step?.caption;
  if (!caption) return null;
  const state = view.finished ? '导览结束 End of tour' : view.exploring ? '自由浏览 Exploring' : view.paused ? '已暂停 Paused' : null;
  return (
    <section
      className={`tour-caption${view.exploring ? ' tour-caption--exploring' : ''}`}
      data-testid="tour-caption"
      data-tour={view.tour}
      data-step={view.index}
      data-paused={view.paused ? '1' : '0'}
      data-exploring={view.exploring ? '1' : '0'}
      data-finished={view.finished ? '1' : '0'}
      style={{ maxHeight }}
      aria-live="polite"
    >
      <p className="tour-caption__meta">
        {view.title && (
          <span>
            {view.title.zh} · {view.title.en}
          </span>
        )}
        <span className="tour-caption__count">
          {view.index + 1} / {view.count}
        </span>
        {state && <em className="tour-caption__state">{state}</em>}
      </p>
      <p className="tour-caption__zh" lang="zh-CN">
        {caption.zh}
      </p>
      <p className="tour-caption__en" lang="en">
        {caption.en}
      </p>
    </section>
  );
}

/** The caption in a boundary of its own: one that fails leaves the band empty, never the wall. */
export function TourCaptionSlot({ maxHeight }: { maxHeight: number }) {
  const view = useStore(useWallRuntime().control, (s) => s.tour);
  if (!view) return null;
  return (
    <WallBoundary part="tour caption" resetKeys={[view]} fallback={null}>
      <TourCaption view={view} maxHeight={maxHeight} />
    </WallBoundary>
  );
}
