/**
 * The time machine's REST (src/hub/recording.ts, mounted under API_PREFIX): the hub's recording,
 * read back. Any signed-in role may read it (display, operator, designer): it is what the walls
 * were shown anyway. Queries are checked with the contract's schemas; a refusal names the field.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { CONTRACT_VERSION, TOPICS, describeIssue, type ErrorBody } from '../../src/hub/contract.ts';
import {
  RECORDING_LIMITS,
  RECORDINGS_API,
  RecordingMessagesQuerySchema,
  RecordingStateQuerySchema,
  binaryToBase64,
  type RecordedEnvelope,
  type RecordingMessages,
  type RecordingState,
  type RecordingsIndex,
} from '../../src/hub/recording.ts';
import type { TokenService } from '../control/auth.ts';
import { codecOf, type Recording, type ServedEnvelope } from './reader.ts';

export interface RecordingRoutesDeps {
  tokens: Pick<TokenService, 'verify'>;
  /** The recording served (the recorder's directory, or the replayed file); null when there is none. */
  recording(): Promise<Recording | null>;
  /** Whether the hub records now, and why not. */
  status(): { recording: boolean; note?: string };
}

const errorBody = (error: string, message: string): ErrorBody => ({ error, message });
const iso = (ms: number) => new Date(ms).toISOString();

function served(e: ServedEnvelope): RecordedEnvelope {
  const { v, topic, epoch, seq, time, data } = e.envelope;
  return { v: v as typeof CONTRACT_VERSION, topic, epoch, seq, time, recordedAt: e.recordedAt, data: TOPICS.get(topic)?.codec === 'json' ? data : binaryToBase64(data) };
}

export function recordingRoutes(deps: RecordingRoutesDeps): Router {
  const router = Router();

  /** Any valid token (display, operator, designer), or null after answering 401. */
  async function signedIn(req: Request, res: Response): Promise<boolean> {
    const match = /^Bearer (\S{16,2000})$/.exec(req.get('authorization') ?? '');
    if (!match) return void res.status(401).json(errorBody('unauthorised', 'sign in: send "Authorization: Bearer <token>" (display, operator or designer)')), false;
    const verified = await deps.tokens.verify(match[1]);
    if (!verified.ok) return void res.status(401).json(errorBody(verified.error, verified.message)), false;
    return true;
  }

  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: NextFunction) =>
      void fn(req, res).catch(next);

  /** 400 for a topic the contract does not know (one it knows but never recorded is `missing`). */
  function unknownTopic(topics: readonly string[] | undefined, res: Response): boolean {
    const unknown = (topics ?? []).filter((t) => !TOPICS.has(t));
    if (!unknown.length) return false;
    res.status(400).json(errorBody('bad-request', `topics: unknown topic${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')}`));
    return true;
  }

  function outside(res: Response, what: string, range: { from: number; to: number } | null) {
    res
      .status(416)
      .json(errorBody('out-of-range', range ? `${what} is outside the recording, which covers ${iso(range.from)} to ${iso(range.to)} (${range.from}–${range.to})` : `${what}: nothing is recorded`));
  }

  router.get(
    RECORDINGS_API.index,
    handle(async (req, res) => {
      if (!(await signedIn(req, res))) return;
      const rec = await deps.recording();
      await rec?.refresh();
      const segments = (rec?.segments() ?? []).slice(-RECORDING_LIMITS.maxSegments);
      const status = deps.status();
      const body: RecordingsIndex = {
        contractVersion: CONTRACT_VERSION,
        recording: status.recording,
        ...(status.note ? { recordingNote: status.note } : {}),
        range: rec?.range() ?? null,
        topics: [...(rec?.counts() ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)).map(([topic, messages]) => ({ topic, codec: codecOf(topic), messages })),
        segments,
        bytes: segments.reduce((n, s) => n + s.bytes, 0),
        truncatedSegments: segments.filter((s) => s.truncated).length,
        skippedRecords: rec?.skipped ?? 0,
        binary: 'base64',
      };
      res.json(body);
    }),
  );

  router.get(
    RECORDINGS_API.state,
    handle(async (req, res) => {
      if (!(await signedIn(req, res))) return;
      const q = RecordingStateQuerySchema.safeParse(req.query);
      if (!q.success) return void res.status(400).json(errorBody('bad-request', describeIssue(q.error)));
      if (unknownTopic(q.data.topics, res)) return;
      const rec = await deps.recording();
      await rec?.refresh();
      const range = rec?.range() ?? null;
      if (!rec || !range || q.data.at < range.from || q.data.at > range.to) return outside(res, `at ${iso(q.data.at)}`, range);
      const state = await rec.stateAt(q.data.at, q.data.topics ?? null);
      const body: RecordingState = { contractVersion: CONTRACT_VERSION, at: q.data.at, envelopes: state.envelopes.map(served), missing: state.missing };
      res.json(body);
    }),
  );

  router.get(
    RECORDINGS_API.messages,
    handle(async (req, res) => {
      if (!(await signedIn(req, res))) return;
      const q = RecordingMessagesQuerySchema.safeParse(req.query);
      if (!q.success) return void res.status(400).json(errorBody('bad-request', describeIssue(q.error)));
      if (unknownTopic(q.data.topics, res)) return;
      const rec = await deps.recording();
      await rec?.refresh();
      const range = rec?.range() ?? null;
      if (!rec || !range || q.data.to < range.from || q.data.from > range.to) return outside(res, `${iso(q.data.from)} to ${iso(q.data.to)}`, range);
      const page = await rec.messages({
        from: q.data.from,
        to: q.data.to,
        topics: q.data.topics ?? null,
        limit: q.data.limit,
        maxBytes: RECORDING_LIMITS.maxPageBytes,
        afterNs: q.data.cursor === undefined ? undefined : BigInt(q.data.cursor),
      });
      const body: RecordingMessages = { contractVersion: CONTRACT_VERSION, from: q.data.from, to: q.data.to, envelopes: page.envelopes.map(served), next: page.next };
      res.json(body);
    }),
  );

  return router;
}
