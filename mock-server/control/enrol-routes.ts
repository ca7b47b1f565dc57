/**
 * Enrolment over REST (mounted under API_PREFIX): displays ask and poll, operators approve, refuse,
 * list and revoke; a display trades its credential for a token. See src/hub/enrolment.ts.
 */
import { Router, type Request, type Response } from 'express';
import type { ErrorBody } from '../../src/hub/contract.ts';
import {
  ApproveRequestSchema,
  CreateWallRequestSchema,
  DisplayLoginSchema,
  ENROL_API,
  EnrolRequestSchema,
  EnrolStatusRequestSchema,
  RefuseRequestSchema,
  type DisplaysResponse,
  type EnrolAnswer,
  type EnrolledDisplay,
  type Slot,
} from '../../src/hub/enrolment.ts';
import { describeIssue } from '../../src/hub/schema-kit.ts';
import type { TokenService } from './auth.ts';
import { clientAddress, isLoopback, operatorOf, noStore, tooMany } from './http-kit.ts';
import type { Device, DeviceRegistry } from './devices.ts';
import type { PendingEnrolments } from './pending.ts';
import type { ControlLimits } from './rate-limit.ts';
import type { RefusalLog } from './refusal-log.ts';
import type { WallStore } from './wall-store.ts';

export interface EnrolDeps {
  tokens: TokenService;
  registry: DeviceRegistry;
  pending: PendingEnrolments;
  store: Pick<WallStore, 'create' | 'walls' | 'displays'>;
  limits: Pick<ControlLimits, 'enrolments' | 'displayLogins'>;
  /** Demo mode: loopback displays are enrolled at once. */
  demo: boolean;
  /** Disconnects every socket of a device, on every hub process. */
  cutOff(device: string): void;
  log(msg: string, fields?: Record<string, unknown>): void;
  refusals: RefusalLog;
}

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });
const DEMO_ENROLLER = 'demo (loopback)';

export function enrolRoutes(deps: EnrolDeps): Router {
  const { tokens, registry, pending, store, log } = deps;
  const router = Router();

  /** Enrols into `slot`, creating its wall; the device it replaces loses its tokens and sockets. */
  async function enrol(slot: Slot, by: string): Promise<{ device: Device; credential: string } | null> {
    if (!(await store.create(slot.wall))) return null;
    const { device, credential, replaced } = await registry.enrol(slot, by);
    if (replaced) {
      await tokens.revokeDevice(replaced);
      deps.cutOff(replaced);
    }
    log(`display ${slot.wall}/${slot.display} enrolled as ${device.id} by ${by}${replaced ? `, replacing ${replaced}` : ''}`, { event: 'enrol', device: device.id, by });
    return { device, credential };
  }
  const approved = (r: { device: Device; credential: string }): EnrolAnswer => ({ status: 'approved', credential: r.credential, device: r.device.id, slot: r.device.slot });
  const noRoom = (res: Response) => void res.status(409).json(errorBody('too-many-walls', 'the hub already serves its maximum of walls'));

  router.post(ENROL_API.enrol, async (req, res) => {
    const address = clientAddress(req);
    const parsed = EnrolRequestSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    noStore(res);
    // Demo mode approves this machine's own screens at once (a benchmark enrols a hundred), unless
    // the slot's display is on screen now: two tabs naming one slot would otherwise take it from
    // each other in turn for ever. The second waits for an operator, like any screen.
    const hint = parsed.data.hint;
    const held = deps.demo && isLoopback(req) && (await store.displays(hint.wall)).some((p) => p.display === hint.display);
    if (deps.demo && isLoopback(req) && !held) {
      const done = await enrol(parsed.data.hint, DEMO_ENROLLER);
      return done ? void res.json(approved(done)) : noRoom(res);
    }
    const limit = await deps.limits.enrolments.hit(address);
    if (!limit.ok) return tooMany(res, limit.retryAfterS, 'too many enrolment requests: wait a minute', deps.refusals, `enrol ${address}`);
    const added = pending.add(parsed.data.hint, address);
    if (!added.ok) return void res.status(429).json(errorBody(added.error, added.message));
    log(`display asks to be enrolled as ${parsed.data.hint.wall}/${parsed.data.hint.display} from ${address}`, { event: 'enrol-request', address });
    res.json(added.answer);
  });

  router.post(ENROL_API.status, (req, res) => {
    const parsed = EnrolStatusRequestSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    noStore(res).json(pending.status(parsed.data.requestId));
  });

  router.post('/auth/display', async (req, res) => {
    const address = clientAddress(req);
    const limit = await deps.limits.displayLogins.hit(address);
    if (!limit.ok) return tooMany(res, limit.retryAfterS, 'too many display sign-ins: wait a minute', deps.refusals, `display sign-in ${address}`);
    const parsed = DisplayLoginSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    const device = await registry.byCredential(parsed.data.credential);
    if (!device) {
      deps.refusals.note(`display sign-in refused ${address}`, `display sign-in refused from ${address}: not an enrolled device`, { event: 'display-sign-in', address, outcome: 'refused' });
      return void res.status(401).json(errorBody('not-enrolled', 'this display is not enrolled (or was revoked): enrol it again'));
    }
    // Noted in the background: a display waiting for its token should not wait for a disk write.
    registry.seen(device.id, address).catch((err: Error) => log(`last seen of ${device.id}: ${err.message}`));
    noStore(res).json(await tokens.issueDisplay({ id: device.id, wall: device.slot.wall, display: device.slot.display }));
  });

  // --- operators ---------------------------------------------------------------------------

  router.get(ENROL_API.displays, async (req, res) => {
    if (!(await operatorOf(req, res, tokens))) return;
    const walls = (await store.walls()).sort();
    const online = new Set<string>();
    for (const wall of walls) for (const p of await store.displays(wall)) if (p.device) online.add(p.device);
    const enrolled: EnrolledDisplay[] = (await registry.list()).map((d) => ({ ...d, online: online.has(d.id) }));
    const body: DisplaysResponse = { pending: pending.list(), enrolled, walls };
    noStore(res).json(body);
  });

  router.post(ENROL_API.approve, async (req, res) => {
    const operator = await operatorOf(req, res, tokens);
    if (!operator) return;
    const parsed = ApproveRequestSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    const { code, slot } = parsed.data;
    if (!pending.byCode(code)) return void res.status(404).json(errorBody('no-such-code', `no display is waiting with code ${code}: check the screen, or it expired`));
    const done = await enrol(slot, operator.sub);
    if (!done) return noRoom(res);
    pending.decide(code, approved(done));
    const body: EnrolledDisplay = { ...done.device, online: false };
    res.status(201).json(body);
  });

  router.post(ENROL_API.refuse, async (req, res) => {
    const operator = await operatorOf(req, res, tokens);
    if (!operator) return;
    const parsed = RefuseRequestSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    if (!pending.decide(parsed.data.code, { status: 'refused', message: `refused by ${operator.sub}` }))
      return void res.status(404).json(errorBody('no-such-code', `no display is waiting with code ${parsed.data.code}`));
    log(`enrolment ${parsed.data.code} refused by ${operator.sub}`, { event: 'enrol-refused', by: operator.sub });
    res.status(204).end();
  });

  router.delete('/displays/:id', async (req: Request<{ id: string }>, res) => {
    const operator = await operatorOf(req, res, tokens);
    if (!operator) return;
    const id = req.params.id;
    if (!(await registry.revoke(id))) return void res.status(404).json(errorBody('not-found', `no enrolled display ${id}`));
    await tokens.revokeDevice(id);
    deps.cutOff(id);
    log(`display ${id} revoked by ${operator.sub}`, { event: 'display-revoked', device: id, by: operator.sub });
    res.status(204).end();
  });

  router.post(ENROL_API.walls, async (req, res) => {
    const operator = await operatorOf(req, res, tokens);
    if (!operator) return;
    const parsed = CreateWallRequestSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
    if (!(await store.create(parsed.data.wall))) return noRoom(res);
    log(`wall ${parsed.data.wall} made by ${operator.sub}`, { event: 'wall-created', by: operator.sub });
    res.status(201).json({ wall: parsed.data.wall });
  });

  return router;
}
