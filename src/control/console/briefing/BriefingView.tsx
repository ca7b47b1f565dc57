import { useEffect, useState } from 'react';
import type { Command, WallStatus } from '../../../hub/control.ts';
import type { TourAction } from '../../../hub/tour-sequence.ts';
import { useConsole, useConsoleState } from '../console-context.ts';
import { checkCommand } from '../console-model.ts';
import { clickerIntent, clock, findTour, presenterView, tourChoices, type PresenterView } from './presenter-model.ts';
import { WallMirror } from './WallMirror.tsx';
import './briefing.css';

/** The hub's clock on this tablet, ticking twice a second while a tour runs. */
function useHubNow(running: boolean): number {
  const offset = useConsoleState((s) => s.hubOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return now + offset;
}

/**
 * The briefing view (`#briefing`): start a guided tour on the selected wall and present it: the
 * current and next step, presenter notes, elapsed against planned time, every step to jump to, and
 * the keys of a presentation clicker (PageDown / PageUp, `b` for a blank screen, space to pause).
 */
export function BriefingView() {
  const { client, store } = useConsole();
  const wall = useConsoleState((s) => s.walls.find((w) => w.state.wall === s.selectedWall) ?? null);
  const scenes = useConsoleState((s) => s.scenes);
  const tourState = wall?.state.tour ?? null;
  const now = useHubNow(tourState !== null);
  const tour = findTour(scenes, tourState);
  const view = tour && tourState ? presenterView(tour, tourState, now) : null;

  const send = (command: Command) => {
    if (!wall) return;
    const checked = checkCommand(command);
    if (!checked.ok) return store.setState({ notice: { tone: 'error', text: `输入无效 Invalid input: ${checked.error}` } });
    void client.send(wall.state.wall, checked.command);
  };
  const act = (action: TourAction) => send({ type: 'tour', action });

  // The clicker: keys reach the page wherever focus is, except while typing into a field.
  useEffect(() => {
    if (!wall) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      // Space on a focused button presses that button, as everywhere else.
      if (target?.tagName === 'BUTTON' && e.key === ' ') return;
      const intent = clickerIntent(e.key, wall.state.tour ?? null, Date.now() + store.getState().hubOffsetMs);
      if (!intent) return;
      e.preventDefault();
      if ('tour' in intent) act(intent.tour);
      else send({ type: 'blank', on: !wall.state.blank });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (!wall) return <p className="console-empty">选择一面大屏 Choose a wall</p>;
  return (
    <div className="briefing" data-testid="briefing">
      <section className="console-card briefing__presenter" aria-label="演示者 Presenter">
        {view ? <Presenter view={view} wall={wall} act={act} onBlank={() => send({ type: 'blank', on: !wall.state.blank })} /> : <NoTour wall={wall} />}
      </section>
      <div className="briefing__side">
        <WallMirror wall={wall} />
        <section className="console-card briefing__tours" aria-label="导览 Tours">
          <h2>导览 Tours</h2>
          <ul className="briefing__tour-list">
            {tourChoices(scenes).map(({ scene, tour: t }) => (
              <li key={`${scene.id}/${t.id}`}>
                <button
                  type="button"
                  className="btn briefing__tour"
                  aria-pressed={tourState?.scene === scene.id && tourState.tour === t.id}
                  data-testid={`tour-start-${t.id}`}
                  onClick={() => act({ do: 'start', scene: scene.id, tour: t.id })}
                >
                  <strong>{t.title.zh}</strong>
                  <small>
                    {t.title.en} · {t.steps.length} 步 steps · {clock(t.steps.reduce((sum, s) => sum + s.dwellMs, 0))}
                  </small>
                </button>
              </li>
            ))}
          </ul>
          {tourChoices(scenes).length === 0 && <p className="console-empty">场景中没有导览 No scene holds a tour</p>}
        </section>
      </div>
    </div>
  );
}

function NoTour({ wall }: { wall: WallStatus }) {
  const unknown = wall.state.tour !== null && wall.state.tour !== undefined;
  return (
    <p className="console-empty" data-testid="briefing-idle">
      {unknown ? `此导览未在本机场景中 This tour is not among the scenes here: ${wall.state.tour!.scene}/${wall.state.tour!.tour}` : '大屏未在播放导览。从右侧选择一个开始 No tour on this wall: start one from the list'}
    </p>
  );
}

function Presenter({ view, wall, act, onBlank }: { view: PresenterView; wall: WallStatus; act: (a: TourAction) => void; onBlank: () => void }) {
  const { tour, step, current, next } = view;
  const status = view.finished ? '已结束 Finished' : view.exploring ? '自由浏览 Exploring' : view.paused ? '已暂停 Paused' : '播放中 Playing';
  return (
    <div className="presenter" data-testid="presenter" data-step={step} data-paused={view.paused} data-exploring={view.exploring}>
      <header className="presenter__head">
        <h2>
          {tour.title.zh} <small>{tour.title.en}</small>
        </h2>
        <span className="presenter__status" data-testid="presenter-status">
          {status}
        </span>
        <span className="presenter__time" data-testid="presenter-time">
          {clock(view.elapsedMs)} / {clock(view.plannedMs)}
        </span>
      </header>
      <div className="presenter__steps">
        <article className="presenter__current" data-testid="presenter-current">
          <h3>
            第 {step + 1} 步 Step {step + 1} / {tour.steps.length}
            <span className="presenter__dwell">
              {clock(view.elapsedInStepMs)} / {clock(view.dwellMs)}
            </span>
          </h3>
          <progress max={view.dwellMs} value={view.elapsedInStepMs} aria-label="本步用时 Time in step" />
          <p className="presenter__caption-zh">{current.caption.zh}</p>
          <p className="presenter__caption-en">{current.caption.en}</p>
          {current.notes && (
            <p className="presenter__notes" data-testid="presenter-notes">
              {current.notes}
            </p>
          )}
        </article>
        <article className="presenter__next" data-testid="presenter-next">
          <h3>下一步 Next</h3>
          {next ? (
            <>
              <p className="presenter__caption-zh">{next.caption.zh}</p>
              <p className="presenter__caption-en">{next.caption.en}</p>
            </>
          ) : (
            <p className="console-empty">最后一步 The last step</p>
          )}
        </article>
      </div>
      <div className="presenter__buttons">
        <button type="button" className="btn" data-testid="tour-prev" disabled={step === 0} onClick={() => act({ do: 'prev' })}>
          ◀ 上一步 Previous
        </button>
        {view.paused ? (
          <button type="button" className="btn btn--primary" data-testid="tour-resume" onClick={() => act({ do: 'resume' })}>
            ▶ 继续 Resume
          </button>
        ) : (
          <button type="button" className="btn" data-testid="tour-pause" onClick={() => act({ do: 'pause' })}>
            ❚❚ 暂停 Pause
          </button>
        )}
        <button type="button" className="btn btn--primary" data-testid="tour-next" onClick={() => act({ do: 'next' })}>
          下一步 Next ▶
        </button>
        {view.exploring ? (
          <button type="button" className="btn btn--primary" data-testid="tour-continue" onClick={() => act({ do: 'continue' })}>
            回到导览 Continue the tour
          </button>
        ) : (
          <button type="button" className="btn" data-testid="tour-explore" onClick={() => act({ do: 'explore' })}>
            自由浏览 Explore
          </button>
        )}
        <button type="button" className="btn" aria-pressed={wall.state.blank} data-testid="tour-blank" onClick={onBlank}>
          黑屏 Blank (B)
        </button>
        <button type="button" className="btn btn--warn" data-testid="tour-stop" onClick={() => act({ do: 'stop' })}>
          结束 Stop
        </button>
      </div>
      <ol className="presenter__list">
        {tour.steps.map((s, i) => (
          <li key={i}>
            <button type="button" className="btn btn--small" aria-pressed={i === step} data-testid={`tour-step-${i}`} onClick={() => act({ do: 'jump', step: i })}>
              {i + 1}. {s.caption.zh}
            </button>
          </li>
        ))}
      </ol>
      <p className="presenter__keys">翻页笔 Clicker: PageDown 下一步 next · PageUp 上一步 previous · B 黑屏 blank · 空格 space 暂停 pause</p>
    </div>
  );
}
