import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { HubClient } from '../hub/hub-client.ts';
import { createConnectionStore } from '../store/connection-store.ts';
import { createDiagnosticsStore } from '../store/diagnostics-store.ts';
import { createOverviewStore, type OverviewState } from '../store/overview-store.ts';
import { createSelectionStore } from '../store/selection-store.ts';
import type { Flags } from './runtime-config.ts';

/** Everything one wall display holds: its stores and its link to the hub. */
export function createWallRuntime(hubUrl: string, flags: Flags) {
  const connection = createConnectionStore();
  const diagnostics = createDiagnosticsStore();
  const overview = createOverviewStore();
  const selection = createSelectionStore();
  const hub = new HubClient({
    hubUrl,
    auth: { role: 'display', wall: flags.wall, display: flags.display },
    connection,
    diagnostics,
    overview,
  });
  return { hubUrl, flags, connection, diagnostics, overview, selection, hub };
}
export type WallRuntime = ReturnType<typeof createWallRuntime>;

export const WallRuntimeContext = createContext<WallRuntime | null>(null);

export function useWallRuntime(): WallRuntime {
  const runtime = useContext(WallRuntimeContext);
  if (!runtime) throw new Error('useWallRuntime outside a wall');
  return runtime;
}

export function useOverview<T>(selector: (s: OverviewState) => T): T {
  return useStore(useWallRuntime().overview, selector);
}
