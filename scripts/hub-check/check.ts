/**
 * The hub conformance check: talks to a running hub the way a OneScreen wall does and says, case by
 * case, what conforms to docs/hub-contract.md and what does not. Every schema comes from the
 * contract module (src/hub/contract.ts, src/hub/control.ts), the same code the wall validates with.
 */
import { io, type Socket } from 'socket.io-client';
import {
  API_PREFIX,
  CONTRACT_VERSION,
  DistrictsResponseSchema,
  EpochSchema,
  ErrorBodySchema,
  HealthSchema,
  LIMITS,
  LIVE_NAMESPACE,
  SceneSchema,
  ScenesResponseSchema,
  SubscribeAckSchema,
  TOPICS,
  describeIssue,
  liveEnvelopeSchema,
  topicSnapshotSchema,
  type TopicSpec,
} from '../../src/hub/contract.ts';
import { CONTROL_EVENTS, DisplayIdSchema, TokenResponseSchema, WallIdSchema, WallSnapshotSchema } from '../../src/hub/control.ts';
import { ENROL_API, EnrolAnswerSchema, type Slot } from '../../src/hub/enrolment.ts';
import { decodeBuildings } from '../../src/hub/buildings.ts';
import { DOC, type CaseResult, type Verdict } from './report.ts';
import { describeStatus, errorText, request, type HttpAnswer } from './http.ts';

export interface HubCheckOptions {
  /** The hub's base URL, e.g. http://127.0.0.1:8787 (no /api/v1). */
  hub: string;
  /**
   * An enrolled display's device credential, traded for display tokens (POST /api/v1/auth/display).
   * Without one the checker enrols itself (POST /api/v1/enrol, hint `wall`/`display`): approved at
   * once by a hub in demo mode, else it waits `enrolWaitMs` for an operator to approve its code.
   */
  credential?: string;
  /** How long to wait for an operator to approve the checker's pairing code (default 120 s). */
  enrolWaitMs?: number;
  /** Lines for the person running the check (the pairing code to approve): stderr unless given. */
  notice?: (line: string) => void;
  /** The browser origin the wall is served from: CORS is checked for it. */
  origin: string;
  /** How long live events are collected. */
  windowMs: number;
  /** The slot the checker enrols into (a display of its own wall, by default); with `credential`, its slot. */
  wall: string;
  display: string;
  /** How long to wait for an ack (wall:join, subscribe): a display waits 8 s. */
  ackTimeoutMs?: number;
  /** Called with each result as soon as it is known (the CLI prints them as they come). */
  onResult?: (result: CaseResult) => void;
}

export const DEFAULT_OPTIONS = {
  origin: 'https://wall.example',
  windowMs: 10_000,
  wall: 'hub-check',
  display: 'hub-check',
  enrolWaitMs: 120_000,
} as const;

/** Over what a display may send (LIMITS.maxClientMessageBytes, 64 KB): the hub must refuse it. */
const OVERSIZED_BYTES = LIMITS.maxClientMessageBytes + 32 * 1024;
const CONNECT_TIMEOUT_MS = 8_000;
const ACK_TIMEOUT_MS = 8_000;
const REFUSAL_WAIT_MS = 4_000;
/** A topic arriving faster than this is a flood the wall has to shed (docs: topic rate). */
const FLOOD_PER_SECOND = 60;
const CLOCK_SKEW_WARN_MS = 60_000;
const isEpoch = (v: unknown): v is string => EpochSchema.safeParse(v).success;
const EPOCH_RULE = '1–64 letters, digits, . _ : -';
const UNKNOWN_TOPIC = 'hub-check.no-such-topic';

/** "123456" → "123 456", as the display shows it and the console lists it. */
export const formatPairingCode = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/** A credential in the contract's shape (CredentialSchema) that no hub issued: it must get 401 not-enrolled. */
function unknownCredential(): string {
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  return `dev-${pick('abcdefghijklmnopqrstuvwxyz0123456789', 12)}.${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 43)}`;
}

/** The wall and display a display token names, when it is a JWT with those claims (as the contract's tokens are). */
export function tokenSlot(token: string): { wall: string; display: string } | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { wall?: unknown; display?: unknown };
    const wall = WallIdSchema.safeParse(claims.wall);
    const display = DisplayIdSchema.safeParse(claims.display);
    return wall.success && display.success ? { wall: wall.data, display: display.data } : null;
  } catch {
    return null;
  }
}

const hasNoStore = (a: HttpAnswer) => /\bno-store\b/i.test(a.headers.get('cache-control') ?? '');

/** The bound of one live event of a topic: its own for binary topics, else the contract's 1 MB. */
export const eventBound = (spec: TopicSpec): number => spec.maxBytes;

/** Whether the topic's spec declares a history its snapshot carries. */
export const declaresHistory = (spec: TopicSpec): boolean => spec.history !== undefined;

const isBinary = (v: unknown): v is ArrayBuffer | ArrayBufferView => v instanceof ArrayBuffer || ArrayBuffer.isView(v);

/**
 * What the wall weighs an event by, before reading it. A JSON event: its socket.io packet's text
 * (`42/live,["<topic>",{…}]`), against LIMITS.maxMessageBytes. A binary event (a topic with a
 * codec): the bytes of its binary columns (socket.io attachments), against the topic's maxBytes.
 */
export function eventBytes(event: string, payload: unknown, binary: boolean): number {
  if (binary) {
    let bytes = 0;
    const visit = (v: unknown, depth: number) => {
      if (isBinary(v)) bytes += v.byteLength;
      else if (v && typeof v === 'object' && depth < 4) for (const x of Object.values(v)) visit(x, depth + 1);
    };
    visit((payload as { data?: unknown } | null)?.data, 0);
    return bytes;
  }
  return Buffer.byteLength(`42${LIVE_NAMESPACE},${JSON.stringify([event, payload])}`);
}

const kb = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000} MB` : n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : `${(n / 1000).toFixed(1)} KB`);
const q = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

interface TopicTally {
  events: number;
  issue: string | null;
  order: string | null;
  oversize: string | null;
  epochs: string[];
  firstSeq: number | null;
  lastSeq: number | null;
  largest: number;
  perSecond: Map<number, number>;
  lastByEpoch: Map<string, number>;
}

export async function runHubCheck(options: HubCheckOptions): Promise<CaseResult[]> {
  const hub = options.hub.replace(/\/+$/, '');
  const ackMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
  const api = (path: string) => `${hub}${API_PREFIX}${path}`;
  const results: CaseResult[] = [];
  const add = (id: string, verdict: Verdict, reason: string, doc: string) => {
    const r: CaseResult = { id, verdict, reason, doc };
    results.push(r);
    options.onResult?.(r);
  };
  /** Runs one case; a thrown error (network, timeout) is that case's FAIL. */
  const run = async (id: string, doc: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (err) {
      add(id, 'FAIL', `could not check: ${errorText(err)}`, doc);
    }
  };

  const postJson = (path: string, body: unknown) =>
    request(api(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const notice = options.notice ?? ((line: string) => console.error(line));

  // --- Enrolment: started first, so an operator can approve the code while the REST cases run ---

  type Enrolled = { ok: true; credential: string; slot: Slot; how: string; noStore: boolean } | { ok: false; reason: string };
  const enrolSelf = async (): Promise<Enrolled> => {
    const hint: Slot = { wall: options.wall, display: options.display, grid: null };
    const who = `${hint.wall}/${hint.display}`;
    const a = await postJson(ENROL_API.enrol, { hint });
    if (a.status !== 200) return { ok: false, reason: `POST /enrol: ${describeStatus(a)}` };
    const first = EnrolAnswerSchema.safeParse(a.body);
    if (!first.success) return { ok: false, reason: `POST /enrol answer is not an EnrolAnswer: ${describeIssue(first.error)}` };
    let answer = first.data;
    const done = (how: string, carrier: HttpAnswer): Enrolled =>
      answer.status === 'approved'
        ? { ok: true, credential: answer.credential, slot: answer.slot, how: `${how}, enrolled as ${answer.device} (${answer.slot.wall}/${answer.slot.display})`, noStore: hasNoStore(carrier) }
        : { ok: false, reason: `unexpected enrolment status ${answer.status}` };
    if (answer.status === 'approved') return done('demo mode: approved at once', a);
    if (answer.status !== 'pending') return { ok: false, reason: `POST /enrol: ${answer.status}: ${answer.message}` };

    const code = formatPairingCode(answer.code);
    const requestId = answer.requestId;
    let pollMs = answer.pollMs;
    const waitMs = options.enrolWaitMs ?? DEFAULT_OPTIONS.enrolWaitMs;
    const started = Date.now();
    notice(`approve pairing code ${code} for ${who} in the console (显示屏 Displays) — waiting up to ${Math.round(waitMs / 1000)} s`);
    let lastError = '';
    for (;;) {
      const left = started + waitMs - Date.now();
      if (left <= 0)
        return {
          ok: false,
          reason: `pairing code ${code} for ${who} was not approved within ${Math.round(waitMs / 1000)} s${lastError ? ` (last poll: ${lastError})` : ''}: approve it in the console (显示屏 Displays), give a longer --enrol-wait, or pass --credential`,
        };
      await new Promise((r) => setTimeout(r, Math.min(pollMs, left)));
      let s: HttpAnswer;
      try {
        s = await postJson(ENROL_API.status, { requestId });
      } catch (err) {
        lastError = errorText(err); // the hub or the network stumbled: ask again until the wait is over
        continue;
      }
      if (s.status !== 200) return { ok: false, reason: `POST /enrol/status (pairing code ${code}): ${describeStatus(s)}` };
      const parsed = EnrolAnswerSchema.safeParse(s.body);
      if (!parsed.success) return { ok: false, reason: `POST /enrol/status answer is not an EnrolAnswer: ${describeIssue(parsed.error)}` };
      answer = parsed.data;
      if (answer.status === 'pending') {
        pollMs = answer.pollMs;
        continue;
      }
      if (answer.status !== 'approved') return { ok: false, reason: `pairing code ${code} for ${who}: ${answer.status} (${answer.message})` };
      const enrolled = done(`pairing code ${code} approved in the console after ${Math.round((Date.now() - started) / 1000)} s`, s);
      notice(
        `approved: enrolled as ${answer.device} (${answer.slot.wall}/${answer.slot.display}). To check again without pairing, pass --credential ${answer.credential} (a secret: revoke ${answer.device} in the console when done)`,
      );
      return enrolled;
    }
  };
  const enrolling: Promise<Enrolled> | null =
    options.credential === undefined ? enrolSelf().catch((err: unknown): Enrolled => ({ ok: false, reason: `could not enrol: ${errorText(err)}` })) : null;

  // --- REST ----------------------------------------------------------------------------------

  await run('health', DOC.health, async () => {
    const a = await request(api('/health'));
    if (a.status !== 200) return add('health', 'FAIL', `GET /health: ${describeStatus(a)}`, DOC.health);
    const body = a.body as Record<string, unknown> | undefined;
    if (body?.contractVersion !== CONTRACT_VERSION)
      return add('health', 'FAIL', `contractVersion ${q(body?.contractVersion)}: a wall of this contract needs ${CONTRACT_VERSION}`, DOC.health);
    if (!isEpoch(body.epoch))
      return add('health', 'FAIL', `epoch ${q(body.epoch)}: must be a string of ${EPOCH_RULE}, new at every restart`, DOC.ordering);
    const parsed = HealthSchema.safeParse(body);
    if (!parsed.success) return add('health', 'FAIL', describeIssue(parsed.error), DOC.health);
    const skew = parsed.data.time - Date.now();
    const what = `contract ${CONTRACT_VERSION}, epoch "${body.epoch}", status ${parsed.data.status}, ${parsed.data.simulated ? 'simulated' : 'real'} data`;
    if (Math.abs(skew) > CLOCK_SKEW_WARN_MS)
      return add('health', 'WARN', `${what}; hub clock ${Math.round(skew / 1000)} s off this machine's (data age shown on the wall will be off)`, DOC.health);
    add('health', 'PASS', what, DOC.health);
  });

  let districtCodes: Set<string> | null = null;
  await run('districts', DOC.districts, async () => {
    const a = await request(api('/districts'));
    if (a.status !== 200) return add('districts', 'FAIL', `GET /districts: ${describeStatus(a)}`, DOC.districts);
    const body = a.body as { datum?: unknown; features?: { properties?: { code?: unknown } }[] } | undefined;
    if (body?.datum !== 'WGS84')
      return add('districts', 'FAIL', `datum ${q(body?.datum)}: must be "WGS84" (convert GCJ-02 or BD-09 before serving)`, DOC.districts);
    const codes = Array.isArray(body.features) ? body.features.map((f) => f?.properties?.code) : [];
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup !== undefined) return add('districts', 'FAIL', `district code ${q(dup)} appears more than once: codes must be unique`, DOC.districts);
    const parsed = DistrictsResponseSchema.safeParse(body);
    if (!parsed.success) return add('districts', 'FAIL', describeIssue(parsed.error), DOC.districts);
    districtCodes = new Set(parsed.data.features.map((f) => f.properties.code));
    // The label point should lie on the district: at least inside its bounding box.
    const outside = parsed.data.features.filter((f) => {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      const pts = rings.flat();
      const [lon, lat] = f.properties.center;
      const lons = pts.map((p) => p[0]);
      const lats = pts.map((p) => p[1]);
      return lon < Math.min(...lons) || lon > Math.max(...lons) || lat < Math.min(...lats) || lat > Math.max(...lats);
    });
    const what = `${parsed.data.features.length} districts, WGS84, codes unique, ${kb(a.bytes)}`;
    if (outside.length)
      return add('districts', 'WARN', `${what}; center outside its district for ${outside.map((f) => f.properties.code).slice(0, 5).join(', ')}`, DOC.districts);
    add('districts', 'PASS', what, DOC.districts);
  });

  await run('scenes', DOC.scenes, async () => {
    const a = await request(api('/scenes'));
    if (a.status !== 200) return add('scenes', 'FAIL', `GET /scenes: ${describeStatus(a)}`, DOC.scenes);
    const parsed = ScenesResponseSchema.safeParse(a.body);
    if (!parsed.success) return add('scenes', 'FAIL', describeIssue(parsed.error), DOC.scenes);
    const ids: string[] = [];
    for (const [i, raw] of parsed.data.scenes.entries()) {
      const scene = SceneSchema.safeParse(raw);
      const id = (raw as { id?: unknown })?.id;
      if (!scene.success) return add('scenes', 'FAIL', `scenes.${i} (${q(id)}): ${describeIssue(scene.error)}`, DOC.scenes);
      if (ids.includes(scene.data.id)) return add('scenes', 'FAIL', `scene id "${scene.data.id}" served twice`, DOC.scenes);
      ids.push(scene.data.id);
    }
    if (!ids.length) return add('scenes', 'WARN', 'no scenes served: walls show only the scenes bundled with them', DOC.scenes);
    const one = await request(api(`/scenes/${encodeURIComponent(ids[0])}`));
    const single = SceneSchema.safeParse(one.body);
    if (one.status !== 200 || !single.success || single.data.id !== ids[0])
      return add('scenes', 'FAIL', `GET /scenes/${ids[0]}: ${one.status !== 200 ? describeStatus(one) : single.success ? `answered scene "${single.data.id}"` : describeIssue(single.error)}`, DOC.scenes);
    add('scenes', 'PASS', `${ids.length} scenes, each a valid SceneSchema: ${ids.join(', ')}`, DOC.scenes);
  });

  await run('city buildings', DOC.buildings, async () => {
    const res = await fetch(api('/city/buildings'), { signal: AbortSignal.timeout(30_000) });
    if (res.status !== 200) return add('city buildings', 'FAIL', `GET /city/buildings: HTTP ${res.status}`, DOC.buildings);
    const buf = await res.arrayBuffer();
    const decoded = decodeBuildings(buf);
    if (!decoded.ok) return add('city buildings', 'FAIL', decoded.error, DOC.buildings);
    add('city buildings', 'PASS', `${decoded.buildings.count.toLocaleString('en-US')} buildings, ${kb(buf.byteLength)} (OSCB)`, DOC.buildings);
  });

  const snapshots = new Map<string, { epoch: string; seq: number }>();
  for (const spec of TOPICS.values()) {
    if (!spec.snapshot) continue;
    const id = `topic ${spec.name}`;
    await run(id, DOC.topics, async () => {
      const a = await request(api(`/topics/${encodeURIComponent(spec.name)}`));
      if (a.status === 503) return add(id, 'WARN', `GET: ${describeStatus(a)} (no value yet: scenes using it stay empty until one comes)`, DOC.topics);
      if (a.status !== 200) return add(id, 'FAIL', `GET /topics/${spec.name}: ${describeStatus(a)}`, DOC.topics);
      const body = a.body as { epoch?: unknown; seq?: unknown; history?: unknown; data?: unknown } | undefined;
      if (!isEpoch(body?.epoch)) return add(id, 'FAIL', `epoch ${q(body?.epoch)}: every snapshot names the epoch of its seq (${EPOCH_RULE})`, DOC.ordering);
      const parsed = topicSnapshotSchema(spec.name, spec.schema).safeParse(body);
      if (!parsed.success) return add(id, 'FAIL', describeIssue(parsed.error), DOC.topics);
      snapshots.set(spec.name, { epoch: body.epoch, seq: Number(body.seq) });
      let what = `seq ${body.seq}, epoch "${body.epoch}", ${kb(a.bytes)}`;
      if (spec.history) {
        const history = body.history;
        if (!Array.isArray(history)) return add(id, 'FAIL', 'no `history`: this topic declares one ([epochMs, value] pairs, oldest first)', DOC.history);
        const max = Math.min(spec.history.maxPoints, LIMITS.maxHistoryPoints);
        if (history.length > max) return add(id, 'FAIL', `history has ${history.length} points, at most ${max}`, DOC.history);
        const times = history.map((p) => (Array.isArray(p) ? p[0] : NaN));
        const unordered = times.findIndex((t, i) => !(Number.isInteger(t) && t > 0) || (i > 0 && t < times[i - 1]));
        if (unordered >= 0) return add(id, 'FAIL', `history.${unordered}: times must be epoch ms, oldest first`, DOC.history);
        what += `, history ${history.length} points`;
      }
      if (spec.name === 'overview' && districtCodes) {
        const figures = (body.data as { districts?: { code: string }[] } | undefined)?.districts ?? [];
        const codes = figures.map((d) => d.code);
        const dup = codes.find((c, i) => codes.indexOf(c) !== i);
        if (dup) return add(id, 'FAIL', `data.districts: code ${dup} appears more than once`, DOC.topics);
        const unknown = codes.filter((c) => !districtCodes!.has(c));
        if (unknown.length) return add(id, 'WARN', `${what}; figures for districts /districts does not have: ${unknown.slice(0, 5).join(', ')}`, DOC.topics);
      }
      add(id, 'PASS', what, DOC.topics);
    });
  }

  // --- CORS ----------------------------------------------------------------------------------

  const origin = options.origin;
  const allows = (a: HttpAnswer) => {
    const v = a.headers.get('access-control-allow-origin');
    return v === '*' || v === origin;
  };
  await run('cors responses', DOC.cors, async () => {
    const firstSnapshot = [...TOPICS.values()].find((s) => s.snapshot)?.name;
    const paths = ['/health', '/districts', '/scenes', ...(firstSnapshot ? [`/topics/${firstSnapshot}`] : []), '/city/buildings'];
    const missing: string[] = [];
    let vary = true;
    for (const p of paths) {
      // HEAD keeps the big bodies off the wire; a hub without HEAD is asked with GET.
      let a = await request(api(p), { method: 'HEAD', headers: { origin } });
      if (a.status === 405 || a.status === 404) a = await request(api(p), { headers: { origin } });
      if (!allows(a)) missing.push(`${p} (${a.headers.get('access-control-allow-origin') ?? 'none'})`);
      const acao = a.headers.get('access-control-allow-origin');
      if (acao && acao !== '*' && !/\borigin\b/i.test(a.headers.get('vary') ?? '')) vary = false;
    }
    if (missing.length)
      return add('cors responses', 'FAIL', `no Access-Control-Allow-Origin for Origin ${origin} on ${missing.join(', ')}: the wall's fetches fail`, DOC.cors);
    if (!vary) return add('cors responses', 'WARN', `Origin ${origin} allowed, but an echoed origin without "Vary: Origin" lets caches mix origins`, DOC.cors);
    add('cors responses', 'PASS', `Origin ${origin} allowed on ${paths.length} endpoints`, DOC.cors);
  });

  await run('cors preflight', DOC.cors, async () => {
    const a = await request(api('/auth/display'), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    if (a.status < 200 || a.status >= 300) return add('cors preflight', 'FAIL', `OPTIONS /auth/display: HTTP ${a.status} (a preflight must answer 2xx)`, DOC.cors);
    if (!allows(a)) return add('cors preflight', 'FAIL', `no Access-Control-Allow-Origin for ${origin} on the preflight of POST /auth/display`, DOC.cors);
    const methods = (a.headers.get('access-control-allow-methods') ?? '').toLowerCase();
    if (methods && !/\bpost\b|\*/.test(methods)) return add('cors preflight', 'FAIL', `Access-Control-Allow-Methods "${methods}" lacks POST`, DOC.cors);
    const headers = (a.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    if (!/content-type|\*/.test(headers))
      return add('cors preflight', 'FAIL', `Access-Control-Allow-Headers "${headers}" lacks content-type: a display cannot get its token`, DOC.cors);
    if (!/authorization|\*/.test(headers))
      return add('cors preflight', 'WARN', `Access-Control-Allow-Headers lacks authorization: a console on ${origin} cannot sign out (POST /auth/revoke)`, DOC.cors);
    add('cors preflight', 'PASS', `POST with content-type and authorization allowed from ${origin} (HTTP ${a.status})`, DOC.cors);
  });

  await run('cors errors', DOC.cors, async () => {
    const a = await request(api(`/topics/${UNKNOWN_TOPIC}`), { headers: { origin } });
    if (a.status !== 404) return add('cors errors', 'WARN', `GET /topics/${UNKNOWN_TOPIC}: HTTP ${a.status}, expected 404`, DOC.topics);
    if (!allows(a)) return add('cors errors', 'WARN', `a 404 without Access-Control-Allow-Origin: the wall sees a network error, not the status`, DOC.cors);
    const body = ErrorBodySchema.safeParse(a.body);
    if (!body.success) return add('cors errors', 'WARN', `404 body is not {error, message}: ${describeIssue(body.error)}`, DOC.topics);
    add('cors errors', 'PASS', `unknown topic: 404 "${body.data.error}" with Access-Control-Allow-Origin`, DOC.cors);
  });

  // --- Sign-in and client limits -------------------------------------------------------------

  // The slot the checker is a display of: the one it was enrolled into, or (with --credential) the
  // one its token names.
  let credential = options.credential;
  let identity: Slot = { wall: options.wall, display: options.display, grid: null };
  let tokenAnswer: HttpAnswer | undefined;
  await run('enrolment', DOC.enrolment, async () => {
    const id = 'enrolment';
    let how = `credential from --credential (not enrolling)`;
    const warnings: string[] = [];
    if (enrolling) {
      const enrolled = await enrolling;
      if (!enrolled.ok) return add(id, 'FAIL', enrolled.reason, DOC.enrolment);
      credential = enrolled.credential;
      identity = enrolled.slot;
      how = enrolled.how;
      if (!enrolled.noStore) warnings.push('the answer carrying the credential lacks Cache-Control: no-store');
    }
    tokenAnswer = await postJson('/auth/display', { credential });
    if (tokenAnswer.status === 200 && !hasNoStore(tokenAnswer)) warnings.push('the token answer of POST /auth/display lacks Cache-Control: no-store');
    const unknown = await postJson('/auth/display', { credential: unknownCredential() });
    if (unknown.status !== 401)
      return add(id, 'FAIL', `${how}; but a credential it never issued got ${describeStatus(unknown)} from POST /auth/display: answer 401 not-enrolled`, DOC.enrolment);
    const error = (unknown.body as { error?: unknown } | undefined)?.error;
    if (error !== 'not-enrolled')
      warnings.push(`a credential it never issued got 401 ${q(error)}, not "not-enrolled" (the wall enrols again only on not-enrolled)`);
    if (warnings.length) return add(id, 'WARN', `${how}; ${warnings.join('; ')}`, DOC.enrolment);
    add(id, 'PASS', `${how}; an unknown credential gets 401 not-enrolled; ${enrolling ? 'credential and token answers are' : 'the token answer is'} no-store`, DOC.enrolment);
  });

  let token: string | undefined;
  await run('display token', DOC.signIn, async () => {
    const id = 'display token';
    if (credential === undefined) return add(id, 'FAIL', 'not checked: no device credential (see "enrolment")', DOC.signIn);
    // The enrolment case traded the credential already, unless it stopped before (then: now).
    const answer = tokenAnswer ?? (await postJson('/auth/display', { credential }));
    if (answer.status === 401)
      return add(id, 'FAIL', `${describeStatus(answer)}: the credential is not (or no longer) enrolled: run without --credential to enrol again`, DOC.signIn);
    if (answer.status !== 200) return add(id, 'FAIL', `POST /auth/display {credential}: ${describeStatus(answer)}`, DOC.signIn);
    const parsed = TokenResponseSchema.safeParse(answer.body);
    if (!parsed.success) return add(id, 'FAIL', describeIssue(parsed.error), DOC.signIn);
    if (parsed.data.role !== 'display') return add(id, 'FAIL', `role "${parsed.data.role}", expected "display"`, DOC.signIn);
    token = parsed.data.token;
    if (options.credential !== undefined) {
      // With --credential the slot is the one it was enrolled into: the token says which.
      const named = tokenSlot(token);
      if (named) identity = { ...named, grid: null };
    }
    const hours = (parsed.data.expiresAt - Date.now()) / 3_600_000;
    if (hours <= 0) return add(id, 'FAIL', `expiresAt is ${(-hours).toFixed(1)} h in the past`, DOC.signIn);
    add(id, 'PASS', `receive-only token for ${identity.wall}/${identity.display}, expires in ${hours.toFixed(1)} h`, DOC.signIn);
  });

  await run('rest body limit', DOC.limits, async () => {
    const id = 'rest body limit';
    // With the real credential, a hub that reads the whole body would answer 200: only a size limit refuses it.
    const body = JSON.stringify({ credential: credential ?? unknownCredential(), pad: 'x'.repeat(OVERSIZED_BYTES) });
    const a = await request(api('/auth/display'), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (a.status >= 400 && a.status < 500) {
      if (credential !== undefined || a.status === 413) return add(id, 'PASS', `a ${kb(body.length)} body to POST /auth/display is refused: HTTP ${a.status}`, DOC.limits);
      return add(id, 'WARN', `a ${kb(body.length)} body got HTTP ${a.status}, but without a credential that cannot be told from a refused sign-in: refuse bodies over 64 KB with 413`, DOC.limits);
    }
    add(id, 'FAIL', `a ${kb(body.length)} POST /auth/display body got HTTP ${a.status}: refuse bodies over 64 KB (413)`, DOC.limits);
  });

  // --- Live ----------------------------------------------------------------------------------

  const connect = (auth: Record<string, unknown>) =>
    new Promise<{ socket: Socket; error?: undefined } | { socket: Socket; error: string }>((resolve) => {
      const socket = io(`${hub}${LIVE_NAMESPACE}`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: CONNECT_TIMEOUT_MS,
        // What a browser sends: a hub that checks origins on the upgrade must admit the wall's.
        extraHeaders: { origin },
      });
      socket.once('connect', () => resolve({ socket }));
      socket.once('connect_error', (err) => resolve({ socket, error: err.message }));
    });

  /** The handshake of the checker's display, as a wall sends it. */
  const displayAuth = (t: string) => ({ role: 'display', wall: identity.wall, display: identity.display, token: t, ...(identity.grid ? { grid: identity.grid } : {}) });

  await run('live bad token', DOC.handshake, async () => {
    const { socket, error } = await connect(displayAuth('hub-check-forged-token-0000'));
    socket.close();
    if (error === undefined) return add('live bad token', 'FAIL', 'a forged token was accepted at the handshake', DOC.handshake);
    if (!/^(unauthorised|token-expired)/.test(error))
      return add('live bad token', 'WARN', `refused with "${error.slice(0, 80)}": start the message with "unauthorised" so the wall fetches a new token`, DOC.handshake);
    add('live bad token', 'PASS', `forged token refused: "${error.slice(0, 80)}"`, DOC.handshake);
  });

  if (!token) {
    add('live handshake', 'FAIL', 'not checked: no display token (see "display token")', DOC.handshake);
    return results;
  }
  const { socket, error } = await connect(displayAuth(token));
  if (error !== undefined) {
    socket.close();
    add('live handshake', 'FAIL', `connect_error "${error.slice(0, 120)}" for a display with a fresh token (auth {role, wall, display, token})`, DOC.handshake);
    return results;
  }
  add('live handshake', 'PASS', `connected to ${LIVE_NAMESPACE} over WebSocket with the token in auth (Origin ${origin})`, DOC.handshake);

  const tallies = new Map<string, TopicTally>();
  const envelopes = new Map([...TOPICS.values()].map((s) => [s.name, liveEnvelopeSchema(s.name, s.schema)]));
  let collecting = false;
  socket.onAny((event: string, payload: unknown) => {
    const spec = TOPICS.get(event);
    if (!collecting || !spec) return;
    const t: TopicTally = tallies.get(event) ?? {
      events: 0, issue: null, order: null, oversize: null, epochs: [], firstSeq: null, lastSeq: null, largest: 0, perSecond: new Map(), lastByEpoch: new Map(),
    };
    tallies.set(event, t);
    t.events++;
    const second = Math.floor(Date.now() / 1000);
    t.perSecond.set(second, (t.perSecond.get(second) ?? 0) + 1);
    const bytes = eventBytes(event, payload, spec.codec !== 'json');
    t.largest = Math.max(t.largest, bytes);
    const bound = eventBound(spec);
    if (bytes > bound && !t.oversize) t.oversize = `an event of ${kb(bytes)}, over the ${kb(bound)} bound (the wall drops it unread)`;
    const epochField = (payload as { epoch?: unknown } | null)?.epoch;
    if (!isEpoch(epochField)) {
      t.issue ??= `epoch ${q(epochField)}: every event names the epoch of its seq (${EPOCH_RULE})`;
      return;
    }
    const parsed = envelopes.get(event)!.safeParse(payload);
    if (!parsed.success) {
      t.issue ??= describeIssue(parsed.error);
      return;
    }
    const { epoch, seq } = payload as { epoch: string; seq: number };
    if (!t.epochs.includes(epoch)) t.epochs.push(epoch);
    const last = t.lastByEpoch.get(epoch);
    if (last !== undefined && seq <= last && !t.order) t.order = `seq ${seq} after ${last} in epoch "${epoch}": seq must strictly increase (the wall drops it)`;
    t.lastByEpoch.set(epoch, Math.max(seq, last ?? seq));
    t.firstSeq ??= seq;
    t.lastSeq = seq;
  });

  await run('wall:join', DOC.noConsoles, async () => {
    let answer: unknown;
    try {
      answer = await socket.timeout(ackMs).emitWithAck(CONTROL_EVENTS.join);
    } catch {
      return add('wall:join', 'FAIL', `no answer in ${ackMs / 1000} s: every hub, with or without consoles, answers with {state, hubTime}`, DOC.noConsoles);
    }
    const parsed = WallSnapshotSchema.safeParse(answer);
    if (!parsed.success) return add('wall:join', 'FAIL', `answer is not a WallSnapshot: ${describeIssue(parsed.error)}`, DOC.noConsoles);
    if (parsed.data.state.wall !== identity.wall)
      return add('wall:join', 'FAIL', `snapshot of wall "${parsed.data.state.wall}", asked by a display of "${identity.wall}"`, DOC.noConsoles);
    const s = parsed.data.state;
    add('wall:join', 'PASS', `wall "${s.wall}" rev ${s.rev}, scene ${s.scene ?? 'null (first scene)'}, time ${s.time.mode}`, DOC.noConsoles);
  });

  const names = [...TOPICS.keys()];
  let subscribed = false;
  await run('subscribe', DOC.subscribe, async () => {
    const probe = SubscribeAckSchema.safeParse(await socket.timeout(ackMs).emitWithAck('subscribe', { topics: [UNKNOWN_TOPIC] }).catch(() => undefined));
    collecting = true;
    const raw = await socket.timeout(ackMs).emitWithAck('subscribe', { topics: names }).catch(() => undefined);
    if (raw === undefined) return add('subscribe', 'FAIL', `no ack in ${ackMs / 1000} s`, DOC.subscribe);
    const ack = SubscribeAckSchema.safeParse(raw);
    if (!ack.success) return add('subscribe', 'FAIL', `ack is not a SubscribeAck: ${describeIssue(ack.error)}`, DOC.subscribe);
    const missing = names.filter((n) => !ack.data.topics.includes(n));
    if (!ack.data.ok || missing.length || ack.data.unknown.length)
      return add('subscribe', 'FAIL', `ack ok=${ack.data.ok}; not subscribed: ${[...missing, ...ack.data.unknown].join(', ') || 'none'}`, DOC.subscribe);
    subscribed = true;
    if (!probe.success || !probe.data.unknown.includes(UNKNOWN_TOPIC))
      return add('subscribe', 'WARN', `all ${names.length} topics acknowledged, but an unknown topic was not listed in \`unknown\``, DOC.subscribe);
    add('subscribe', 'PASS', `all ${names.length} topics acknowledged; an unknown one is listed in \`unknown\``, DOC.subscribe);
  });

  if (subscribed) await new Promise((r) => setTimeout(r, options.windowMs));
  collecting = false;
  socket.close();

  // The refusal of an oversized frame, on a socket of its own once the window is over: a credential
  // is one display, and a hub replaces a display's older connection with its newer one.
  const displayToken = token;
  await run('oversized client frame', DOC.limits, async () => {
    const id = 'oversized client frame';
    const { socket: big, error: bigError } = await connect(displayAuth(displayToken));
    if (bigError !== undefined) {
      big.close();
      return add(id, 'FAIL', `not checked: a second connection of the display was refused (${bigError.slice(0, 80)})`, DOC.limits);
    }
    const outcome = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('still connected'), REFUSAL_WAIT_MS);
      big.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(`disconnected (${reason})`);
      });
      big.emit('subscribe', { topics: [], pad: 'x'.repeat(OVERSIZED_BYTES) }, () => {
        clearTimeout(timer);
        resolve('acknowledged');
      });
    });
    big.close();
    if (outcome.startsWith('disconnected')) return add(id, 'PASS', `a ${kb(OVERSIZED_BYTES)} frame from a display: ${outcome}`, DOC.limits);
    add(id, 'FAIL', `a ${kb(OVERSIZED_BYTES)} frame from a display was ${outcome}: refuse client frames over 64 KB`, DOC.limits);
  });

  if (subscribed) {
    const windowS = options.windowMs / 1000;
    for (const spec of TOPICS.values()) {
      const id = `live ${spec.name}`;
      const t = tallies.get(spec.name);
      const doc = DOC.ordering;
      if (!t) {
        // A journal topic changes when the city's work does: a quiet spell is no fault.
        if (spec.delivery.kind === 'journal') add(id, 'PASS', `no change in ${windowS} s (a journal topic: changes only when something happens): snapshot checked instead`, DOC.subscribe);
        else if (spec.intervalMs * 2 <= options.windowMs)
          add(id, 'WARN', `no event in ${windowS} s (expected one every ${spec.intervalMs / 1000} s)`, DOC.subscribe);
        else add(id, 'PASS', `no event in ${windowS} s, none due (one every ${spec.intervalMs / 1000} s): snapshot checked instead`, DOC.subscribe);
        continue;
      }
      if (t.issue) add(id, 'FAIL', `envelope rejected: ${t.issue}`, t.issue.startsWith('epoch') ? DOC.ordering : DOC.subscribe);
      else if (t.order) add(id, 'FAIL', t.order, doc);
      else if (t.oversize) add(id, 'FAIL', t.oversize, DOC.limits);
      else {
        const peak = Math.max(...t.perSecond.values());
        const snap = snapshots.get(spec.name);
        const what = `${t.events} event${t.events === 1 ? '' : 's'}, seq ${t.firstSeq}→${t.lastSeq}, epoch "${t.epochs.join('", "')}", largest ${kb(t.largest)} of ${kb(eventBound(spec))}`;
        if (t.epochs.length > 1) add(id, 'WARN', `${what}: the epoch changed during the window (did the hub restart?)`, doc);
        else if (peak > FLOOD_PER_SECOND) add(id, 'WARN', `${what}; ${peak} events in one second: conflate to the newest value per topic`, DOC.rate);
        else if (snap && snap.epoch === t.epochs[0] && t.lastSeq! < snap.seq)
          add(id, 'WARN', `${what}; all older than the snapshot's seq ${snap.seq} in the same epoch (the wall drops them)`, doc);
        else add(id, 'PASS', what, doc);
      }
    }
  }
  return results;
}
