import { SCENE_LIMITS, SceneSchema } from '../../hub/contract.ts';
import type { SceneTextField } from './actions/index.ts';
import { Bi, DraftInput, Switch } from './Bits.tsx';
import { useEditor, useEditorContext } from './editor-context.ts';
import { issueWords } from './issue-words.ts';
import type { FieldCheck } from './schema-form.ts';
import { useDraftField } from './use-draft-field.ts';

const FIELDS: { field: SceneTextField; zh: string; en: string; testId: string; multiline?: boolean }[] = [
  { field: 'title', zh: '标题', en: 'Title', testId: 'designer-title' },
  { field: 'titleEn', zh: '英文标题', en: 'English title', testId: 'designer-title-en' },
  { field: 'description', zh: '说明', en: 'Description', testId: 'designer-description', multiline: true },
];

function SceneText({ field, zh, en, testId, multiline }: (typeof FIELDS)[number]) {
  const { actions } = useEditorContext();
  const value = useEditor((s) => s.scene[field]);
  const parse = (text: string): FieldCheck => {
    const checked = SceneSchema.shape[field].safeParse(text);
    return checked.success ? { ok: true, value: text } : { ok: false, error: issueWords(checked.error.issues[0]) };
  };
  const draft = useDraftField(value, String, parse, (v) => actions.apply({ type: 'setSceneField', field, value: v as string }), actions.seal);
  return (
    <label className="se-label" htmlFor={`se-scene-${field}`}>
      <span>
        <Bi zh={zh} en={en} />
        {field === 'description' && (
          <span className="se-count">
            {' '}
            {draft.text.length}/{SCENE_LIMITS.descriptionChars}
          </span>
        )}
      </span>
      <DraftInput field={draft} id={`se-scene-${field}`} testId={testId} label={`${zh} ${en}`} multiline={multiline} />
    </label>
  );
}

/** What the scene is called and says about itself, and whether the 3D city stands under it. */
export function SceneFields() {
  const { actions } = useEditorContext();
  const id = useEditor((s) => s.scene.id);
  const modules = useEditor((s) => s.scene.modules);
  const buildings = useEditor((s) => s.scene.city.buildings);
  return (
    <section className="se-card se-scene" aria-label="场景 Scene">
      <header className="se-card__head">
        <h2>
          <Bi zh="场景" en="Scene" />
        </h2>
        <code className="se-muted" title="场景标识 Scene id">
          {id}
        </code>
      </header>
      {FIELDS.map((f) => (
        <SceneText key={f.field} {...f} />
      ))}
      <div className="se-row">
        <label className="se-label se-label--inline">
          <Bi zh="三维建筑" en="3D buildings" />
          <Switch checked={buildings} label="三维建筑 3D buildings" testId="designer-buildings" onChange={(v) => actions.apply({ type: 'setBuildings', buildings: v })} />
        </label>
        <span className="se-modules" title="随图层和面板自动增减 Kept in step with the layers and panels">
          <span className="se-muted">模块 Modules:</span>{' '}
          {modules.map((m) => (
            <code key={m} className="se-chip">
              {m}
            </code>
          ))}
        </span>
      </div>
    </section>
  );
}
