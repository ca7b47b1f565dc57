import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { RuntimeConfig } from './runtime-config.ts';
import { readFlags } from './runtime-config.ts';
import { createWallRuntime, WallRuntimeContext } from './wall-runtime.ts';
import { WallScreen } from './WallScreen.tsx';

/** The wall: its runtime (hub client, stores) and screen. A chunk of its own, so /console does not load it. */
export function bootWall(root: Root, config: RuntimeConfig) {
  const runtime = createWallRuntime(config.hubUrl, readFlags(), { displayKey: config.displayKey });
  runtime.hub.start();
  root.render(
    <StrictMode>
      <WallRuntimeContext.Provider value={runtime}>
        <WallScreen />
      </WallRuntimeContext.Provider>
    </StrictMode>,
  );
}
