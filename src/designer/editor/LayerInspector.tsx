import { useState } from 'react';
import { TOPICS, type SceneLayer } from '../../hub/contract.ts';
import { LAYER_KINDS } from '../../modules/registry.ts';
import { layerIdProblem, moduleOf, topicsFor } from './actions/index.ts';
import { Bi, Switch } from './Bits.tsx';
import { useEditor, useEditorContext, useSelection } from './editor-context.ts';
import { renameSelected } from './selection.ts';
import { StyleForm } from './StyleForm.tsx';

/** The focused layer: its id, visibility, topic and generated style form. */
export function LayerInspector() {
  const focus = useSelection((s) => s.focus);
  const layer = useEditor((s) => (focus === null ? undefined : s.scene.layers.find((l) => l.id === focus)));
  return (
    <section className="se-card se-inspector" aria-label="图层设置 Layer settings">
      <h2>
        <Bi zh="图层设置" en="Layer settings" />
      </h2>
      {layer ? (
        <LayerSettings key={layer.id} layer={layer} />
      ) : (
        <p className="se-muted">
          <Bi zh="在左侧选择一个图层" en="Select a layer in the list" />
        </p>
      )}
    </section>
  );
}

function LayerSettings({ layer }: { layer: SceneLayer }) {
  const { actions } = useEditorContext();
  const kind = LAYER_KINDS.get(layer.kind);
  const topics = topicsFor(layer.kind);
  return (
    <div className="se-inspector__body">
      <p className="se-kind">
        <strong>{kind?.title ?? layer.kind}</strong> <span className="se-en">{kind?.titleEn}</span>
        <code className="se-kind__code">{layer.kind}</code>
        <span className="se-muted"> · 模块 module {moduleOf(layer.kind)}</span>
      </p>
      <div className="se-row">
        <label className="se-label se-grow" htmlFor="se-layer-id">
          <Bi zh="图层标识" en="Layer id" />
          <RenameField layerId={layer.id} />
        </label>
        <label className="se-label se-label--inline">
          <Bi zh="显示" en="Shown" />
          <Switch
            checked={layer.visible}
            label="显示 Shown"
            testId="designer-layer-visible"
            onChange={(visible) => actions.apply({ type: 'setLayerVisible', id: layer.id, visible })}
          />
        </label>
      </div>
      <label className="se-label" htmlFor="se-topic">
        <Bi zh="数据主题" en="Data topic" />
        <select
          id="se-topic"
          className="se-input"
          data-testid="designer-topic"
          disabled={topics.length <= 1}
          value={layer.topic ?? ''}
          onChange={(e) => actions.apply({ type: 'bindTopic', id: layer.id, topic: e.target.value || null })}
        >
          <option value="">{kind?.topic ? `${kind.topic}（默认 default）` : '无数据主题 No topic'}</option>
          {topics
            .filter((t) => t !== kind?.topic)
            .map((t) => (
              <option key={t} value={t}>
                {t}
                {TOPICS.has(t) ? '' : ' (unknown to the hub)'}
              </option>
            ))}
          {layer.topic !== undefined && !topics.includes(layer.topic) && <option value={layer.topic}>{layer.topic} ✗</option>}
        </select>
      </label>
      {kind?.extraTopics?.length ? (
        <p className="se-muted">
          也读取 also reads: {kind.extraTopics.join(', ')}
        </p>
      ) : null}
      <h3>
        <Bi zh="样式" en="Style" />
      </h3>
      <StyleForm layer={layer} />
    </div>
  );
}

/**
 * The layer's id, checked as it is typed but applied on Enter or leaving the box: a rename per
 * keystroke would make a step of every letter and move the inspector to a new layer each time.
 */
function RenameField({ layerId }: { layerId: string }) {
  const { actions, store, selection } = useEditorContext();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? layerId;
  const error = text === null ? null : layerIdProblem(store.getState().scene, layerId, text.trim());
  const apply = () => {
    if (text === null || error) return;
    const to = text.trim();
    setText(null);
    if (to === layerId) return;
    actions.apply({ type: 'renameLayer', id: layerId, to });
    renameSelected(selection, layerId, to);
  };
  return (
    <>
      <input
        id="se-layer-id"
        type="text"
        className={`se-input${error ? ' se-input--invalid' : ''}`}
        value={shown}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'se-layer-id-error' : undefined}
        data-testid="designer-layer-id"
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setText(null);
        }}
      />
      {error && (
        <p className="se-error" id="se-layer-id-error" role="alert">
          {error} <span className="se-en">· 未应用 not applied</span>
        </p>
      )}
    </>
  );
}
