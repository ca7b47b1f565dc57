/**
 * What every view of the designer reads: the session, the REST client (carrying the session's
 * token, back to sign-in on a 401), the drafts kept in this browser, and the status line.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createStoreContext, sessionAuth } from '../control/console/console-context.ts';
import { DesignerClient } from './designer-client.ts';
import { DesignerSession } from './designer-session.ts';
import { DraftStorage } from './draft-storage.ts';

export type NoticeTone = 'ok' | 'info' | 'error';
export interface Notice {
  tone: NoticeTone;
  text: string;
  at: number;
}
export interface DesignerState {
  /** The status line: the last thing to tell the designer, shown until replaced. */
  notice: Notice | null;
  /** Hub answers that failed the contract and were dropped. */
  rejected: number;
}

export interface DesignerRuntime {
  hubUrl: string;
  store: StoreApi<DesignerState>;
  session: DesignerSession;
  client: DesignerClient;
  drafts: DraftStorage;
  say(tone: NoticeTone, text: string): void;
}

export function createDesignerRuntime(hubUrl: string): DesignerRuntime {
  const store = createStore<DesignerState>(() => ({ notice: null, rejected: 0 }));
  const session = new DesignerSession(hubUrl);
  const client = new DesignerClient(hubUrl, {
    ...sessionAuth({ store: session.store, client: session }),
    onRejected: (what, why) => store.setState((s) => ({ rejected: s.rejected + 1, notice: { tone: 'error', text: `中枢应答无效 Invalid answer (${what}): ${why}`, at: Date.now() } })),
  });
  return {
    hubUrl,
    store,
    session,
    client,
    drafts: new DraftStorage(),
    say: (tone, text) => store.setState({ notice: { tone, text, at: Date.now() } }),
  };
}

const context = createStoreContext<DesignerRuntime>('useDesigner outside the designer');
export const DesignerContext = context.Context;
export const useDesigner = context.useValue;
export const useDesignerState = context.useSlice;
