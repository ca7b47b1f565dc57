/**
 * The labels each PlacedLabelsLayer shows, in screen pixels: a read-only view for diagnostics
 * and tests ("no two names overlap") without reading pixels back.
 */

export interface PlacedLabel {
  /** Id of the PlacedLabelsLayer that placed it. */
  layerId: string;
  text: string;
  /** Text box in CSS pixels, origin at the top left of the map canvas. */
  x: number;
  y: number;
  width: number;
  height: number;
}

const byLayer = new Map<string, readonly PlacedLabel[]>();

export function publishLabels(layerId: string, labels: readonly PlacedLabel[]): void {
  byLayer.set(layerId, labels);
}

/** Called when a layer is finalized, so labels of removed layers do not linger. */
export function clearLabels(layerId: string): void {
  byLayer.delete(layerId);
}

/** Every label placed now, over all layers. */
export function placedLabels(): PlacedLabel[] {
  return [...byLayer.values()].flat();
}

/**
 * Where the map canvas sits in the whole wall's view (CSS px): labels are placed in that view, not
 * in one canvas, so every display of a multi-display wall places the same labels and a name
 * crossing a seam shows on both sides of it. Null: the canvas is the whole view.
 */
export interface LabelFrame {
  /** Offset from canvas to wall coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
}

let frame: LabelFrame | null = null;

export function setLabelFrame(next: LabelFrame | null): void {
  frame = next;
}

export function labelFrame(): LabelFrame | null {
  return frame;
}
