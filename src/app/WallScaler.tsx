import { useEffect, useState, type ReactNode } from 'react';
import { computeWallLayout, type WallLayout } from './wall-layout.ts';

export function useWallLayout(): WallLayout {
  const [layout, setLayout] = useState(() => computeWallLayout(innerWidth, innerHeight));
  useEffect(() => {
    const onResize = () => setLayout(computeWallLayout(innerWidth, innerHeight));
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return layout;
}

/**
 * Scales the DOM layer from its design size to the window. Only the DOM: WebGL canvases sit
 * outside this layer at native resolution (a CSS-scaled map blurs and mis-picks).
 */
export function WallScaler({ layout, children }: { layout: WallLayout; children: ReactNode }) {
  return (
    <div
      className={`wall-dom${layout.wide ? ' wall-dom--wide' : ''}`}
      data-scale={layout.scale.toFixed(3)}
      style={{
        width: layout.width,
        height: layout.height,
        transform: `scale(${layout.scale})`,
        ['--wall-scale' as string]: layout.scale,
      }}
    >
      {children}
    </div>
  );
}
