import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ConsoleState, ConsoleStore } from '../../store/console-store.ts';
import type { ConsoleClient } from './console-client.ts';

/** What every part of the console reads: its store and its link to the hub. */
export interface ConsoleRuntime {
  store: ConsoleStore;
  client: ConsoleClient;
}
export const ConsoleContext = createContext<ConsoleRuntime | null>(null);

export function useConsole(): ConsoleRuntime {
  const c = useContext(ConsoleContext);
  if (!c) throw new Error('useConsole outside the console');
  return c;
}
export function useConsoleState<T>(selector: (s: ConsoleState) => T): T {
  return useStore(useConsole().store, selector);
}
