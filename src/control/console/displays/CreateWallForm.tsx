import { useState } from 'react';
import { useDisplays, useDisplaysState } from './displays-context.ts';
import { Field } from './Field.tsx';

/** 新建大屏 Create an empty wall, for displays to be approved into. */
export function CreateWallForm() {
  const desk = useDisplays();
  const creating = useDisplaysState((s) => s.creatingWall);
  const error = useDisplaysState((s) => s.wallError);
  const [name, setName] = useState('');
  return (
    <form
      className="create-wall"
      data-testid="create-wall-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void desk.createWall(name).then((ok) => ok && setName(''));
      }}
    >
      <h2>新建大屏 Create a wall</h2>
      <div className="approve-form__row">
        <Field label="大屏名称 Wall name" hint="小写字母、数字、短横线 a–z 0–9 -, ≤ 40" error={error ?? undefined} errorTestId="create-wall-error">
          <input
            data-testid="create-wall-input"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={60}
            placeholder="lobby"
            value={name}
            aria-invalid={!!error}
            onChange={(e) => {
              setName(e.target.value);
              desk.clearWallError();
            }}
          />
        </Field>
        <button type="submit" className="btn btn--primary create-wall__submit" data-testid="create-wall-submit" disabled={creating}>
          {creating ? '创建中 Creating…' : '创建 Create'}
        </button>
      </div>
    </form>
  );
}
