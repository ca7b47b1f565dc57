/**
 * Greedy label placement in screen space: pure functions, no deck.gl. PlacedLabelsLayer projects
 * its candidates and calls placeLabels; tests call it directly.
 */

export type TextAnchor = 'start' | 'middle' | 'end';
export type AlignmentBaseline = 'top' | 'center' | 'bottom';

/** Screen box in CSS pixels, origin at the top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label at its projected anchor, in CSS pixels. */
export interface ScreenCandidate {
  x: number;
  y: number;
  text: string;
  /** Font size in pixels, after any size scale. */
  size: number;
  /** Higher is placed first. */
  priority: number;
  anchor?: TextAnchor;
  baseline?: AlignmentBaseline;
  /** Screen offset from the anchor in pixels, y down (deck.gl's getPixelOffset). */
  offset?: readonly [number, number];
}

export interface PlacedBox extends Box {
  /** Index of the candidate in the input list. */
  index: number;
}

/** Em widths: CJK (and fullwidth) glyphs are square; Latin, digits and spaces about 0.6 em. */
const WIDE_EM = 1.0;
const NARROW_EM = 0.6;
/** Line height in em: glyph ascent and descent with the outline. */
const LINE_EM = 1.2;

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) || // CJK radicals, kana, unified ideographs
    (codePoint >= 0xac00 && codePoint <= 0xd7af) || // Hangul
    (codePoint >= 0xf900 && codePoint <= 0xfaff) || // compatibility ideographs
    (codePoint >= 0xff00 && codePoint <= 0xffef) || // fullwidth forms
    codePoint >= 0x20000 // supplementary ideographs
  );
}

/** Width of one line of text in pixels: an estimate, on the generous side. */
export function textWidth(line: string, size: number): number {
  let em = 0;
  for (const ch of line) em += isWide(ch.codePointAt(0)!) ? WIDE_EM : NARROW_EM;
  return em * size;
}

/** The box a label's text covers on screen, honouring anchor, baseline and pixel offset. */
export function labelBox(c: ScreenCandidate): Box {
  const lines = c.text.split('\n');
  const width = Math.max(...lines.map((l) => textWidth(l, c.size)));
  const height = lines.length * LINE_EM * c.size;
  const left = c.x + (c.offset?.[0] ?? 0);
  const top = c.y + (c.offset?.[1] ?? 0);
  const anchor = c.anchor ?? 'middle';
  const baseline = c.baseline ?? 'center';
  return {
    x: anchor === 'start' ? left : anchor === 'end' ? left - width : left - width / 2,
    y: baseline === 'top' ? top : baseline === 'bottom' ? top - height : top - height / 2,
    width,
    height,
  };
}

/** True when the boxes share any area (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function pad(b: Box, [px, py]: readonly [number, number]): Box {
  return { x: b.x - px, y: b.y - py, width: b.width + 2 * px, height: b.height + 2 * py };
}

export interface PlacementOptions {
  /** Screen size in CSS pixels: a label whose text box leaves it is dropped. */
  width: number;
  height: number;
  /** Pixels added on each side of a text box before testing: two labels keep twice this apart. */
  padding?: readonly [number, number];
  /** Boxes already taken (labels placed by other layers first): nothing is placed over them. */
  occupied?: readonly Box[];
}

/**
 * Places labels greedily: highest priority first, then the larger, then input order (stable).
 * A label is dropped when its text leaves the screen, its anchor did not project, or its padded
 * box meets a padded box already placed. Returns the text boxes placed, in placement order.
 * Quadratic in the placed count: label layers here hold tens of names, not thousands.
 */
export function placeLabels(candidates: readonly ScreenCandidate[], { width, height, padding = [0, 0], occupied = [] }: PlacementOptions): PlacedBox[] {
  const order = candidates
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.text.length > 0 && c.size > 0 && Number.isFinite(c.x) && Number.isFinite(c.y) && !Number.isNaN(c.priority))
    .sort((a, b) => b.c.priority - a.c.priority || b.c.size - a.c.size || a.index - b.index);
  const placed: PlacedBox[] = [];
  const taken: Box[] = occupied.map((b) => pad(b, padding));
  for (const { c, index } of order) {
    const box = labelBox(c);
    if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height) continue;
    const padded = pad(box, padding);
    if (taken.some((t) => boxesOverlap(t, padded))) continue;
    taken.push(padded);
    placed.push({ ...box, index });
  }
  return placed;
}
