import type { SceneDiff } from '../hub/designer.ts';
import { isEmptyDiff } from '../hub/scene-diff.ts';
import { describeDiff } from './diff-text.ts';

const SIGN = { added: '+', removed: '−', changed: '~', moved: '↔' } as const;

/** A SceneDiff as sections of lines: added green, removed red, changed and moved in the accent. */
export function DiffView({ diff, testId }: { diff: SceneDiff; testId?: string }) {
  if (isEmptyDiff(diff)) return <p className="ds-diff ds-muted" data-testid={testId}>无变化 No changes</p>;
  return (
    <div className="ds-diff" data-testid={testId}>
      {describeDiff(diff).map((s) => (
        <section key={s.title}>
          <h4>{s.title}</h4>
          <ul>
            {s.lines.map((l, i) => (
              <li key={i} className={`ds-diff__${l.mark}`}>
                <span aria-hidden="true">{SIGN[l.mark]}</span> {l.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
