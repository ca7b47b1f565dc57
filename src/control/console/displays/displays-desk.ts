/**
 * The Displays view's state and the work behind its buttons, free of React: a small zustand store
 * and a controller that polls the hub's list while the view is on screen, approves (asking first
 * when the slot is held), refuses, revokes and creates walls through the DisplaysClient, refreshes
 * at once after each, and guards each against a double submit.
 */
import { createStore } from 'zustand/vanilla';
import type { DisplaysResponse, EnrolledDisplay } from '../../../hub/enrolment.ts';
import { whileBusy } from '../hub-rest.ts';
import type { DisplaysClient, HubError } from './displays-client.ts';
import {
  EMPTY_DRAFT,
  approveWarnings,
  checkApprove,
  checkWallName,
  confirmKey,
  describeSlot,
  draftFromPending,
  formatCode,
  normaliseCode,
  type ApproveDraft,
  type FieldErrors,
} from './displays-model.ts';

export type DisplaysErrorSource = 'list' | 'refuse' | 'revoke';

export interface DisplaysState {
  /** The hub's last valid answer; null until the first. */
  data: DisplaysResponse | null;
  /** When it arrived (tablet clock). */
  loadedAt: number | null;
  loading: boolean;
  draft: ApproveDraft;
  /** Shown next to their fields once the operator has tried to approve; live after that. */
  fieldErrors: FieldErrors;
  attempted: boolean;
  /** An approval waiting for the operator's second click: it replaces (revokes) this display. */
  confirm: { key: string; replaces: EnrolledDisplay } | null;
  approving: boolean;
  /** The hub refused the approval (or it never got there): shown in the form. */
  approveError: string | null;
  /** The pending code being refused, the device being revoked. */
  refusing: string | null;
  revoking: string | null;
  creatingWall: boolean;
  wallError: string | null;
  /** Banner: a failed poll, refusal or revocation. A poll that works again clears its own. */
  error: { source: DisplaysErrorSource; text: string } | null;
  /** What the last step did, for the operator to see it landed. */
  notice: string | null;
  /** Answers from the hub that failed the contract and were dropped (this view's; the console counts all). */
  rejected: number;
}

export const createDisplaysStore = () =>
  createStore<DisplaysState>(() => ({
    data: null,
    loadedAt: null,
    loading: false,
    draft: EMPTY_DRAFT,
    fieldErrors: {},
    attempted: false,
    confirm: null,
    approving: false,
    approveError: null,
    refusing: null,
    revoking: null,
    creatingWall: false,
    wallError: null,
    error: null,
    notice: null,
    rejected: 0,
  }));
export type DisplaysStore = ReturnType<typeof createDisplaysStore>;

/** The contract's poll interval for a display waiting for approval suits the operator's view too. */
export const POLL_MS = 2_000;

const LABELS: Record<DisplaysErrorSource, string> = {
  list: '显示屏列表 Display list',
  refuse: '拒绝 Refuse',
  revoke: '吊销 Revoke',
};

export class DisplaysDesk {
  readonly store = createDisplaysStore();
  /** Bumped by every load; an older answer is dropped (a poll never lands after a step's refresh). */
  private gen = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private visible: () => boolean;
  private now: () => number;

  constructor(
    readonly client: Pick<DisplaysClient, 'list' | 'approve' | 'refuse' | 'revoke' | 'createWall'>,
    options: { visible?: () => boolean; now?: () => number } = {},
  ) {
    this.visible = options.visible ?? (() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
    this.now = options.now ?? Date.now;
  }

  private set(patch: Partial<DisplaysState>) {
    this.store.setState(patch);
  }

  private failed(source: DisplaysErrorSource, error: HubError) {
    this.set({ error: { source, text: `${LABELS[source]} — ${error.message}` } });
  }

  dismissError() {
    this.set({ error: null });
  }

  dismissNotice() {
    this.set({ notice: null });
  }

  /** Loads the list and polls it every POLL_MS while the view is mounted (and the tab visible). */
  start() {
    this.stop();
    void this.refresh();
    this.timer = setInterval(() => this.visible() && void this.refresh({ poll: true }), POLL_MS);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A poll is skipped while a load is running; a refresh after a step supersedes whatever runs. */
  async refresh({ poll = false } = {}) {
    if (poll && this.store.getState().loading) return;
    const gen = ++this.gen;
    this.set({ loading: true });
    const res = await this.client.list();
    if (gen !== this.gen) return;
    this.set({ loading: false });
    if (!res.ok) {
      if (res.error.kind === 'invalid-response') this.set({ rejected: this.store.getState().rejected + 1 });
      return this.failed('list', res.error);
    }
    this.set({ data: res.data, loadedAt: this.now() });
    if (this.store.getState().error?.source === 'list') this.set({ error: null });
  }

  // --- The approve form -------------------------------------------------------------------------

  /** An edit withdraws a pending confirmation (it was for what the form said before). */
  editDraft(patch: Partial<ApproveDraft>) {
    const draft = { ...this.store.getState().draft, ...patch };
    const { attempted } = this.store.getState();
    const checked = attempted ? checkApprove(draft) : null;
    this.set({ draft, confirm: null, approveError: null, fieldErrors: checked && !checked.ok ? checked.errors : {} });
  }

  /** A pending row picked: its code and the slot it asked for, ready to approve or change. */
  pick(code: string) {
    const { data, draft } = this.store.getState();
    const p = data?.pending.find((x) => x.code === code);
    if (!p) return;
    this.set({ draft: draftFromPending(p, data?.walls ?? [], draft), fieldErrors: {}, attempted: false, confirm: null, approveError: null });
  }

  resetDraft() {
    this.set({ draft: EMPTY_DRAFT, fieldErrors: {}, attempted: false, confirm: null, approveError: null });
  }

  cancelConfirm() {
    this.set({ confirm: null });
  }

  /**
   * Approves what the form says. When the slot is held by an enrolled display, the first call only
   * asks (`confirm`); the operator's second click (`confirmed`) sends it, if the form and the holder
   * are still what was confirmed. Answers whether the approval was accepted.
   */
  async approve({ confirmed = false } = {}): Promise<boolean> {
    const s = this.store.getState();
    if (s.approving) return false;
    const checked = checkApprove(s.draft);
    if (!checked.ok) {
      this.set({ attempted: true, fieldErrors: checked.errors, confirm: null, approveError: null });
      return false;
    }
    this.set({ attempted: true, fieldErrors: {} });
    if (!s.data) {
      this.set({ approveError: '显示屏列表尚未加载，无法核对位置 The display list has not loaded: the slot cannot be checked yet' });
      return false;
    }
    const { request } = checked;
    const { replaces } = approveWarnings(request.slot, s.data.enrolled);
    if (replaces) {
      const key = confirmKey(request, replaces);
      if (!confirmed || s.confirm?.key !== key) {
        this.set({ confirm: { key, replaces }, approveError: null });
        return false;
      }
    }
    const res = await whileBusy(this.store, { approving: true, confirm: null, approveError: null }, { approving: false }, () => this.client.approve(request));
    if (res.ok) {
      const { draft } = this.store.getState();
      // The wall and its layout stay for the next display of the same wall.
      this.set({
        draft: { ...draft, code: '', display: '' },
        attempted: false,
        fieldErrors: {},
        notice: `已批准 Approved ${formatCode(request.code)} → ${describeSlot(request.slot)}${replaces ? `; ${replaces.id} 已吊销 revoked` : ''}`,
      });
    } else {
      const codeGone = res.error.kind === 'not-found';
      this.set({
        approveError: `批准失败 Not approved — ${res.error.message}`,
        fieldErrors: codeGone ? { code: `配对码 Pairing code: no display is waiting with ${formatCode(request.code)} — mistyped, expired or refused? Read it off the screen again` } : {},
      });
    }
    await this.refresh();
    return res.ok;
  }

  // --- Refuse, revoke, create a wall --------------------------------------------------------------

  async refuse(code: string): Promise<boolean> {
    if (this.store.getState().refusing) return false;
    const res = await whileBusy(this.store, { refusing: code }, { refusing: null }, () => this.client.refuse(code));
    if (res.ok) {
      const { draft } = this.store.getState();
      if (normaliseCode(draft.code) === code) this.set({ draft: { ...draft, code: '' }, confirm: null });
      this.set({ notice: `已拒绝 Refused ${formatCode(code)}` });
      if (this.store.getState().error?.source === 'refuse') this.set({ error: null });
    } else this.failed('refuse', res.error);
    await this.refresh();
    return res.ok;
  }

  async revoke(id: string): Promise<boolean> {
    if (this.store.getState().revoking) return false;
    const res = await whileBusy(this.store, { revoking: id }, { revoking: null }, () => this.client.revoke(id));
    if (res.ok) {
      this.set({ notice: `已吊销 Revoked ${id}: its credential no longer works` });
      if (this.store.getState().error?.source === 'revoke') this.set({ error: null });
    } else this.failed('revoke', res.error);
    await this.refresh();
    return res.ok;
  }

  async createWall(name: string): Promise<boolean> {
    if (this.store.getState().creatingWall) return false;
    const checked = checkWallName(name, this.store.getState().data?.walls ?? []);
    if (!checked.ok) {
      this.set({ wallError: checked.error });
      return false;
    }
    const res = await whileBusy(this.store, { creatingWall: true, wallError: null }, { creatingWall: false }, () => this.client.createWall(checked.wall));
    if (res.ok) this.set({ notice: `已创建大屏 Wall created: ${checked.wall}` });
    else this.set({ wallError: `创建失败 Not created — ${res.error.message}` });
    await this.refresh();
    return res.ok;
  }

  clearWallError() {
    if (this.store.getState().wallError) this.set({ wallError: null });
  }
}
