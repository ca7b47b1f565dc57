/**
 * Which view the designer shows, in the URL's hash (`#scene/<id>`): a reload or a bookmark reopens
 * the scene, and the browser's back button returns to the list.
 */
import { useCallback, useEffect, useState } from 'react';
import { SceneIdSchema } from '../hub/contract.ts';

export type Route = { view: 'list' } | { view: 'scene'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#scene\/(.+)$/.exec(hash);
  const id = m ? decodeURIComponent(m[1]) : '';
  return SceneIdSchema.safeParse(id).success ? { view: 'scene', id } : { view: 'list' };
}

export const routeHash = (r: Route) => (r.view === 'scene' ? `#scene/${encodeURIComponent(r.id)}` : '');

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((r: Route) => {
    const hash = routeHash(r);
    history.pushState(null, '', hash || location.pathname + location.search);
    setRoute(r);
  }, []);
  return [route, go];
}
