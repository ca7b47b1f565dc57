import type { ChangeEvent, KeyboardEvent, ReactNode } from 'react';
import type { DraftField } from './use-draft-field.ts';

/** Chinese first, English beside it in a quieter tone: the house style of every OneScreen screen. */
export function Bi({ zh, en }: { zh: ReactNode; en: ReactNode }) {
  return (
    <>
      <span className="se-zh">{zh}</span> <span className="se-en">{en}</span>
    </>
  );
}

export function Switch({ checked, onChange, testId, label, disabled }: { checked: boolean; onChange(v: boolean): void; testId?: string; label: string; disabled?: boolean }) {
  return (
    <input
      type="checkbox"
      role="switch"
      className="se-switch"
      checked={checked}
      disabled={disabled}
      aria-label={label}
      aria-checked={checked}
      data-testid={testId}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

/** A text box bound to a draft field: the error sits under it, Escape gives up what was typed. */
export function DraftInput({
  field,
  id,
  testId,
  label,
  multiline,
  inputMode,
}: {
  field: DraftField;
  id: string;
  testId?: string;
  label: string;
  multiline?: boolean;
  inputMode?: 'decimal' | 'text';
}) {
  const common = {
    id,
    value: field.text,
    'aria-label': label,
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': field.error ? `${id}-error` : undefined,
    'data-testid': testId,
    className: `se-input${field.error ? ' se-input--invalid' : ''}`,
    spellCheck: false,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => field.change(e.target.value),
    onBlur: () => field.blur(),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape' && field.error) {
        e.stopPropagation();
        field.revert();
      }
    },
  };
  return (
    <>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" inputMode={inputMode} autoComplete="off" />}
      {field.error && (
        <p className="se-error" id={`${id}-error`} role="alert">
          {field.error} <span className="se-en">· 未应用 not applied</span>
        </p>
      )}
    </>
  );
}
