/**
 * The designer's sign-in: POST /auth/designer gives a designer token, kept in this tab's
 * sessionStorage like the console's (gone with the tab, never in a URL). When it expires or the hub
 * refuses it, the session ends with the reason and the screen asks for a sign-in again; the work
 * on screen stays (drafts are in localStorage, see draft-storage.ts), and the new token reaches the
 * preview (onescreen:token).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { API_PREFIX, ErrorBodySchema, describeIssue } from '../hub/contract.ts';
import { TokenResponseSchema } from '../hub/control.ts';
import { DESIGNER_API } from '../hub/designer.ts';

const SESSION_KEY = 'onescreen.designer.session';
const TIMEOUT_MS = 8_000;
/** setTimeout's ceiling; a token that lives longer is checked again when this fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface DesignerSessionInfo {
  token: string;
  user: string;
  expiresAt: number;
}

export interface SessionState {
  session: DesignerSessionInfo | null;
  /** Why the screen is at sign-in (expired, revoked, signed out…). */
  signInMessage: string | null;
}
export type SessionStore = StoreApi<SessionState>;

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionDeps {
  storage?: KeyValue | null;
  fetch?: typeof fetch;
  now?: () => number;
}

const defaultStorage = (): KeyValue | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export class DesignerSession {
  readonly store: SessionStore = createStore<SessionState>(() => ({ session: null, signInMessage: null }));
  private storage: KeyValue | null;
  private fetchImpl: typeof fetch;
  private now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private hubUrl: string,
    deps: SessionDeps = {},
  ) {
    this.storage = deps.storage === undefined ? defaultStorage() : deps.storage;
    this.fetchImpl = deps.fetch ?? ((...args) => fetch(...args));
    this.now = deps.now ?? Date.now;
  }

  /** Picks up this tab's session if it has not expired. */
  resume() {
    const raw = this.storage?.getItem(SESSION_KEY);
    if (!raw) return;
    try {
      const s = JSON.parse(raw) as DesignerSessionInfo;
      if (typeof s.token === 'string' && typeof s.user === 'string' && typeof s.expiresAt === 'number' && s.expiresAt > this.now()) return this.begin(s);
    } catch {
      /* a damaged entry is dropped below */
    }
    this.storage?.removeItem(SESSION_KEY);
  }

  /** The error to show on the form, or null once signed in. */
  async signIn(user: string, password: string): Promise<string | null> {
    let res: Response;
    try {
      res = await this.post(DESIGNER_API.signIn, { user, password });
    } catch (err) {
      return `无法连接中枢 Hub unreachable: ${(err as Error).message}`;
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      if (res.status === 401) return '用户名或密码错误 Wrong user or password';
      if (res.status === 429) return '尝试次数过多，请稍候 Too many attempts: wait a minute';
      const error = ErrorBodySchema.safeParse(body);
      return `登录失败 Sign-in failed: HTTP ${res.status}${error.success ? ` ${error.data.message}` : ''}`;
    }
    const parsed = TokenResponseSchema.safeParse(body);
    if (!parsed.success) return `中枢应答无效 The hub answered with an invalid token: ${describeIssue(parsed.error)}`;
    if (parsed.data.role !== 'designer') return `中枢应答无效 The hub gave a ${parsed.data.role} token, not a designer's`;
    this.begin({ token: parsed.data.token, user, expiresAt: parsed.data.expiresAt });
    return null;
  }

  /** Revokes the token at the hub, then forgets it. */
  async signOut(message = '已退出 Signed out') {
    const token = this.store.getState().session?.token;
    this.end(message);
    if (token) await this.post('/auth/revoke', {}, token).catch(() => undefined);
  }

  /** Stops the expiry timer (the screen unmounts); the session stays in the tab. */
  close() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private begin(session: DesignerSessionInfo) {
    this.storage?.setItem(SESSION_KEY, JSON.stringify(session));
    this.store.setState({ session, signInMessage: null });
    this.schedule(session);
  }

  private schedule(session: DesignerSessionInfo) {
    this.close();
    const left = session.expiresAt - this.now();
    this.timer = setTimeout(
      () => {
        if (this.store.getState().session !== session) return;
        if (session.expiresAt > this.now()) return this.schedule(session);
        this.end('登录已过期，请重新登录 Session expired: sign in again');
      },
      Math.max(0, Math.min(left, MAX_TIMER_MS)),
    );
  }

  private end(message: string | null) {
    this.close();
    this.storage?.removeItem(SESSION_KEY);
    this.store.setState({ session: null, signInMessage: message });
  }

  private post(path: string, body: unknown, token?: string): Promise<Response> {
    return this.fetchImpl(`${this.hubUrl}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }
}
