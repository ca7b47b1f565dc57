import type { Page } from 'playwright-core';

export interface PixelStats {
  /** Share of sampled pixels that differ clearly from the background colour. */
  nonBackground: number;
  /** Distinct colours after quantising to 4 bits per channel. */
  distinctColours: number;
}

/** Pixels of a decoded image: RGBA, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Decodes a PNG (a screenshot) in the page, whose canvas reads PNG (no image library in Node),
 * scaled to `width` px across (aspect kept) when given, else at its own size.
 */
export async function decodePng(page: Page, png: Buffer, width?: number): Promise<Pixels> {
  const out = await page.evaluate(
    async ({ b64, width }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const w = width ?? img.width;
      const h = width ? Math.max(1, Math.round((img.height / img.width) * w)) : img.height;
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, w, h);
      const data = ctx.getImageData(0, 0, w, h).data;
      let bytes = '';
      for (let i = 0; i < data.length; i += 0x8000) bytes += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: w, height: h, b64: btoa(bytes) };
    },
    { b64: png.toString('base64'), width },
  );
  return { width: out.width, height: out.height, data: new Uint8Array(Buffer.from(out.b64, 'base64')) };
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
  const { width, height, data } = await decodePng(page, png, 200);
  const bg = background;
  let differ = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 30) differ++;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return { nonBackground: differ / (width * height), distinctColours: colours.size };
}

/** Share of pixels that differ clearly between two screenshots of the same region. */
export async function changedShare(page: Page, before: Buffer, after: Buffer): Promise<number> {
  const [da, db] = (await Promise.all([decodePng(page, before, 200), decodePng(page, after, 200)])).map((p) => p.data);
  let changed = 0;
  for (let i = 0; i < da.length; i += 4) {
    if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 30) changed++;
  }
  return changed / (da.length / 4);
}

/** Mean colour (RGB) of a small screen region, `size` px square around (x, y). */
export async function meanColour(page: Page, x: number, y: number, size = 6): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: x - size / 2, y: y - size / 2, width: size, height: size } });
  const { data } = await decodePng(page, png);
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += data[i + k];
  const n = data.length / 4;
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** Waits for the twin to have drawn n more deck frames (a real frame, not a sleep). */
export async function waitFrames(page: Page, n = 2) {
  const start = await page.evaluate(() => window.__onescreenTwin?.deckFrames ?? 0);
  await page.waitForFunction((s) => (window.__onescreenTwin?.deckFrames ?? 0) >= s, start + n, { timeout: 60_000 });
}
