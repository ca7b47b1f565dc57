/**
 * Messages between the scene designer (src/designer/) and the wall it embeds as its preview
 * (`/wall?preview=1` in an iframe of the same origin: the wall's own code, not a look-alike).
 * Both sides check `event.origin === location.origin` and the message's shape; anything else is
 * ignored.
 *
 * designer → preview: `init` once (where the hub is and a designer token, so the preview reads
 * live topics like a display without being one), then `scene` on every edit (the draft, checked by
 * the preview like any scene, last good one kept), `token` when it is renewed, `capture-camera`.
 * preview → designer: `ready` when it listens, `scene-error` when a draft cannot be shown,
 * `camera` in answer to capture-camera.
 *
 * The console's miniature of a wall (src/control/console/briefing/WallMirror.tsx) is the same
 * preview in `mirror` mode: `init` with `mode: 'mirror'` and the operator's token (topics only: the
 * hub lets an operator token open the preview handshake, which can neither command nor join a
 * wall), then `wall-state` with every state the console receives for that wall, applied through
 * the displays' own path (src/control/mirror-sync.ts). A mirror sends nothing but `ready`.
 */
import { z } from 'zod';
import { CameraSchema } from '../hub/contract.ts';
import { CommandIdSchema, CommandSchema, WallStateSchema } from '../hub/control.ts';
import { epochMs } from '../hub/schema-kit.ts';

export const PREVIEW_PARAM = 'preview';

/** How far the console's hub clock may be from its own: a day either way (beyond it the tablet's clock is broken). */
export const MAX_HUB_OFFSET_MS = 86_400_000;

/**
 * console → mirror: the wall's state as the hub last told the console, the console's hub-clock
 * offset (hub time − local time: the frame shares the tablet's clock), and the command that made
 * this rev when the console knows it (the newest of the wall's log), so a camera flight animates
 * from its `issuedAt` as on the displays instead of jumping.
 */
export const MirrorStateSchema = z.object({
  type: z.literal('onescreen:wall-state'),
  state: WallStateSchema,
  hubOffsetMs: z.number().finite().min(-MAX_HUB_OFFSET_MS).max(MAX_HUB_OFFSET_MS),
  cause: z.object({ rev: z.number().int().min(1), commandId: CommandIdSchema, command: CommandSchema, issuedAt: epochMs() }).optional(),
});
export type MirrorState = z.infer<typeof MirrorStateSchema>;

export const ToPreviewSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('onescreen:init'),
    hubUrl: z.string().max(500),
    token: z.string().min(16).max(2000),
    /** `mirror`: the console's miniature of a wall (the hub's scenes, the wall's state); absent: the designer's draft. */
    mode: z.enum(['draft', 'mirror']).optional(),
  }),
  z.object({ type: z.literal('onescreen:token'), token: z.string().min(16).max(2000) }),
  z.object({ type: z.literal('onescreen:scene'), scene: z.unknown() }),
  z.object({ type: z.literal('onescreen:capture-camera') }),
  MirrorStateSchema,
]);
export type ToPreview = z.infer<typeof ToPreviewSchema>;

export const FromPreviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('onescreen:ready') }),
  z.object({ type: z.literal('onescreen:scene-error'), error: z.string().max(2000) }),
  z.object({ type: z.literal('onescreen:scene-shown'), id: z.string().max(64) }),
  z.object({ type: z.literal('onescreen:camera'), camera: CameraSchema }),
]);
export type FromPreview = z.infer<typeof FromPreviewSchema>;
