import { createServer, type Server as HttpServer } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import cors from 'cors';
import { Server as IoServer } from 'socket.io';
import { z } from 'zod';
import {
  API_PREFIX,
  CONTRACT_VERSION,
  LIMITS,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  SubscribeRequestSchema,
  TOPICS,
  describeIssue,
  type SubscribeAck,
  type ErrorBody,
  type Health,
  type Overview,
  type ScenesResponse,
} from '../src/hub/contract.ts';
import { OVERVIEW_TOPIC } from '../src/hub/topics/overview.ts';
import { loadDistricts } from './geo.ts';
import { FAULT_NOT_AN_ENVELOPE, startTopicEngine, topicRoom } from './topic-engine.ts';
import { generateBuildings } from './city/buildings-gen.ts';
import { encodeBuildings } from '../src/hub/buildings.ts';
import { overviewSimModule } from './sim/overview-sim.ts';
import { SIM_MODULES } from './sim/index.ts';
import { bbox } from '@turf/bbox';
import {
  DEFAULT_DESIGNER_PASSWORD,
  DEFAULT_OPERATOR_PASSWORD,
  checkDesignerPassword,
  checkOperatorPassword,
  defaultControlOptions,
  type ControlOptions,
} from './control/config.ts';
import { authRoutes } from './control/auth-routes.ts';
import { createTokenService } from './control/auth.ts';
import { createControl, type SocketIdentity } from './control/control-socket.ts';
import { controlBackend } from './control/backend.ts';
import { deviceRegistry } from './control/devices.ts';
import { enrolRoutes } from './control/enrol-routes.ts';
import { pendingEnrolments } from './control/pending.ts';
import { refusalLog } from './control/refusal-log.ts';
import { openHubSql } from './events/store/open-store.ts';
import { CONTROL_EVENTS } from '../src/hub/control.ts';
import { sceneStore } from './scenes/scene-store.ts';
import { seedScenes } from './scenes/seed.ts';
import { publishedScenes } from './scenes/published-scenes.ts';
import { designerBodies } from './scenes/designer-bodies.ts';
import { sceneRoutes } from './scenes/routes.ts';
import { hubMetrics } from './metrics.ts';
import { startEvents } from './events/service.ts';
import { hubEdges } from './edges.ts';
import type { HubLog } from './log.ts';
import { openRecording, type Recording } from './recorder/reader.ts';
import { startRecorder } from './recorder/recorder.ts';
import { openReplay, startReplayEngine } from './recorder/replay.ts';
import { recordingRoutes } from './recorder/routes.ts';
import { recorderSettings } from './recorder/settings.ts';

export interface HubOptions {
  host: string;
  port: number;
  seed: number;
  /** Interval between live overview events. */
  tickMs: number;
  /** Extra browser origins allowed besides loopback ones. */
  corsOrigins: string[];
  /** Enables POST /api/v1/sim/faults, which makes the simulator misbehave on purpose. */
  faults: boolean;
  /** Host header values answered besides loopback and `host` (HUB_ALLOWED_HOSTS): `name` or `name:port`. */
  allowedHosts?: string[];
  /** `log(msg)` or `log(msg, fields)`: JSON lines in main.ts (mock-server/log.ts). */
  log: HubLog;
  /** Where the scene files that seed an empty store are (default: the repository's scenes/). */
  scenesDir?: string;
  /** Simulator sizes and settings (HUB_TRAFFIC_VEHICLES, …); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** One-screen control: operator and designer credentials, token secret and lifetimes, ack timeout, REDIS_URL. */
  control?: Partial<ControlOptions>;
}

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

const FaultRequestSchema = z.object({
  kind: z.enum(['malformed-overview', 'wrong-shape-overview', 'oversized-overview', 'flood-overview']),
});

function errorBody(error: string, message: string): ErrorBody {
  return { error, message };
}

export async function startHub(options: HubOptions) {
  const started = Date.now();
  const districts = loadDistricts();

  const env = options.env ?? process.env;
  // The time machine (mock-server/recorder/): its settings are checked, and a recording to replay
  // (HUB_REPLAY) is opened, before anything starts: a bad value or file stops the hub here, named.
  const recordSettings = recorderSettings(env);
  const replay = env.HUB_REPLAY ? await openReplay(env.HUB_REPLAY, options.log) : null;
  const buildings = Buffer.from(encodeBuildings(generateBuildings(districts, Number(env.HUB_BUILDINGS ?? 60_000), options.seed)));

  const allowOrigin = (origin: string | undefined) =>
    !origin || LOOPBACK_ORIGIN.test(origin) || options.corsOrigins.includes(origin);
  const corsOptions = {
    origin: (origin: string | undefined, cb: (err: Error | null, ok?: boolean) => void) =>
      cb(null, allowOrigin(origin)),
  };

  // Security headers, allowed Host names (DNS rebinding) and socket origins: mock-server/edges.ts.
  const edges = hubEdges({ listenHost: options.host, allowedHosts: options.allowedHosts ?? [], originAllowed: allowOrigin, log: options.log });
  const app = express();
  app.disable('x-powered-by');
  app.use(edges.middleware);
  app.use(cors(corsOptions));
  // Sources post up to 5,000 readings at once (events/routes.ts); every other body is small.
  app.use(`${API_PREFIX}/readings`, express.json({ limit: '2mb' }));
  // Designers save whole scene files (SCENE_LIMITS.maxFileBytes); `tokens` is made below, before any request.
  app.use(`${API_PREFIX}/designer`, ...designerBodies({ verify: (token) => tokens.verify(token) }));
  app.use(express.json({ limit: '64kb' }));

  const control = { ...defaultControlOptions(), ...options.control };
  // Outside demo mode a default password stops the hub here, asking for one.
  checkOperatorPassword(control);
  checkDesignerPassword(control);
  const shown = (password: string, fallback: string) => (password === fallback ? fallback : '(set)');
  if (control.demo)
    options.log(
      `DEMO MODE: displays on this machine (loopback) are enrolled without approval; operator sign-in "${control.operatorUser}" / "${shown(control.operatorPassword, DEFAULT_OPERATOR_PASSWORD)}", designer "${control.designerUser}" / "${shown(control.designerPassword, DEFAULT_DESIGNER_PASSWORD)}"`,
    );
  // The hub's database: events, alerts, rules, the audit log, enrolled displays, revoked tokens, scenes.
  // PGlite in HUB_DATA_DIR (in memory when unset), or the PostgreSQL server of DATABASE_URL.
  const sql = await openHubSql({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.HUB_DATA_DIR || 'memory://', log: options.log });
  const backend = await controlBackend(control, options.log, sql);
  const registry = deviceRegistry(sql);
  // Scenes live in the database too; the files seed it on the first start (mock-server/scenes/).
  const sceneData = sceneStore(sql);
  await seedScenes(sql, { dir: options.scenesDir, log: options.log });
  // Walls exist from configuration, from enrolments and from operators; never because a display asked.
  for (const wall of new Set([...control.walls, ...(await registry.walls())])) await backend.store.create(wall);
  const tokens = createTokenService({
    secret: control.tokenSecret,
    operatorTtlS: control.operatorTokenTtlS,
    displayTtlS: control.displayTokenTtlS,
    designerTtlS: control.designerTokenTtlS,
    revocations: backend.revocations,
  });
  const refusals = refusalLog(options.log);
  app.use(
    API_PREFIX,
    authRoutes({ tokens, options: control, limits: backend.limits, cutOff: (jti) => wallControl.disconnectToken(jti), log: options.log, refusals }),
  );
  app.use(
    API_PREFIX,
    enrolRoutes({
      tokens,
      registry,
      pending: pendingEnrolments(),
      store: backend.store,
      limits: backend.limits,
      demo: control.demo,
      cutOff: (dev) => wallControl.disconnectDevice(dev),
      log: options.log,
      refusals,
    }),
  );

  app.get(`${API_PREFIX}/health`, (_req, res) => {
    const body: Health = {
      status: 'ok',
      contractVersion: CONTRACT_VERSION,
      hub: 'OneScreen mock hub (simulated Chongqing)',
      simulated: true,
      epoch: topics.epoch,
      time: Date.now(),
      uptimeS: (Date.now() - started) / 1000,
    };
    res.json(body);
  });
  // HUB_METRICS=1: event-loop delay and bytes out for benchmarks (mock-server/metrics.ts).
  const metrics = env.HUB_METRICS === '1' ? hubMetrics(app, API_PREFIX) : null;
  app.get(`${API_PREFIX}/districts`, (_req, res) => void res.json(districts));
  app.get(`${API_PREFIX}/city/buildings`, (_req, res) => {
    res.setHeader('content-type', 'application/octet-stream');
    res.setHeader('cache-control', 'public, max-age=3600');
    res.end(buildings);
  });
  // The published version of every published scene (a draft is the designers' business).
  app.get(`${API_PREFIX}/scenes`, (_req, res) => {
    const body: ScenesResponse = { contractVersion: CONTRACT_VERSION, scenes: scenes.list() };
    res.json(body);
  });
  app.get(`${API_PREFIX}/scenes/:id`, (req, res) => {
    const scene = scenes.scenes.get(req.params.id);
    if (!scene) return void res.status(404).json(errorBody('not-found', `no scene "${req.params.id}"`));
    res.json(scene);
  });
  app.get(`${API_PREFIX}/topics/:topic`, (req, res) => {
    const spec = TOPICS.get(req.params.topic);
    if (!spec) return void res.status(404).json(errorBody('not-found', `no topic "${req.params.topic}"`));
    if (!spec.snapshot) return void res.status(404).json(errorBody('no-snapshot', `topic "${spec.name}" is live only`));
    const latest = topics.snapshot(spec.name) ?? events.snapshot(spec.name);
    if (!latest) return void res.status(503).json(errorBody('not-ready', `topic "${spec.name}" has no value yet`));
    res.json({ contractVersion: CONTRACT_VERSION, topic: spec.name, simulated: true, ...latest });
  });
  const httpServer: HttpServer = createServer(app);
  metrics?.track(httpServer);
  const io = new IoServer(httpServer, {
    cors: corsOptions,
    // socket.io answers before express: its handshakes get the same Host check, and a browser
    // Origin outside the CORS rule is refused (CORS alone would not stop a WebSocket).
    allowRequest: edges.allowRequest,
    maxHttpBufferSize: 64 * 1024, // what a display may send; what the hub sends is bounded by the contract
    // Recovered sockets go through the handshake check again, with the token they bring now: a
    // revoked token must not come back by recovery, and a display's old token may have expired.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // With REDIS_URL, rooms and broadcasts span every hub process sharing that Redis.
    ...(backend.adapter ? { adapter: backend.adapter } : {}),
  });
  const live = io.of(LIVE_NAMESPACE);
  // What walls are served and commands are checked against, current in every hub process.
  const scenes = await publishedScenes({
    sql,
    store: sceneData,
    announce: (message, everywhere) => (everywhere ? live : live.local).emit(CONTROL_EVENTS.scenePublished, message),
    log: options.log,
  });
  const [west, south, east, north] = bbox(districts);
  let recordedRange = (): Promise<{ from: number; to: number } | null | undefined> => Promise.resolve(undefined);
  const wallControl = createControl({
    live,
    store: backend.store,
    tokens,
    // Points a command may name: the city, with half a degree around it.
    world: {
      scenes: scenes.scenes,
      districtCodes: new Set(districts.features.map((f) => f.properties.code)),
      bounds: [west - 0.5, south - 0.5, east + 0.5, north + 0.5],
    },
    options: control,
    // The recording is opened further down (after the recorder starts); commands come after start.
    recordedRange: () => recordedRange(),
    log: options.log,
    refusals,
    limits: backend.limits,
    devices: registry,
  });
  // Displays, operators and designers all show a token in the handshake; see control/control-socket.ts.
  live.use(wallControl.middleware);
  live.on('connection', (socket) => {
    const identity = socket.data.identity as SocketIdentity;
    wallControl.onConnection(socket);
    if (!socket.recovered)
      options.log(identity.role === 'display' ? `display ${identity.wall}/${identity.display} connected` : `${identity.role} ${identity.user} connected`);
    // A display (or a designer's preview) names the topics its scene uses; it joins exactly those
    // rooms. Any signed-in socket may: topics are what every wall shows anyway.
    socket.on(LIVE_EVENTS.subscribe, (request: unknown, ack?: (a: SubscribeAck) => void) => {
      const parsed = SubscribeRequestSchema.safeParse(request);
      if (!parsed.success) return ack?.({ ok: false, topics: [], unknown: [] });
      const known = parsed.data.topics.filter((t) => TOPICS.has(t));
      const unknown = parsed.data.topics.filter((t) => !TOPICS.has(t));
      for (const room of socket.rooms) if (room.startsWith('topic:') && !known.includes(room.slice(6))) socket.leave(room);
      for (const t of known) socket.join(topicRoom(t));
      ack?.({ ok: unknown.length === 0, topics: known, unknown });
    });
  });

  // What the topics publish is recorded (HUB_RECORD=0: not), unless they replay a recording.
  if (replay && recordSettings) options.log('recording is off while the hub replays a recording (HUB_REPLAY)');
  const recorder = recordSettings && !replay ? await startRecorder({ settings: recordSettings, log: options.log, metadata: { seed: String(options.seed) } }) : null;
  const topics = replay
    ? startReplayEngine(live, replay, { env, startTime: started, log: options.log })
    : startTopicEngine(
        live,
        { seed: options.seed, districts, districtProps: districts.features.map((f) => f.properties), startTime: started, env },
        options.log,
        [overviewSimModule(options.tickMs), ...SIM_MODULES],
        { onPublish: recorder?.tap },
      );

  // Events, alerts, rules, audit: PGlite in HUB_DATA_DIR (in memory when unset), or DATABASE_URL.
  const events = await startEvents({
    live,
    tokens,
    epoch: topics.epoch,
    seed: options.seed,
    startTime: started,
    districts: districts.features.map((f) => f.properties),
    env: { ...env, HUB_DATA_DIR: env.HUB_DATA_DIR || 'memory://' },
    sql,
    topicValue: (topic) => topics.snapshot(topic),
    log: options.log,
  });
  app.use(API_PREFIX, events.router);
  app.use(API_PREFIX, sceneRoutes({ store: sceneData, published: scenes, tokens, walls: backend.store, log: options.log }));
  // The recording read back (REST of src/hub/recording.ts): the recorder's directory, or the replayed file.
  const recordingPath = env.HUB_REPLAY || recorder?.dir;
  let served: Promise<Recording> | null = null;
  const servedRecording = (): Promise<Recording | null> => {
    if (!recordingPath) return Promise.resolve(null);
    // Opened at the first request; a failure is not kept (the next request tries again).
    served ??= openRecording(recordingPath, { log: options.log, openFile: () => recorder?.openFile ?? null }).catch((err: unknown) => {
      served = null;
      throw err;
    });
    return served;
  };
  // Playback commands are checked against the recorded range (undefined: this hub does not record).
  recordedRange = async () => {
    if (!recordingPath) return undefined;
    const rec = await servedRecording();
    await rec?.refresh();
    return rec?.range() ?? null;
  };
  app.use(
    API_PREFIX,
    recordingRoutes({
      tokens,
      recording: () => servedRecording(),
      status: () => recorder?.status() ?? { recording: false, note: replay ? `replaying ${env.HUB_REPLAY}` : 'HUB_RECORD=0' },
    }),
  );

  if (options.faults) {
    app.post(`${API_PREFIX}/sim/faults`, (req, res) => {
      const parsed = FaultRequestSchema.safeParse(req.body);
      if (!parsed.success) return void res.status(400).json(errorBody('bad-request', describeIssue(parsed.error)));
      const overview = topics.snapshot(OVERVIEW_TOPIC)!.data as Overview;
      switch (parsed.data.kind) {
        case 'malformed-overview':
          // Plausible-looking but wrong: more systems connected than planned, a negative count.
          topics.inject(OVERVIEW_TOPIC, { ...overview, systemsConnected: overview.systemsPlanned + 5, govMattersToday: -1 });
          break;
        case 'wrong-shape-overview':
          topics.inject(OVERVIEW_TOPIC, FAULT_NOT_AN_ENVELOPE);
          break;
        case 'oversized-overview':
          topics.inject(OVERVIEW_TOPIC, { ...overview, districts: Array.from({ length: LIMITS.maxDistricts + 1 }, () => overview.districts[0]) });
          break;
        case 'flood-overview':
          // 5,000 valid events at once: the wall must read the newest and let the rest go.
          topics.flood(OVERVIEW_TOPIC, 5_000);
          break;
      }
      res.status(202).json({ injected: parsed.data.kind });
    });
  }

  app.use((_req, res) => void res.status(404).json(errorBody('not-found', 'no such endpoint')));
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json(errorBody(err.type ?? 'error', status === 500 ? 'internal error' : err.message));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${options.host}:${port}`,
    port,
    io,
    control: wallControl,
    events,
    recorder,
    async close() {
      metrics?.stop();
      await topics.stop();
      await recorder?.close();
      await (await served?.catch(() => null))?.close();
      wallControl.close();
      refusals.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await backend.close();
      await scenes.close();
      // Last: the events service closes the hub's database, which the control plane used until now.
      await events.close();
    },
  };
}
export type Hub = Awaited<ReturnType<typeof startHub>>;
