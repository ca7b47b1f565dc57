import { CameraSchema, type Camera } from '../../hub/contract.ts';
import { Bi, DraftInput } from './Bits.tsx';
import { useEditor, useEditorContext } from './editor-context.ts';
import { issueWords } from './issue-words.ts';
import type { FieldCheck } from './schema-form.ts';
import { useDraftField } from './use-draft-field.ts';

type Part = 'lon' | 'lat' | 'zoom' | 'pitch' | 'bearing';

const PARTS: { part: Part; zh: string; en: string }[] = [
  { part: 'lon', zh: '经度', en: 'Longitude' },
  { part: 'lat', zh: '纬度', en: 'Latitude' },
  { part: 'zoom', zh: '缩放级别', en: 'Zoom' },
  { part: 'pitch', zh: '俯仰角', en: 'Pitch °' },
  { part: 'bearing', zh: '方位角', en: 'Bearing °' },
];

const read = (c: Camera, part: Part): number => (part === 'lon' ? c.center[0] : part === 'lat' ? c.center[1] : c[part]);

function withPart(c: Camera, part: Part, v: number): Camera {
  if (part === 'lon') return { ...c, center: [v, c.center[1]] };
  if (part === 'lat') return { ...c, center: [c.center[0], v] };
  return { ...c, [part]: v };
}

function CameraPart({ part, zh, en }: { part: Part; zh: string; en: string }) {
  const { actions, store } = useEditorContext();
  const value = useEditor((s) => read(s.scene.camera, part));
  const parse = (text: string): FieldCheck => {
    const t = text.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, error: 'must be a number' };
    const camera = withPart(store.getState().scene.camera, part, Number(t));
    const checked = CameraSchema.safeParse(camera);
    return checked.success ? { ok: true, value: Number(t) } : { ok: false, error: issueWords(checked.error.issues[0]) };
  };
  const draft = useDraftField(
    value,
    String,
    parse,
    (v) => actions.setCamera(withPart(store.getState().scene.camera, part, v as number)),
    actions.seal,
  );
  return (
    <label className="se-label" htmlFor={`se-camera-${part}`}>
      <Bi zh={zh} en={en} />
      <DraftInput field={draft} id={`se-camera-${part}`} testId={`designer-camera-${part}`} label={`${zh} ${en}`} inputMode="decimal" />
    </label>
  );
}

/** The scene's opening view: taken from the preview as the designer framed it, or typed. */
export function CameraFields({ onCaptureCamera }: { onCaptureCamera(): void }) {
  return (
    <section className="se-card se-camera" aria-label="镜头 Camera">
      <header className="se-card__head">
        <h2>
          <Bi zh="镜头" en="Camera" />
        </h2>
        <button type="button" className="se-btn se-btn--primary" data-testid="designer-capture-camera" onClick={onCaptureCamera}>
          <Bi zh="取预览当前镜头" en="Capture from preview" />
        </button>
      </header>
      <div className="se-camera__grid">
        {PARTS.map((p) => (
          <CameraPart key={p.part} {...p} />
        ))}
      </div>
    </section>
  );
}
