/**
 * One-screen control: the part of the hub contract between the operator console, the hub and the
 * displays of a wall. Commands flow console → hub → displays; acknowledgements flow back.
 *
 * - Tokens come from REST (POST /api/v1/auth/operator; /auth/display for an enrolled display, see
 *   enrolment.ts) and travel only in the socket.io handshake `auth` (never in URLs). The hub checks
 *   the token on every command event.
 * - The hub owns each wall's state (WallState). A display that joins or reconnects asks for a
 *   snapshot (`wall:join`), then applies deltas strictly in `rev` order; a delta whose rev is not
 *   its rev + 1 is ignored (older) or makes it ask for a new snapshot (gap). A command is never
 *   applied twice or late: a snapshot sets state without animation.
 * - The reducer that turns a command into the next state (src/control/wall-state.ts) is shared by
 *   the hub and the displays, so both agree on what a command means.
 */
import { z } from 'zod';
import { DistrictCodeSchema, LayerIdSchema, LonLatSchema, SceneIdSchema, count, epochMs, finite } from './schema-kit.ts';
import { TourActionSchema, TourStateSchema } from './tour-sequence.ts';

export const WallIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes');
export const DisplayIdSchema = WallIdSchema;
/** Made by the console (crypto.randomUUID or similar); the hub refuses a duplicate id. */
export const CommandIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

// --- REST: auth -------------------------------------------------------------------------------

/** POST /api/v1/auth/operator: the credential is set by the hub's configuration. */
export const OperatorLoginSchema = z.object({
  user: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type OperatorLogin = z.infer<typeof OperatorLoginSchema>;

/** Answer to both logins. POST /api/v1/auth/revoke (Authorization: Bearer <token>) revokes it. */
export const TokenResponseSchema = z.object({
  token: z.string().min(16).max(2000),
  role: z.enum(['operator', 'display', 'designer']),
  expiresAt: epochMs(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// --- Socket handshake `auth` (namespace /live) -------------------------------------------------

/** A display of a wall; receive-only. `grid`/`cell` say where it sits in a multi-display wall. */
export const DisplayHandshakeSchema = z.object({
  role: z.literal('display'),
  wall: WallIdSchema,
  display: DisplayIdSchema,
  token: z.string().min(16).max(2000),
  /** Its place in the wall: column and row in a grid of cols × rows displays (default 1 × 1). */
  grid: z
    .object({
      cols: z.number().int().min(1).max(8),
      rows: z.number().int().min(1).max(4),
      col: z.number().int().min(0).max(7),
      row: z.number().int().min(0).max(3),
    })
    .refine((g) => g.col < g.cols && g.row < g.rows, 'cell outside the grid')
    .optional(),
});
export type DisplayHandshake = z.infer<typeof DisplayHandshakeSchema>;

export const OperatorHandshakeSchema = z.object({
  role: z.literal('operator'),
  token: z.string().min(16).max(2000),
});
export type OperatorHandshake = z.infer<typeof OperatorHandshakeSchema>;

/**
 * A preview of the wall's screen: the scene designer's (src/designer/) or the console's live
 * miniature of a wall (src/control/console/briefing/WallMirror.tsx). It reads topics like a display
 * so the preview shows live data, but joins no wall, sends no command and receives no wall state.
 * A designer's or an operator's token opens it (a display's does not).
 */
export const DesignerHandshakeSchema = z.object({
  role: z.literal('designer'),
  token: z.string().min(16).max(2000),
});
export type DesignerHandshake = z.infer<typeof DesignerHandshakeSchema>;

export const HandshakeSchema = z.discriminatedUnion('role', [DisplayHandshakeSchema, OperatorHandshakeSchema, DesignerHandshakeSchema]);

// --- Wall state (owned by the hub) ------------------------------------------------------------

/** How fast a wall may replay a recording: 1× (real time) to 3600× (an hour a second). */
export const PLAYBACK_RATES = { min: 1, max: 3600, steps: [1, 10, 60, 600, 3600] } as const;

export const WallTimeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('live') }),
  /**
   * Playback (the time machine): the wall replays the hub's recording. The replayed clock reads `at`
   * (epoch ms, recording clock) at hub time `anchor` and runs `rate` times real time unless
   * `paused`: replayedAt() in src/hub/replay-clock.ts. `rate` absent means 1, `paused` absent false;
   * `anchor` is stamped by the hub with the command's issuedAt (wall-state.ts): whatever a console
   * sends is replaced. Optional so that states of older hubs parse (then the clock stands at `at`).
   */
  z.object({
    mode: z.literal('playback'),
    at: epochMs(),
    rate: finite().min(PLAYBACK_RATES.min).max(PLAYBACK_RATES.max).optional(),
    paused: z.boolean().optional(),
    anchor: epochMs().optional(),
  }),
]);
export type WallTime = z.infer<typeof WallTimeSchema>;

/** Where the camera goes: a district (framed by its bounds) or a point. */
export const CameraTargetSchema = z.union([
  z.object({ district: DistrictCodeSchema }),
  z.object({
    center: LonLatSchema,
    zoom: finite().min(3).max(20).optional(),
    pitch: finite().min(0).max(75).optional(),
    bearing: finite().min(-180).max(180).optional(),
  }),
]);
export type CameraTarget = z.infer<typeof CameraTargetSchema>;

/** What is highlighted on the wall: a district, or a point (with a short label). */
export const HighlightSchema = z.union([
  z.object({ district: DistrictCodeSchema }),
  z.object({ point: LonLatSchema, label: z.string().min(1).max(40).optional() }),
]);
export type Highlight = z.infer<typeof HighlightSchema>;

/**
 * Attention: a new red alert or red event flies the wall's camera there and back, at most once
 * per `intervalS`, never while the console holds the camera (state.camera set).
 */
export const AttentionSchema = z.object({ enabled: z.boolean(), intervalS: z.number().int().min(30).max(3600) });
export type Attention = z.infer<typeof AttentionSchema>;
export const DEFAULT_ATTENTION: Attention = { enabled: true, intervalS: 120 };

export const WallStateSchema = z.object({
  wall: WallIdSchema,
  /** Increments by one with every applied command; 0 for a wall no command has touched. */
  rev: count(),
  /** null: the wall shows its first scene. */
  scene: SceneIdSchema.nullable(),
  /** null: the scene's own camera preset. */
  camera: CameraTargetSchema.nullable(),
  /** Layer visibility set by the console for the current scene (cleared when the scene changes). */
  layers: z.record(LayerIdSchema, z.boolean()),
  time: WallTimeSchema,
  highlight: HighlightSchema.nullable(),
  attention: AttentionSchema.default(DEFAULT_ATTENTION),
  /**
   * The guided tour the wall plays (src/hub/tour-sequence.ts), or null. While it runs, the scene is
   * the current step's (`scene` says the step of the last command; later steps follow by dwell
   * time), and `camera`, `layers` and `highlight` hold only what the presenter set while exploring.
   */
  tour: TourStateSchema.nullable().default(null),
  /** The presenter blanked the wall (a clicker's `b`): every display shows black until unblanked. */
  blank: z.boolean().default(false),
  updatedAt: epochMs(),
});
export type WallState = z.infer<typeof WallStateSchema>;

// --- Commands ---------------------------------------------------------------------------------

/**
 * What the hub checks beyond shape, before a command reaches any wall (answered `invalid` with the
 * reason; mock-server/control/command-rules.ts):
 * - the wall exists (an operator, an enrolment or the configuration made it): else `unknown-wall`;
 * - `scene`: a scene the hub serves;
 * - `layer`: a layer of the wall's current scene (of any served scene while the wall shows its default);
 * - `fly` / `highlight`: a district code that exists; a point inside the city's bounds (with a margin);
 * - `time` playback: `at` in the past, within CONTROL_LIMITS.playbackWindowMs, and, on a hub that
 *   records (or replays a recording), inside the recorded range (the answer names the range);
 * - `reload` of one display: a display of that wall that is enrolled;
 * - `tour` start: a tour of a scene the hub serves, whose steps make sense (tourProblems in tour.ts:
 *   their scenes served, their layers in those scenes, districts and points in the city), and a
 *   step in range; the hub fills `plan` from its scene. Any other tour action needs a tour on the
 *   wall; `jump` a step in range.
 *
 * While a tour runs: `scene` ends it; `fly`, `layer` and `highlight` take over from it as `explore`
 * does (the dwell waits until `continue`); `time`, `attention` and `reload` leave it alone.
 */
export const CommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scene'), scene: SceneIdSchema }),
  z.object({ type: z.literal('layer'), layer: LayerIdSchema, visible: z.boolean() }),
  z.object({ type: z.literal('fly'), to: CameraTargetSchema.nullable() }),
  z.object({ type: z.literal('time'), time: WallTimeSchema }),
  z.object({ type: z.literal('highlight'), target: HighlightSchema.nullable() }),
  z.object({ type: z.literal('attention'), attention: AttentionSchema }),
  /** Reloads the page of one display (or of all displays of the wall). Not part of the state. */
  z.object({ type: z.literal('reload'), display: DisplayIdSchema.optional() }),
  /** Blanks the wall (black, nothing else changes) or shows it again. */
  z.object({ type: z.literal('blank'), on: z.boolean() }),
  /** A guided tour: start, next, prev, jump, pause, resume, explore, continue, stop (tour-sequence.ts). */
  z.object({ type: z.literal('tour'), action: TourActionSchema }),
]);
export type Command = z.infer<typeof CommandSchema>;

/** console → hub, event `control:command`, with an ack callback receiving a CommandReceipt. */
export const CommandRequestSchema = z.object({
  id: CommandIdSchema,
  wall: WallIdSchema,
  command: CommandSchema,
});
export type CommandRequest = z.infer<typeof CommandRequestSchema>;

export const CommandReceiptSchema = z.discriminatedUnion('ok', [
  /** Accepted: the wall's new rev and the displays expected to acknowledge it. */
  z.object({ ok: z.literal(true), rev: count(), expected: z.array(DisplayIdSchema).max(64) }),
  z.object({
    ok: z.literal(false),
    error: z.enum(['unauthorised', 'token-expired', 'invalid', 'duplicate', 'unknown-wall', 'rate-limited']),
    message: z.string().max(500),
  }),
]);
export type CommandReceipt = z.infer<typeof CommandReceiptSchema>;

/** hub → displays of a wall, event `wall:delta`: one applied command. */
export const WallDeltaSchema = z.object({
  wall: WallIdSchema,
  rev: count(),
  commandId: CommandIdSchema,
  command: CommandSchema,
  /** Hub time the command was accepted: flights and animations start from it in lock-step. */
  issuedAt: epochMs(),
});
export type WallDelta = z.infer<typeof WallDeltaSchema>;

/** display → hub, event `wall:join` (ack: WallSnapshot): after every connect. */
export const WallSnapshotSchema = z.object({
  state: WallStateSchema,
  /** Hub clock at the snapshot: displays align their animation clock to it. */
  hubTime: epochMs(),
});
export type WallSnapshot = z.infer<typeof WallSnapshotSchema>;

/** display → hub, event `wall:ack`: a delta has been applied (or could not be). */
export const WallAckSchema = z.object({
  rev: count(),
  commandId: CommandIdSchema,
  ok: z.boolean(),
  error: z.string().max(300).optional(),
});
export type WallAck = z.infer<typeof WallAckSchema>;

// --- What the console sees ---------------------------------------------------------------------

export const DisplayStatusSchema = z.object({
  display: DisplayIdSchema,
  grid: DisplayHandshakeSchema.shape.grid,
  connectedAt: epochMs(),
  /** The rev this display last acknowledged, and when. */
  ackRev: count(),
  ackAt: epochMs().nullable(),
  /** Issue → acknowledgement of its last command, ms. */
  lagMs: z.number().nonnegative().nullable(),
});
export type DisplayStatus = z.infer<typeof DisplayStatusSchema>;

export const CommandLogEntrySchema = z.object({
  id: CommandIdSchema,
  wall: WallIdSchema,
  rev: count(),
  command: CommandSchema,
  by: z.string().max(64),
  issuedAt: epochMs(),
  expected: z.array(DisplayIdSchema).max(64),
  acks: z.record(DisplayIdSchema, z.object({ at: epochMs(), ok: z.boolean(), error: z.string().max(300).optional() })),
  /** Displays that did not acknowledge within the hub's ack timeout. */
  timedOut: z.array(DisplayIdSchema).max(64),
  status: z.enum(['pending', 'applied', 'partial', 'failed', 'timeout']),
});
export type CommandLogEntry = z.infer<typeof CommandLogEntrySchema>;

export const WallStatusSchema = z.object({
  state: WallStateSchema,
  displays: z.array(DisplayStatusSchema).max(64),
  /** Newest first, bounded by LIMITS (CONTROL_LIMITS.logEntries). */
  log: z.array(CommandLogEntrySchema).max(200),
});
export type WallStatus = z.infer<typeof WallStatusSchema>;

/** hub → operators, event `control:walls`: every known wall (on connect and on every change). */
export const WallsUpdateSchema = z.object({ walls: z.array(WallStatusSchema).max(64), hubTime: epochMs() });
export type WallsUpdate = z.infer<typeof WallsUpdateSchema>;

export const CONTROL_LIMITS = {
  logEntries: 50,
  ackTimeoutMs: 5_000,
  /** Commands per operator token per second (across its sockets and every hub process) beyond which the hub answers rate-limited. */
  commandsPerSecond: 20,
  /** Playback reaches back at most this far: the past the hub keeps (its event history). */
  playbackWindowMs: 30 * 24 * 3600_000,
} as const;


export const CONTROL_EVENTS = {
  command: 'control:command',
  walls: 'control:walls',
  join: 'wall:join',
  delta: 'wall:delta',
  ack: 'wall:ack',
  /** hub → every display and console: a scene's newly published version (ScenePublishedSchema in designer.ts). */
  scenePublished: 'scene:published',
} as const;
