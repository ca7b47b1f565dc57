/**
 * Display enrolment: how a screen becomes a display of a wall. Nothing is a display because it asks.
 *
 * 1. A new display posts `POST /api/v1/enrol` with where it thinks it belongs (`hint`, from its
 *    URL). The hub answers with a pairing code the display shows full screen, and a secret
 *    `requestId` only that display knows.
 * 2. An operator reads the code off the screen and approves it in the console
 *    (`POST /api/v1/displays/approve`), naming the wall and the display (its cell in the wall).
 *    The hub creates the wall if the operator names a new one. A slot (wall + display) holds one
 *    enrolled device: approving another into it revokes the one before.
 * 3. The display polls `POST /api/v1/enrol/status` with its requestId; once approved it receives a
 *    long-lived device `credential`, which it keeps (localStorage) and trades for short-lived
 *    display tokens (`POST /api/v1/auth/display`). The credential never travels anywhere else.
 * 4. The console lists enrolled displays (last seen, online, replaced connections) and revokes any
 *    (`DELETE /api/v1/displays/:id`): its credential stops working, its tokens stop verifying and
 *    its sockets are disconnected at once, on every hub process.
 *
 * Demo mode (HUB_DEMO=1, what `npm start` and the tests run) approves loopback displays at once,
 * into the slot their hint names; the hub says so at start.
 */
import { z } from 'zod';
import { DisplayHandshakeSchema, DisplayIdSchema, WallIdSchema } from './control.ts';
import { epochMs } from './schema-kit.ts';

export const ENROL_API = {
  enrol: '/enrol',
  status: '/enrol/status',
  displays: '/displays',
  approve: '/displays/approve',
  refuse: '/displays/refuse',
  /** DELETE /displays/:id */
  display: (id: string) => `/displays/${encodeURIComponent(id)}`,
  walls: '/walls',
} as const;

const GridSchema = DisplayHandshakeSchema.shape.grid.unwrap();

/** Where a display belongs: its wall, its id in the wall, its cell in a multi-display wall. */
export const SlotSchema = z.object({
  wall: WallIdSchema,
  display: DisplayIdSchema,
  grid: GridSchema.nullable(),
});
export type Slot = z.infer<typeof SlotSchema>;

/** Six digits, shown as "123 456"; unique among pending requests. */
export const PairingCodeSchema = z.string().regex(/^\d{6}$/, 'a 6-digit pairing code');
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'an enrolment request id');
export const DeviceIdSchema = z.string().regex(/^dev-[a-z0-9]{8,32}$/, 'a device id');
/** `<device id>.<secret>`: the hub keeps only a hash of the secret. */
export const CredentialSchema = z.string().regex(/^dev-[a-z0-9]{8,32}\.[A-Za-z0-9_-]{32,64}$/, 'a device credential');

/** POST /enrol: the display's own guess at its slot (from its URL); the operator decides. */
export const EnrolRequestSchema = z.object({ hint: SlotSchema });
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

/** POST /enrol/status */
export const EnrolStatusRequestSchema = z.object({ requestId: RequestIdSchema });

/** Answer to POST /enrol and /enrol/status. */
export const EnrolAnswerSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('pending'),
    requestId: RequestIdSchema,
    code: PairingCodeSchema,
    expiresAt: epochMs(),
    /** Ask /enrol/status again after this long. */
    pollMs: z.number().int().min(250).max(60_000),
  }),
  z.object({ status: z.literal('approved'), credential: CredentialSchema, device: DeviceIdSchema, slot: SlotSchema }),
  /** Refused by an operator, or expired unapproved: enrol again for a new code. */
  z.object({ status: z.enum(['refused', 'expired']), message: z.string().max(300) }),
]);
export type EnrolAnswer = z.infer<typeof EnrolAnswerSchema>;

/** POST /auth/display: the credential for a short-lived display token (TokenResponse). */
export const DisplayLoginSchema = z.object({ credential: CredentialSchema });
export type DisplayLogin = z.infer<typeof DisplayLoginSchema>;

/** What the console sees of a request waiting for approval (never its requestId). */
export const PendingEnrolmentSchema = z.object({
  code: PairingCodeSchema,
  hint: SlotSchema,
  /** The address the request came from, as the hub saw it. */
  address: z.string().max(100),
  requestedAt: epochMs(),
  expiresAt: epochMs(),
});
export type PendingEnrolment = z.infer<typeof PendingEnrolmentSchema>;

export const EnrolledDisplaySchema = z.object({
  id: DeviceIdSchema,
  slot: SlotSchema,
  enrolledAt: epochMs(),
  /** The operator who approved it, or "demo (loopback)". */
  enrolledBy: z.string().max(64),
  /** Last token issued or socket seen (epoch ms). */
  lastSeenAt: epochMs().nullable(),
  lastAddress: z.string().max(100).nullable(),
  /** Connected to a hub process now. */
  online: z.boolean(),
  /** Times a second connection of this display replaced the one before, and the last time. */
  replacements: z.number().int().nonnegative(),
  replacedAt: epochMs().nullable(),
});
export type EnrolledDisplay = z.infer<typeof EnrolledDisplaySchema>;

/** GET /displays (operator) */
export const DisplaysResponseSchema = z.object({
  pending: z.array(PendingEnrolmentSchema).max(256),
  enrolled: z.array(EnrolledDisplaySchema).max(1024),
  walls: z.array(WallIdSchema).max(64),
});
export type DisplaysResponse = z.infer<typeof DisplaysResponseSchema>;

/** POST /displays/approve (operator): the code read off the screen, and the slot it fills. */
export const ApproveRequestSchema = z.object({ code: PairingCodeSchema, slot: SlotSchema });
export type ApproveRequest = z.infer<typeof ApproveRequestSchema>;

/** POST /displays/refuse (operator) */
export const RefuseRequestSchema = z.object({ code: PairingCodeSchema });

/** POST /walls (operator): a wall exists because an operator (or configuration) made it. */
export const CreateWallRequestSchema = z.object({ wall: WallIdSchema });

export const ENROL_LIMITS = {
  /** A code not approved in this time expires; the display asks for a new one. */
  pendingTtlMs: 10 * 60_000,
  /** Requests waiting at once, in all; past it new ones are refused until some expire. */
  maxPending: 64,
  /** Requests waiting at once from one address. */
  maxPendingPerAddress: 3,
  pollMs: 2_000,
} as const;
