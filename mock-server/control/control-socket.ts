import type { Namespace, Socket } from 'socket.io';
import {
  CONTROL_EVENTS,
  CONTROL_LIMITS,
  CommandRequestSchema,
  HandshakeSchema,
  WallAckSchema,
  type CommandReceipt,
  type CommandRequest,
  type DisplayHandshake,
  type WallDelta,
  type WallSnapshot,
  type WallStatus,
  type WallsUpdate,
} from '../../src/hub/control.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import { applyCommand } from '../../src/hub/wall-state.ts';
import type { TokenService } from './auth.ts';
import { acceptsAck, toDisplayStatus, toLogEntry, type LogRecord, type Presence } from './command-log.ts';
import { COMMAND_LIMIT, memoryLimiter, type ControlLimits } from './rate-limit.ts';
import type { WallStore } from './wall-store.ts';

export const OPERATORS_ROOM = 'operators';
export const wallRoom = (wall: string) => `wall:${wall}`;
/** WallsUpdate goes out at most this often (≤ 5/s). */
const WALLS_UPDATE_MIN_GAP_MS = 200;
/** How often a hub process re-announces its displays (shared presence expires without it). */
export const PRESENCE_REFRESH_MS = 10_000;

/** What the handshake leaves on socket.data (kept across connection-state recovery). */
export type SocketIdentity =
  | { role: 'display'; wall: string; display: string; grid?: DisplayHandshake['grid']; token: string }
  | { role: 'operator'; user: string; token: string };

export interface ControlDeps {
  live: Namespace;
  store: WallStore;
  tokens: TokenService;
  sceneIds: () => ReadonlySet<string>;
  ackTimeoutMs: number;
  log: (msg: string) => void;
  /** Commands per operator token: the hub backend's limits (shared through Redis when scaled out); without them, in this process. */
  limits?: Pick<ControlLimits, 'commands'>;
}

type Ackfn<T> = (answer: T) => void;
/** socket.io passes the ack callback last, whether or not the client sent a payload. */
function lastCallback<T>(args: unknown[]): Ackfn<T> | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Ackfn<T>) : undefined;
}

const refuse = (error: Extract<CommandReceipt, { ok: false }>['error'], message: string): CommandReceipt => ({ ok: false, error, message });

export function createControl(deps: ControlDeps) {
  const { live, store, tokens, log } = deps;
  const limits = deps.limits ?? { commands: memoryLimiter(COMMAND_LIMIT) };
  const timers = new Set<NodeJS.Timeout>();
  /** Displays connected to this process, by socket id: the source of truth for their presence. */
  const local = new Map<string, { wall: string; presence: Presence }>();
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const failed = (what: string) => (err: unknown) => log(`control: ${what} failed: ${(err as Error).message}`);

  async function wallsUpdate(): Promise<WallsUpdate> {
    const now = Date.now();
    const walls: WallStatus[] = [];
    for (const wall of await store.walls()) {
      const [state, displays, records] = await Promise.all([store.state(wall), store.displays(wall), store.log(wall)]);
      walls.push({
        state,
        displays: displays.sort((a, b) => a.display.localeCompare(b.display)).map(toDisplayStatus),
        log: records.map((r) => toLogEntry(r, deps.ackTimeoutMs, now)),
      });
    }
    return { walls, hubTime: now };
  }

  // Throttled push to every operator (on every hub process, through the adapter when scaled out).
  let lastPush = 0;
  let pushQueued = false;
  function pushWalls() {
    if (pushQueued || closed) return;
    pushQueued = true;
    later(Math.max(0, lastPush + WALLS_UPDATE_MIN_GAP_MS - Date.now()), () => {
      pushQueued = false;
      lastPush = Date.now();
      wallsUpdate()
        .then((update) => live.to(OPERATORS_ROOM).emit(CONTROL_EVENTS.walls, update))
        .catch(failed('walls update'));
    });
  }

  async function authenticate(socket: Socket): Promise<string | null> {
    const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return `unauthorised: ${describeIssue(parsed.error)}`;
    const hs = parsed.data;
    const verified = await tokens.verify(hs.token);
    if (!verified.ok) return `${verified.error}: ${verified.message}`;
    const claims = verified.claims;
    if (claims.role !== hs.role) return `unauthorised: a ${claims.role} token cannot connect as ${hs.role}`;
    if (hs.role === 'display') {
      if (claims.wall !== hs.wall || claims.display !== hs.display)
        return `unauthorised: the token is for display ${claims.wall}/${claims.display}`;
      if (!(await store.touch(hs.wall))) return `unauthorised: the hub already serves its maximum of walls`;
      socket.data.identity = { role: 'display', wall: hs.wall, display: hs.display, grid: hs.grid, token: hs.token } satisfies SocketIdentity;
    } else {
      socket.data.identity = { role: 'operator', user: claims.sub, token: hs.token } satisfies SocketIdentity;
    }
    return null;
  }

  async function handleCommand(identity: SocketIdentity, raw: unknown): Promise<CommandReceipt> {
    // Displays are receive-only, whatever they send.
    if (identity.role !== 'operator') return refuse('unauthorised', 'displays cannot send commands');
    // The token is checked on every command: it may have expired or been revoked since connect.
    const verified = await tokens.verify(identity.token);
    if (!verified.ok) return refuse(verified.error, verified.message);
    if (verified.claims.role !== 'operator') return refuse('unauthorised', 'not an operator token');
    // Per token, whichever sockets and hub processes its commands come through.
    if (!(await limits.commands.hit(verified.claims.jti)).ok)
      return refuse('rate-limited', `more than ${CONTROL_LIMITS.commandsPerSecond} commands a second`);
    const parsed = CommandRequestSchema.safeParse(raw);
    if (!parsed.success) return refuse('invalid', describeIssue(parsed.error));
    const request: CommandRequest = parsed.data;
    const { command } = request;
    if (command.type === 'scene' && !deps.sceneIds().has(command.scene))
      return refuse('invalid', `command.scene: no scene "${command.scene}" on this hub`);
    if (!(await store.touch(request.wall))) return refuse('unknown-wall', `no wall "${request.wall}" and no room for another`);
    if (!(await store.claimCommandId(request.id))) return refuse('duplicate', `command ${request.id} was already received`);

    const online = (await store.displays(request.wall)).map((p) => p.display).sort();
    const expected = command.type === 'reload' && command.display ? online.filter((d) => d === command.display) : online;
    const issuedAt = Date.now();
    const { record } = await store.apply(request.wall, (current) => {
      const next = applyCommand(current, command, issuedAt);
      const record: LogRecord = { id: request.id, wall: request.wall, rev: next.rev, command, by: identity.user, issuedAt, expected, acks: {} };
      return { next, record };
    });
    const delta: WallDelta = { wall: request.wall, rev: record.rev, commandId: record.id, command, issuedAt };
    live.to(wallRoom(request.wall)).emit(CONTROL_EVENTS.delta, delta);
    pushWalls();
    if (expected.length > 0) later(deps.ackTimeoutMs + 50, pushWalls);
    return { ok: true, rev: record.rev, expected };
  }

  async function handleAck(identity: Extract<SocketIdentity, { role: 'display' }>, socketId: string, raw: unknown) {
    const parsed = WallAckSchema.safeParse(raw);
    if (!parsed.success) return log(`control: bad ack from ${identity.wall}/${identity.display}: ${describeIssue(parsed.error)}`);
    const ack = parsed.data;
    const at = Date.now();
    const result = await store.recordAck(
      identity.wall,
      ack.commandId,
      identity.display,
      { at, ok: ack.ok, ...(ack.error ? { error: ack.error } : {}) },
      (record) => record.rev === ack.rev && acceptsAck(record, identity.display, at, deps.ackTimeoutMs),
    );
    // Only for a command of this wall, with its rev: anything else is not this display's to ack.
    if (!result || result.record.rev !== ack.rev) return;
    const mine = local.get(socketId);
    if (mine && ack.rev >= mine.presence.ackRev) {
      mine.presence = { ...mine.presence, ackRev: ack.rev, ackAt: at, lagMs: at - result.record.issuedAt, seenAt: at };
      await store.setDisplay(identity.wall, mine.presence);
    }
    pushWalls();
  }

  function onConnection(socket: Socket) {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (!identity) return void socket.disconnect(true);

    socket.on(CONTROL_EVENTS.command, (...args: unknown[]) => {
      const ack = lastCallback<CommandReceipt>(args);
      const raw = args.length > 1 || !ack ? args[0] : undefined;
      handleCommand(identity, raw)
        .then((receipt) => {
          if (!receipt.ok) log(`control: command refused (${receipt.error}): ${receipt.message}`);
          ack?.(receipt);
        })
        .catch((err: Error) => {
          failed('command')(err);
          ack?.(refuse('invalid', 'the hub could not apply the command'));
        });
    });

    if (identity.role === 'operator') {
      socket.join(OPERATORS_ROOM);
      wallsUpdate()
        .then((update) => socket.emit(CONTROL_EVENTS.walls, update))
        .catch(failed('walls update'));
      return;
    }

    socket.join(wallRoom(identity.wall));
    const now = Date.now();
    const previous = local.get(socket.id)?.presence;
    const presence: Presence = previous ?? {
      display: identity.display,
      grid: identity.grid,
      connectedAt: now,
      ackRev: 0,
      ackAt: null,
      lagMs: null,
      socketId: socket.id,
      seenAt: now,
    };
    local.set(socket.id, { wall: identity.wall, presence });
    store.setDisplay(identity.wall, presence).then(pushWalls, failed('presence'));

    // After every connect the display asks for the state; deltas with a higher rev follow.
    socket.on(CONTROL_EVENTS.join, (...args: unknown[]) => {
      const ack = lastCallback<WallSnapshot>(args);
      if (!ack) return;
      store
        .state(identity.wall)
        .then((state) => ack({ state, hubTime: Date.now() }))
        .catch(failed('snapshot'));
    });
    socket.on(CONTROL_EVENTS.ack, (raw: unknown) => {
      handleAck(identity, socket.id, raw).catch(failed('ack'));
    });
    socket.on('disconnect', () => {
      local.delete(socket.id);
      store.removeDisplay(identity.wall, identity.display, socket.id).then(pushWalls, failed('presence'));
    });
  }

  // Shared presence expires unless its process keeps vouching for it (see redis-store.ts).
  const refresh = setInterval(() => {
    const now = Date.now();
    for (const entry of local.values()) {
      entry.presence = { ...entry.presence, seenAt: now };
      store.setDisplay(entry.wall, entry.presence).catch(failed('presence refresh'));
    }
  }, PRESENCE_REFRESH_MS);
  refresh.unref();

  return {
    /** socket.io middleware for the live namespace: the handshake's role and token. */
    middleware(socket: Socket, next: (err?: Error) => void) {
      authenticate(socket).then(
        (refusal) => next(refusal ? new Error(refusal) : undefined),
        (err: Error) => next(new Error(`unauthorised: ${err.message}`)),
      );
    },
    onConnection,
    wallsUpdate,
    close() {
      closed = true;
      clearInterval(refresh);
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
export type Control = ReturnType<typeof createControl>;
