import { io, type Socket } from 'socket.io-client';
import { API_PREFIX, DistrictsResponseSchema, ErrorBodySchema, LIVE_NAMESPACE, ScenesResponseSchema, describeIssue } from '../../hub/contract.ts';
import { parseScene } from '../../hub/scene-migrations.ts';
import { CONTROL_EVENTS, CommandReceiptSchema, TokenResponseSchema, WallsUpdateSchema, type Command } from '../../hub/control.ts';
import type { ConsoleSession, ConsoleStore, SceneChoice } from '../../store/console-store.ts';
import { commandSent, newCommandId, receiptReceived, sessionEnded, wallsUpdated } from './console-model.ts';

const SESSION_KEY = 'onescreen.console.session';
const REST_TIMEOUT_MS = 8_000;
const COMMAND_TIMEOUT_MS = 8_000;

/** A refusal that means the session is over: back to sign-in. */
const SESSION_OVER = /^(token-expired|unauthorised)/;

/**
 * The console's door to the hub: sign-in over REST, the operator socket (token in the handshake
 * only), commands with their receipts. Everything the hub sends is validated here.
 */
export class ConsoleClient {
  private socket: Socket | null = null;

  constructor(
    readonly hubUrl: string,
    private store: ConsoleStore,
    private storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = typeof sessionStorage === 'undefined' ? null : sessionStorage,
  ) {}

  /** Picks up a session kept in this tab (sessionStorage: gone with the tab, never in a URL). */
  resume() {
    const raw = this.storage?.getItem(SESSION_KEY);
    if (!raw) return;
    try {
      const s = JSON.parse(raw) as ConsoleSession;
      if (typeof s.token === 'string' && typeof s.user === 'string' && s.expiresAt > Date.now()) return this.begin(s);
    } catch {
      /* a damaged entry is dropped below */
    }
    this.storage?.removeItem(SESSION_KEY);
  }

  private patch(fn: (s: ReturnType<ConsoleStore['getState']>) => Partial<ReturnType<ConsoleStore['getState']>>) {
    this.store.setState((s) => fn(s));
  }

  private rejected(what: string, why: string) {
    this.patch((s) => ({ rejected: s.rejected + 1, lastRejection: `${what}: ${why}` }));
  }

  private async post(path: string, body: unknown, token?: string): Promise<Response> {
    return fetch(`${this.hubUrl}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
  }

  /** Returns an error message for the form, or null when signed in. */
  async signIn(user: string, password: string): Promise<string | null> {
    let res: Response;
    try {
      res = await this.post('/auth/operator', { user, password });
    } catch (err) {
      return `无法连接中枢 Hub unreachable: ${(err as Error).message}`;
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const error = ErrorBodySchema.safeParse(body);
      if (res.status === 401) return '用户名或密码错误 Wrong user or password';
      if (res.status === 429) return '尝试次数过多，请稍候 Too many attempts: wait a minute';
      return `登录失败 Sign-in failed: HTTP ${res.status}${error.success ? ` ${error.data.message}` : ''}`;
    }
    const parsed = TokenResponseSchema.safeParse(body);
    if (!parsed.success || parsed.data.role !== 'operator') {
      this.rejected('auth/operator', parsed.success ? `role ${parsed.data.role}` : describeIssue(parsed.error));
      return '中枢应答无效 The hub answered with an invalid token';
    }
    this.begin({ token: parsed.data.token, user, expiresAt: parsed.data.expiresAt });
    return null;
  }

  private begin(session: ConsoleSession) {
    this.storage?.setItem(SESSION_KEY, JSON.stringify(session));
    this.store.setState({ session, signInMessage: null, link: 'connecting' });
    void this.loadChoices();
    this.connect();
  }

  /** Revokes the token at the hub, then forgets it. */
  async signOut() {
    const token = this.store.getState().session?.token;
    this.end('已退出 Signed out');
    if (token) await this.post('/auth/revoke', {}, token).catch(() => undefined);
  }

  private end(message: string | null) {
    this.storage?.removeItem(SESSION_KEY);
    this.socket?.close();
    this.socket = null;
    this.store.setState(sessionEnded(message));
  }

  close() {
    this.socket?.close();
    this.socket = null;
  }

  private connect() {
    this.socket?.close();
    const socket = io(`${this.hubUrl}${LIVE_NAMESPACE}`, {
      // The token only ever travels in the handshake (evaluated on every reconnect).
      auth: (cb) => cb({ role: 'operator', token: this.store.getState().session?.token ?? '' }),
      transports: ['websocket'],
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    socket.on('connect', () => this.store.setState({ link: 'live' }));
    socket.on('disconnect', (reason) => {
      this.store.setState({ link: 'reconnecting' });
      // The hub closed the socket itself (e.g. the token was revoked): the next handshake says why.
      if (reason === 'io server disconnect') setTimeout(() => this.socket === socket && socket.connect(), 1_000);
    });
    socket.on('connect_error', (err) => {
      if (SESSION_OVER.test(err.message)) {
        const expired = err.message.startsWith('token-expired');
        return this.end(expired ? '登录已过期，请重新登录 Session expired: sign in again' : `登录已失效 Session no longer valid: ${err.message}`);
      }
      this.store.setState({ link: 'reconnecting' });
      if (!socket.active) setTimeout(() => this.socket === socket && socket.connect(), 3_000);
    });
    socket.on(CONTROL_EVENTS.walls, (payload: unknown) => {
      const parsed = WallsUpdateSchema.safeParse(payload);
      if (!parsed.success) return this.rejected(CONTROL_EVENTS.walls, describeIssue(parsed.error));
      this.patch((s) => wallsUpdated(s, parsed.data, Date.now()));
    });
  }

  /** Sends a command to a wall; the receipt (or refusal) lands in the store. */
  async send(wall: string, command: Command) {
    const socket = this.socket;
    const id = newCommandId();
    this.patch((s) => ({ ...commandSent(s, { id, wall, command, sentAt: Date.now(), receipt: null }), notice: null }));
    if (!socket?.connected) {
      this.patch((s) => receiptReceived(s, id, { ok: false, error: 'invalid', message: '未连接中枢 Not connected to the hub' }));
      return;
    }
    let raw: unknown;
    try {
      raw = await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck(CONTROL_EVENTS.command, { id, wall, command });
    } catch {
      this.patch((s) => receiptReceived(s, id, { ok: false, error: 'invalid', message: '中枢未应答 No answer from the hub' }));
      return;
    }
    const parsed = CommandReceiptSchema.safeParse(raw);
    if (!parsed.success) {
      this.rejected('command receipt', describeIssue(parsed.error));
      this.patch((s) => receiptReceived(s, id, { ok: false, error: 'invalid', message: '中枢应答无效 Invalid receipt from the hub' }));
      return;
    }
    this.patch((s) => receiptReceived(s, id, parsed.data));
    if (!parsed.data.ok && SESSION_OVER.test(parsed.data.error)) {
      this.end(parsed.data.error === 'token-expired' ? '登录已过期，请重新登录 Session expired: sign in again' : `登录已失效 ${parsed.data.message}`);
    }
  }

  /** Scenes and districts for the pickers, validated like everything else from the hub. */
  private async loadChoices() {
    try {
      const res = await fetch(`${this.hubUrl}${API_PREFIX}/scenes`, { signal: AbortSignal.timeout(REST_TIMEOUT_MS) });
      const body = ScenesResponseSchema.safeParse(await res.json());
      if (!body.success) this.rejected('scenes', describeIssue(body.error));
      else {
        const scenes: SceneChoice[] = [];
        for (const raw of body.data.scenes) {
          const parsed = parseScene(raw);
          if (!parsed.ok) this.rejected('scene', parsed.error);
          else {
            const { id, title, titleEn, layers, tours } = parsed.scene;
            scenes.push({ id, title, titleEn, layers: layers.map(({ id, kind, visible }) => ({ id, kind, visible })), tours: tours ?? [] });
          }
        }
        this.store.setState({ scenes });
      }
    } catch (err) {
      this.store.setState({ notice: { tone: 'error', text: `场景列表加载失败 Scenes not loaded: ${(err as Error).message}` } });
    }
    try {
      const res = await fetch(`${this.hubUrl}${API_PREFIX}/districts`, { signal: AbortSignal.timeout(REST_TIMEOUT_MS) });
      const body = DistrictsResponseSchema.safeParse(await res.json());
      if (!body.success) return this.rejected('districts', describeIssue(body.error));
      const districts = body.data.features.map((f) => ({ code: f.properties.code, name: f.properties.name, nameEn: f.properties.nameEn, center: f.properties.center }));
      this.store.setState({ districts });
    } catch (err) {
      this.store.setState({ notice: { tone: 'error', text: `区县列表加载失败 Districts not loaded: ${(err as Error).message}` } });
    }
  }
}
