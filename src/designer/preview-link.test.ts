import { describe, expect, it, vi } from 'vitest';
import { PreviewLink, type PreviewTarget } from './preview-link.ts';
import { TOKEN, scene } from './designer-fixture.ts';

const ORIGIN = 'http://wall.test';
const camera = { center: [106.5, 29.5] as [number, number], zoom: 12, pitch: 40, bearing: 10 };

function setup(token: string | null = TOKEN) {
  const sent: unknown[] = [];
  const frame: PreviewTarget = { postMessage: (m, origin) => sent.push({ m, origin }) };
  const onCamera = vi.fn();
  let current: string | null = token;
  let draft = scene();
  const link = new PreviewLink({ origin: ORIGIN, hubUrl: 'http://hub.test', token: () => current, scene: () => draft, onCamera });
  link.attach(frame);
  const from = (data: unknown, over: Partial<{ origin: string; source: unknown }> = {}) => link.receive({ origin: ORIGIN, source: frame, data, ...over });
  return {
    link,
    frame,
    sent,
    onCamera,
    from,
    types: () => sent.map((s) => (s as { m: { type: string } }).m.type),
    setToken: (t: string | null) => (current = t),
    setDraft: (s: ReturnType<typeof scene>) => (draft = s),
  };
}

describe('preview link', () => {
  it('says nothing until the preview is ready, then init with hub and token, then the draft', () => {
    const t = setup();
    t.link.sendScene(scene());
    expect(t.sent).toEqual([]);
    t.from({ type: 'onescreen:ready' });
    expect(t.sent).toEqual([
      { m: { type: 'onescreen:init', hubUrl: 'http://hub.test', token: TOKEN }, origin: ORIGIN },
      { m: { type: 'onescreen:scene', scene: scene() }, origin: ORIGIN },
    ]);
    expect(t.link.store.getState().live).toBe(true);
  });

  it('sends every draft at once, no debounce', () => {
    const t = setup();
    t.from({ type: 'onescreen:ready' });
    for (let i = 0; i < 5; i++) t.link.sendScene(scene({ title: `t${i}` }));
    expect(t.types()).toEqual(['onescreen:init', 'onescreen:scene', ...Array(5).fill('onescreen:scene')]);
  });

  it('hears only its own frame, of this origin, in the protocol’s shape', () => {
    const t = setup();
    t.from({ type: 'onescreen:ready' }, { origin: 'http://evil.test' });
    t.from({ type: 'onescreen:ready' }, { source: {} });
    t.from({ type: 'onescreen:nope' });
    t.from('onescreen:ready');
    t.from({ type: 'onescreen:scene-error', error: 'x'.repeat(5000) });
    expect(t.sent).toEqual([]);
    expect(t.link.store.getState().sceneError).toBeNull();
  });

  it('shows a scene error until the preview shows a scene again', () => {
    const t = setup();
    t.from({ type: 'onescreen:ready' });
    t.from({ type: 'onescreen:scene-error', error: 'layers.0.kind: unknown layer kind' });
    expect(t.link.store.getState().sceneError).toBe('layers.0.kind: unknown layer kind');
    t.from({ type: 'onescreen:scene-shown', id: 'flood' });
    expect(t.link.store.getState().sceneError).toBeNull();
  });

  it('applies a camera only in answer to its own request', () => {
    const t = setup();
    expect(t.link.captureCamera()).toBe(false); // not ready yet
    t.from({ type: 'onescreen:ready' });
    t.from({ type: 'onescreen:camera', camera });
    expect(t.onCamera).not.toHaveBeenCalled();
    expect(t.link.captureCamera()).toBe(true);
    expect(t.types().at(-1)).toBe('onescreen:capture-camera');
    t.from({ type: 'onescreen:camera', camera: { ...camera, zoom: 99 } });
    expect(t.onCamera).not.toHaveBeenCalled(); // out of range: not the protocol's shape
    t.from({ type: 'onescreen:camera', camera });
    expect(t.onCamera).toHaveBeenCalledWith(camera);
    t.from({ type: 'onescreen:camera', camera });
    expect(t.onCamera).toHaveBeenCalledOnce();
  });

  it('a renewed token goes to a live preview; a preview that waited for a token gets its init then', () => {
    const t = setup(null);
    t.from({ type: 'onescreen:ready' });
    expect(t.sent).toEqual([]);
    const renewed = 'renewed-token-0123456789';
    t.setToken(renewed);
    t.link.sendToken(renewed);
    expect(t.types()).toEqual(['onescreen:init', 'onescreen:scene']);
    t.link.sendToken('another-token-0123456789');
    expect(t.sent.at(-1)).toEqual({ m: { type: 'onescreen:token', token: 'another-token-0123456789' }, origin: ORIGIN });
  });

  it('a reloaded preview says ready again and gets init and the draft again', () => {
    const t = setup();
    t.from({ type: 'onescreen:ready' });
    t.setDraft(scene({ title: 'later' }));
    t.from({ type: 'onescreen:ready' });
    expect(t.types()).toEqual(['onescreen:init', 'onescreen:scene', 'onescreen:init', 'onescreen:scene']);
    expect(t.sent.at(-1)).toMatchObject({ m: { scene: { title: 'later' } } });
  });
});
