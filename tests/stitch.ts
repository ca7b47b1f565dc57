// Image work for multi-display tests, done in a blank browser page (its canvas decodes and encodes
// PNG; no image library needed in Node): stitch screenshots side by side, measure seams, compare.
import type { Page } from 'playwright-core';

/** Screenshots placed side by side (all the same height), as one PNG. */
export async function stitchRow(page: Page, pngs: Buffer[]): Promise<Buffer> {
  const b64 = await page.evaluate(async (parts) => {
    const imgs = await Promise.all(
      parts.map(async (p) => {
        const img = new Image();
        img.src = `data:image/png;base64,${p}`;
        await img.decode();
        return img;
      }),
    );
    const canvas = document.createElement('canvas');
    canvas.width = imgs.reduce((w, i) => w + i.width, 0);
    canvas.height = imgs[0].height;
    const ctx = canvas.getContext('2d')!;
    let x = 0;
    for (const img of imgs) {
      ctx.drawImage(img, x, 0);
      x += img.width;
    }
    return canvas.toDataURL('image/png').split(',')[1];
  }, pngs.map((p) => p.toString('base64')));
  return Buffer.from(b64, 'base64');
}

export interface SeamStats {
  /** Mean absolute difference (0–255, per channel) between the pixel columns either side of the seam. */
  seam: number;
  /** The same between two adjacent columns inside one display, next to the seam: what continuity looks like. */
  inside: number;
  /** The same between the column left of the seam and one `shift` px further right: what a break looks like. */
  shifted: number;
}

/**
 * Continuity across each seam of a stitched row of `cellWidth`-wide displays, over rows
 * [top, bottom). Columns are compared as runs of pixels, so a map that continues across the seam
 * scores like two neighbouring columns of one display, and a misplaced slice like a shifted one.
 */
export async function seamStats(page: Page, stitched: Buffer, cellWidth: number, rows: { top: number; bottom: number }, shift = 24): Promise<SeamStats[]> {
  return page.evaluate(
    async ({ b64, cellWidth, rows, shift }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      const columnDiff = (a: number, b: number) => {
        let sum = 0;
        let n = 0;
        for (let y = rows.top; y < rows.bottom; y++) {
          for (let c = 0; c < 3; c++) sum += Math.abs(d[(y * img.width + a) * 4 + c] - d[(y * img.width + b) * 4 + c]);
          n += 3;
        }
        return sum / n;
      };
      const out = [];
      for (let x = cellWidth; x < img.width; x += cellWidth) {
        out.push({
          seam: columnDiff(x - 1, x),
          inside: (columnDiff(x - 2, x - 1) + columnDiff(x, x + 1)) / 2,
          shifted: columnDiff(x - 1, x + shift),
        });
      }
      return out;
    },
    { b64: stitched.toString('base64'), cellWidth, rows, shift },
  );
}

/**
 * Share of pixels in `clip` that differ clearly (sum of channel differences above `threshold`)
 * between two images of the same size.
 */
export async function differingShare(
  page: Page,
  a: Buffer,
  b: Buffer,
  clip: { x: number; y: number; width: number; height: number },
  threshold = 60,
  /** Compares `a` with `b` moved this many px right (a control: what a misplaced picture scores). */
  shiftB = 0,
): Promise<number> {
  return page.evaluate(
    async ({ a, b, clip, threshold, shiftB }) => {
      const pixels = async (b64: string, dx: number) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = clip.width;
        canvas.height = clip.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, -clip.x + dx, -clip.y);
        return ctx.getImageData(0, 0, clip.width, clip.height).data;
      };
      const [pa, pb] = await Promise.all([pixels(a, 0), pixels(b, shiftB)]);
      let differ = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > threshold) differ++;
      }
      return differ / (pa.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64'), clip, threshold, shiftB },
  );
}
