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

/** Share of pixels that differ clearly between two screenshots of the same region. */
export async function changedShare(page: Page, before: Buffer, after: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a, b }) => {
      const decode = async (b64: string) => {
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
        return ctx.getImageData(0, 0, w, h).data;
      };
      const [da, db] = await Promise.all([decode(a), decode(b)]);
      let changed = 0;
      for (let i = 0; i < da.length; i += 4) {
        if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 30) changed++;
      }
      return changed / (da.length / 4);
    },
    { a: before.toString('base64'), b: after.toString('base64') },
  );
}

/** Waits for the twin to have drawn n more deck frames (a real frame, not a sleep). */
export async function waitFrames(page: Page, n = 2) {
  const start = await page.evaluate(() => window.__onescreenTwin?.deckFrames ?? 0);
  await page.waitForFunction((s) => (window.__onescreenTwin?.deckFrames ?? 0) >= s, start + n, { timeout: 60_000 });
}
