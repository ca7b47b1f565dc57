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
  type WallState,
  type WallsUpdate,
} from '../../src/hub/control.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import { applyCommand } from '../../src/hub/wall-state.ts';
import type { TokenService } from './auth.ts';
import { acceptsAck, toDisplayStatus, toLogEntry, type LogRecord, type Presence } from './command-log.ts';
import { commandProblem, resolveCommand, type CommandWorld } from './command-rules.ts';
import type { ControlOptions } from './config.ts';
import type { DeviceRegistry } from './devices.ts';
import type { ControlLimits } from './rate-limit.ts';
import type { RefusalLog } from './refusal-log.ts';
import type { WallStore } from './wall-store.ts';

export const OPERATORS_ROOM = 'operators';
export const wallRoom = (wall: string) => `wall:${wall}`;
/** WallsUpdate goes out at most this often (≤ 5/s). */
const WALLS_UPDATE_MIN_GAP_MS = 200;
/** How often a hub process re-announces its displays (shared presence expires without it). */
export const PRESENCE_REFRESH_MS = 10_000;

export const tokenRoom = (jti: string) => `token:${jti}`;
export const deviceRoom = (dev: string) => `device:${dev}`;

interface Common {
  token: string;
  jti: string;
  address: string;
}
/** What the handshake leaves on socket.data (kept across connection-state recovery). */
export type SocketIdentity =
  | (Common & { role: 'display'; wall: string; display: string; dev: string; grid?: DisplayHandshake['grid'] })
  | (Common & { role: 'operator'; user: string })
  /** A preview of the wall's screen (the designer's draft, the console's miniature): topics only; no wall, no wall state, no commands. */
  | (Common & { role: 'designer'; user: string });

export interface ControlDeps {
  live: Namespace;
  store: WallStore;
  tokens: TokenService;
  /** Scenes, districts and the city's bounds that commands are checked against. */
  world: CommandWorld;
  /** The recorded span (the time machine): null while nothing is recorded, undefined on a hub that does not record. */
  recordedRange?: () => Promise<{ from: number; to: number } | null | undefined>;
  options: Pick<ControlOptions, 'ackTimeoutMs' | 'maxSocketsPerAddress' | 'maxSocketsPerToken'>;
  log: (msg: string, fields?: Record<string, unknown>) => void;
  refusals: RefusalLog;
  /** The hub backend's limits (shared through Redis when scaled out). */
  limits: Pick<ControlLimits, 'commands' | 'commandsByAddress' | 'connections'>;
  /** Where a display's last-seen time and replaced connections are kept. */
  devices: Pick<DeviceRegistry, 'seen' | 'replaced'>;
}

type Ackfn<T> = (answer: T) => void;
/** socket.io passes the ack callback last, whether or not the client sent a payload. */
function lastCallback<T>(args: unknown[]): Ackfn<T> | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Ackfn<T>) : undefined;
}

const refuse = (error: Extract<CommandReceipt, { ok: false }>['error'], message: string): CommandReceipt => ({ ok: false, error, message });

/** Open sockets per key (address, token) in this process: the caps on them. */
function socketCounter() {
  const counts = new Map<string, number>();
  return {
    get: (key: string) => counts.get(key) ?? 0,
    add(key: string) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    remove(key: string) {
      const n = (counts.get(key) ?? 0) - 1;
      if (n > 0) counts.set(key, n);
      else counts.delete(key);
    },
  };
}

/** Thrown inside a wall's apply step: the command does not fit the wall's state now. */
class Refused extends Error {}

export function createControl(deps: ControlDeps) {
  const { live, store, tokens, log, limits, refusals } = deps;
  const ackTimeoutMs = deps.options.ackTimeoutMs;
  const byAddress = socketCounter();
  const byToken = socketCounter();
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
        log: records.map((r) => toLogEntry(r, ackTimeoutMs, now)),
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
    const address = socket.handshake.address;
    const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return `unauthorised: ${describeIssue(parsed.error)}`;
    const hs = parsed.data;
    if (!(await limits.connections.hit(address)).ok) return 'rate-limited: too many connections from this address: wait a minute';
    if (byAddress.get(address) >= deps.options.maxSocketsPerAddress) return `rate-limited: ${deps.options.maxSocketsPerAddress} sockets are open from this address`;
    const verified = await tokens.verify(hs.token);
    if (!verified.ok) return `${verified.error}: ${verified.message}`;
    const claims = verified.claims;
    // The preview handshake (topics only) also takes an operator's token: the console's live
    // miniature of a wall is the wall's own screen in a frame. Its socket is a designer's (below):
    // no wall joined, every command refused, whatever token opened it.
    const previewByOperator = hs.role === 'designer' && claims.role === 'operator';
    if (claims.role !== hs.role && !previewByOperator)
      return `unauthorised: ${claims.role === 'operator' ? 'an' : 'a'} ${claims.role} token cannot connect as ${hs.role}`;
    if (byToken.get(claims.jti) >= deps.options.maxSocketsPerToken) return `rate-limited: ${deps.options.maxSocketsPerToken} sockets are open with this token`;
    const common = { token: hs.token, jti: claims.jti, address };
    if (hs.role === 'display') {
      if (claims.wall !== hs.wall || claims.display !== hs.display || !claims.dev)
        return `unauthorised: the token is for display ${claims.wall}/${claims.display}`;
      if (!(await store.exists(hs.wall))) return `unknown-wall: no wall "${hs.wall}" on this hub: an operator makes walls`;
      socket.data.identity = { ...common, role: 'display', wall: hs.wall, display: hs.display, dev: claims.dev, grid: hs.grid } satisfies SocketIdentity;
    } else {
      socket.data.identity = { ...common, role: hs.role, user: claims.sub } satisfies SocketIdentity;
    }
    return null;
  }

  async function handleCommand(identity: SocketIdentity, raw: unknown): Promise<CommandReceipt> {
    // Displays are receive-only and designers publish scenes, whatever they send.
    if (identity.role !== 'operator') return refuse('unauthorised', `${identity.role}s cannot send commands`);
    // The token is checked on every command: it may have expired or been revoked since connect.
    const verified = await tokens.verify(identity.token);
    if (!verified.ok) return refuse(verified.error, verified.message);
    if (verified.claims.role !== 'operator') return refuse('unauthorised', 'not an operator token');
    // Per token and per address, whichever sockets and hub processes its commands come through.
    if (!(await limits.commands.hit(verified.claims.jti)).ok)
      return refuse('rate-limited', `more than ${CONTROL_LIMITS.commandsPerSecond} commands a second`);
    if (!(await limits.commandsByAddress.hit(identity.address)).ok) return refuse('rate-limited', 'too many commands from this address');
    const parsed = CommandRequestSchema.safeParse(raw);
    if (!parsed.success) return refuse('invalid', describeIssue(parsed.error));
    const request: CommandRequest = parsed.data;
    // A tour's start goes on with the plan of the tour as this hub serves it.
    const command = resolveCommand(request.command, deps.world);
    if (!(await store.exists(request.wall))) return refuse('unknown-wall', `no wall "${request.wall}" on this hub`);
    const online = (await store.displays(request.wall)).map((p) => p.display).sort();
    const issuedAt = Date.now();
    // Checked against the wall's state in the same step that applies it: no command slips in between.
    // A playback moment is checked against what the hub recorded (unreadable: as nothing recorded).
    const world =
      command.type === 'time' && command.time.mode === 'playback' && deps.recordedRange
        ? { ...deps.world, recorded: await deps.recordedRange().catch(() => null) }
        : deps.world;
    const check = (state: WallState) => commandProblem(command, state, world, issuedAt, online);
    const early = check(await store.state(request.wall));
    if (early) return refuse('invalid', early);
    if (!(await store.claimCommandId(request.id))) return refuse('duplicate', `command ${request.id} was already received`);

    const expected = command.type === 'reload' && command.display ? online.filter((d) => d === command.display) : online;
    let record: LogRecord;
    try {
      ({ record } = await store.apply(request.wall, (current) => {
        const problem = check(current);
        if (problem) throw new Refused(problem);
        const next = applyCommand(current, command, issuedAt);
        const record: LogRecord = { id: request.id, wall: request.wall, rev: next.rev, command, by: identity.user, issuedAt, expected, acks: new Map() };
        return { next, record };
      }));
    } catch (err) {
      if (err instanceof Refused) return refuse('invalid', err.message);
      throw err;
    }
    const delta: WallDelta = { wall: request.wall, rev: record.rev, commandId: record.id, command, issuedAt };
    live.to(wallRoom(request.wall)).emit(CONTROL_EVENTS.delta, delta);
    pushWalls();
    if (expected.length > 0) later(ackTimeoutMs + 50, pushWalls);
    return { ok: true, rev: record.rev, expected };
  }

  async function handleAck(identity: Extract<SocketIdentity, { role: 'display' }>, socketId: string, raw: unknown) {
    const who = `${identity.wall}/${identity.display}`;
    const parsed = WallAckSchema.safeParse(raw);
    if (!parsed.success) return refusals.note(`bad ack ${who}`, `control: bad ack from ${who}: ${describeIssue(parsed.error)}`);
    // Only the socket the hub believes is this display speaks for it (a replaced one is cut off).
    const mine = local.get(socketId);
    const holder = (await store.displays(identity.wall)).find((p) => p.display === identity.display);
    if (!mine || holder?.socketId !== socketId) return refusals.note(`stray ack ${who}`, `control: ack from a socket that no longer holds ${who}`);
    const ack = parsed.data;
    const at = Date.now();
    const result = await store.recordAck(
      identity.wall,
      ack.commandId,
      identity.display,
      { at, ok: ack.ok, ...(ack.error ? { error: ack.error } : {}) },
      (record) => record.rev === ack.rev && acceptsAck(record, identity.display, at, ackTimeoutMs),
    );
    // Only for a command of this wall, with its rev: anything else is not this display's to ack.
    if (!result || result.record.rev !== ack.rev) return;
    if (ack.rev >= mine.presence.ackRev) {
      mine.presence = { ...mine.presence, ackRev: ack.rev, ackAt: at, lagMs: at - result.record.issuedAt, seenAt: at };
      await store.setDisplay(identity.wall, mine.presence);
    }
    pushWalls();
  }

  /** Disconnects every socket in `room`, on every hub process (through the adapter when scaled out). */
  const cutOff = (room: string) => live.in(room).disconnectSockets(true);

  /** A display connecting again replaces its older connection, wherever it is; the console is told. */
  async function replaceOlder(socket: Socket, identity: Extract<SocketIdentity, { role: 'display' }>) {
    const others = (await live.in(deviceRoom(identity.dev)).fetchSockets()).filter((s) => s.id !== socket.id);
    if (others.length === 0) return;
    for (const other of others) other.disconnect(true);
    await deps.devices.replaced(identity.dev);
    log(`display ${identity.wall}/${identity.display}: a new connection from ${identity.address} replaced ${others.length} older`, {
      event: 'display-replaced',
      device: identity.dev,
      address: identity.address,
    });
  }

  function onConnection(socket: Socket) {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (!identity) return void socket.disconnect(true);
    byAddress.add(identity.address);
    byToken.add(identity.jti);
    socket.join(tokenRoom(identity.jti));
    socket.on('disconnect', () => {
      byAddress.remove(identity.address);
      byToken.remove(identity.jti);
    });

    socket.on(CONTROL_EVENTS.command, (...args: unknown[]) => {
      const ack = lastCallback<CommandReceipt>(args);
      const raw = args.length > 1 || !ack ? args[0] : undefined;
      handleCommand(identity, raw)
        .then((receipt) => {
          if (!receipt.ok) {
            const who = identity.role === 'display' ? `display ${identity.wall}/${identity.display}` : `${identity.role} ${identity.user}`;
            refusals.note(`command ${who} ${receipt.error}`, `control: command from ${who} refused (${receipt.error}): ${receipt.message}`, {
              event: 'command-refused',
              address: identity.address,
            });
          }
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
    // Counted, cut off with its token, refused every command above: it only subscribes to topics (server.ts).
    if (identity.role === 'designer') return;

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
      device: identity.dev,
      seenAt: now,
    };
    local.set(socket.id, { wall: identity.wall, presence });
    socket.join(wallRoom(identity.wall));
    // The device's room holds its older connections only until they are cut off, then this one.
    replaceOlder(socket, identity)
      .catch(failed('replacing an older connection'))
      .finally(() => {
        if (!socket.connected) return;
        socket.join(deviceRoom(identity.dev));
        store.setDisplay(identity.wall, presence).then(pushWalls, failed('presence'));
      });
    deps.devices.seen(identity.dev, identity.address).catch(failed('last seen'));

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
    /** Disconnects every socket of a token at once (it was revoked). */
    disconnectToken: (jti: string) => cutOff(tokenRoom(jti)),
    /** Disconnects every socket of a device at once (it was revoked or replaced). */
    disconnectDevice: (dev: string) => cutOff(deviceRoom(dev)),
    close() {
      closed = true;
      clearInterval(refresh);
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
export type Control = ReturnType<typeof createControl>;
