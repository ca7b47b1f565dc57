import { useEffect, useRef } from 'react';
import { useWallRuntime } from '../core/wall-context.ts';
import { createTwin, type Twin, type TwinOptions } from './controller/create-twin.ts';
import type { SliceFrame } from './slice.ts';

interface Props {
  /** The DOM's design scale: labels and framing stay proportional to the wall. */
  scale: number;
  /** This display's slice of the wall's one virtual view (a single display: all of it). */
  slice: SliceFrame;
  /** Called when the WebGL context is lost: the host mounts a fresh twin. */
  onContextLost?: () => void;
  /** Given the twin's camera director (src/app/attention.ts flies it); keep it stable (useCallback). */
  withDirector?: TwinOptions['withDirector'];
}

/** Mounts the twin (src/twin/controller/create-twin.ts), tells it of size changes, disposes it. */
export function TwinMap({ scale, slice, onContextLost, withDirector }: Props) {
  const runtime = useWallRuntime();
  const container = useRef<HTMLDivElement>(null);
  const twin = useRef<Twin | null>(null);
  const size = useRef({ scale, slice });
  size.current = { scale, slice };

  useEffect(() => {
    const created = createTwin(container.current!, runtime, { ...size.current, onContextLost, withDirector });
    twin.current = created;
    return () => {
      created.dispose();
      twin.current = null;
    };
  }, [runtime, onContextLost, withDirector]);

  useEffect(() => twin.current?.resize(scale, slice), [scale, slice]);

  const box = slice.container;
  return (
    <div
      ref={container}
      className="twin"
      data-testid="twin"
      style={{ left: box.left, top: box.top, width: box.width, height: box.height, right: 'auto', bottom: 'auto' }}
    />
  );
}
