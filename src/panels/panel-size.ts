/**
 * How tall panels of each sort read best, in design px of the 1080 design, title and padding
 * included (a panel's frame takes about 70 px). `min` is the least the content fits in without
 * clipping at the designed type sizes (a column of four at 1080 gives each 230), `max` the most it can use: a column gives a panel more
 * height only up to its `max` (src/app/column-layout.ts), so a scene with few panels shows them
 * at their natural size instead of stretched over empty glass.
 */
export const PANEL_SIZE = {
  /** A grid of KPI tiles (up to three rows of two): nothing grows. */
  kpis: { min: 220, max: 290 },
  /** A square ring chart beside a stack of KPIs: fixed at the chart's 170 px. */
  split: { min: 230, max: 270 },
  /** A trend or bar chart: readable from 220 px, better taller. */
  chart: { min: 220, max: 360 },
  /** A ranking of districts (8–10 bars): rows get thicker with height, up to a point. */
  ranking: { min: 230, max: 440 },
  /** A row of KPI figures above a trend or bar chart, which needs about 120 px of its own. */
  kpiChart: { min: 260, max: 380 },
  /** A list of a handful of rows with a caption: rows past the height are hidden or counted. */
  list: { min: 190, max: 340 },
  /** Four figures in a 2 × 2 block. */
  quad: { min: 220, max: 290 },
} as const;

export type PanelSize = { min: number; max: number };
