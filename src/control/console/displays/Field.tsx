import type { ReactNode } from 'react';

/** A labelled form field with its error beside it (in plain words, naming the field). */
export function Field({ label, hint, error, errorTestId, className, children }: { label: string; hint?: string; error?: string; errorTestId: string; className?: string; children: ReactNode }) {
  return (
    <label className={`enrol-field${error ? ' enrol-field--error' : ''}${className ? ` ${className}` : ''}`}>
      <span className="enrol-field__label">
        {label}
        {hint && <small>{hint}</small>}
      </span>
      {children}
      {error && (
        <span className="enrol-field__error" role="alert" data-testid={errorTestId}>
          {error}
        </span>
      )}
    </label>
  );
}
