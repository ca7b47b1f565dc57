import { useEffect, useRef } from 'react';
import { useElementSize } from '../core/use-element-size.ts';
import { useStore } from 'zustand';
import { CANVASES, fitScale, previewSrc, type CanvasId } from './canvas.ts';
import { useDesigner } from './designer-runtime.ts';
import type { EditorStore } from './editor/index.ts';
import type { PreviewLink } from './preview-link.ts';

/**
 * The wall itself (`/wall?preview=1`, same origin) showing the draft: the frame has the chosen
 * canvas's real size, so the wall lays itself out as it would on that wall, and is scaled down
 * with a CSS transform to fit the pane. The draft goes to it on every edit, unthrottled.
 */
export function Preview({ link, editor, canvas, onCanvas }: { link: PreviewLink; editor: EditorStore; canvas: CanvasId; onCanvas(c: CanvasId): void }) {
  const rt = useDesigner();
  const frame = useRef<HTMLIFrameElement>(null);
  const [stage, pane] = useElementSize<HTMLDivElement>();
  const live = useStore(link.store, (s) => s.live);
  const sceneError = useStore(link.store, (s) => s.sceneError);
  const size = CANVASES[canvas];
  const scale = fitScale(size, pane);

  useEffect(() => {
    // The frame's window stays the same object across its navigations, so it is known from now on.
    link.attach(frame.current?.contentWindow ?? null);
    const onMessage = (e: MessageEvent) => link.receive(e);
    window.addEventListener('message', onMessage);
    const offScene = editor.subscribe((s, prev) => s.scene !== prev.scene && link.sendScene(s.scene));
    const offToken = rt.session.store.subscribe((s, prev) => s.session?.token !== prev.session?.token && link.sendToken(s.session?.token ?? null));
    return () => {
      window.removeEventListener('message', onMessage);
      offScene();
      offToken();
      link.attach(null);
    };
  }, [link, editor, rt]);

  return (
    <section className="ds-preview" aria-label="预览 Preview">
      <header className="ds-preview__bar">
        <h2>实时预览 Live preview</h2>
        <div className="ds-seg" role="radiogroup" aria-label="大屏尺寸 Wall size">
          {(Object.keys(CANVASES) as CanvasId[]).map((id) => (
            <button key={id} type="button" role="radio" aria-checked={id === canvas} className="ds-seg__btn" data-testid={`designer-aspect-${id}`} onClick={() => onCanvas(id)}>
              {CANVASES[id].label}
            </button>
          ))}
        </div>
        <span className={`ds-preview__state${live ? ' ds-preview__state--live' : ''}`} data-testid="designer-preview-state" data-live={live}>
          {live ? '已连接 Live' : '等待预览… Waiting for the preview'}
        </span>
      </header>
      {sceneError && (
        <p className="ds-preview__error" role="alert" data-testid="designer-preview-error">
          预览无法显示草稿（显示上一个可用版本）The preview cannot show the draft (it keeps the last good one): {sceneError}
        </p>
      )}
      <div className="ds-preview__stage" ref={stage}>
        <div className="ds-preview__fit" style={{ width: size.width * scale, height: size.height * scale }}>
          <iframe
            ref={frame}
            title="大屏预览 Wall preview"
            src={previewSrc(location.search)}
            data-testid="designer-preview"
            style={{ width: size.width, height: size.height, transform: `scale(${scale})` }}
          />
        </div>
      </div>
      <p className="ds-preview__note">
        {size.width}×{size.height} · 缩放 scale {Math.round(scale * 100)}%
      </p>
    </section>
  );
}
