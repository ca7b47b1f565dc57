import { useEffect, useMemo, useState } from 'react';
import { createConsoleStore } from '../../store/console-store.ts';
import { ConsoleContext, useConsole, useConsoleState, type ConsoleRuntime } from './console-context.ts';
import { ConsoleClient } from './console-client.ts';
import { SignIn } from './SignIn.tsx';
import { WallView } from './WallView.tsx';
import { EventDesk } from './events/EventDesk.tsx';
import { createDesk } from './events/desk-context.ts';
import { DisplaysView } from './displays/DisplaysView.tsx';
import { BriefingView } from './briefing/BriefingView.tsx';
import { createDisplaysDesk } from './displays/displays-context.ts';
import './console.css';

const LINK_LABELS = {
  'signed-out': '未登录 Signed out',
  connecting: '连接中 Connecting',
  live: '已连接 Connected',
  reconnecting: '重连中 Reconnecting',
} as const;

/** /console: the operator's tablet page that steers every wall through the hub. */
export function ConsoleApp({ hubUrl }: { hubUrl: string }) {
  const [runtime] = useState<ConsoleRuntime>(() => {
    const store = createConsoleStore();
    return { store, client: new ConsoleClient(hubUrl, store) };
  });
  useEffect(() => {
    document.title = '一屏统管 控制台 · OneScreen Console';
    runtime.client.resume();
    return () => runtime.client.close();
  }, [runtime]);
  return (
    <ConsoleContext.Provider value={runtime}>
      <ConsoleBody hubUrl={hubUrl} />
    </ConsoleContext.Provider>
  );
}

type ConsoleView = 'wall' | 'briefing' | 'events' | 'displays';

/** Views a bookmark opens directly (`#events` on the dispatch tablet, `#displays` when screens are set up, `#briefing` for a presenter). */
const HASH_VIEWS: readonly ConsoleView[] = ['briefing', 'events', 'displays'];
const viewOfHash = (hash: string): ConsoleView => HASH_VIEWS.find((v) => hash === `#${v}`) ?? 'wall';

function ConsoleBody({ hubUrl }: { hubUrl: string }) {
  const runtime = useConsole();
  const { client } = runtime;
  const session = useConsoleState((s) => s.session);
  const link = useConsoleState((s) => s.link);
  const [view, setView] = useState<ConsoleView>(() => (typeof location !== 'undefined' ? viewOfHash(location.hash) : 'wall'));
  // One desk per signed-in session: a new sign-in starts from a clean desk.
  const token = session?.token ?? null;
  const desk = useMemo(() => (token ? createDesk(hubUrl, runtime) : null), [token, hubUrl, runtime]);
  const displays = useMemo(() => (token ? createDisplaysDesk(hubUrl, runtime) : null), [token, hubUrl, runtime]);
  const show = (v: ConsoleView) => {
    setView(v);
    history.replaceState(null, '', v === 'wall' ? location.pathname + location.search : `#${v}`);
  };
  if (!session) return <SignIn />;
  return (
    <div className="console" data-testid="console">
      <header className="console-bar">
        <div className="console-bar__title">
          <h1>一屏统管 控制台</h1>
          <span>One-Screen Control · Console</span>
        </div>
        <div className={`console-link console-link--${link}`} data-testid="console-link" data-status={link} role="status">
          {LINK_LABELS[link]}
        </div>
        <div className="console-bar__user">
          <span>操作员 Operator: {session.user}</span>
          <button type="button" className="btn" data-testid="sign-out" onClick={() => void client.signOut()}>
            退出 Sign out
          </button>
        </div>
      </header>
      <div className="console-nav">
        <nav className="console-views" aria-label="视图 Views">
          <button type="button" className="console-view-tab" aria-pressed={view === 'wall'} data-testid="console-tab-wall" onClick={() => show('wall')}>
            大屏控制 <small>Wall control</small>
          </button>
          <button type="button" className="console-view-tab" aria-pressed={view === 'briefing'} data-testid="console-tab-briefing" onClick={() => show('briefing')}>
            导览简报 <small>Briefing</small>
          </button>
          <button type="button" className="console-view-tab" aria-pressed={view === 'events'} data-testid="console-tab-events" onClick={() => show('events')}>
            事件调度 <small>Events desk</small>
          </button>
          <button type="button" className="console-view-tab" aria-pressed={view === 'displays'} data-testid="console-tab-displays" onClick={() => show('displays')}>
            显示屏 <small>Displays</small>
          </button>
        </nav>
        <WallTabs />
      </div>
      {view === 'wall' && <WallView />}
      {view === 'briefing' && <BriefingView />}
      {view === 'events' && desk && <EventDesk desk={desk} />}
      {view === 'displays' && displays && <DisplaysView desk={displays} />}
    </div>
  );
}

function WallTabs() {
  const { store } = useConsole();
  const walls = useConsoleState((s) => s.walls);
  const selected = useConsoleState((s) => s.selectedWall);
  if (!walls.length) return <p className="console-empty">尚无大屏在线 No wall has connected yet</p>;
  return (
    <nav className="wall-tabs" aria-label="大屏 Walls">
      {walls.map((w) => (
        <button
          key={w.state.wall}
          type="button"
          className="wall-tab"
          aria-pressed={w.state.wall === selected}
          data-testid={`wall-tab-${w.state.wall}`}
          onClick={() => store.setState({ selectedWall: w.state.wall })}
        >
          <strong>{w.state.wall}</strong>
          <span>
            {w.displays.length} 屏在线 online · rev {w.state.rev}
          </span>
        </button>
      ))}
    </nav>
  );
}
