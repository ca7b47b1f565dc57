import type { CSSProperties, ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';

interface Props {
  title: string;
  titleEn: string;
  children: ReactNode;
  testId?: string;
  slot?: string;
  /** Where its column puts it (absolute, design px). */
  style?: CSSProperties;
}

/** A glass panel with corner accents. A panel that throws shows a notice; the wall goes on. */
export function Panel({ title, titleEn, children, testId, slot, style }: Props) {
  return (
    <section className="panel" data-testid={testId} data-slot={slot} style={style}>
      <header className="panel__title">
        <h2>{title}</h2>
        <span>{titleEn}</span>
      </header>
      <div className="panel__body">
        <ErrorBoundary
          fallbackRender={({ error }) => (
            <p className="panel__error" role="alert">
              面板暂不可用 · Panel unavailable
              <small>{error instanceof Error ? error.message : String(error)}</small>
            </p>
          )}
        >
          {children}
        </ErrorBoundary>
      </div>
    </section>
  );
}

export function PanelWaiting() {
  return <p className="panel__waiting">等待数据 · Waiting for data</p>;
}
