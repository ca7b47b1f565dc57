import { describe, expect, it } from 'vitest';
import { ICON_MAPPING, ICON_NAMES, ICON_PX, iconAtlas, rasterizeIcons } from './icon-atlas.ts';

describe('the icon atlas', () => {
  const atlas = rasterizeIcons();
  const coverage = (cell: number) => {
    let sum = 0;
    for (let y = 0; y < ICON_PX; y++) for (let x = 0; x < ICON_PX; x++) sum += atlas.data[(y * atlas.width + cell * ICON_PX + x) * 4 + 3];
    return sum / 255 / (ICON_PX * ICON_PX);
  };

  it('draws every icon into its own cell, white, with soft edges', () => {
    expect(atlas.width).toBe(ICON_PX * ICON_NAMES.length);
    expect(atlas.data.length).toBe(atlas.width * atlas.height * 4);
    ICON_NAMES.forEach((name, i) => {
      const c = coverage(i);
      expect(c, name).toBeGreaterThan(0.2);
      expect(c, name).toBeLessThan(0.8);
      expect(ICON_MAPPING[name]).toMatchObject({ x: i * ICON_PX, y: 0, width: ICON_PX, height: ICON_PX, mask: true });
    });
    const alphas = new Set<number>();
    for (let i = 3; i < atlas.data.length; i += 4) alphas.add(atlas.data[i]);
    expect(alphas.size).toBeGreaterThan(4);
    expect(Math.min(...Array.from(atlas.data.filter((_, i) => i % 4 === 0)))).toBe(255);
  });

  it('the pin has a hole and stands on its tip', () => {
    const alpha = (x: number, y: number) => atlas.data[(y * atlas.width + x) * 4 + 3];
    expect(alpha(32, 24)).toBe(0);
    expect(alpha(32, 10)).toBe(255);
    expect(ICON_MAPPING.pin.anchorY).toBeGreaterThan(ICON_PX * 0.9);
  });

  it('without ImageData (Node) there is no texture rather than an error', () => {
    expect(iconAtlas()).toBe(typeof ImageData === 'function' ? iconAtlas() : null);
  });
});
