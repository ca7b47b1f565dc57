import { memo, useCallback } from 'react';
import { Bi, DraftInput, Switch } from './Bits.tsx';
import { useEditorContext } from './editor-context.ts';
import { checkFieldValue, fieldText, parseFieldText, type FieldDescriptor } from './schema-form.ts';
import { useDraftField } from './use-draft-field.ts';

interface Props {
  layerId: string;
  field: FieldDescriptor;
  /** The layer's own value; undefined when the field is left to its default. */
  value: unknown;
}

/** One generated style field: the control its type calls for, a reset to the default, and any error beside it. */
export const StyleField = memo(function StyleField({ layerId, field, value }: Props) {
  const { actions } = useEditorContext();
  const isSet = value !== undefined;
  const current = isSet ? value : field.default;
  const id = `se-style-${layerId}-${field.key}`;
  const testId = `designer-style-${field.key}`;
  const commit = useCallback(
    (v: unknown) => {
      if (checkFieldValue(field, v).ok) actions.apply({ type: 'setStyleField', id: layerId, key: field.key, value: v });
    },
    [actions, field, layerId],
  );
  const draft = useDraftField(current, (v) => fieldText(field, v), (t) => parseFieldText(field, t), commit, actions.seal);
  const label = field.labelZh ? `${field.labelZh} ${field.label}` : field.label;

  let control;
  switch (field.type) {
    case 'boolean':
      control = <Switch checked={current === true} onChange={commit} testId={testId} label={label} />;
      break;
    case 'enum':
      control = (
        <select id={id} className="se-input" value={String(current ?? '')} data-testid={testId} aria-label={label} onChange={(e) => commit(e.target.value)}>
          {current === undefined && <option value="">—</option>}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'number':
      control = (
        <div className="se-number">
          {field.slider && (
            <input
              type="range"
              className="se-range"
              min={field.minExclusive ? field.min! + field.step : field.min!}
              max={field.maxExclusive ? field.max! - field.step : field.max!}
              step={field.step}
              value={typeof current === 'number' ? current : field.min!}
              aria-label={label}
              data-testid={`${testId}-slider`}
              onChange={(e) => {
                draft.revert();
                commit(Number(e.target.value));
              }}
              onPointerUp={actions.seal}
            />
          )}
          <DraftInput field={draft} id={id} testId={testId} label={label} inputMode="decimal" />
        </div>
      );
      break;
    case 'colour':
      control = (
        <div className="se-colour">
          <input
            type="color"
            className="se-swatch"
            value={typeof current === 'string' && /^#[0-9a-f]{6}$/i.test(current) ? current : '#000000'}
            aria-label={label}
            data-testid={testId}
            onChange={(e) => {
              draft.revert();
              commit(e.target.value);
            }}
            onBlur={actions.seal}
          />
          <DraftInput field={draft} id={id} testId={`${testId}-hex`} label={label} />
        </div>
      );
      break;
    default:
      control = <DraftInput field={draft} id={id} testId={testId} label={label} multiline={field.type === 'json'} />;
  }

  return (
    <div className={`se-field se-field--${field.type}${isSet ? ' se-field--set' : ''}`}>
      <label className="se-field__label" htmlFor={id}>
        {field.labelZh ? <Bi zh={field.labelZh} en={field.label} /> : <span className="se-zh">{field.label}</span>}
        <code className="se-field__key">{field.key}</code>
      </label>
      <div className="se-field__control">{control}</div>
      <div className="se-field__meta">
        <span className="se-muted">
          默认 default: {field.default === undefined ? '—' : fieldText(field, field.default)}
          {field.type === 'number' && field.min !== null && field.max !== null && ` · ${field.min}–${field.max}`}
          {field.type === 'numbers' && (field.length ? ` · ${field.length} 个数 numbers, 逗号分隔 comma-separated` : ' · 逗号分隔 comma-separated')}
          {field.type === 'json' && ' · JSON'}
        </span>
        <button
          type="button"
          className="se-btn se-btn--quiet se-btn--small"
          disabled={!isSet}
          title="恢复默认 Reset to the default"
          data-testid={`${testId}-reset`}
          onClick={() => {
            draft.revert();
            actions.apply({ type: 'resetStyleField', id: layerId, key: field.key });
          }}
        >
          ↺ <Bi zh="默认" en="Default" />
        </button>
      </div>
    </div>
  );
});

/** A style key the layer's kind does not know (an older file, a renamed field): it can only be removed. */
export const UnknownStyleField = memo(function UnknownStyleField({ layerId, styleKey, value }: { layerId: string; styleKey: string; value: unknown }) {
  const { actions } = useEditorContext();
  return (
    <div className="se-field se-field--unknown">
      <span className="se-field__label">
        <code className="se-field__key">{styleKey}</code> <Bi zh="未知字段" en="not a field of this kind" />
      </span>
      <code className="se-field__control se-muted">{JSON.stringify(value)}</code>
      <div className="se-field__meta">
        <button type="button" className="se-btn se-btn--warn se-btn--small" data-testid={`designer-style-${styleKey}-remove`} onClick={() => actions.apply({ type: 'resetStyleField', id: layerId, key: styleKey })}>
          <Bi zh="移除" en="Remove" />
        </button>
      </div>
    </div>
  );
});
