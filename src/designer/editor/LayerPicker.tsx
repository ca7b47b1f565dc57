import { useEffect, useRef } from 'react';
import { MODULES } from '../../modules/registry.ts';
import { Bi } from './Bits.tsx';

/** Every registered layer kind, grouped by its module: what "add a layer" offers. */
export function LayerPicker({ onPick, onClose }: { onPick(kind: string): void; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="se-picker"
      role="dialog"
      aria-label="添加图层 Add a layer"
      data-testid="designer-layer-picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {MODULES.filter((m) => m.layers.length > 0).map((m) => (
        <section key={m.id} className="se-picker__group">
          <h3>
            <Bi zh={m.title} en={m.titleEn} />
          </h3>
          <div className="se-picker__kinds">
            {m.layers.map((k) => (
              <button key={k.kind} type="button" className="se-kind-btn" data-testid={`designer-layer-kind-${k.kind}`} onClick={() => onPick(k.kind)}>
                <strong>{k.title}</strong>
                <small>{k.titleEn}</small>
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
