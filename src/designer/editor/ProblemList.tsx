import { Bi } from './Bits.tsx';
import { useEditor, useEditorContext } from './editor-context.ts';
import { selectLayer, selectPanel } from './selection.ts';

const SCENE_INPUTS: Record<string, string> = { title: 'se-scene-title', titleEn: 'se-scene-titleEn', description: 'se-scene-description' };

/** What stands between the draft and a wall; a click goes to the layer, panel or field it names. */
export function ProblemList() {
  const { store, selection } = useEditorContext();
  const problems = useEditor((s) => s.problems);
  const go = (path: string) => {
    const [head, index] = path.split('.');
    const scene = store.getState().scene;
    if (head === 'layers' && index !== undefined) {
      const layer = scene.layers[Number(index)];
      if (!layer) return;
      selectLayer(selection, layer.id);
      document.querySelector(`[data-testid="designer-layer-${CSS.escape(layer.id)}"]`)?.scrollIntoView({ block: 'nearest' });
    } else if (head === 'panels' && index !== undefined) {
      const panel = scene.panels[Number(index)];
      if (panel) selectPanel(selection, panel.slot);
    } else if (head === 'camera') document.getElementById(`se-camera-${path.endsWith('.1') ? 'lat' : path.includes('center') ? 'lon' : path.split('.')[1]}`)?.focus();
    else if (SCENE_INPUTS[head]) document.getElementById(SCENE_INPUTS[head])?.focus();
  };
  return (
    <section className={`se-problems${problems.length ? ' se-problems--some' : ''}`} data-testid="designer-problems" data-count={problems.length} aria-live="polite" aria-label="问题 Problems">
      {problems.length === 0 ? (
        <p className="se-ok">
          ✓ <Bi zh="可以发布" en="Ready to publish: a wall accepts this scene" />
        </p>
      ) : (
        <>
          <h2>
            <Bi zh="待解决的问题" en="Problems before publishing" /> <span className="se-count">{problems.length}</span>
          </h2>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}|${p.message}`}>
                <button type="button" className="se-problem" data-path={p.path} onClick={() => go(p.path)}>
                  {p.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
