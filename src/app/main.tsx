import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { loadRuntimeConfig } from './runtime-config.ts';
import './wall.css';

// zod would probe `new Function` to speed up parsing: the page's CSP forbids evaluated code.
z.config({ jitless: true });

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/console') {
    // The operator console and the wall are chunks of their own: neither loads the other's code.
    const [config, { ConsoleApp }] = await Promise.all([loadRuntimeConfig(), import('../control/console/ConsoleApp.tsx')]);
    root.render(
      <StrictMode>
        <ConsoleApp hubUrl={config.hubUrl} />
      </StrictMode>,
    );
    return;
  }
  if (path === '/designer') {
    // The scene designer is a chunk of its own too: walls and consoles never load the editor.
    const [config, { DesignerApp }] = await Promise.all([loadRuntimeConfig(), import('../designer/DesignerApp.tsx')]);
    root.render(
      <StrictMode>
        <DesignerApp hubUrl={config.hubUrl} />
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
  const [config, { bootWall }] = await Promise.all([loadRuntimeConfig(), import('./wall-boot.tsx')]);
  bootWall(root, config);
}

void boot();
