/**
 * The icons of kit.icons, drawn in code into one RGBA atlas: no image file, no fetch, no canvas.
 * Shapes are white masks (deck.gl tints them with getColor), antialiased by sampling each pixel
 * 4 × 4 times. Made once, on first use.
 */

export const ICON_NAMES = ['pin', 'circle', 'diamond', 'triangle', 'square', 'star'] as const;
export type IconName = (typeof ICON_NAMES)[number];

export const ICON_PX = 64;
const SUB = 4;

type Inside = (x: number, y: number) => boolean;

/** Point in polygon (even-odd), vertices in cell pixels. */
function polygon(vertices: readonly [number, number][]): Inside {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
      const [xi, yi] = vertices[i];
      const [xj, yj] = vertices[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const disc = (cx: number, cy: number, r: number): Inside => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function star(cx: number, cy: number, outer: number, inner: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? inner : outer;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as [number, number];
  });
}

const pinHead = disc(32, 24, 20);
const pinTip = polygon([[14.5, 33], [49.5, 33], [32, 62]]);
const pinHole = disc(32, 24, 7.5);

/** Each icon's shape, in a 64 × 64 cell, y down. */
const SHAPES: Record<IconName, Inside> = {
  // A map pin with a hole: its tip is the anchor (see ICON_MAPPING).
  pin: (x, y) => (pinHead(x, y) || pinTip(x, y)) && !pinHole(x, y),
  circle: disc(32, 32, 26),
  diamond: polygon([[32, 4], [60, 32], [32, 60], [4, 32]]),
  triangle: polygon([[32, 6], [60, 56], [4, 56]]),
  square: polygon([[8, 8], [56, 8], [56, 56], [8, 56]]),
  star: polygon(star(32, 34, 29, 12)),
};

export interface IconRaster {
  width: number;
  height: number;
  /** RGBA, row-major from the top-left. */
  data: Uint8ClampedArray;
}

/** The atlas: one 64 px cell per icon, side by side, white with the shape's coverage as alpha. */
export function rasterizeIcons(): IconRaster {
  const width = ICON_PX * ICON_NAMES.length;
  const height = ICON_PX;
  const data = new Uint8ClampedArray(width * height * 4);
  ICON_NAMES.forEach((name, cell) => {
    const inside = SHAPES[name];
    for (let y = 0; y < ICON_PX; y++) {
      for (let x = 0; x < ICON_PX; x++) {
        let hits = 0;
        for (let sy = 0; sy < SUB; sy++) for (let sx = 0; sx < SUB; sx++) if (inside(x + (sx + 0.5) / SUB, y + (sy + 0.5) / SUB)) hits++;
        const o = (y * width + cell * ICON_PX + x) * 4;
        data[o] = data[o + 1] = data[o + 2] = 255;
        data[o + 3] = Math.round((255 * hits) / (SUB * SUB));
      }
    }
  });
  return { width, height, data };
}

/** Where each icon sits in the atlas; a pin stands on its tip, the others on their centre. */
export const ICON_MAPPING: Record<IconName, { x: number; y: number; width: number; height: number; anchorY: number; mask: boolean }> = Object.fromEntries(
  ICON_NAMES.map((name, i) => [name, { x: i * ICON_PX, y: 0, width: ICON_PX, height: ICON_PX, anchorY: name === 'pin' ? 62 : ICON_PX / 2, mask: true }]),
) as never;

let atlas: ImageData | null | undefined;

/**
 * The atlas as an ImageData, which deck.gl uploads as is (an ImageData needs no canvas); null
 * where there is none (Node tests), and the layer then simply has no texture.
 */
export function iconAtlas(): ImageData | null {
  if (atlas === undefined) {
    const r = rasterizeIcons();
    atlas = typeof ImageData === 'function' ? new ImageData(r.data as Uint8ClampedArray<ArrayBuffer>, r.width, r.height) : null;
  }
  return atlas;
}
