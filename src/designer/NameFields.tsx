import { useState, type FormEvent, type ReactNode } from 'react';

export interface NameFieldValues {
  id: string;
  title: string;
  titleEn: string;
}

/**
 * The names a new, copied or renamed scene is given. The id is asked only where a scene is born
 * (it is permanent); `testPrefix` names the inputs (`<prefix>-id`, `-title`, `-title-en`, `-submit`).
 */
export function NameFields({
  initial,
  askId,
  testPrefix,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  initial: NameFieldValues;
  askId: boolean;
  testPrefix: string;
  submitLabel: string;
  onSubmit(values: NameFieldValues): Promise<string | null>;
  onCancel(): void;
  children?: ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof NameFieldValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const problem = await onSubmit({ id: values.id.trim(), title: values.title, titleEn: values.titleEn });
    setBusy(false);
    setError(problem);
  }

  return (
    <form className="ds-form" onSubmit={(e) => void submit(e)}>
      {children}
      {askId && (
        <label>
          标识（创建后不可更改）Id — permanent
          <input value={values.id} onChange={set('id')} maxLength={40} required autoFocus spellCheck={false} placeholder="e.g. flood-watch" data-testid={`${testPrefix}-id`} />
        </label>
      )}
      <label>
        中文标题 Title
        <input value={values.title} onChange={set('title')} maxLength={20} required autoFocus={!askId} data-testid={`${testPrefix}-title`} />
      </label>
      <label>
        英文标题 English title
        <input value={values.titleEn} onChange={set('titleEn')} maxLength={60} required data-testid={`${testPrefix}-title-en`} />
      </label>
      {error && (
        <p className="ds-form__error" role="alert" data-testid={`${testPrefix}-error`}>
          {error}
        </p>
      )}
      <div className="ds-form__actions">
        <button type="button" className="ds-btn" onClick={onCancel}>
          取消 Cancel
        </button>
        <button type="submit" className="ds-btn ds-btn--primary" disabled={busy} data-testid={`${testPrefix}-submit`}>
          {busy ? '请稍候… Working' : submitLabel}
        </button>
      </div>
    </form>
  );
}
