/**
 * The editor rendered to markup (the unit tests run in Node, without a DOM): every part is there
 * with the test ids the end-to-end tests and the shell rely on. Interaction is covered by the
 * action, history and schema-form tests and end to end.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PANEL_SLOTS } from '../../hub/contract.ts';
import { LAYER_KINDS, PANEL_KINDS } from '../../modules/registry.ts';
import { EditorContext } from './editor-context.ts';
import { weatherScene } from './editor-fixture.ts';
import { createEditorStore, editorActions } from './editor-store.ts';
import { SceneEditor } from './SceneEditor.tsx';
import { describeStyle } from './schema-form.ts';
import { createSelectionStore } from './selection.ts';
import { StyleForm } from './StyleForm.tsx';

const render = (arrangement: '16:9' | '32:9') =>
  renderToStaticMarkup(createElement(SceneEditor, { store: createEditorStore(weatherScene()), onCaptureCamera: () => {}, arrangement }));

describe('SceneEditor', () => {
  it('renders every part with its test id', () => {
    const html = render('16:9');
    const ids = [
      'designer-add-layer',
      'designer-undo',
      'designer-redo',
      'designer-problems',
      'designer-title',
      'designer-topic',
      'designer-capture-camera',
      'designer-style-opacity',
      ...['warnings', 'rain', 'stations'].map((id) => `designer-layer-${id}`),
      ...PANEL_SLOTS.map((s) => `designer-slot-${s}`),
      ...[...PANEL_KINDS.keys()].map((k) => `designer-panel-kind-${k}`),
    ];
    for (const id of ids) expect(html, id).toContain(`data-testid="${id}"`);
    expect(html).toContain('value="智慧气象"');
    expect(html).toContain('可发布');
  });

  it('sets left-5/6 and right-5/6 aside on 16:9, and shows all twelve on 32:9', () => {
    expect(render('16:9')).toContain('Only on 32:9 walls / set aside on 16:9');
    expect(render('32:9')).not.toContain('set aside on 16:9');
  });

  it('shows hub text as text', () => {
    const store = createEditorStore({ ...weatherScene(), title: '<b>x</b>' });
    const html = renderToStaticMarkup(createElement(SceneEditor, { store, onCaptureCamera: () => {}, arrangement: '16:9' }));
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('StyleForm', () => {
  it.each([...LAYER_KINDS.keys()])('generates an input for every style field of %s', (kind) => {
    const store = createEditorStore(weatherScene());
    const ctx = { store, actions: editorActions(store), selection: createSelectionStore() };
    const layer = { id: 'x', kind, visible: true, style: {} };
    const html = renderToStaticMarkup(createElement(EditorContext.Provider, { value: ctx }, createElement(StyleForm, { layer })));
    for (const f of describeStyle(LAYER_KINDS.get(kind)!.style)) {
      expect(html, f.key).toContain(`data-testid="designer-style-${f.key}"`);
      expect(html, f.key).toContain(f.label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'));
    }
  });

  it('offers to remove a style key the kind does not know', () => {
    const store = createEditorStore(weatherScene());
    const ctx = { store, actions: editorActions(store), selection: createSelectionStore() };
    const layer = { id: 'x', kind: 'weather.rain', visible: true, style: { colour: '#fff' } };
    const html = renderToStaticMarkup(createElement(EditorContext.Provider, { value: ctx }, createElement(StyleForm, { layer })));
    expect(html).toContain('data-testid="designer-style-colour-remove"');
  });
});
