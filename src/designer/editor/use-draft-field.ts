import { useEffect, useState } from 'react';
import { sameValue, type FieldCheck } from './schema-form.ts';

export interface DraftField {
  /** What the box shows: the designer's own text while they type, else the scene's value. */
  text: string;
  /** Why the text typed is not in the scene; null when it is. */
  error: string | null;
  change(text: string): void;
  blur(): void;
  revert(): void;
}

interface Draft<V> {
  text: string;
  error: string | null;
  /** The scene value the text stands for: a draft is dropped once the scene moves on (undo, another edit). */
  shown: V;
}

/**
 * A text box over a scene value that only ever writes valid values: what does not parse or check
 * stays in the box with its error beside it, and the scene keeps its last valid value. The text
 * typed is kept while it stands for the scene's value ("0." while typing "0.5"), and given up
 * when the value changes elsewhere.
 */
export function useDraftField<V>(
  value: V,
  format: (v: V) => string,
  parse: (text: string) => FieldCheck,
  commit: (v: unknown) => void,
  settle?: () => void,
): DraftField {
  const [draft, setDraft] = useState<Draft<V> | null>(null);
  const live = draft !== null && sameValue(draft.shown, value) ? draft : null;
  useEffect(() => {
    if (draft !== null && live === null) setDraft(null);
  }, [draft, live]);
  return {
    text: live ? live.text : format(value),
    error: live?.error ?? null,
    change(text) {
      const checked = parse(text);
      if (checked.ok) {
        commit(checked.value);
        setDraft({ text, error: null, shown: checked.value as V });
      } else setDraft({ text, error: checked.error, shown: value });
    },
    blur() {
      if (live && !live.error) setDraft(null);
      settle?.();
    },
    revert() {
      setDraft(null);
    },
  };
}
