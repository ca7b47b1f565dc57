import type { Socket } from 'socket.io-client';
import { DistrictsResponseSchema, HealthSchema, ScenesResponseSchema, type DisplayAuth, type Scene } from './contract.ts';
import { CONTROL_EVENTS } from './control.ts';
import { ScenePublishedSchema } from './designer.ts';
import { connectionActions, type ConnectionStore } from '../store/connection-store.ts';
import type { DiagnosticsStore } from '../store/diagnostics-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import type { TopicStore } from '../store/topic-store.ts';
import type { CityStore } from '../store/city-store.ts';
import { decodeBuildings } from './buildings.ts';
import { defaultDecoder } from './decode/decoders.ts';
import type { CodecOptions, FrameDecoder } from './decode/codecs.ts';
import { DisplayToken, type TokenSource } from './display-token.ts';
import { connectLive, type PreviewAuth } from './live-socket.ts';
import { HubRest, PayloadError } from './rest.ts';
import { TopicFeed } from './topic-feed.ts';
import type { WallTime } from './control.ts';
import { PlaybackPlayer } from './playback/player.ts';
import { wallNow } from '../core/wall-clock.ts';

export { backoffDelay } from './rest.ts';

export interface HubClientDeps {
  hubUrl: string;
  /** Who this display is (its enrolled slot); its token is fetched from the hub and added to the handshake. */
  auth: DisplayAuth | PreviewAuth;
  /** Where tokens come from when not from a device credential (the designer's preview). */
  token?: TokenSource;
  /**
   * The device credential from enrolment (src/hub/enrolment.ts), traded for display tokens.
   * Absent only where the client never reaches a hub's sockets (tests that feed it directly).
   */
  credential?: string;
  /** The hub no longer knows the credential (revoked, or the slot went to another device): pair again. */
  onNotEnrolled?: () => void;
  /** Called once with the live socket, so display sync can follow its connects and events. */
  onSocket?: (socket: Socket) => void;
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
  districts: DistrictStore;
  topics: TopicStore;
  city: CityStore;
  /** Checks a scene from the hub against the wall's registry (not only its shape). */
  checkScene: (raw: unknown) => { ok: true; scene: Scene } | { ok: false; error: string };
  onScenes: (scenes: Scene[], errors: string[]) => void;
  /** Decoder of binary topics: a Web Worker by default where there are workers. */
  decoder?: FrameDecoder;
  /** Options of binary codecs per topic (colour tables), from the modules that draw them. */
  codecOptions?: Readonly<Record<string, CodecOptions>>;
}

/**
 * The wall's only door to the hub. It composes the parts: REST (rest.ts), the display token
 * (display-token.ts), the live socket (live-socket.ts) and the topic feed (topic-feed.ts), and
 * loads what is fixed for a hub's run: health, districts, scenes, the city model.
 */
export class HubClient {
  private rest: HubRest;
  private socket: Socket | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  readonly feed: TopicFeed;
  /** The time machine: while the wall's time is playback, the feed plays the hub's recording. */
  readonly player: PlaybackPlayer;
  private token: TokenSource;

  constructor(private deps: HubClientDeps) {
    this.rest = new HubRest(deps.hubUrl, deps.diagnostics);
    const decoder = deps.decoder ?? defaultDecoder((message) => this.rest.diag.error('decode', message));
    this.feed = new TopicFeed({ rest: this.rest, topics: deps.topics, connection: deps.connection, decoder, codecOptions: deps.codecOptions });
    this.token = deps.token ?? new DisplayToken(this.rest, deps.credential, deps.onNotEnrolled);
    this.player = new PlaybackPlayer({ rest: this.rest, token: this.token, sink: this.feed, now: wallNow });
  }

  start() {
    const conn = connectionActions(this.deps.connection);
    this.rest.retry('health', () => this.loadHealth());
    this.rest.retry('districts', () => this.loadDistricts());
    this.refetchScenes();
    this.rest.retry('city', () => this.loadBuildings());
    const token = this.token;
    const socket = connectLive({
      rest: this.rest,
      auth: this.deps.auth,
      token,
      connection: this.deps.connection,
      onConnect: (recovered) => {
        // State recovery replays what was missed; when it could not, the picture must be refetched,
        // and the scenes too: a scene published while this wall was away would otherwise be missed.
        if (!recovered) {
          this.feed.resync();
          this.refetchScenes();
        }
      },
    });
    this.socket = socket;
    this.feed.attach(socket);
    // A designer published a scene: the wall takes its new version at once (a wall showing it
    // redraws without a reload). Checked like every scene; a bad one leaves the last good version.
    socket.on(CONTROL_EVENTS.scenePublished, (raw: unknown) => {
      const event = ScenePublishedSchema.safeParse(raw);
      if (!event.success) return this.rest.diag.rejected('scene:published', 'not a published scene');
      this.takeScenes([event.data.scene]);
    });
    this.deps.onSocket?.(socket);
    this.tick = setInterval(() => conn.tick(Date.now()), 1_000);
  }

  stop() {
    this.rest.stop();
    this.player.stop();
    if (this.tick) clearInterval(this.tick);
    this.socket?.close();
    this.feed.dispose();
  }

  /** The topics the wall shows (src/core/scene-view.ts decides which). */
  setTopics(topics: string[]) {
    this.feed.setTopics(topics);
    this.player.topicsChanged();
  }

  /** The wall's time (its state from the hub): live, or playback of the recording. */
  setWallTime(time: WallTime | null | undefined) {
    this.player.setTime(time);
  }

  /** Whether the figures are simulated: known before any topic arrives, so the mark shows even while topics fail. */
  private async loadHealth() {
    const health = await this.rest.getJson('/health', HealthSchema);
    connectionActions(this.deps.connection).simulated(health.simulated);
  }

  private async loadDistricts() {
    this.deps.districts.setState({ districts: await this.rest.getJson('/districts', DistrictsResponseSchema) });
  }

  private async loadBuildings() {
    const decoded = decodeBuildings(await this.rest.getBytes('/city/buildings'));
    if (!decoded.ok) {
      this.rest.diag.rejected('rest', decoded.error);
      throw new PayloadError(decoded.error);
    }
    this.rest.diag.accepted();
    this.deps.city.setState({ buildings: decoded.buildings });
  }

  /** One fetch of the scenes at a time, retried until it succeeds (a reconnect during one adds none). */
  private scenesLoading = false;
  private refetchScenes() {
    if (this.scenesLoading) return;
    this.scenesLoading = true;
    this.rest.retry('scenes', () => this.loadScenes().then(() => void (this.scenesLoading = false)));
  }

  private async loadScenes() {
    const body = await this.rest.getJson('/scenes', ScenesResponseSchema);
    this.takeScenes(body.scenes);
  }

  private takeScenes(scenes: readonly unknown[]) {
    const good: Scene[] = [];
    const errors: string[] = [];
    for (const raw of scenes) {
      const check = this.deps.checkScene(raw);
      if (check.ok) good.push(check.scene);
      else {
        const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id).slice(0, 40) : '?';
        errors.push(`hub scene "${id}": ${check.error}`);
        this.rest.diag.rejected('scenes', `${id}: ${check.error}`);
      }
    }
    this.deps.onScenes(good, errors);
  }
}
