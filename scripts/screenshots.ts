// Screenshots of the wall for the README and docs, from a real hub and the production build:
// every scene at 1920×1080, the 32:9 arrangement, the 3D city by day and by night, and rain
// falling in 3D over the radar's wettest place.
//   npm run screenshots            (builds first; E2E_SKIP_BUILD=1 to reuse the build)
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';
import { RadarSchema, type RadarWire } from '../src/hub/topics/weather.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const SCENES = new URL('../scenes/', import.meta.url);
const sceneIds: string[] = readdirSync(SCENES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, SCENES), 'utf8')).id);

const CITY_CAMERA = { center: [106.565, 29.56], zoom: 14, pitch: 60, bearing: 20 };

interface Shot {
  name: string;
  width: number;
  height: number;
  path: string;
  scene: string;
  prepare?: (page: Page) => Promise<void>;
}

const cityShot = (name: string, time: string): Shot => ({
  name,
  width: 1920,
  height: 1080,
  scene: 'overview',
  path: `/wall?anim=0&time=${encodeURIComponent(time)}`,
  prepare: async (page) => {
    await page.waitForFunction(() => (window.__onescreenTwin?.cityStats?.().instances ?? 0) > 0, null, { timeout: 60_000 });
    await page.evaluate((camera) => {
      window.__onescreenTwin!.setLayersHidden!(true);
      window.__onescreenTwin!.jumpTo!(camera as never);
    }, CITY_CAMERA);
  },
});

/** Flies close to where the hub's radar has the heaviest rain: streaks fall over the radar picture. */
const rainShot: Shot = {
  name: 'weather-rain-3d',
  width: 1920,
  height: 1080,
  scene: 'weather',
  path: '/wall?anim=0&scene=weather',
  prepare: async (page) => {
    const wire = (await (await fetch(`${h.hub.url}/api/v1/topics/weather.radar`)).json()) as { data: RadarWire };
    const radar = RadarSchema.parse(wire.data);
    const { bbox, cols, rows } = radar.grid;
    let wettest = 0;
    radar.values.forEach((q, i) => q > radar.values[wettest] && (wettest = i));
    const centre = [bbox[0] + ((wettest % cols) + 0.5) * ((bbox[2] - bbox[0]) / cols), bbox[3] - (Math.floor(wettest / cols) + 0.5) * ((bbox[3] - bbox[1]) / rows)];
    await page.evaluate((c) => window.__onescreenTwin!.jumpTo!({ center: c as [number, number], zoom: 9.5, pitch: 55, bearing: 0 }), centre);
  },
};

const SHOTS: Shot[] = [
  ...sceneIds.map((id) => ({ name: `scene-${id}`, width: 1920, height: 1080, path: `/wall?anim=0&scene=${id}`, scene: id })),
  { name: 'wall-7680x2160', width: 7680, height: 2160, path: '/wall?anim=0', scene: 'overview' },
  // The same scenes frame the same area at 4K and on a 32:9 wall (src/twin/framing.ts).
  { name: 'scene-overview-3840x2160', width: 3840, height: 2160, path: '/wall?anim=0&scene=overview', scene: 'overview' },
  { name: 'scene-city-3840x2160', width: 3840, height: 2160, path: '/wall?anim=0&scene=city', scene: 'city' },
  { name: 'scene-city-7680x2160', width: 7680, height: 2160, path: '/wall?anim=0&scene=city', scene: 'city' },
  cityShot('city-day', '2026-11-21T14:00:00+08:00'),
  cityShot('city-night', '2026-11-21T21:30:00+08:00'),
  rainShot,
];

setup();
mkdirSync(OUT, { recursive: true });
// Production sizes for pictures (60,000 buildings, 20,000 vehicles): slower, but what a wall shows.
// Hub, wall and browser on free loopback ports, as in the browser tests.
const h = harness({ hubEnv: { HUB_BUILDINGS: '60000', HUB_TRAFFIC_VEHICLES: '20000' } });
try {
  await h.start();
  for (const shot of process.argv[2] ? SHOTS.filter((s) => s.name.includes(process.argv[2])) : SHOTS) {
    const page = await h.newPage({ width: shot.width, height: shot.height });
    await page.goto(`${h.client.url}${shot.path}`);
    await page.waitForFunction((s) => document.documentElement.dataset.sceneReady === s, shot.scene, { timeout: 180_000 });
    await shot.prepare?.(page);
    // Let panel entry animations and the last data frame settle (the twin itself is still: anim=0).
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `${OUT}${shot.name}.png` });
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await h.stop();
}
