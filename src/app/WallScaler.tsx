import { useEffect, useState, type ReactNode } from 'react';
import { SINGLE_DISPLAY, sliceFrame, type DisplayGrid, type SliceFrame } from '../twin/slice.ts';
import { computeWallLayout, type SlicedPlacement, type WallLayout } from './wall-layout.ts';

export interface DisplayLayout {
  /** The DOM layout of the whole wall (all displays together). */
  layout: WallLayout;
  /** This display's slice of the wall. */
  frame: SliceFrame;
}

function displayLayout(grid: DisplayGrid): DisplayLayout {
  const frame = sliceFrame(grid, innerWidth, innerHeight);
  return { layout: computeWallLayout(frame.virtual.width, frame.virtual.height), frame };
}

/**
 * The layout is computed for the virtual wall (cols × rows displays of this window's size), so
 * three 2560×2160 displays lay out as one 7680×2160 wall; each display then shows its part.
 */
export function useWallLayout(grid: DisplayGrid = SINGLE_DISPLAY): DisplayLayout {
  const [state, setState] = useState(() => displayLayout(grid));
  useEffect(() => {
    const onResize = () => setState(displayLayout(grid));
    onResize();
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, [grid]);
  return state;
}

/**
 * Scales the DOM layer from its design size to the window. Only the DOM: WebGL canvases sit
 * outside this layer at native resolution (a CSS-scaled map blurs and mis-picks). On a
 * multi-display wall the layer is the whole wall's, shifted so this display's slice shows (the
 * wall clips the rest): a panel appears on the display whose slice holds it.
 */
export function WallScaler({
  layout,
  offset = { x: 0, y: 0 },
  placement = null,
  overlay,
  children,
}: {
  layout: WallLayout;
  offset?: { x: number; y: number };
  placement?: SlicedPlacement | null;
  /** Insets (design px) of the map-side strip between the columns, when not sliced. */
  overlay?: { left: number; right: number };
  children: ReactNode;
}) {
  const shift = offset.x || offset.y ? `translate(${-offset.x}px, ${-offset.y}px) ` : '';
  return (
    <div
      className={`wall-dom${layout.wide ? ' wall-dom--wide' : ''}${placement ? ' wall-dom--sliced' : ''}`}
      data-scale={layout.scale.toFixed(3)}
      style={{
        width: layout.width,
        height: layout.height,
        transform: `${shift}scale(${layout.scale})`,
        ['--wall-scale' as string]: layout.scale,
        ...(overlay && { ['--overlay-left' as string]: `${overlay.left}px`, ['--overlay-right' as string]: `${overlay.right}px` }),
        ...(placement && {
          ['--overlay-left' as string]: `${placement.overlay.left}px`,
          ['--overlay-right' as string]: `${placement.overlay.right}px`,
          ['--scene-title-x' as string]: `${placement.sceneTitleX}px`,
        }),
      }}
    >
      {children}
    </div>
  );
}
