import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { SignInForm, type SignInTestIds } from '../control/console/SignIn.tsx';
import { createDesignerRuntime, DesignerContext, useDesigner } from './designer-runtime.ts';
import { EditView } from './EditView.tsx';
import { NoticeLine } from './NoticeLine.tsx';
import { useRoute } from './route.ts';
import { SceneList } from './SceneList.tsx';
import './designer.css';

const SIGN_IN_IDS: SignInTestIds = {
  form: 'designer-signin',
  user: 'designer-signin-user',
  password: 'designer-signin-password',
  submit: 'designer-signin-submit',
  message: 'designer-signin-message',
  error: 'designer-signin-error',
};

/** /designer: the scene designer, a desktop tool for the people who make what walls show. */
export function DesignerApp({ hubUrl }: { hubUrl: string }) {
  const [rt] = useState(() => createDesignerRuntime(hubUrl));
  useEffect(() => {
    document.title = '场景设计 · OneScreen Scene Designer';
    rt.session.resume();
    return () => rt.session.close();
  }, [rt]);
  return (
    <DesignerContext.Provider value={rt}>
      <DesignerBody />
    </DesignerContext.Provider>
  );
}

function DesignerBody() {
  const rt = useDesigner();
  const session = useStore(rt.session.store, (s) => s.session);
  const message = useStore(rt.session.store, (s) => s.signInMessage);
  const [route, go] = useRoute();
  // Once signed in, a lapsed session asks for a sign-in over the work instead of in place of it:
  // the open draft, its undo history and the preview stay as they were.
  const [working, setWorking] = useState(false);
  useEffect(() => {
    if (session) setWorking(true);
  }, [session]);

  const signIn = (
    <SignInForm
      title="场景设计"
      subtitle="OneScreen Scene Designer · 设计师登录 Designer sign-in"
      message={message}
      signIn={(user, password) => rt.session.signIn(user, password)}
      testIds={SIGN_IN_IDS}
    />
  );
  if (!session && !working) return <div className="designer designer--signed-out">{signIn}</div>;

  return (
    <div className="designer" data-testid="designer">
      <header className="ds-bar">
        <div className="ds-bar__title">
          <strong>场景设计</strong>
          <span>OneScreen Scene Designer</span>
        </div>
        <NoticeLine />
        <div className="ds-bar__user">
          <span>设计师 Designer: {session?.user ?? '—'}</span>
          <button
            type="button"
            className="ds-btn ds-btn--small"
            data-testid="designer-signout"
            onClick={() => {
              setWorking(false);
              void rt.session.signOut();
            }}
          >
            退出 Sign out
          </button>
        </div>
      </header>
      {route.view === 'list' ? <SceneList onOpen={(id) => go({ view: 'scene', id })} /> : <EditView key={route.id} id={route.id} onBack={() => go({ view: 'list' })} />}
      {!session && (
        <div className="ds-overlay ds-overlay--signin" data-testid="designer-signin-again">
          {signIn}
        </div>
      )}
    </div>
  );
}
