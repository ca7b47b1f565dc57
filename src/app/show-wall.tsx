import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { WallRuntimeContext, type AppRuntime } from './wall-runtime.ts';
import { WallScreen } from './WallScreen.tsx';

/** Starts a runtime's link to the hub and draws the wall's screen with it (a display, or the designer's preview). */
export function showWall(root: Root, runtime: AppRuntime) {
  runtime.hub.start();
  root.render(
    <StrictMode>
      <WallRuntimeContext.Provider value={runtime}>
        <WallScreen />
      </WallRuntimeContext.Provider>
    </StrictMode>,
  );
}
