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
 */
import { z } from 'zod';
import { CameraSchema } from '../hub/contract.ts';

export const PREVIEW_PARAM = 'preview';

export const ToPreviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('onescreen:init'), hubUrl: z.string().max(500), token: z.string().min(16).max(2000) }),
  z.object({ type: z.literal('onescreen:token'), token: z.string().min(16).max(2000) }),
  z.object({ type: z.literal('onescreen:scene'), scene: z.unknown() }),
  z.object({ type: z.literal('onescreen:capture-camera') }),
]);
export type ToPreview = z.infer<typeof ToPreviewSchema>;

export const FromPreviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('onescreen:ready') }),
  z.object({ type: z.literal('onescreen:scene-error'), error: z.string().max(2000) }),
  z.object({ type: z.literal('onescreen:scene-shown'), id: z.string().max(64) }),
  z.object({ type: z.literal('onescreen:camera'), camera: CameraSchema }),
]);
export type FromPreview = z.infer<typeof FromPreviewSchema>;
