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

/** Labels by layer, with the layer's place in the order in which layers claim their room. */
const byLayer = new Map<string, { rank: LabelRank; labels: readonly PlacedLabel[] }>();
let version = 0;

/**
 * Layers claim room in this order: higher `priority` first, then by id. A layer places its labels
 * around those of every layer before it, so no two labels of a scene overlap.
 */
export interface LabelRank {
  priority: number;
  id: string;
}

export function ranksBefore(a: LabelRank, b: LabelRank): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.id < b.id);
}

const sameLabels = (a: readonly PlacedLabel[], b: readonly PlacedLabel[]) =>
  a.length === b.length && a.every((l, i) => l.text === b[i].text && l.x === b[i].x && l.y === b[i].y && l.width === b[i].width && l.height === b[i].height);

export function publishLabels(layerId: string, labels: readonly PlacedLabel[], rank: LabelRank = { priority: 0, id: layerId }): void {
  const held = byLayer.get(layerId);
  if (held && sameLabels(held.labels, labels) && held.rank.priority === rank.priority) return;
  byLayer.set(layerId, { rank, labels });
  version++;
}

/** Called when a layer is finalized, so labels of removed layers do not linger. */
export function clearLabels(layerId: string): void {
  if (byLayer.delete(layerId)) version++;
}

/** Every label placed now, over all layers. */
export function placedLabels(): PlacedLabel[] {
  return [...byLayer.values()].flatMap((l) => l.labels);
}

/** The labels of the layers that claim their room before this one. */
export function labelsBefore(rank: LabelRank): PlacedLabel[] {
  return [...byLayer.values()].filter((l) => l.rank.id !== rank.id && ranksBefore(l.rank, rank)).flatMap((l) => l.labels);
}

/** Bumped whenever any layer's placed labels change: a layer after it places again. */
export function labelsVersion(): number {
  return version;
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
