import { useHubNow } from '../events/desk-context.ts';
import { useDisplaysState } from './displays-context.ts';
import { groupByWall } from './displays-model.ts';
import { EnrolledRow } from './EnrolledRow.tsx';

/** Enrolled displays, wall by wall (empty walls too, so a wall just created shows). */
export function EnrolledList() {
  const data = useDisplaysState((s) => s.data);
  const now = useHubNow();
  return (
    <div className="enrolled" data-testid="enrolled">
      <h2>已登记显示屏 Enrolled displays</h2>
      {!data ? (
        <p className="console-empty">加载中 Loading…</p>
      ) : !data.walls.length && !data.enrolled.length ? (
        <p className="console-empty" data-testid="enrolled-empty">
          尚无大屏 No wall yet: create one below, or approve a display into a new wall.
        </p>
      ) : (
        groupByWall(data.enrolled, data.walls).map(({ wall, displays }) => (
          <section key={wall} className="enrolled-wall" data-testid={`enrolled-wall-${wall}`}>
            <h3>
              {wall}
              <small>
                {displays.length} 台 displays · {displays.filter((d) => d.online).length} 在线 online
              </small>
            </h3>
            {!displays.length ? (
              <p className="console-empty">空大屏 Empty wall: approve a display into it</p>
            ) : (
              <table className="display-table enrolled-table">
                <thead>
                  <tr>
                    <th>显示器 · 位置 Display · cell</th>
                    <th>设备 Device</th>
                    <th>在线 Online</th>
                    <th>最近 Last seen · 地址 address</th>
                    <th>批准 Enrolled by · at</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {displays.map((d) => (
                    <EnrolledRow key={d.id} display={d} now={now} />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))
      )}
    </div>
  );
}
