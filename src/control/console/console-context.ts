import { createContext, createElement, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ExtractState, StoreApi } from 'zustand/vanilla';
import type { ConsoleStore } from '../../store/console-store.ts';
import type { ConsoleClient } from './console-client.ts';
import type { HubRestOptions } from './hub-rest.ts';

type HasStore = { store: Pick<StoreApi<unknown>, 'getState' | 'getInitialState' | 'subscribe'> };

/**
 * A React context for one thing that holds a zustand store (the console's runtime, a desk): the
 * hook that finds it (throwing `missing` outside its provider) and a hook for a slice of its state.
 */
export function createStoreContext<V extends HasStore>(missing: string) {
  const Context = createContext<V | null>(null);
  function useValue(): V {
    const v = useContext(Context);
    if (!v) throw new Error(missing);
    return v;
  }
  function useSlice<T>(selector: (s: ExtractState<V['store']>) => T): T {
    return useStore<V['store'], T>(useValue().store, selector);
  }
  return { Context, useValue, useSlice };
}

/** As createStoreContext, for a desk: its Provider starts the desk (it polls) while mounted. */
export function createDeskContext<D extends HasStore & { start(): void; stop(): void }>(missing: string) {
  const context = createStoreContext<D>(missing);
  function Provider({ desk, children }: { desk: D; children: ReactNode }) {
    useEffect(() => {
      desk.start();
      return () => desk.stop();
    }, [desk]);
    return createElement(context.Context.Provider, { value: desk }, children);
  }
  return { ...context, Provider };
}

/** What every part of the console reads: its store and its link to the hub. */
export interface ConsoleRuntime {
  store: ConsoleStore;
  client: ConsoleClient;
}
const consoleContext = createStoreContext<ConsoleRuntime>('useConsole outside the console');
export const ConsoleContext = consoleContext.Context;
export const useConsole = consoleContext.useValue;
export const useConsoleState = consoleContext.useSlice;

/** What sessionAuth needs of a screen with a signed-in session (the console, the scene designer). */
export interface SessionHolder<S extends { session: { token: string } | null; signInMessage: string | null }> {
  store: StoreApi<S>;
  client: { signOut(): unknown };
}

/**
 * A REST client's link to the signed-in session: that session's token, and when the hub no longer
 * takes it (expired, revoked), back to sign-in, saying why. Once only: a later 401 finds no session.
 */
export function sessionAuth<S extends { session: { token: string } | null; signInMessage: string | null }>({
  store,
  client,
}: SessionHolder<S>): Pick<HubRestOptions, 'token' | 'onUnauthorised'> {
  return {
    token: () => store.getState().session?.token ?? null,
    onUnauthorised: () => {
      if (!store.getState().session) return;
      void client.signOut();
      store.setState({ signInMessage: '登录已失效，请重新登录 Session no longer valid: sign in again' } as Partial<S>);
    },
  };
}
