import { formatHms } from '../../core/format.ts';
import type { WallStatus } from '../../hub/control.ts';
import { useConsole } from './console-context.ts';


export function DisplayTable({ wall }: { wall: WallStatus }) {
  const { client } = useConsole();
  if (!wall.displays.length) return <p className="console-empty">没有显示器在线 No display online</p>;
  return (
    <table className="display-table" data-testid="display-table">
      <thead>
        <tr>
          <th>显示器 Display</th>
          <th>位置 Cell</th>
          <th>确认 Ack rev</th>
          <th>延迟 Lag</th>
          <th>最近确认 Last ack</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {wall.displays.map((d) => {
          const behind = d.ackRev < wall.state.rev;
          return (
            <tr key={d.display} data-testid={`display-row-${d.display}`} data-ack-rev={d.ackRev}>
              <td>
                <span className="online-dot" aria-hidden /> {d.display} <small>在线 online</small>
              </td>
              <td>{d.grid ? `${d.grid.col + 1},${d.grid.row + 1} / ${d.grid.cols}×${d.grid.rows}` : '1×1'}</td>
              <td className={behind ? 'behind' : undefined}>
                {d.ackRev}
                {behind && <small> 落后 behind</small>}
              </td>
              <td>{d.lagMs === null ? '—' : `${Math.round(d.lagMs)} ms`}</td>
              <td>{d.ackAt === null ? '—' : formatHms(d.ackAt)}</td>
              <td>
                <button
                  type="button"
                  className="btn btn--small"
                  data-testid={`reload-${d.display}`}
                  onClick={() => void client.send(wall.state.wall, { type: 'reload', display: d.display })}
                >
                  重载 Reload
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
