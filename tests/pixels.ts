import type { Page } from 'playwright-core';

export interface PixelStats {
  /** Share of sampled pixels that differ clearly from the background colour. */
  nonBackground: number;
  /** Distinct colours after quantising to 4 bits per channel. */
  distinctColours: number;
}

/**
 * Reads what is on screen: a screenshot of a region, decoded and downscaled in the page into a
 * small 2D canvas, then counted. Works whatever the WebGL drawing-buffer settings are.
 */
export async function regionStats(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
  background: [number, number, number] = [7, 13, 26],
): Promise<PixelStats> {
  const png = await page.screenshot({ clip, animations: 'disabled' });
  return page.evaluate(
    async ({ b64, bg }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const w = 200;
      const h = Math.max(1, Math.round((img.height / img.width) * w));
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, w, h);
      const data = ctx.getImageData(0, 0, w, h).data;
      let differ = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 30) differ++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
      return { nonBackground: differ / (w * h), distinctColours: colours.size };
    },
    { b64: png.toString('base64'), bg: background },
  );
}
