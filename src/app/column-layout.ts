import { legibleScale, type ViewingGeometry } from './legibility.ts';
import { computeWallLayout, DESIGN_WIDTH, WIDE_DESIGN_WIDTH, type WallLayout } from './wall-layout.ts';

/**
 * Panel columns laid out by their content, and the DOM scale chosen for the room.
 *
 * Pure functions of the whole wall's virtual size, the viewing geometry and the scene's panels:
 * every display of a multi-display wall computes the same plan (same scale, same panels set aside),
 * then shows its slice of it.
 */

/** Column geometry of the 1080 design (wall.css reads these through the plan, not its own copies). */
export const COLUMN_WIDTH = 420;
export const COLUMN_GAP = 16;
/** Top of the columns: under the 76 px header with room to breathe. */
export const COLUMN_TOP = 92;
export const COLUMN_BOTTOM = 20;
export const COLUMN_INSET = 20;
/** A panel sort's size when its kind declares none (PANEL_SIZE.chart). */
export const DEFAULT_PANEL_SIZE = { min: 220, max: 360 } as const;
/** The smallest type the DOM uses at the design size (WALL-STYLE.md: labels and axes ≥ 14 px). */
export const MIN_DESIGN_TEXT_PX = 14;
/**
 * Bounds on how far legibility may enlarge the DOM: the design canvas keeps at least the header
 * (its title, scene name, clock and badge need about 890 px) and one column of one panel. Past
 * that the text stays below the rule (reported in ?diag=1) rather than off screen.
 */
export const MIN_DESIGN_WIDTH = 900;
export const MIN_DESIGN_HEIGHT = COLUMN_TOP + COLUMN_BOTTOM + DEFAULT_PANEL_SIZE.min + 20;
/** Both columns are kept only while the twin keeps at least this much between them. */
export const MIN_TWIN_WIDTH = 480;

export interface PanelSize {
  min: number;
  max: number;
}

/**
 * Heights for a stack of panels in priority order within `available` design px: as many as fit
 * at their `min` (the rest, the lowest priority, are set aside), then the space left shared out
 * evenly up to each panel's `max`. The stack may end short of `available`: what is left is twin,
 * not empty glass. A first panel taller than the whole column is shrunk to it rather than dropped
 * (a column of one clipped panel beats none), unless the column cannot hold even a title.
 */
export function stackHeights(sizes: readonly PanelSize[], available: number, gap = COLUMN_GAP): number[] {
  let used = 0;
  const heights: number[] = [];
  for (const s of sizes) {
    const need = s.min + (heights.length ? gap : 0);
    if (used + need > available) break;
    heights.push(s.min);
    used += need;
  }
  if (heights.length === 0) {
    if (sizes.length === 0 || available < MIN_PANEL_HEIGHT) return [];
    return [Math.min(available, Math.max(sizes[0].max, sizes[0].min))];
  }
  // Water-fill the remaining space, evenly, capped at each panel's max.
  let extra = available - used;
  for (let open = heights.map((_, i) => i); open.length && extra > 1e-9; ) {
    const share = extra / open.length;
    const next: number[] = [];
    for (const i of open) {
      const room = Math.max(0, sizes[i].max - heights[i]);
      const give = Math.min(room, share);
      heights[i] += give;
      extra -= give;
      if (room > share) next.push(i);
    }
    if (next.length === open.length) break;
    open = next;
  }
  return heights;
}

/** 0.2 % over the least legible scale (see roomLayout). */
const LEGIBLE_HEADROOM = 1.002;

/** Below this a panel cannot show even its title and one line. */
export const MIN_PANEL_HEIGHT = 120;

export interface PanelEntry {
  /** The scene slot ("left-2"): its order in PANEL_SLOTS is the panel's priority. */
  slot: string;
  size: PanelSize;
}

export interface PlacedPanel {
  slot: string;
  /** Design px from the wall's left edge and top. */
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface WallPlan {
  layout: WallLayout;
  /** The scale that fits the design to the wall (what the twin frames with). */
  fitScale: number;
  /** The scale the room needs for the smallest text to subtend 0.3°. */
  legibleScale: number;
  /** Whether the chosen scale meets it (false only when the wall is too small to ever). */
  legible: boolean;
  panels: PlacedPanel[];
  /** Slots of the scene not shown: no room for them at the legible scale. */
  setAside: string[];
  /** Per side, the box of its panels (null: no panels, no glass). */
  columns: { left: Box | null; right: Box | null };
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The DOM scale: max(fit, legible), bounded so the design canvas keeps MIN_DESIGN_WIDTH ×
 * MIN_DESIGN_HEIGHT. `wallWidth`/`wallHeight` are the whole wall's CSS px (all displays).
 */
export function roomLayout(wallWidth: number, wallHeight: number, viewing: ViewingGeometry): Pick<WallPlan, 'layout' | 'fitScale' | 'legibleScale' | 'legible'> {
  const fit = computeWallLayout(wallWidth, wallHeight);
  const w = Math.max(1, wallWidth);
  const h = Math.max(1, wallHeight);
  // A hair over the rule, so that layout rounding never measures the smallest text just under it.
  const need = legibleScale(MIN_DESIGN_TEXT_PX, h, viewing) * LEGIBLE_HEADROOM;
  const ceiling = Math.max(fit.scale, Math.min(w / MIN_DESIGN_WIDTH, h / MIN_DESIGN_HEIGHT));
  const scale = Math.max(fit.scale, Math.min(need, ceiling));
  const legible = scale >= need * (1 - 1e-9);
  if (scale === fit.scale) return { layout: fit, fitScale: fit.scale, legibleScale: need, legible };
  const width = w / scale;
  return {
    layout: { scale, width, height: h / scale, wide: width >= (DESIGN_WIDTH + WIDE_DESIGN_WIDTH) / 2 },
    fitScale: fit.scale,
    legibleScale: need,
    legible,
  };
}

/**
 * Where each panel of the scene goes. Each side is one column (two side by side on a wide wall,
 * the first half of the side's panels in the one at the wall's edge); if the design canvas is too narrow for two
 * columns and the twin between them (legibility enlarged the DOM), the left column alone takes the
 * scene's panels in slot order. Columns keep their width (COLUMN_WIDTH): only heights vary, so the
 * twin's design fit area (src/twin/framing.ts) is unchanged.
 */
export function planWall(wallWidth: number, wallHeight: number, viewing: ViewingGeometry, entries: readonly PanelEntry[], slotOrder: readonly string[]): WallPlan {
  const room = roomLayout(wallWidth, wallHeight, viewing);
  const { layout } = room;
  const ordered = [...entries].sort((a, b) => slotOrder.indexOf(a.slot) - slotOrder.indexOf(b.slot));
  const subColumns = layout.wide ? 2 : 1;
  const sideWidth = subColumns * COLUMN_WIDTH + (subColumns - 1) * COLUMN_GAP;
  const bothSides = layout.width >= 2 * (COLUMN_INSET + sideWidth) + MIN_TWIN_WIDTH;
  const sides: { side: 'left' | 'right'; entries: PanelEntry[] }[] = bothSides
    ? [
        { side: 'left', entries: ordered.filter((e) => e.slot.startsWith('left')) },
        { side: 'right', entries: ordered.filter((e) => e.slot.startsWith('right')) },
      ]
    : [{ side: 'left', entries: ordered }];
  const available = Math.max(0, layout.height - COLUMN_TOP - COLUMN_BOTTOM);
  const panels: PlacedPanel[] = [];
  const columns: WallPlan['columns'] = { left: null, right: null };
  for (const { side, entries: list } of sides) {
    const x0 = side === 'left' ? COLUMN_INSET : layout.width - COLUMN_INSET - sideWidth;
    const stacks = splitColumns(list, subColumns, available);
    let bottom = 0;
    stacks.forEach((stack, c) => {
      let y = COLUMN_TOP;
      stack.heights.forEach((height, i) => {
        // The first (higher-priority) column at the wall's edge on both sides: the sides mirror.
        const left = side === 'left' ? x0 + c * (COLUMN_WIDTH + COLUMN_GAP) : x0 + sideWidth - COLUMN_WIDTH - c * (COLUMN_WIDTH + COLUMN_GAP);
        panels.push({ slot: stack.entries[i].slot, left, top: y, width: COLUMN_WIDTH, height });
        y += height + COLUMN_GAP;
      });
      if (stack.heights.length) bottom = Math.max(bottom, y - COLUMN_GAP);
    });
    const used = stacks.filter((s) => s.heights.length).length;
    if (used) {
      const width = used * COLUMN_WIDTH + (used - 1) * COLUMN_GAP;
      columns[side] = { left: side === 'left' ? x0 : x0 + sideWidth - width, top: COLUMN_TOP, width, height: bottom - COLUMN_TOP };
    }
  }
  const shown = new Set(panels.map((p) => p.slot));
  return { ...room, panels, setAside: ordered.filter((e) => !shown.has(e.slot)).map((e) => e.slot), columns };
}

/**
 * A side's panels over `count` columns: the first ceil(k/2) of the k kept in the first, the rest
 * in the second, with k the most that fit, so what is set aside is always the lowest priority.
 */
function splitColumns(list: readonly PanelEntry[], count: number, available: number): { entries: PanelEntry[]; heights: number[] }[] {
  if (count === 1) {
    const heights = stackHeights(list.map((e) => e.size), available);
    return [{ entries: list.slice(0, heights.length), heights }];
  }
  for (let k = list.length; k > 0; k--) {
    const cut = Math.ceil(k / 2);
    const parts = [list.slice(0, cut), list.slice(cut, k)];
    const stacks = parts.map((entries) => ({ entries, heights: stackHeights(entries.map((e) => e.size), available) }));
    if (stacks.every((s) => s.heights.length === s.entries.length)) return stacks;
  }
  return [];
}
