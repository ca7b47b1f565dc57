import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig, readFlags } from './runtime-config.ts';
import { createWallRuntime, WallRuntimeContext } from './wall-runtime.ts';
import { WallScreen } from './WallScreen.tsx';
import './wall.css';

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/console') {
    // The operator console: its own chunk, none of the wall's map and modules.
    const [config, { ConsoleApp }] = await Promise.all([loadRuntimeConfig(), import('../control/console/ConsoleApp.tsx')]);
    root.render(
      <StrictMode>
        <ConsoleApp hubUrl={config.hubUrl} />
      </StrictMode>,
    );
    return;
  }
  if (path !== '/' && path !== '/wall') {
    root.render(
      <main className="not-found">
        <h1>页面不存在 · Not found</h1>
        <p>
          <a href="/wall">打开大屏 · Open the wall</a>
        </p>
      </main>,
    );
    return;
  }
  if (path === '/') history.replaceState(null, '', `/wall${location.search}`);
  const config = await loadRuntimeConfig();
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

void boot();
