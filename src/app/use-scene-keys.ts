import { useEffect } from 'react';
import type { AppRuntime } from './wall-runtime.ts';

/**
 * Keyboard scene switching, until the operator console steers walls: ← / → (or PageUp /
 * PageDown, what presentation clickers send) step through scenes, 1–9 pick one. The URL follows
 * (?scene=<id>), so a reload keeps the scene.
 */
export function useSceneKeys({ scenes, sceneOps }: Pick<AppRuntime, 'scenes' | 'sceneOps'>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement)?.closest?.('input, textarea, select')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') sceneOps.step(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') sceneOps.step(-1);
      else if (/^[1-9]$/.test(e.key)) {
        const scene = scenes.getState().scenes[Number(e.key) - 1];
        if (scene) sceneOps.select(scene.id);
      } else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    const unsubscribe = scenes.subscribe((s, prev) => {
      if (s.currentId === prev.currentId) return;
      const url = new URL(location.href);
      url.searchParams.set('scene', s.currentId);
      history.replaceState(null, '', url);
    });
    return () => {
      removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [scenes, sceneOps]);
}
