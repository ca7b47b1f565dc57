import type { WallStatus } from '../../hub/control.ts';
import { useConsoleState } from './console-context.ts';
import { CommandLog } from './CommandLog.tsx';
import { Controls } from './Controls.tsx';
import { DisplayTable } from './DisplayTable.tsx';
import { formatMoment } from '../../core/format.ts';
import { districtName, point } from './console-model.ts';

function WallSummary({ wall }: { wall: WallStatus }) {
  const scenes = useConsoleState((s) => s.scenes);
  const districts = useConsoleState((s) => s.districts);
  const { state } = wall;
  const scene = scenes.find((s) => s.id === state.scene);
  const camera =
    state.camera === null ? '场景视角 Scene view' : 'district' in state.camera ? districtName(state.camera.district, { districts }) : point(state.camera.center);
  return (
    <dl className="wall-summary" data-testid="wall-summary" data-rev={state.rev}>
      <div>
        <dt>场景 Scene</dt>
        <dd data-testid="wall-scene">{scene ? `${scene.title} ${scene.titleEn}` : (state.scene ?? '默认 Default')}</dd>
      </div>
      <div>
        <dt>视角 Camera</dt>
        <dd>{camera}</dd>
      </div>
      <div>
        <dt>时间 Time</dt>
        <dd data-testid="wall-time">{state.time.mode === 'live' ? '实时 Live' : `回放 Playback ${formatMoment(state.time.at)}`}</dd>
      </div>
      <div>
        <dt>版本 Rev</dt>
        <dd data-testid="wall-rev">{state.rev}</dd>
      </div>
    </dl>
  );
}

export function WallView() {
  const wall = useConsoleState((s) => s.walls.find((w) => w.state.wall === s.selectedWall) ?? null);
  const notice = useConsoleState((s) => s.notice);
  if (!wall) return null;
  return (
    <div className="wall-view" data-testid={`wall-view-${wall.state.wall}`}>
      {notice && (
        <p className={`console-notice console-notice--${notice.tone}`} role="alert" data-testid="console-notice">
          {notice.text}
        </p>
      )}
      <section className="console-card wall-view__controls" aria-label="指令 Commands">
        <WallSummary wall={wall} />
        <Controls wall={wall} />
      </section>
      <section className="console-card wall-view__status">
        <h2>显示器 Displays</h2>
        <DisplayTable wall={wall} />
        <h2>指令记录 Command log</h2>
        <CommandLog wall={wall} />
      </section>
    </div>
  );
}
