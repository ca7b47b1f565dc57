import { useEffect, useState } from 'react';
import { DEFAULT_ATTENTION } from '../../../hub/control.ts';
import { useConsole, useConsoleState } from '../console-context.ts';
import { STATUS_LABELS as COMMAND_STATUS, checkCommand, logRows } from '../console-model.ts';
import { showOnWallCommands } from './events-model.ts';

const MARKS = { ok: '✓', failed: '✗', timeout: '⏱', waiting: '…' } as const;
const COMMAND_WORDS = { fly: '飞往 Fly', highlight: '标注 Mark' } as Record<string, string>;

/**
 * "Show on wall": the wall commands the console already sends (fly, then highlight), through its
 * own command path, so every display of the selected wall flies there and marks the place; the
 * displays' acknowledgements are shown beside the button, as in the command log.
 */
export function ShowOnWall({ position, label, testId }: { position: [number, number]; label: string; testId: string }) {
  const { client, store } = useConsole();
  const wall = useConsoleState((s) => s.selectedWall);
  const link = useConsoleState((s) => s.link);
  const [ids, setIds] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  // Another event or alert: its acknowledgements start afresh.
  const where = `${position[0]},${position[1]}`;
  useEffect(() => setIds([]), [where]);

  async function show() {
    if (!wall || sending) return;
    setSending(true);
    setIds([]);
    try {
      for (const raw of showOnWallCommands(position, label)) {
        const checked = checkCommand(raw);
        if (!checked.ok) {
          store.setState({ notice: { tone: 'error', text: `输入无效 Invalid input: ${checked.error}` } });
          return;
        }
        // send() records the command (with its id) before its first await: read it back at once.
        const sent = client.send(wall, checked.command);
        const id = store.getState().sent[0]?.id;
        if (id) setIds((held) => [...held, id]);
        await sent;
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="show-on-wall">
      <button
        type="button"
        className="btn btn--primary"
        disabled={!wall || link !== 'live' || sending}
        data-testid={testId}
        title={wall ? undefined : '尚无大屏在线 No wall connected'}
        onClick={() => void show()}
      >
        上墙显示 Show on wall{wall ? ` · ${wall}` : ''}
      </button>
      {wall && ids.length > 0 && <WallAcks wall={wall} ids={ids} />}
    </div>
  );
}

/** The hub's log rows of these commands: sending, applied, partial, refused, with each display's ack. */
function WallAcks({ wall, ids }: { wall: string; ids: string[] }) {
  const status = useConsoleState((s) => s.walls.find((w) => w.state.wall === wall) ?? null);
  const sent = useConsoleState((s) => s.sent);
  if (!status) return null;
  const rows = logRows(status, sent).filter((r) => ids.includes(r.id));
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return (
    <ul className="wall-acks" aria-live="polite">
      {rows.map((r) => (
        <li key={r.id} className={`wall-ack log-row--${r.status}`} data-testid="wall-ack" data-status={r.status} data-command={r.command.type}>
          <span>{COMMAND_WORDS[r.command.type] ?? r.command.type}</span>
          <strong className="log-row__status">{COMMAND_STATUS[r.status]}</strong>
          {r.displays.map((d) => (
            <span key={d.display} className={`ack ack--${d.state}`} title={d.error}>
              {MARKS[d.state]} {d.display}
            </span>
          ))}
          {r.message && <span className="log-row__message">{r.message}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The selected wall's attention setting: whether a new red alert or event flies its camera there
 * and back, and at most how often (30–3600 s). Sent as the wall command `attention`.
 */
export function AttentionControl() {
  const { client, store } = useConsole();
  const wallId = useConsoleState((s) => s.selectedWall);
  const attention = useConsoleState((s) => s.walls.find((w) => w.state.wall === s.selectedWall)?.state.attention ?? null);
  const held = attention ?? DEFAULT_ATTENTION;
  const [interval, setInterval_] = useState(String(held.intervalS));
  // The wall's own value whenever it changes (this or another console set it).
  useEffect(() => setInterval_(String(held.intervalS)), [held.intervalS, wallId]);
  if (!wallId || !attention) return null;

  const send = (enabled: boolean, intervalText: string) => {
    const intervalS = Number(intervalText);
    if (!Number.isInteger(intervalS) || intervalS < 30 || intervalS > 3600)
      return store.setState({ notice: { tone: 'error', text: '关注间隔须为 30–3600 秒的整数 Interval: a whole number of seconds, 30–3600' } });
    const checked = checkCommand({ type: 'attention', attention: { enabled, intervalS } });
    if (!checked.ok) return store.setState({ notice: { tone: 'error', text: `输入无效 Invalid input: ${checked.error}` } });
    void client.send(wallId, checked.command);
  };
  const changed = interval !== String(attention.intervalS);

  return (
    <div className="attention" data-testid="attention" data-enabled={attention.enabled} data-interval={attention.intervalS}>
      <span className="attention__label" title="新的红色预警或事件时，大屏自动飞往该处再返回 A new red alert or event flies the wall there and back">
        红色自动关注 <small>Attention</small>
      </span>
      <button
        type="button"
        className="btn btn--small"
        aria-pressed={attention.enabled}
        data-testid="attention-enabled"
        onClick={() => send(!attention.enabled, String(attention.intervalS))}
      >
        {attention.enabled ? '● 开 On' : '○ 关 Off'}
      </button>
      <label className="attention__interval">
        <span>每 Every</span>
        <input
          type="number"
          inputMode="numeric"
          min={30}
          max={3600}
          step={10}
          value={interval}
          onChange={(e) => setInterval_(e.target.value)}
          data-testid="attention-interval"
          aria-label="关注间隔（秒） Attention interval (s)"
        />
        <span>s</span>
      </label>
      <button type="button" className="btn btn--small" disabled={!changed} data-testid="attention-apply" onClick={() => send(attention.enabled, interval)}>
        应用 Apply
      </button>
    </div>
  );
}
