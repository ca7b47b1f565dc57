/**
 * Native HTML5 drag and drop between the editor's parts. Custom types keep the editor's drags apart
 * from text or files dropped on it; browsers lower-case type names during dragover.
 */
import type { DragEvent } from 'react';

export const DRAG = {
  layer: 'application/x-onescreen-layer',
  panelKind: 'application/x-onescreen-panel-kind',
  panelSlot: 'application/x-onescreen-panel-slot',
} as const;

export type DragType = (typeof DRAG)[keyof typeof DRAG];

export const carries = (e: DragEvent, type: DragType): boolean => Array.from(e.dataTransfer.types).includes(type);

export function startDrag(e: DragEvent, type: DragType, value: string): void {
  e.dataTransfer.setData(type, value);
  e.dataTransfer.setData('text/plain', value);
  e.dataTransfer.effectAllowed = type === DRAG.panelKind ? 'copy' : 'move';
}
