import { useState } from 'react';
import { Dialog } from './Dialog.tsx';
import { NameFields } from './NameFields.tsx';
import type { SceneListDesk } from './scene-list-desk.ts';
import { TEMPLATES } from './templates/index.ts';

/** A new scene: a template to start from, then its id and titles. */
export function NewSceneDialog({ desk, onClose }: { desk: SceneListDesk; onClose(): void }) {
  const [templateId, setTemplateId] = useState(TEMPLATES[0].id);
  const template = TEMPLATES.find((t) => t.id === templateId) ?? TEMPLATES[0];
  return (
    <Dialog title="新建场景 New scene" testId="designer-new-dialog" onClose={onClose} wide>
      <div className="ds-templates" role="radiogroup" aria-label="模板 Template">
        {TEMPLATES.map((t) => (
          <button
            key={t.id}
            type="button"
            role="radio"
            aria-checked={t.id === templateId}
            className="ds-template"
            data-testid={`designer-template-${t.id}`}
            onClick={() => setTemplateId(t.id)}
          >
            <strong>{t.title}</strong>
            <span>{t.titleEn}</span>
            <small>{t.description}</small>
          </button>
        ))}
      </div>
      <NameFields
        key={template.id}
        initial={{ id: '', title: template.title, titleEn: template.titleEn }}
        askId
        testPrefix="designer-new"
        submitLabel="创建 Create"
        onSubmit={(v) => desk.create(templateId, v.id, v.title, v.titleEn)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
