import { useEffect, useMemo, useRef, useState } from 'react';
import { useElementSize } from '../../../core/use-element-size.ts';
import { useStore } from 'zustand';
import type { WallStatus } from '../../../hub/control.ts';
import { fitScale, previewSrc, wallCanvas } from '../../../core/preview-fit.ts';
import { useConsole, useConsoleState } from '../console-context.ts';
import { MirrorLink, readMirrorHidden, wallGrid, writeMirrorHidden } from './mirror-link.ts';

const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * A live miniature of the selected wall for the presenter: the wall's own screen (`/wall?preview=1`
 * in mirror mode), laid out at the wall's real size and aspect and scaled down with a CSS transform,
 * as the designer's preview does, so the presenter sees what the room sees. It can be hidden on a
 * slow tablet (remembered on it); hidden, the frame is gone and costs nothing.
 */
export function WallMirror({ wall }: { wall: WallStatus }) {
  const [hidden, setHidden] = useState(() => readMirrorHidden(storage()));
  const toggle = () => {
    writeMirrorHidden(storage(), !hidden);
    setHidden(!hidden);
  };
  return (
    <section className="console-card briefing__mirror" aria-label="大屏实况 Live wall" data-testid="wall-mirror" data-hidden={hidden}>
      <header className="briefing__mirror-head">
        <h2>大屏实况 Live wall</h2>
        <button
          type="button"
          className="btn btn--small"
          aria-pressed={hidden}
          aria-label={hidden ? '显示缩略图 Show miniature' : '隐藏缩略图 Hide miniature'}
          data-testid="wall-mirror-toggle"
          onClick={toggle}
        >
          {hidden ? '显示 Show' : '隐藏 Hide'}
        </button>
      </header>
      {!hidden && <MirrorFrame wall={wall} />}
    </section>
  );
}

function MirrorFrame({ wall }: { wall: WallStatus }) {
  const { client, store } = useConsole();
  const offset = useConsoleState((s) => s.hubOffsetMs);
  const link = useMemo(
    () => new MirrorLink({ origin: location.origin, hubUrl: client.hubUrl, token: () => store.getState().session?.token ?? null }),
    [client, store],
  );
  const live = useStore(link.store, (s) => s.live);
  const frame = useRef<HTMLIFrameElement>(null);
  const [stage, pane] = useElementSize<HTMLDivElement>();
  const grid = wallGrid(wall);
  const canvas = wallCanvas(grid);
  const scale = fitScale(canvas, pane);

  useEffect(() => {
    // The frame's window stays the same object across its navigations, so it is known from now on.
    link.attach(frame.current?.contentWindow ?? null);
    const onMessage = (e: MessageEvent) => link.receive(e);
    window.addEventListener('message', onMessage);
    const offToken = store.subscribe((s, prev) => s.session?.token !== prev.session?.token && link.sendToken(s.session?.token ?? null));
    return () => {
      window.removeEventListener('message', onMessage);
      offToken();
      link.attach(null);
    };
  }, [link, store]);

  useEffect(() => link.sendWall(wall, offset), [link, wall, offset]);

  return (
    <>
      <div className="briefing__mirror-stage" ref={stage} style={{ aspectRatio: `${canvas.width} / ${canvas.height}` }}>
        <div className="briefing__mirror-fit" style={{ width: canvas.width * scale, height: canvas.height * scale }}>
          <iframe
            ref={frame}
            title="大屏实况 Live wall"
            src={previewSrc(location.search)}
            data-testid="wall-mirror-frame"
            tabIndex={-1}
            style={{ width: canvas.width, height: canvas.height, transform: `scale(${scale})` }}
          />
        </div>
      </div>
      <p className="briefing__mirror-note" data-testid="wall-mirror-state" data-live={live}>
        {live ? '实况 Live' : '连接中… Connecting'} · {wall.state.wall} · {grid.cols}×{grid.rows} · {canvas.width}×{canvas.height}
      </p>
    </>
  );
}
