import { useLayoutEffect, useRef, useState } from 'react';

/**
 * An element's client size, kept as it resizes (a ResizeObserver): how the designer's preview and
 * the console's miniature fit the wall's canvas into their pane.
 */
export function useElementSize<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size] as const;
}
