import type { SceneLayer } from '../../hub/contract.ts';
import { LAYER_KINDS } from '../../modules/registry.ts';
import { Bi } from './Bits.tsx';
import { describeStyle } from './schema-form.ts';
import { StyleField, UnknownStyleField } from './StyleField.tsx';

/**
 * The layer's style as a form generated from its kind's schema (schema-form.ts). Each field is
 * memoised on its own value, so a keystroke renders one field, not the form.
 */
export function StyleForm({ layer }: { layer: SceneLayer }) {
  const kind = LAYER_KINDS.get(layer.kind);
  if (!kind) return <p className="se-muted">未知类型，无法编辑样式 · unknown kind “{layer.kind}”: its style cannot be edited</p>;
  const fields = describeStyle(kind.style);
  const known = new Set(fields.map((f) => f.key));
  const unknown = Object.keys(layer.style).filter((k) => !known.has(k));
  return (
    <div className="se-style-form" data-testid="designer-style-form">
      {fields.length === 0 && unknown.length === 0 && (
        <p className="se-muted">
          <Bi zh="此类型没有样式可调" en="This kind has no style to set" />
        </p>
      )}
      {fields.map((f) => (
        <StyleField key={f.key} layerId={layer.id} field={f} value={Object.hasOwn(layer.style, f.key) ? layer.style[f.key] : undefined} />
      ))}
      {unknown.map((k) => (
        <UnknownStyleField key={k} layerId={layer.id} styleKey={k} value={layer.style[k]} />
      ))}
    </div>
  );
}
