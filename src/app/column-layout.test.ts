import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PANEL_SLOTS } from '../hub/contract.ts';
import { PANEL_SIZE } from '../panels/panel-size.ts';
import { sliceFrame } from '../twin/slice.ts';
import {
  COLUMN_BOTTOM,
  COLUMN_GAP,
  COLUMN_TOP,
  COLUMN_WIDTH,
  MIN_DESIGN_TEXT_PX,
  planWall,
  roomLayout,
  stackHeights,
  type PanelEntry,
  type WallPlan,
} from './column-layout.ts';
import { DEFAULT_VIEWING, minTextMm, textMm } from './legibility.ts';

const sizeArb = fc.record({ min: fc.integer({ min: 120, max: 500 }), extra: fc.integer({ min: 0, max: 400 }) }).map(({ min, extra }) => ({ min, max: min + extra }));

describe('stackHeights: a column stacks its panels by their content', () => {
  it('gives each panel at least its min and at most its max, and never overflows the column', () => {
    fc.assert(
      fc.property(fc.array(sizeArb, { maxLength: 6 }), fc.integer({ min: 0, max: 3000 }), (sizes, available) => {
        const h = stackHeights(sizes, available);
        const used = h.reduce((a, b) => a + b, 0) + Math.max(0, h.length - 1) * COLUMN_GAP;
        expect(used).toBeLessThanOrEqual(available + 1e-6);
        if (h.length === 1 && sizes[0].min > available) {
          // The one case below min: a first panel taller than the whole column is shrunk to it.
          expect(h[0]).toBeCloseTo(available, 9);
          return;
        }
        h.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(sizes[i].min - 1e-9);
          expect(v).toBeLessThanOrEqual(sizes[i].max + 1e-9);
        });
        // Maximal: the next panel (lowest kept priority + 1) would not have fitted at its min.
        if (h.length < sizes.length) expect(used + COLUMN_GAP + sizes[h.length].min).toBeGreaterThan(available);
        // Space is left over only when every panel has all it can use.
        if (available - used > 1e-6) h.forEach((v, i) => expect(v).toBeCloseTo(sizes[i].max, 6));
      }),
      { numRuns: 400 },
    );
  });

  it('shares space evenly until a panel reaches its max', () => {
    expect(stackHeights([PANEL_SIZE.kpis, PANEL_SIZE.ranking], 700)).toEqual([290, 394]);
    expect(stackHeights([PANEL_SIZE.chart, PANEL_SIZE.chart], 500)).toEqual([242, 242]);
    // A lone KPI grid is as tall as its tiles, not the column.
    expect(stackHeights([PANEL_SIZE.kpis], 968)).toEqual([290]);
  });

  it('sets aside the lowest-priority panels that do not fit', () => {
    const four = [PANEL_SIZE.split, PANEL_SIZE.chart, PANEL_SIZE.split, PANEL_SIZE.ranking];
    expect(stackHeights(four, 968)).toHaveLength(4);
    expect(stackHeights(four, 900)).toHaveLength(3);
    expect(stackHeights(four, 400)).toHaveLength(1);
    expect(stackHeights(four, 100)).toHaveLength(0);
  });
});

const KINDS = [PANEL_SIZE.kpis, PANEL_SIZE.split, PANEL_SIZE.chart, PANEL_SIZE.ranking, PANEL_SIZE.list, PANEL_SIZE.quad];
/** A scene's panels: any subset of the slots, each of some sort. */
const entriesArb = fc
  .array(fc.tuple(fc.constantFrom(...PANEL_SLOTS), fc.constantFrom(...KINDS)), { maxLength: 8 })
  .map((list) => [...new Map(list).entries()].map(([slot, size]): PanelEntry => ({ slot, size })));
const viewingArb = fc.record({ distanceM: fc.double({ min: 0.5, max: 30, noNaN: true }), heightM: fc.double({ min: 0.3, max: 8, noNaN: true }) });

function overlaps(a: WallPlan['panels'][number], b: WallPlan['panels'][number]) {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** The slots of scene format 1: four a side, what a 1920×1080 column holds. */
const FOUR_A_SIDE = PANEL_SLOTS.filter((s) => /-[1-4]$/.test(s));

describe('planWall: columns by content, type sized for the room', () => {
  it('1920×1080 from 5 m: the design scale, every panel shown, none over another', () => {
    const overview = FOUR_A_SIDE.map((slot) => ({ slot, size: PANEL_SIZE.split }));
    const plan = planWall(1920, 1080, DEFAULT_VIEWING, overview, PANEL_SLOTS);
    expect(plan.layout).toEqual({ scale: 1, width: 1920, height: 1080, wide: false });
    expect(plan.legible).toBe(true);
    // Four a side fit the 968 px column at their 230 px min, and share the rest.
    expect(plan.setAside).toEqual([]);
    expect(plan.panels).toHaveLength(8);
    for (const p of plan.panels) expect(p.height).toBeCloseTo((968 - 3 * 16) / 4, 9);
  });

  it('the city scene: one short panel a side, no glass stretched over the column', () => {
    const city = [
      { slot: 'left-1', size: PANEL_SIZE.chart },
      { slot: 'right-1', size: PANEL_SIZE.split },
    ];
    const plan = planWall(1920, 1080, DEFAULT_VIEWING, city, PANEL_SLOTS);
    expect(plan.panels.map((p) => [p.slot, p.height])).toEqual([
      ['left-1', 360],
      ['right-1', 270],
    ]);
    expect(plan.columns.left!.height).toBe(360);
    expect(plan.columns.right!.height).toBe(270);
    // The right column at the wall's right edge, the same width as ever.
    expect(plan.panels[1].left + COLUMN_WIDTH).toBe(1900);
  });

  it('a side with no panels has no column', () => {
    const plan = planWall(1920, 1080, DEFAULT_VIEWING, [{ slot: 'left-1', size: PANEL_SIZE.chart }], PANEL_SLOTS);
    expect(plan.columns.right).toBeNull();
  });

  it('read from 8 m, a 2.4 m wall at 1920×1080 scales the DOM up and sets panels aside', () => {
    const six = ['left-1', 'left-2', 'left-3', 'right-1', 'right-2', 'right-3'].map((slot) => ({ slot, size: PANEL_SIZE.chart }));
    const plan = planWall(1920, 1080, { distanceM: 8, heightM: 2.4 }, six, PANEL_SLOTS);
    expect(plan.fitScale).toBe(1);
    expect(plan.layout.scale).toBeCloseTo(plan.legibleScale, 9);
    expect(plan.layout.scale).toBeCloseTo(1.346, 2);
    expect(plan.legible).toBe(true);
    // Just over the rule (0.2 % to spare for layout rounding).
    const mm = textMm(MIN_DESIGN_TEXT_PX * plan.layout.scale, 1080, 2.4);
    expect(mm).toBeGreaterThanOrEqual(minTextMm(8));
    expect(mm).toBeLessThan(minTextMm(8) * 1.003);
    // 802 design px tall: two charts a side at 220 fit in 690, the third of each goes.
    expect(plan.setAside).toEqual(['left-3', 'right-3']);
  });

  it('read from 12 m, the canvas is too narrow for two columns and the twin: one column, in slot order', () => {
    const six = ['left-1', 'left-2', 'left-3', 'right-1', 'right-2', 'right-3'].map((slot) => ({ slot, size: PANEL_SIZE.chart }));
    const plan = planWall(1920, 1080, { distanceM: 12, heightM: 2.4 }, six, PANEL_SLOTS);
    expect(plan.legible).toBe(true);
    expect(plan.layout.width).toBeLessThan(1000);
    expect(plan.columns.right).toBeNull();
    expect(plan.panels.map((p) => p.slot)).toEqual(['left-1']);
    expect(plan.setAside).toEqual(['left-2', 'left-3', 'right-1', 'right-2', 'right-3']);
  });

  it('1920×1080 sets the fifth and sixth of a side aside; 32:9 shows all twelve', () => {
    const twelve = PANEL_SLOTS.map((slot) => ({ slot, size: PANEL_SIZE.split }));
    expect(planWall(1920, 1080, DEFAULT_VIEWING, twelve, PANEL_SLOTS).setAside).toEqual(['left-5', 'left-6', 'right-5', 'right-6']);
    const wide = planWall(7680, 2160, DEFAULT_VIEWING, twelve, PANEL_SLOTS);
    expect(wide.setAside).toEqual([]);
    expect(new Set(wide.panels.map((p) => p.left)).size).toBe(4);
  });

  it('32:9 keeps two columns a side, the first at the wall edge, and the sides mirror', () => {
    const eight = FOUR_A_SIDE.map((slot) => ({ slot, size: PANEL_SIZE.chart }));
    const plan = planWall(7680, 2160, DEFAULT_VIEWING, eight, PANEL_SLOTS);
    expect(plan.layout.wide).toBe(true);
    const at = (slot: string) => plan.panels.find((p) => p.slot === slot)!;
    expect(at('left-1').left).toBe(20);
    expect(at('left-3').left).toBe(20 + COLUMN_WIDTH + COLUMN_GAP);
    expect(at('right-1').left + COLUMN_WIDTH).toBe(3840 - 20);
    expect(at('right-3').left + COLUMN_WIDTH).toBe(3840 - 20 - COLUMN_WIDTH - COLUMN_GAP);
    expect(new Set(plan.panels.map((p) => p.left)).size).toBe(4);
  });

  it('every display of a multi-display wall makes the same plan (the whole wall decides)', () => {
    const six = ['left-1', 'left-2', 'left-3', 'right-1', 'right-2', 'right-3'].map((slot) => ({ slot, size: PANEL_SIZE.ranking }));
    for (const viewing of [DEFAULT_VIEWING, { distanceM: 9, heightM: 2.4 }]) {
      const plans = [0, 1, 2].map((col) => {
        const frame = sliceFrame({ cols: 3, rows: 1, col, row: 0 }, 1920, 1080);
        return planWall(frame.virtual.width, frame.virtual.height, viewing, six, PANEL_SLOTS);
      });
      expect(plans[1]).toEqual(plans[0]);
      expect(plans[2]).toEqual(plans[0]);
    }
  });

  it('no panel ever leaves the canvas, overlaps another or passes its column; text meets the rule when it can', () => {
    fc.assert(
      fc.property(fc.integer({ min: 320, max: 16_000 }), fc.integer({ min: 240, max: 6_000 }), viewingArb, entriesArb, (w, h, viewing, entries) => {
        const plan = planWall(w, h, viewing, entries, PANEL_SLOTS);
        const { layout } = plan;
        expect(layout.scale).toBeGreaterThanOrEqual(plan.fitScale);
        expect(Math.abs(layout.width * layout.scale - w)).toBeLessThan(1e-6 * w);
        expect(Math.abs(layout.height * layout.scale - h)).toBeLessThan(1e-6 * h);
        // Legible unless the wall is too small for any legible layout (then as large as it can go).
        const room = roomLayout(w, h, viewing);
        if (plan.legibleScale <= room.layout.scale) expect(plan.legible).toBe(true);
        if (plan.legible) expect(textMm(MIN_DESIGN_TEXT_PX * layout.scale, h, viewing.heightM)).toBeGreaterThanOrEqual(minTextMm(viewing.distanceM) * (1 - 1e-9));
        for (const p of plan.panels) {
          expect(p.left).toBeGreaterThanOrEqual(0);
          expect(p.left + p.width).toBeLessThanOrEqual(layout.width + 1e-6);
          expect(p.top).toBeGreaterThanOrEqual(COLUMN_TOP);
          expect(p.top + p.height).toBeLessThanOrEqual(layout.height - COLUMN_BOTTOM + 1e-6);
          expect(p.width).toBe(COLUMN_WIDTH);
        }
        for (let i = 0; i < plan.panels.length; i++) for (let j = i + 1; j < plan.panels.length; j++) expect(overlaps(plan.panels[i], plan.panels[j])).toBe(false);
        // Shown + set aside = the scene, and what is set aside on a side ranks below what it shows.
        expect([...plan.panels.map((p) => p.slot), ...plan.setAside].sort()).toEqual(entries.map((e) => e.slot).sort());
        const rank = (slot: string) => PANEL_SLOTS.indexOf(slot as never);
        const singleColumn = plan.columns.right === null && plan.panels.some((p) => p.slot.startsWith('right'));
        for (const aside of plan.setAside) {
          const side = aside.split('-')[0];
          for (const p of plan.panels) if (singleColumn || p.slot.startsWith(side)) expect(rank(p.slot)).toBeLessThan(rank(aside));
        }
        // Each side's glass is its panels' box: nothing empty below the last one.
        for (const side of ['left', 'right'] as const) {
          const box = plan.columns[side];
          const mine = plan.panels.filter((p) => box && p.left >= box.left && p.left + p.width <= box.left + box.width + 1e-6);
          if (!box) continue;
          expect(mine.length).toBeGreaterThan(0);
          expect(Math.max(...mine.map((p) => p.top + p.height))).toBeCloseTo(box.top + box.height, 6);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the bundled scenes with their panel kinds', () => {
  it('show every panel at the usual wall sizes read from the default 5 m, and no side leaves glass empty', async () => {
    const { loadBundledScenes } = await import('./bundled-scenes.ts');
    const { PANEL_KINDS } = await import('../modules/registry.ts');
    const { scenes, errors } = loadBundledScenes();
    expect(errors).toEqual([]);
    expect(scenes.length).toBeGreaterThan(5);
    for (const scene of scenes) {
      const entries = scene.panels.map((p) => ({ slot: p.slot, size: PANEL_KINDS.get(p.kind)?.size ?? { min: 220, max: 360 } }));
      for (const [w, h] of [
        [1280, 720],
        [1920, 1080],
        [3840, 2160],
        [7680, 2160],
      ]) {
        const plan = planWall(w, h, DEFAULT_VIEWING, entries, PANEL_SLOTS);
        expect(plan.layout.scale, `${scene.id} at ${w}×${h}`).toBe(plan.fitScale);
        expect(plan.setAside, `${scene.id} at ${w}×${h}`).toEqual([]);
        for (const side of ['left', 'right'] as const) expect(plan.columns[side] === null).toBe(!scene.panels.some((p) => p.slot.startsWith(side)));
      }
    }
  });
});
