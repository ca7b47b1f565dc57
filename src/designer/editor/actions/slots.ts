import { PANEL_SLOTS, type PanelSlot, type ScenePanel } from '../../../hub/contract.ts';

export type Side = 'left' | 'right';

export const sideOf = (slot: PanelSlot): Side => (slot.startsWith('left') ? 'left' : 'right');
export const slotsOf = (side: Side): PanelSlot[] => PANEL_SLOTS.filter((s) => sideOf(s) === side);
export const otherSide = (side: Side): Side => (side === 'left' ? 'right' : 'left');
export const isPanelSlot = (slot: string): slot is PanelSlot => (PANEL_SLOTS as readonly string[]).includes(slot);

const rank = (slot: PanelSlot) => PANEL_SLOTS.indexOf(slot);

/** Panels in slot order (their priority), so a scene file reads like the wall; the same array when already so. */
export function sortPanels(panels: ScenePanel[]): ScenePanel[] {
  for (let i = 1; i < panels.length; i++) {
    if (rank(panels[i - 1].slot) > rank(panels[i].slot)) return [...panels].sort((a, b) => rank(a.slot) - rank(b.slot));
  }
  return panels;
}

/** Slots nobody uses, in the order a pasted panel should try them: its own side first. */
export function freeSlots(panels: readonly ScenePanel[], preferSide?: Side): PanelSlot[] {
  const used = new Set(panels.map((p) => p.slot));
  const free = PANEL_SLOTS.filter((s) => !used.has(s));
  return preferSide ? [...free.filter((s) => sideOf(s) === preferSide), ...free.filter((s) => sideOf(s) !== preferSide)] : free;
}

const moved = (p: ScenePanel, slot: PanelSlot): ScenePanel => ({ ...p, slot });

/**
 * Frees `slot` for a newcomer the way a list makes room: the panels from it down to the next empty
 * slot of its side shift down one (or, with none below, up towards the nearest empty one above), so
 * their order of priority holds. A full side sends the displaced panel to the other side's first
 * free slot; with the whole board full it leaves the scene (listed in `removed`).
 */
export function makeRoom(panels: ScenePanel[], slot: PanelSlot): { panels: ScenePanel[]; removed: ScenePanel[] } {
  const at = new Map(panels.map((p) => [p.slot, p]));
  if (!at.has(slot)) return { panels, removed: [] };
  const side = slotsOf(sideOf(slot));
  const i = side.indexOf(slot);
  const moves = new Map<ScenePanel, PanelSlot>();
  const below = side.findIndex((s, k) => k > i && !at.has(s));
  let above = -1;
  for (let k = i - 1; k >= 0 && below < 0; k--) {
    if (!at.has(side[k])) {
      above = k;
      break;
    }
  }
  if (below >= 0) for (let k = i; k < below; k++) moves.set(at.get(side[k])!, side[k + 1]);
  else if (above >= 0) for (let k = above + 1; k <= i; k++) moves.set(at.get(side[k])!, side[k - 1]);
  else {
    const elsewhere = freeSlots(panels, otherSide(sideOf(slot)))[0];
    const occupant = at.get(slot)!;
    if (!elsewhere) return { panels: panels.filter((p) => p !== occupant), removed: [occupant] };
    moves.set(occupant, elsewhere);
  }
  return { panels: panels.map((p) => (moves.has(p) ? moved(p, moves.get(p)!) : p)), removed: [] };
}
