import { useState, type FormEvent } from 'react';
import { OperatorLoginSchema } from '../../hub/control.ts';
import { useConsole, useConsoleState } from './console-context.ts';

/** Test ids of the form's parts: the console's by default, another screen names its own. */
export interface SignInTestIds {
  form: string;
  user: string;
  password: string;
  submit: string;
  message: string;
  error: string;
}

const CONSOLE_IDS: SignInTestIds = {
  form: 'sign-in',
  user: 'user',
  password: 'password',
  submit: 'sign-in-submit',
  message: 'sign-in-message',
  error: 'sign-in-error',
};

export interface SignInFormProps {
  title: string;
  subtitle: string;
  /** Why the screen is at sign-in (expired, revoked, signed out), or null. */
  message: string | null;
  /** Resolves to the error to show, or null once signed in. */
  signIn(user: string, password: string): Promise<string | null>;
  testIds?: SignInTestIds;
}

/** A user-and-password card, shared by every screen that signs in to the hub (console, designer). */
export function SignInForm({ title, subtitle, message, signIn, testIds = CONSOLE_IDS }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = OperatorLoginSchema.safeParse({ user: form.get('user'), password: form.get('password') });
    if (!parsed.success) return setError('请输入用户名和密码 Enter user and password');
    setBusy(true);
    setError(await signIn(parsed.data.user, parsed.data.password));
    setBusy(false);
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={(e) => void submit(e)} data-testid={testIds.form}>
        <h1>{title}</h1>
        <p className="sign-in__sub">{subtitle}</p>
        {message && (
          <p className="sign-in__message" role="status" data-testid={testIds.message}>
            {message}
          </p>
        )}
        <label>
          用户名 User
          <input name="user" autoComplete="username" required maxLength={64} data-testid={testIds.user} />
        </label>
        <label>
          密码 Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} data-testid={testIds.password} />
        </label>
        {error && (
          <p className="sign-in__error" role="alert" data-testid={testIds.error}>
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid={testIds.submit}>
          {busy ? '登录中… Signing in' : '登录 Sign in'}
        </button>
      </form>
    </main>
  );
}

export function SignIn() {
  const { client } = useConsole();
  const message = useConsoleState((s) => s.signInMessage);
  return (
    <SignInForm
      title="一屏统管 控制台"
      subtitle="One-Screen Control · 操作员登录 Operator sign-in"
      message={message}
      signIn={(user, password) => client.signIn(user, password)}
    />
  );
}
