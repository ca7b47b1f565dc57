/**
 * The console's reducers and wording, free of React and sockets: what a WallsUpdate, a sent command
 * or a receipt does to the console state, and how a command and its outcome read to an operator.
 */
import { describeIssue } from '../../hub/contract.ts';
import {
  CommandSchema,
  type Command,
  type CommandLogEntry,
  type CommandReceipt,
  type WallStatus,
  type WallsUpdate,
} from '../../hub/control.ts';
import { MAX_SENT, type ConsoleState, type DistrictChoice, type SceneChoice, type SentCommand } from '../../store/console-store.ts';
import { formatMoment } from '../../core/format.ts';
import type { TourAction } from '../../hub/tour-sequence.ts';

export function wallsUpdated(state: ConsoleState, update: WallsUpdate, now: number): Partial<ConsoleState> {
  const walls = [...update.walls].sort((a, b) => a.state.wall.localeCompare(b.state.wall));
  const keep = state.selectedWall !== null && walls.some((w) => w.state.wall === state.selectedWall);
  return {
    walls,
    hubOffsetMs: update.hubTime - now,
    selectedWall: keep ? state.selectedWall : (walls.find((w) => w.state.wall === 'main') ?? walls[0])?.state.wall ?? null,
  };
}

export function commandSent(state: ConsoleState, sent: SentCommand): Partial<ConsoleState> {
  return { sent: [sent, ...state.sent].slice(0, MAX_SENT) };
}

export function receiptReceived(state: ConsoleState, id: string, receipt: CommandReceipt): Partial<ConsoleState> {
  return {
    sent: state.sent.map((s) => (s.id === id ? { ...s, receipt } : s)),
    notice: receipt.ok ? state.notice : { tone: 'error', text: `指令被拒 Refused (${receipt.error}): ${receipt.message}` },
  };
}

/** The session is over (expired, revoked, signed out): back to the sign-in form, saying why. */
export function sessionEnded(message: string | null): Partial<ConsoleState> {
  return { session: null, signInMessage: message, link: 'signed-out', walls: [], sent: [], selectedWall: null, notice: null };
}

/** Checks what the operator typed before it leaves: the same schema the hub checks it with. */
export function checkCommand(raw: unknown): { ok: true; command: Command } | { ok: false; error: string } {
  const parsed = CommandSchema.safeParse(raw);
  return parsed.success ? { ok: true, command: parsed.data } : { ok: false, error: describeIssue(parsed.error) };
}

interface Lookups {
  scenes: SceneChoice[];
  districts: DistrictChoice[];
}

export const districtName = (code: string, l: Pick<Lookups, 'districts'>) => {
  const d = l.districts.find((x) => x.code === code);
  return d ? `${d.name} ${d.nameEn}` : code;
};
export const point = ([lon, lat]: [number, number]) => `${lon.toFixed(4)}, ${lat.toFixed(4)}`;

/** One line for the log: what the command asked, in Chinese with English. */
export function describeCommand(command: Command, l: Lookups): string {
  switch (command.type) {
    case 'scene': {
      const s = l.scenes.find((x) => x.id === command.scene);
      return `场景 Scene → ${s ? `${s.title} ${s.titleEn}` : command.scene}`;
    }
    case 'layer':
      return `图层 Layer ${command.layer} → ${command.visible ? '显示 shown' : '隐藏 hidden'}`;
    case 'fly':
      if (!command.to) return '复位 Home (scene view)';
      if ('district' in command.to) return `飞往 Fly → ${districtName(command.to.district, l)}`;
      return `飞往 Fly → ${point(command.to.center)}${command.to.zoom !== undefined ? ` z${command.to.zoom}` : ''}`;
    case 'time':
      return command.time.mode === 'live' ? '时间 Time → 实时 Live' : `时间 Time → 回放 Playback ${formatMoment(command.time.at)}`;
    case 'highlight':
      if (!command.target) return '清除高亮 Clear highlight';
      if ('district' in command.target) return `高亮 Highlight → ${districtName(command.target.district, l)}`;
      return `高亮 Highlight → ${command.target.label ?? ''} ${point(command.target.point)}`.replace('  ', ' ');
    case 'attention':
      return command.attention.enabled ? `关注 Attention → 开 on, ${command.attention.intervalS} s` : '关注 Attention → 关 off';
    case 'reload':
      return command.display ? `重载 Reload display ${command.display}` : '重载 Reload all displays';
    case 'tour':
      return describeTourAction(command.action);
    case 'blank':
      return command.on ? '黑屏 Blank → 开 on' : '黑屏 Blank → 关 off';
  }
}

const TOUR_ACTION_WORDS: Record<Exclude<TourAction['do'], 'start' | 'jump'>, string> = {
  next: '下一步 Next step',
  prev: '上一步 Previous step',
  pause: '暂停 Pause',
  resume: '继续播放 Resume',
  explore: '自由浏览 Explore',
  continue: '回到导览 Continue',
  stop: '结束 Stop',
};

function describeTourAction(action: TourAction): string {
  if (action.do === 'start') return `导览 Tour → ${action.scene}/${action.tour}${action.step ? ` #${action.step + 1}` : ''}`;
  if (action.do === 'jump') return `导览 Tour → 第 ${action.step + 1} 步 step ${action.step + 1}`;
  return `导览 Tour → ${TOUR_ACTION_WORDS[action.do]}`;
}

export type RowStatus = CommandLogEntry['status'] | 'refused' | 'sending';

export const STATUS_LABELS: Record<RowStatus, string> = {
  sending: '发送中 Sending',
  pending: '等待确认 Pending',
  applied: '已应用 Applied',
  partial: '部分应用 Partial',
  failed: '失败 Failed',
  timeout: '超时 Timed out',
  refused: '被拒 Refused',
};

export interface LogRow {
  id: string;
  rev: number | null;
  at: number;
  command: Command;
  by: string | null;
  status: RowStatus;
  /** Per display: applied, failed (with the reason), timed out, or still waited for. */
  displays: { display: string; state: 'ok' | 'failed' | 'timeout' | 'waiting'; error?: string }[];
  message?: string;
}

function rowOfEntry(e: CommandLogEntry): LogRow {
  const displays = e.expected.map((display) => {
    const ack = e.acks[display];
    if (ack) return ack.ok ? { display, state: 'ok' as const } : { display, state: 'failed' as const, error: ack.error };
    return { display, state: e.timedOut.includes(display) ? ('timeout' as const) : ('waiting' as const) };
  });
  return { id: e.id, rev: e.rev, at: e.issuedAt, command: e.command, by: e.by, status: e.status, displays };
}

/**
 * The command log of a wall: the hub's (every console's commands, with acks and timeouts) plus this
 * console's commands the hub refused or has not answered yet, newest first.
 */
export function logRows(wall: WallStatus, sent: SentCommand[], limit = 50): LogRow[] {
  const rows = wall.log.map(rowOfEntry);
  const known = new Set(rows.map((r) => r.id));
  for (const s of sent) {
    if (s.wall !== wall.state.wall || known.has(s.id)) continue;
    if (s.receipt?.ok) continue; // accepted: the hub's log has it (or will with the next update)
    rows.push({
      id: s.id,
      rev: null,
      at: s.sentAt,
      command: s.command,
      by: null,
      status: s.receipt ? 'refused' : 'sending',
      displays: [],
      ...(s.receipt && !s.receipt.ok ? { message: `${s.receipt.error}: ${s.receipt.message}` } : {}),
    });
  }
  return rows.sort((a, b) => b.at - a.at).slice(0, limit);
}

/** A command id the hub accepts ([A-Za-z0-9-]{8,64}); getRandomValues works on plain-http tablets too. */
export function newCommandId(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The layers the console offers for a wall: its current scene's, with the visibility it has now. */
export function wallLayers(wall: WallStatus, scenes: SceneChoice[]): { id: string; kind: string; visible: boolean }[] {
  const scene = scenes.find((s) => s.id === wall.state.scene) ?? (wall.state.scene === null ? scenes[0] : undefined);
  if (!scene) return [];
  return scene.layers.map((l) => ({ ...l, visible: wall.state.layers[l.id] ?? l.visible }));
}
