import { useState, type FormEvent } from 'react';
import { OperatorLoginSchema } from '../../hub/control.ts';
import { useConsole, useConsoleState } from './console-context.ts';

export function SignIn() {
  const { client } = useConsole();
  const message = useConsoleState((s) => s.signInMessage);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = OperatorLoginSchema.safeParse({ user: form.get('user'), password: form.get('password') });
    if (!parsed.success) return setError('请输入用户名和密码 Enter user and password');
    setBusy(true);
    setError(await client.signIn(parsed.data.user, parsed.data.password));
    setBusy(false);
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={(e) => void submit(e)} data-testid="sign-in">
        <h1>一屏统管 控制台</h1>
        <p className="sign-in__sub">One-Screen Control · 操作员登录 Operator sign-in</p>
        {message && (
          <p className="sign-in__message" role="status" data-testid="sign-in-message">
            {message}
          </p>
        )}
        <label>
          用户名 User
          <input name="user" autoComplete="username" required maxLength={64} data-testid="user" />
        </label>
        <label>
          密码 Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} data-testid="password" />
        </label>
        {error && (
          <p className="sign-in__error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="sign-in-submit">
          {busy ? '登录中… Signing in' : '登录 Sign in'}
        </button>
      </form>
    </main>
  );
}
